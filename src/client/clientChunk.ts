/** Small helpers shared by both clients: distinct ids, chunks, and results maps safe from odd ids. */
import type { SentimentResult } from "../core/sentiment/types";
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
