import type { SentimentError } from "./types";

/** True for the endpoint's per-id failure object, `{ error: string }`. */
export function isSentimentError(value: unknown): value is SentimentError {
  return typeof value === "object" && value !== null && typeof (value as { error?: unknown }).error === "string";
}
