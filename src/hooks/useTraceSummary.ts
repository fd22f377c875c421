"use client";
import { useQuery } from "@tanstack/react-query";
import type { SummarizationResponseBody } from "../core/eventsApi";
import { isApiError } from "../client/clientErrors";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { summaryKeys } from "./keys";
import {
  summaryBatchCheckQueryOptions,
  summaryRequest,
  summaryTarget,
  traceSummaryQueryOptions,
  type TraceSummaryParams,
} from "./summaryQueryOptions";
import { useOnDemandQuery, type OnDemandResult } from "./useOnDemandQuery";

export interface UseTraceSummaryOptions extends TraceLensHookOptions {
  /** Generate on mount, as PostHog does when its Summary tab is opened directly. @default false */
  autoGenerate?: boolean;
  /** For traces, ask batch_check on mount and load a cached summary if there is one. @default true */
  loadCached?: boolean;
}

export interface UseTraceSummaryResult extends OnDemandResult<SummarizationResponseBody> {
  /** Whether the server holds a summary for this trace and mode (traces only; undefined until known). */
  cached: boolean | undefined;
  /**
   * Set when cached summaries cannot be checked with these credentials (PostHog refuses batch_check to
   * personal API keys): summaries still generate, but an existing one is only found by generating.
   */
  cacheCheckUnavailable: Error | null;
}

/**
 * The AI summary of a trace or one event. Cached first: for a trace, batch_check tells whether
 * a summary exists, and if so it is loaded (`force_refresh: false`) without generating anything.
 * `generate()` loads or creates one; `regenerate()` forces a new one. Changing `mode` after
 * generating asks for the other mode, cache first, as PostHog's panel does.
 *
 * @example
 * const summary = useTraceSummary({ traceId, mode });
 * summary.status === "idle" ? <button onClick={summary.generate}>Generate summary</button> : …
 */
export function useTraceSummary(params: TraceSummaryParams, options: UseTraceSummaryOptions = {}): UseTraceSummaryResult {
  const { client, queryClient } = useTraceLensClient(options);
  const target = summaryTarget(params);
  const mode = params.mode ?? "minimal";
  const targetKey = target ? `${target.type}:${target.id}` : null;
  const canCheck = target?.type === "trace" && options.loadCached !== false;
  const checkOptions = summaryBatchCheckQueryOptions(client, { traceIds: target ? [target.id] : [], mode, model: params.model });
  const check = useQuery({ ...checkOptions, enabled: canCheck }, queryClient);
  const cached = canCheck && check.data ? check.data.summaries.some((s) => s.trace_id === target?.id) : undefined;
  const cacheCheckUnavailable = canCheck && isApiError(check.error) && check.error.kind === "unsupported" ? check.error : null;
  const result = useOnDemandQuery<SummarizationResponseBody>({
    base: traceSummaryQueryOptions(client, params),
    // Mode and model are not part of it: once asked for, switching mode loads the other one too.
    targetKey,
    autoGenerate: options.autoGenerate === true,
    cached,
    checking: canCheck && check.isFetching,
    force: async () => {
      const response = await client.summarize(summaryRequest(params, true), { timestamp: params.timestamp ?? null });
      void queryClient.invalidateQueries({ queryKey: summaryKeys.batchChecks() });
      return response;
    },
    queryClient,
  });
  return { ...result, cached, cacheCheckUnavailable };
}
