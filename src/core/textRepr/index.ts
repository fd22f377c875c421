/**
 * A pure-TypeScript port of PostHog's LLM-analytics text representation (`text_repr`):
 * `formatTextRepr` renders events and traces exactly as the API does, and `parseTextRepr`
 * turns such a text into numbered lines of decoded segments for a viewer.
 */
export { formatTextRepr, validateTextReprRequest } from "./textReprFormat";
export { validateTextReprOptions } from "./textReprOptions";
export type { TextReprOptionsCheck, ValidatedTextReprOptions } from "./textReprOptions";
export { parseTextRepr } from "./textReprParse";
export { eventAtLines, mapTextReprLinesToEvents } from "./textReprLineEvents";
export type { MapTextReprLinesOptions, TextReprEventBlock, TextReprEventLike, TextReprLineEvents } from "./textReprLineEvents";
export { traceNodeLabel } from "./textReprTraceTree";
export type {
  TextReprEventType,
  TextReprFailure,
  TextReprJson,
  TextReprMetadata,
  TextReprOptions,
  TextReprResult,
} from "./textReprTypes";
export type {
  ParseTextReprOptions,
  TextReprEventLinkSegment,
  TextReprGenExpandableSegment,
  TextReprLine,
  TextReprMarkerSegment,
  TextReprSegment,
  TextReprTextSegment,
  TextReprToolsExpandableSegment,
  TextReprTruncatedSegment,
} from "./textReprSegments";
