/**
 * Trace tree: `buildTraceTree`, its metrics, critical path and flattening helpers.
 * Split into `trace*.ts` parts; this module is the public surface.
 */
export { buildTraceTree, startTraceTree, type TraceTreeBuild, type TraceTreeShape } from "./traceBuild";
export { keptTraceEvents, type KeptTraceEvent } from "./traceAssemble";
export { flattenTraceTree, traceNodeAncestorKeys, type TraceTreeRow, type FlattenTraceTreeOptions } from "./traceFlatten";
export { postHogTotalLatency, type LatencyRuleEvent } from "./traceMetrics";
export { summarizeTraceEvents, groupEventsIntoTraces } from "./traceSummary";
export { groupTracesBySession, sessionTraces, traceSessionId } from "./traceSession";
export { describeCost, describeTokens, llmTraceUsage, reportedUsage } from "./traceUsage";
export type { ReportedUsage, TraceUsageFigures, UsageCoverage, UsageDisplay, UsageStatus } from "./traceUsage";
export { eventDetails, spanKindOf, type EventDetail } from "./spanKinds";
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
export {
  TRACE_TIME_DESCRIPTIONS,
  gapsBetween,
  mergeIntervals,
  nodeInterval,
  nodeSelfTime,
  nodeWallClock,
  selfTimeMs,
  traceTimes,
  type TimeInterval,
  type TraceTimeName,
  type TraceTimes,
} from "./traceTimes";
export {
  describeNodeDuration,
  describeTraceTimes,
  nodeDuration,
  type DescribeTraceTimesOptions,
  type TraceTimeDisplay,
  type TraceTimesDisplay,
} from "./traceTimesText";
