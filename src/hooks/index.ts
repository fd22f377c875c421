"use client";
/** tracelens hooks: TanStack Query over a TraceLensClient, with exported key and option factories. */
export { TraceLensProvider } from "./TraceLensProvider";
export type { TraceLensProviderProps } from "./TraceLensProvider";
export { TraceLensContext, usePersonResolver, useTraceLens, useTraceLensClient } from "./context";
export type { PersonResolver, TraceLensContextValue, TraceLensHookOptions } from "./context";
export { TraceLensScope } from "./TraceLensScope";
export type { TraceLensScopeProps } from "./TraceLensScope";
export { usePersonLabel } from "./usePersonLabel";
export { evaluationSummaryKeys, eventKeys, sentimentKeys, summaryKeys, textReprKeys, traceKeys, tracelensKeys } from "./keys";
export type { SentimentLevel, SentimentRange, SummaryTarget } from "./keys";
export { TRACE_PAGE_SIZE, TRACE_STALE_TIME_MS, infiniteTracesQueryOptions, seedInlineSentiment, traceQueryOptions, tracesQueryOptions } from "./traceQueryOptions";
export type { TraceLookupHint } from "./traceQueryOptions";
export { eventsQueryOptions, generationEventsParams, infiniteEventsQueryOptions, traceEvaluationsParams } from "./eventsQueryOptions";
export { useInfiniteTraces } from "./useInfiniteTraces";
export type { UseInfiniteTracesOptions } from "./useInfiniteTraces";
export { useInfiniteEvents } from "./useInfiniteEvents";
export type { UseInfiniteEventsOptions } from "./useInfiniteEvents";
export { rowsOfPages, usePagedRows } from "./usePagedRows";
export type { PagedRows } from "./usePagedRows";
export type { PagingState } from "../core/paging";
export { useTraceEvaluations, withEvaluationRuns } from "./useTraceEvaluations";
export { sessionFilter, tracesLookupQueryOptions } from "./sessionTracesQueryOptions";
export { useSessionTraces } from "./useSessionTraces";
export type { UseSessionTracesOptions } from "./useSessionTraces";
export { SESSION_SUMMARIES_IN_FLIGHT, useSessionSummaries } from "./useSessionSummaries";
export type { SessionSummaries } from "./useSessionSummaries";
export type { UseTraceEvaluationsOptions } from "./useTraceEvaluations";
export { SENTIMENT_STALE_TIME_MS, sentimentQueryOptions } from "./sentimentQueryOptions";
export type { SentimentFor, SentimentQueryParams } from "./sentimentQueryOptions";
export { SentimentLoader, getSentimentLoader } from "./sentimentLoader";
export type { SentimentLoadParams, SentimentOutcome } from "./sentimentLoader";
export { TEXT_REPR_STALE_TIME_MS, textReprEntityId, textReprQueryOptions } from "./textReprQueryOptions";
export {
  SUMMARY_STALE_TIME_MS,
  summaryBatchCheckQueryOptions,
  summaryRequest,
  summaryTarget,
  traceSummaryQueryOptions,
} from "./summaryQueryOptions";
export type { SummaryBatchCheckParams, TraceSummaryParams } from "./summaryQueryOptions";
export { evaluationSummaryQueryOptions, evaluationSummaryRequest } from "./evaluationSummaryQueryOptions";
export type { EvaluationSummaryParams } from "./evaluationSummaryQueryOptions";
export { useTraces } from "./useTraces";
export type { UseTracesOptions } from "./useTraces";
export { useTrace } from "./useTrace";
export type { UseTraceOptions } from "./useTrace";
export { useSentiment } from "./useSentiment";
export type { UseSentimentOptions } from "./useSentiment";
export { useSentimentResults, useSentiments } from "./useSentimentResults";
export type { SentimentResultsParams, UseSentimentResultsResult, UseSentimentsResult } from "./useSentimentResults";
export { refreshSentiment, useRefreshSentiment } from "./useRefreshSentiment";
export type { RefreshSentimentParams } from "./useRefreshSentiment";
export { useTextRepr } from "./useTextRepr";
export type { UseTextReprOptions } from "./useTextRepr";
export { useTraceSummary } from "./useTraceSummary";
export type { UseTraceSummaryOptions, UseTraceSummaryResult } from "./useTraceSummary";
export { useSummaryBatchCheck } from "./useSummaryBatchCheck";
export type { UseSummaryBatchCheckOptions } from "./useSummaryBatchCheck";
export { useEvaluationSummary } from "./useEvaluationSummary";
export type { UseEvaluationSummaryOptions } from "./useEvaluationSummary";
export type { OnDemandResult, OnDemandStatus } from "./useOnDemandQuery";
export {
  ERROR_PAGE_SIZE,
  SESSION_PAGE_SIZE,
  errorTrendsQueryOptions,
  exploreKeys,
  infiniteErrorsQueryOptions,
  infiniteSessionsQueryOptions,
  traceNeighboursQueryOptions,
} from "./exploreQueryOptions";
export { useErrorTrends, useExploreRows, useInfiniteErrors, useInfiniteSessions, useTraceNeighbours } from "./useExploreData";
export type { ExploreRows, UseExplorePagesOptions } from "./useExploreData";
export { useTraceFilters } from "./useTraceFilters";
export type { TraceFilterControls, UseTraceFiltersOptions } from "./useTraceFilters";
export { historyUrlAdapter, useTraceLensUrlState } from "./useTraceLensUrlState";
export type { UrlStateAdapter, UrlStateUpdate, UseTraceLensUrlStateOptions } from "./useTraceLensUrlState";
export { errorTracesParams, useErrorTraces } from "./useErrorTraces";
export { LABELS_STALE_TIME_MS, labelKeys, labelsQueryOptions } from "./labelsQueryOptions";
export { useLabelResults, useLabelsAvailable } from "./useLabels";
export type { LabelResultsParams, UseLabelResultsResult } from "./useLabels";
