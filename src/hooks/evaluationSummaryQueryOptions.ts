"use client";
import { queryOptions } from "@tanstack/react-query";
import type { TraceLensClient } from "../client/clientTypes";
import type { EvaluationSummaryFilter, EvaluationSummaryRequestBody } from "../core/eventsApi";
import { evaluationSummaryKeys } from "./keys";

export interface EvaluationSummaryParams {
  evaluationId: string;
  /** @default "all" */
  filter?: EvaluationSummaryFilter;
  /** Only these generations' runs (at most 250). */
  generationIds?: readonly string[];
}

export function evaluationSummaryRequest(params: EvaluationSummaryParams, forceRefresh: boolean): EvaluationSummaryRequestBody {
  return {
    evaluation_id: params.evaluationId,
    filter: params.filter ?? "all",
    ...(params.generationIds?.length ? { generation_ids: [...params.generationIds] } : {}),
    force_refresh: forceRefresh,
  };
}

/** Options for an evaluation summary (PostHog's cache first, generated on a miss). */
export function evaluationSummaryQueryOptions(client: TraceLensClient, params: EvaluationSummaryParams) {
  return queryOptions({
    queryKey: evaluationSummaryKeys.detail(client.scope, params.evaluationId, params.filter ?? "all", params.generationIds ?? []),
    queryFn: ({ signal }) => client.evaluationSummary(evaluationSummaryRequest(params, false), { signal }),
    staleTime: 3_600_000,
    retry: false,
  });
}
