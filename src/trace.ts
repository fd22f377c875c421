// tracelens/trace: one trace in depth (span tree, timeline, conversation, text view, summaries).
export * from "./components/TraceDetail";
export * from "./components/TextReprView";
export * from "./components/SummaryPanel";
export * from "./components/SessionView";
export * from "./components/ui/safeContent";
// Where a trace's (or a set's) cost and time go (issue 19). Here rather than in the main entry: it
// needs the trace-tree builder, which would take the main entry past its 60 kB budget.
export * from "./components/TraceBreakdown";
export type { BreakdownDimension, BreakdownOccurrence, BreakdownRow, TraceBreakdown as TraceBreakdownResult } from "./core/traceBreakdownTypes";
