// tracelens/evaluations: evaluation-run summaries (patterns, statistics, recommendations).
export * from "./components/EvaluationSummaryPanel";
