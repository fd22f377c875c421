// tracelens/trace: one trace in depth (span tree, timeline, conversation, text view, summaries).
export * from "./components/TraceDetail";
export * from "./components/TextReprView";
export * from "./components/SummaryPanel";
export * from "./components/SessionView";
export * from "./components/ui/safeContent";
