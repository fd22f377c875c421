"use client";
import { useMutation, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { TraceLensClient } from "../client/clientTypes";
import type { SentimentResult } from "../core/sentiment/types";
import { useTraceLens, type TraceLensHookOptions } from "./context";
import { sentimentKeys, type SentimentLevel, type SentimentRange } from "./keys";
import { getSentimentLoader } from "./sentimentLoader";

export interface RefreshSentimentParams extends SentimentRange {
  ids: readonly string[];
  /** @default "trace" */
  level?: SentimentLevel;
  /** Per id, when it happened, so PostHog is asked in a window that holds it. */
  timestamps?: Readonly<Record<string, string | number | null | undefined>>;
}

/**
 * Fetches fresh sentiment for `ids` (PostHog's `force_refresh`: its cache is skipped, then
 * rewritten) through the batching loader, and writes each result into the query cache.
 * Resolves with each id's outcome.
 */
export async function refreshSentiment(
  queryClient: QueryClient,
  client: TraceLensClient,
  params: RefreshSentimentParams,
): Promise<Array<PromiseSettledResult<SentimentResult>>> {
  const level = params.level ?? "trace";
  const range = { dateFrom: params.dateFrom ?? null, dateTo: params.dateTo ?? null };
  const ids = [...new Set(params.ids)];
  const loader = getSentimentLoader(client);
  const settled = await Promise.allSettled(ids.map((id) => loader.load({ id, level, ...range, forceRefresh: true, timestamp: params.timestamps?.[id] ?? null })));
  settled.forEach((outcome, i) => {
    if (outcome.status === "fulfilled") queryClient.setQueryData(sentimentKeys.detail(client.scope, level, ids[i]!, range), outcome.value);
  });
  return settled;
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
  const { client, queryClient } = useTraceLens(options);
  const mutationFn = useCallback(
    async (params: RefreshSentimentParams) => {
      const settled = await refreshSentiment(queryClient, client, params);
      const failed = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected");
      if (settled.length > 0 && failed.length === settled.length) throw failed[0]!.reason;
      return settled;
    },
    [client, queryClient],
  );
  return useMutation({ mutationFn }, queryClient);
}
