export { TraceBreakdown, type TraceBreakdownProps } from "./TraceBreakdown";
export { TraceBreakdownView, type TraceBreakdownViewProps } from "./TraceBreakdownView";
export type { BreakdownOccurrenceContext, BreakdownOccurrenceKind } from "./TraceBreakdownTable";
export type { BreakdownSortBy } from "./traceBreakdownModel";
