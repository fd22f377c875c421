export { EvaluationSummaryPanel, type EvaluationSummaryPanelProps } from "./EvaluationSummaryPanel";
export { EvaluationSummaryPanelView, type EvaluationSummaryPanelViewProps } from "./EvaluationSummaryPanelView";
export type { EvaluationPatternKind } from "./evaluationSummaryPanelModel";
