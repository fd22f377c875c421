/**
 * Trace tree: `buildTraceTree`, its metrics, critical path and flattening helpers.
 * Split into `trace*.ts` parts; this module is the public surface.
 */
export { buildTraceTree } from "./traceBuild";
export { derivedEventKey, keptTraceEvents, type KeptTraceEvent } from "./traceAssemble";
export { flattenTraceTree, traceNodeAncestorKeys, type TraceTreeRow, type FlattenTraceTreeOptions } from "./traceFlatten";
export { postHogTotalLatency, type LatencyRuleEvent } from "./traceMetrics";
export { summarizeTraceEvents, groupEventsIntoTraces } from "./traceSummary";
export { groupTracesBySession, sessionTraces, traceSessionId } from "./traceSession";
export type {
  BuildTraceTreeOptions,
  TraceDataNote,
  TraceDataNoteKind,
  TraceDuplicate,
  TraceDuplicateReason,
  TraceNodeAnnotations,
  TraceNodeKind,
  TraceNodeMetrics,
  TraceTotals,
  TraceTree,
  TraceTreeMetrics,
  TraceTreeNode,
} from "./traceTypes";
