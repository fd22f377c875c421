/** Reading a `SentimentResults` entry: a result, PostHog's per-id `{error}`, or a failed request. */
import type { SentimentResult } from "../core/sentiment/types";
import type { ApiError } from "./clientErrors";
import type { SentimentFailure } from "./clientTypes";

/** True for `{error}` entries (a per-id failure or a failed request), false for results, even neutral empty ones. */
export function isSentimentFailure(entry: SentimentResult | SentimentFailure | undefined | null): entry is SentimentFailure {
  return typeof entry === "object" && entry !== null && typeof (entry as { error?: unknown }).error === "string";
}

/** The request error behind a failure, when the whole request failed (as opposed to PostHog's per-id `{error}`). */
export function sentimentFailureCause(entry: SentimentFailure): ApiError | null {
  return entry.cause ?? null;
}
