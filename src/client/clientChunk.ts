/** Small helpers shared by both clients and the hooks' batching loader. */
import type { SentimentError, SentimentResult } from "../core/sentiment/types";
import type { SentimentFailure, SentimentResults } from "./clientTypes";

/** Distinct ids in first-seen order; non-strings and empty strings are dropped. */
export function uniqueIds(ids: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const id of Array.isArray(ids) ? ids : []) if (typeof id === "string" && id !== "") seen.add(id);
  return [...seen];
}

/** Splits `items` into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const step = Math.max(1, Math.floor(size));
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += step) chunks.push(items.slice(i, i + step));
  return chunks;
}

/** A results map that cannot be polluted by ids such as "__proto__". */
export function emptyResults(): SentimentResults {
  return Object.create(null) as SentimentResults;
}

export function setResult(target: SentimentResults, id: string, value: SentimentResult | SentimentFailure): void {
  Object.defineProperty(target, id, { value, enumerable: true, writable: true, configurable: true });
}

/** Own-property read, so ids like "constructor" never hit Object.prototype. */
export function ownEntry<T>(record: unknown, key: string): T | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  return Object.prototype.hasOwnProperty.call(record, key) ? ((record as Record<string, T>)[key]) : undefined;
}

/** The message PostHog uses for an id it could not compute. */
export const SENTIMENT_FAILED = "Failed to compute sentiment";

/** `{error}` with the chunk's request error attached, for ids whose request failed. */
export function sentimentFailure(error: SentimentError["error"], cause?: SentimentFailure["cause"]): SentimentFailure {
  return cause === undefined ? { error } : { error, cause };
}
