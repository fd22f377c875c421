/**
 * Trace insight: where cost and time go (breakdown), loops and flows in agent traces, outlier
 * traces, and the data parts of PostHog's trace page (cost breakdown, model parameters, feedback,
 * metrics, evaluations, display presets). All pure; all accept a built `TraceTree`, an `LLMTrace`
 * or an event list. This module is the public surface of those `trace*.ts` parts.
 */
export { asTraceTree, traceNodesPreOrder, type TraceEventRef, type TraceInsightInput } from "./traceInsightInput";
export { nearSameText, parseToolArguments, toolArgumentsKey, type ToolArgumentsMatch } from "./traceToolArguments";
export { traceToolCalls, type TraceToolCall, type TraceToolCalls } from "./traceToolCalls";
export { traceBreakdown, tracesBreakdown } from "./traceBreakdown";
export type {
  BreakdownDimension,
  BreakdownFigures,
  BreakdownOccurrence,
  BreakdownRow,
  BreakdownShares,
  TraceBreakdown,
  TraceBreakdownOptions,
} from "./traceBreakdownTypes";
export { detectTraceLoops, traceLoopsByNodeKey } from "./traceLoops";
export type { TraceLoop, TraceLoopEvent, TraceLoopFigures, TraceLoopKind, TraceLoopOptions, TraceLoopPattern } from "./traceLoopsTypes";
export { commonSpanFlows, commonSpanPaths, type SpanFlowCount, type SpanPathStep, type TraceFlowOptions } from "./traceFlows";
export { findTraceOutliers, formatOutlierValue, OUTLIER_METRICS } from "./traceOutliers";
export { traceOutlierInput, type TraceOutlierInputOptions } from "./traceOutliersInput";
export { medianAbsoluteDeviation, modifiedZScore, sortedMedian, sortedPercentile, MODIFIED_Z_SCALE } from "./traceOutliersStats";
export type {
  OutlierMetric,
  OutlierMetricStats,
  OutlierReason,
  TraceOutlier,
  TraceOutlierInput,
  TraceOutlierOptions,
  TraceOutliers,
} from "./traceOutliersTypes";
export { COST_PART_PROPERTIES, describeCostBreakdown, eventCostBreakdown, traceCostBreakdown, type CostBreakdown, type CostPart } from "./traceCostBreakdown";
export {
  generationModelParameters,
  traceModelParameters,
  type GenerationModelParameters,
  type ModelParameter,
  type TraceModelParameter,
  type TraceModelParameters,
} from "./traceModelParameters";
export {
  readFeedbackEvent,
  readMetricEvent,
  traceFeedbackAndMetrics,
  type TraceFeedbackAndMetrics,
  type TraceFeedbackItem,
  type TraceMetricItem,
} from "./traceFeedback";
export {
  evaluationBadges,
  evaluationVerdict,
  traceEvaluations,
  type EvaluationBadge,
  type EvaluationVerdict,
  type TraceEvaluation,
  type TraceEvaluations,
} from "./traceEvaluations";
export {
  CONVERSATION_PRESETS,
  DEFAULT_CONVERSATION_PRESET,
  conversationOpenState,
  isMessageOpen,
  presetShowsText,
  readConversationPreset,
  type ConversationPreset,
} from "./conversationPresets";
