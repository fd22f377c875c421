"use client";
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { isSentimentFailure } from "../client/clientSentimentResult";
import type { SentimentFailure, TraceLensClient } from "../client/clientTypes";
import type { GenerationSentiment, SentimentResult, TraceSentiment } from "../core/sentiment/types";
import { sentimentKeys, type SentimentLevel, type SentimentRange } from "./keys";
import { getSentimentLoader } from "./sentimentLoader";

/** PostHog caches sentiment for 24 hours; so do we. */
export const SENTIMENT_STALE_TIME_MS = 86_400_000;

/**
 * What a lookup of a level ends with: its result (a trace result, or a generation result), or why there
 * is none (`SentimentFailure`, the one failure shape from the client to SentimentBar; test it with
 * `isSentimentFailure`).
 */
export type SentimentFor<L extends SentimentLevel> = (L extends "generation" ? GenerationSentiment : TraceSentiment | GenerationSentiment) | SentimentFailure;

export interface SentimentQueryParams<L extends SentimentLevel = SentimentLevel> extends SentimentRange {
  id: string;
  /** @default "trace" */
  level?: L;
  /** Skip PostHog's cache for this fetch (the fresh result is still cached). Not part of the key. */
  forceRefresh?: boolean;
  /**
   * When the trace or generation happened (a row's `createdAt`). Not part of the key: it lets the
   * PostHog client ask in a window that holds the id's generations (PostHog reads only 7 days otherwise).
   */
  timestamp?: string | number | null;
}

/** A trace result carries each generation's result; PostHog caches those too ("dual write"). */
function seedGenerations(queryClient: QueryClient, scope: string, result: SentimentResult | SentimentFailure, range: SentimentRange): void {
  if (isSentimentFailure(result) || !("generations" in result) || !result.generations) return;
  for (const [id, part] of Object.entries(result.generations)) {
    const key = sentimentKeys.detail(scope, "generation", id, range);
    if (queryClient.getQueryData(key) !== undefined) continue;
    const generation: GenerationSentiment = { ...part, message_count: part.message_count ?? Object.keys(part.messages ?? {}).length };
    queryClient.setQueryData(key, generation);
  }
}

/**
 * Options for one id's sentiment. The fetch goes through the client's shared loader, so every row
 * that asks in the same tick shares one call (which the PostHog client sends 5 ids a request, at
 * most 2 in flight). A per-id failure is data, not an error: `SentimentFailure` (`{error}`, with the
 * request's ApiError as `cause` when the whole request failed), kept fresh for no time so the next
 * mount asks again; an id with no user messages resolves to PostHog's neutral empty result.
 */
export function sentimentQueryOptions<L extends SentimentLevel = "trace">(client: TraceLensClient, params: SentimentQueryParams<L>) {
  const level = (params.level ?? "trace") as L;
  const range: SentimentRange = { dateFrom: params.dateFrom ?? null, dateTo: params.dateTo ?? null };
  return queryOptions({
    queryKey: sentimentKeys.detail(client.scope, level, params.id, range),
    queryFn: async ({ signal, client: queryClient }): Promise<SentimentFor<L>> => {
      const result = await getSentimentLoader(client).load(
        { id: params.id, level, ...range, forceRefresh: params.forceRefresh, timestamp: params.timestamp ?? null },
        signal,
      );
      if (level === "trace") seedGenerations(queryClient, client.scope, result, range);
      return result as SentimentFor<L>;
    },
    // A result keeps for PostHog's 24 hours; a failure is asked for again by the next row that shows it.
    staleTime: (query) => (isSentimentFailure(query.state.data) ? 0 : SENTIMENT_STALE_TIME_MS),
    gcTime: SENTIMENT_STALE_TIME_MS,
    // Retrying is the client's job, per request.
    retry: false,
  });
}
