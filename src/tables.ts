// tracelens/tables: the trace and generation lists. Their own entry so hosts that only show a
// SentimentBar do not download a virtualised data table (the main entry's size budget).
export * from "./components/TracesTable";
export * from "./components/GenerationsTable";
// Emotion and toxicity chips and the label filter controls (the tables' label columns; also usable alone).
export * from "./components/LabelChips";
// The explore screens: AI sessions, LLM error groups, the filter bar and the person badge.
export * from "./components/SessionsTable";
export * from "./components/ErrorsTable";
export * from "./components/TraceFilters";
export * from "./components/PersonBadge";
