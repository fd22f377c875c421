/**
 * The data layer's client half: one `TraceLensClient` interface, PostHog over HTTP and a local
 * implementation, typed errors, and helpers to turn traces into text_repr requests.
 */
export type {
  EventsPage,
  EventsParams,
  SentimentFailure,
  SentimentRequestOptions,
  SentimentResults,
  TraceLensClient,
  TraceParams,
  TracesPage,
  TracesParams,
} from "./clientTypes";
export { EVALUATION_SUMMARY_MAX_RUNS, SENTIMENT_MAX_IDS_PER_REQUEST, SENTIMENT_MAX_IN_FLIGHT, SUMMARY_BATCH_CHECK_MAX_IDS } from "./clientTypes";
export type {
  ErrorsPage,
  ErrorsParams,
  ErrorTrends,
  ErrorTrendsParams,
  ExploreFilters,
  SessionsPage,
  SessionsParams,
  TraceNeighboursParams,
  TraceNeighboursResult,
} from "./clientExploreTypes";
export { ERROR_TREND_SERIES, errorGroupFilters, errorsHogQL, sessionsHogQL } from "./clientExploreQueries";
export { ApiError, errorBodySummary, isAbortError, isApiError } from "./clientErrors";
export type { ApiErrorInit, ApiErrorKind } from "./clientErrors";
export type { HeadersOption, RequestOptions } from "./clientHttp";
export type { RetryPolicy } from "./clientRetry";
export { createPostHogClient } from "./clientPostHog";
export { isPersonalApiKeyUnsupported } from "./clientPostHogSummary";
export { parseRetryAfter } from "./clientRetry";
export type { PostHogClientOptions } from "./clientPostHog";
export { createLocalClient } from "./clientLocal";
export type { LocalClientOptions } from "./clientLocal";
export type { LocalTraceSource } from "./clientLocalTraces";
export type { ClassifierOutput, SentimentClassifier } from "./clientLocalClassify";
export type { LocalLabelClassifier, LocalLabelClassifiers } from "./clientLocalLabels";
export type { LabelsRequestBody, LabelsResults } from "./clientTypes";
export type { LocalSummarize, LocalSummarizeRequest } from "./clientLocalSummary";
export type {
  LocalEvaluationRun,
  LocalEvaluationSummary,
  LocalEvaluationSummaryRequest,
  LocalSummarizeEvaluation,
} from "./clientLocalEvaluation";
export { openAICompatibleSummarizer, SummarizerError } from "./clientSummarizerOpenAI";
export type { OpenAICompatibleSummarizerOptions, SummarizerErrorKind } from "./clientSummarizerOpenAI";
export { SUMMARY_JSON_SCHEMA, SummaryFormatError, validateSummary } from "./clientSummarySchema";
export type { ValidateSummaryOptions } from "./clientSummarySchema";
export { eventTextReprRequest, eventToTextReprData, traceTextReprRequest, traceToTextReprData } from "./clientTraceData";
export type { TraceToTextReprOptions } from "./clientTraceData";
export { isSentimentFailure, sentimentFailureCause } from "./clientSentimentResult";
