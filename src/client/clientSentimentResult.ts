/**
 * Sentiment's one failure shape, from the client to the bar: every id ends as a result or as
 * `SentimentFailure` (`{error}`, plus `cause` when the whole request failed). A missing id is read as a
 * failure here, and only here, whoever answered (the server to the PostHog client, a client to the hooks).
 */
import { isSentimentError } from "../core/sentiment/guards";
import type { SentimentResult } from "../core/sentiment/types";
import type { ApiError } from "./clientErrors";
import type { SentimentFailure } from "./clientTypes";

/** True for `{error}` entries (a per-id failure or a failed request), false for results, even neutral empty ones. */
export const isSentimentFailure = isSentimentError as (entry: unknown) => entry is SentimentFailure;

/** The request error behind a failure, when the whole request failed (as opposed to PostHog's per-id `{error}`). */
export function sentimentFailureCause(entry: SentimentFailure): ApiError | null {
  return entry.cause ?? null;
}

/** The message PostHog uses for an id it could not compute. */
export const SENTIMENT_FAILED = "Failed to compute sentiment";

/** What an answer that left an id out says for it. */
export const SENTIMENT_MISSING = "Missing from the sentiment response";

/** `{error}` with the chunk's request error attached, for ids whose request failed. */
export function sentimentFailure(error: SentimentFailure["error"], cause?: SentimentFailure["cause"]): SentimentFailure {
  return cause === undefined ? { error } : { error, cause };
}

/** Own-property read, so ids like "constructor" never hit Object.prototype. */
export function ownEntry<T>(record: unknown, key: string): T | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  return Object.prototype.hasOwnProperty.call(record, key) ? (record as Record<string, T>)[key] : undefined;
}

/** An answer's entry for `id`: what it holds, or a failure when it left the id out. */
export function sentimentEntry<T = SentimentResult | SentimentFailure>(results: unknown, id: string): T | SentimentFailure {
  const entry = ownEntry<T>(results, id);
  return entry === undefined ? sentimentFailure(SENTIMENT_MISSING) : entry;
}
