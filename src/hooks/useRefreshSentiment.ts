"use client";
import { useMutation, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { isSentimentFailure } from "../client/clientSentimentResult";
import type { TraceLensClient } from "../client/clientTypes";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { sentimentKeys, type SentimentLevel, type SentimentRange } from "./keys";
import { getSentimentLoader, type SentimentOutcome } from "./sentimentLoader";

export interface RefreshSentimentParams extends SentimentRange {
  ids: readonly string[];
  /** @default "trace" */
  level?: SentimentLevel;
  /** Per id, when it happened, so PostHog is asked in a window that holds it. */
  timestamps?: Readonly<Record<string, string | number | null | undefined>>;
}

/**
 * Fetches fresh sentiment for `ids` (PostHog's `force_refresh`: its cache is skipped, then
 * rewritten) through the gathering loader, and writes each result into the query cache (a failure
 * leaves the value shown before). Resolves with each id's outcome, in the order of the distinct ids.
 */
export async function refreshSentiment(
  queryClient: QueryClient,
  client: TraceLensClient,
  params: RefreshSentimentParams,
): Promise<SentimentOutcome[]> {
  const level = params.level ?? "trace";
  const range = { dateFrom: params.dateFrom ?? null, dateTo: params.dateTo ?? null };
  const ids = [...new Set(params.ids)];
  const loader = getSentimentLoader(client);
  const outcomes = await Promise.all(ids.map((id) => loader.load({ id, level, ...range, forceRefresh: true, timestamp: params.timestamps?.[id] ?? null })));
  outcomes.forEach((outcome, i) => {
    if (!isSentimentFailure(outcome)) queryClient.setQueryData(sentimentKeys.detail(client.scope, level, ids[i]!, range), outcome);
  });
  return outcomes;
}

/**
 * A mutation that re-classifies ids, bypassing the 24-hour cache; every `useSentiment` showing
 * them updates. It fails only when every id failed.
 *
 * @example
 * const refresh = useRefreshSentiment();
 * <button onClick={() => refresh.mutate({ ids: [trace.id] })}>Re-run sentiment</button>
 */
export function useRefreshSentiment(options: TraceLensHookOptions = {}) {
  const { client, queryClient } = useTraceLensClient(options);
  const mutationFn = useCallback(
    async (params: RefreshSentimentParams) => {
      const outcomes = await refreshSentiment(queryClient, client, params);
      const failed = outcomes.filter(isSentimentFailure);
      if (outcomes.length > 0 && failed.length === outcomes.length) throw failed[0]!.cause ?? new Error(failed[0]!.error);
      return outcomes;
    },
    [client, queryClient],
  );
  return useMutation({ mutationFn }, queryClient);
}
