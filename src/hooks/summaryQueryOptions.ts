"use client";
import { queryOptions } from "@tanstack/react-query";
import type { TraceLensClient } from "../client/clientTypes";
import type { SummarizationMode, SummarizationRequestBody } from "../core/eventsApi";
import { summaryKeys, type SummaryTarget } from "./keys";

/** PostHog keeps summaries for an hour. */
export const SUMMARY_STALE_TIME_MS = 3_600_000;

/** What to summarize: a trace id, a generation id, or an entity sent as `data` with its type. */
export interface TraceSummaryParams {
  traceId?: string;
  generationId?: string;
  data?: SummarizationRequestBody["data"];
  /** Required with `data`. */
  summarizeType?: "trace" | "event";
  /** @default "minimal" */
  mode?: SummarizationMode;
  /** `null` or `""` for the server's default model. */
  model?: string | null;
  /** Date bounds PostHog uses to find a trace or generation by id. */
  dateFrom?: string | null;
  dateTo?: string | null;
  /**
   * When the trace or generation happened, when no bounds are given: PostHog is asked in a window that
   * holds it (its own default is 30 days, then "not found"). Not part of the cache key.
   */
  timestamp?: string | number | null;
}

/** The entity a summary is cached under, or null when the params name none. */
export function summaryTarget(params: TraceSummaryParams): SummaryTarget | null {
  if (params.traceId) return { type: "trace", id: params.traceId };
  if (params.generationId) return { type: "event", id: params.generationId };
  const data = params.data as { trace?: { id?: unknown; properties?: Record<string, unknown> }; event?: { id?: unknown } } | undefined;
  if (!data || !params.summarizeType) return null;
  const id = params.summarizeType === "trace" ? (data.trace?.properties?.$ai_trace_id ?? data.trace?.id) : data.event?.id;
  return typeof id === "string" || typeof id === "number" ? { type: params.summarizeType, id: String(id) } : null;
}

/** The summarization request body for these params. */
export function summaryRequest(params: TraceSummaryParams, forceRefresh: boolean): SummarizationRequestBody {
  const body: SummarizationRequestBody = { mode: params.mode ?? "minimal", force_refresh: forceRefresh };
  if (params.model) body.model = params.model;
  if (params.traceId) body.trace_id = params.traceId;
  else if (params.generationId) body.generation_id = params.generationId;
  else {
    body.data = params.data;
    body.summarize_type = params.summarizeType;
  }
  if (params.dateFrom) body.date_from = params.dateFrom;
  if (params.dateTo) body.date_to = params.dateTo;
  return body;
}

/**
 * Options for a summary, fetched with `force_refresh: false`: PostHog answers from its cache
 * when it has one, and generates otherwise. (`useTraceSummary` only runs it once a cached
 * summary is known or generation was asked for.)
 */
export function traceSummaryQueryOptions(client: TraceLensClient, params: TraceSummaryParams) {
  const target = summaryTarget(params) ?? { type: "trace" as const, id: "" };
  return queryOptions({
    queryKey: summaryKeys.detail(client.scope, target, params.mode ?? "minimal", params.model || null),
    queryFn: async ({ signal, client: queryClient }) => {
      const response = await client.summarize(summaryRequest(params, false), { signal, timestamp: params.timestamp ?? null });
      // A new summary changes what batch_check would say.
      void queryClient.invalidateQueries({ queryKey: summaryKeys.batchChecks() });
      return response;
    },
    staleTime: SUMMARY_STALE_TIME_MS,
    retry: false,
  });
}

export interface SummaryBatchCheckParams {
  traceIds: readonly string[];
  /** @default "minimal" */
  mode?: SummarizationMode;
  model?: string | null;
}

/**
 * Options for batch_check: which traces have a cached summary now (titles included). With a personal
 * API key PostHog refuses it; the query then fails with an `unsupported` ApiError, once, never retried.
 */
export function summaryBatchCheckQueryOptions(client: TraceLensClient, params: SummaryBatchCheckParams) {
  const mode = params.mode ?? "minimal";
  return queryOptions({
    queryKey: summaryKeys.batchCheck(client.scope, params.traceIds, mode, params.model || null),
    queryFn: ({ signal }) =>
      client.summaryBatchCheck({ trace_ids: [...new Set(params.traceIds)], mode, ...(params.model ? { model: params.model } : {}) }, { signal }),
    staleTime: 60_000,
    retry: false,
  });
}
