"use client";
/**
 * Query-key factories, hierarchical like TanStack's own examples (`all → lists → list(params)`),
 * so a host can invalidate at any level: `queryClient.invalidateQueries({ queryKey: sentimentKeys.all })`.
 * Every key after the domain names the client's `scope`, so two clients never share cache entries.
 */
import type { EvaluationSummaryFilter, SummarizationMode, TextReprRequestOptions } from "../core/eventsApi";
import type { EventsParams, TraceParams, TracesParams } from "../client/clientTypes";
import type { SentimentLevel } from "../core/sentiment/types";

export type { SentimentLevel };

/** Everything tracelens caches. */
export const tracelensKeys = {
  all: ["tracelens"] as const,
};

export const traceKeys = {
  all: ["tracelens", "traces"] as const,
  lists: () => [...traceKeys.all, "list"] as const,
  list: (scope: string, params: TracesParams = {}) => [...traceKeys.lists(), scope, params] as const,
  /** Pages of a TracesQuery loaded one after another (`useInfiniteTraces`). */
  pages: (scope: string, params: Omit<TracesParams, "limit" | "offset">, pageSize: number) => [...traceKeys.lists(), scope, params, "pages", pageSize] as const,
  /** A lookup by id through a TracesQuery, searched in ever wider windows (`useSessionTraces`). */
  lookup: (scope: string, params: TracesParams) => [...traceKeys.lists(), scope, params, "lookup"] as const,
  details: () => [...traceKeys.all, "detail"] as const,
  detail: (scope: string, traceId: string, params: Omit<TraceParams, "traceId"> = {}) =>
    [...traceKeys.details(), scope, traceId, params] as const,
};

export const eventKeys = {
  all: ["tracelens", "events"] as const,
  lists: () => [...eventKeys.all, "list"] as const,
  list: (scope: string, params: EventsParams) => [...eventKeys.lists(), scope, params] as const,
  /** Pages of an EventsQuery loaded one after another (`useInfiniteEvents`). */
  pages: (scope: string, params: Omit<EventsParams, "limit" | "offset">, pageSize: number) => [...eventKeys.lists(), scope, params, "pages", pageSize] as const,
};

/** Date bounds a sentiment lookup used; part of the key because PostHog reads only generations inside them. */
export interface SentimentRange {
  dateFrom?: string | null;
  dateTo?: string | null;
}

export const sentimentKeys = {
  all: ["tracelens", "sentiment"] as const,
  level: (level: SentimentLevel) => [...sentimentKeys.all, level] as const,
  detail: (scope: string, level: SentimentLevel, id: string, range: SentimentRange = {}) =>
    [...sentimentKeys.level(level), scope, id, { dateFrom: range.dateFrom ?? null, dateTo: range.dateTo ?? null }] as const,
};

export const textReprKeys = {
  all: ["tracelens", "textRepr"] as const,
  /** Keyed by entity and options, not content, exactly as PostHog's text_repr cache is. */
  detail: (scope: string, eventType: string, entityId: string, options: TextReprRequestOptions = {}) =>
    [...textReprKeys.all, scope, eventType, entityId, options] as const,
};

/** What a summary is of: a trace id, a generation id, or an entity sent as data. */
export interface SummaryTarget {
  type: "trace" | "event";
  id: string;
}

export const summaryKeys = {
  all: ["tracelens", "summary"] as const,
  details: () => [...summaryKeys.all, "detail"] as const,
  detail: (scope: string, target: SummaryTarget, mode: SummarizationMode, model: string | null = null) =>
    [...summaryKeys.details(), scope, target.type, target.id, mode, model] as const,
  batchChecks: () => [...summaryKeys.all, "batchCheck"] as const,
  batchCheck: (scope: string, traceIds: readonly string[], mode: SummarizationMode, model: string | null = null) =>
    [...summaryKeys.batchChecks(), scope, [...new Set(traceIds)].sort(), mode, model] as const,
};

export const evaluationSummaryKeys = {
  all: ["tracelens", "evaluationSummary"] as const,
  detail: (scope: string, evaluationId: string, filter: EvaluationSummaryFilter = "all", generationIds: readonly string[] = []) =>
    [...evaluationSummaryKeys.all, scope, evaluationId, filter, [...generationIds].sort()] as const,
};
