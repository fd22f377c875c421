/**
 * The parsed form of a text_repr text, shaped for a virtualized line viewer: one entry per
 * line (split on "\n"), each with its `L…:` number when the text is numbered and the ordered
 * segments of that line, markers decoded.
 */

/** Plain text inside a line. */
export interface TextReprTextSegment {
  kind: "text";
  text: string;
}

/** `<<<TRUNCATED|base64|N>>>`: the middle of a long content that was cut out. */
export interface TextReprTruncatedSegment {
  kind: "truncated";
  /** The cut-out text, decoded from base64 (UTF-8). */
  content: string;
  /** Characters PostHog reports as dropped (can be one less than `content` has, for odd buffers). */
  omittedChars: number;
  /** The marker exactly as it appeared in the text. */
  raw: string;
}

/** `<<<TOOLS_EXPANDABLE|AVAILABLE TOOLS: N|base64>>>`: a collapsed tool list. */
export interface TextReprToolsExpandableSegment {
  kind: "toolsExpandable";
  /** The visible label, e.g. `AVAILABLE TOOLS: 6`. */
  label: string;
  /** N from the label, or null when the label has another form. */
  toolCount: number | null;
  /** The full tool list (`AVAILABLE TOOLS: N` heading included), decoded. */
  content: string;
  raw: string;
}

/** `<<<GEN_EXPANDABLE|eventId|[TAG] summary|base64>>>`: a trace node whose rendering can be expanded. */
export interface TextReprGenExpandableSegment {
  kind: "genExpandable";
  eventId: string;
  /** The whole label, e.g. `[GEN] answer (1.80s, $0.0012, gpt-4o-mini)`. */
  label: string;
  /** The node tag such as `[GEN]`, `[SPAN]`, `[EMBED]` or `[EVAL]`; null if the label has none. */
  tag: string | null;
  /** The label after the tag. */
  summary: string;
  /** The event's own text_repr, decoded. */
  content: string;
  raw: string;
}

/** `<<<EVENT_LINK|eventId|[TAG]>>>`: a trace node that can only be linked to. */
export interface TextReprEventLinkSegment {
  kind: "eventLink";
  eventId: string;
  /** The tag, normally `[EVENT]`. */
  label: string;
  raw: string;
}

/** A marker segment (anything but plain text). */
export type TextReprMarkerSegment =
  | TextReprTruncatedSegment
  | TextReprToolsExpandableSegment
  | TextReprGenExpandableSegment
  | TextReprEventLinkSegment;

/** One piece of a line: plain text or a decoded marker. */
export type TextReprSegment = TextReprTextSegment | TextReprMarkerSegment;

/** One line of a text_repr text. */
export interface TextReprLine {
  /** 0-based position of the line in the text (stable key for virtualized lists). */
  index: number;
  /** The number of an `L012: ` prefix, or null (unnumbered text, or the sampled-view notice). */
  lineNumber: number | null;
  /** The line without its number prefix. */
  text: string;
  /** Ordered pieces of `text`; empty for an empty line. Joining their text/raw gives `text`. */
  segments: TextReprSegment[];
}

/** Options of `parseTextRepr`. */
export interface ParseTextReprOptions {
  /**
   * Whether lines carry `L…: ` prefixes. `"auto"` (default) treats the text as numbered when its
   * first line starts with `L1: `, `L01: `, `L001: `…; `false` never strips a prefix.
   */
  lineNumbers?: "auto" | boolean;
}
