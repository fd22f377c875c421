"use client";
import type { EvaluationSummaryResponseBody } from "../core/eventsApi";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { evaluationSummaryQueryOptions, evaluationSummaryRequest, type EvaluationSummaryParams } from "./evaluationSummaryQueryOptions";
import { useOnDemandQuery, type OnDemandResult } from "./useOnDemandQuery";

export interface UseEvaluationSummaryOptions extends TraceLensHookOptions {
  /** Summarize on mount instead of waiting for `generate()`. @default false */
  autoGenerate?: boolean;
}

/**
 * The AI summary of an evaluation's runs, for one filter (all, pass, fail, N/A). Nothing runs
 * until `generate()` (PostHog's "Summarize"), since each summary is an LLM call;
 * `regenerate()` forces a fresh one. Switching the filter after generating summarizes that
 * filter, cache first.
 *
 * @example
 * const summary = useEvaluationSummary({ evaluationId, filter });
 */
export function useEvaluationSummary(
  params: EvaluationSummaryParams,
  options: UseEvaluationSummaryOptions = {},
): OnDemandResult<EvaluationSummaryResponseBody> {
  const { client, queryClient } = useTraceLensClient(options);
  const base = evaluationSummaryQueryOptions(client, params);
  return useOnDemandQuery<EvaluationSummaryResponseBody>({
    base,
    // The evaluation is the target: once asked for, other filters load without another click.
    targetKey: params.evaluationId ? params.evaluationId : null,
    autoGenerate: options.autoGenerate === true,
    force: () => client.evaluationSummary(evaluationSummaryRequest(params, true)),
    queryClient,
  });
}
