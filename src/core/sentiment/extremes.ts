import { isPyDict } from "./pythonRepr";
import type { SentimentExtremes } from "./types";

function unitScore(value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value)) return 0;
  return value <= 0 ? 0 : value > 1 ? 1 : value;
}

function messagesOf(container: unknown): unknown[] {
  if (!isPyDict(container) || !isPyDict(container.messages)) return [];
  return Object.values(container.messages);
}

/**
 * The strongest feelings in a result, for the UI: the highest positive score among messages
 * labelled positive and the highest negative score among messages labelled negative (0 when
 * there are none). Reads a generation result's `messages` or a trace result's
 * `generations[*].messages`; anything malformed is skipped. A message's per-label score is
 * taken from `scores`, falling back to its `score`.
 */
export function sentimentExtremes(result: unknown): SentimentExtremes {
  const extremes: SentimentExtremes = { maxPositive: 0, maxNegative: 0 };
  if (!isPyDict(result)) return extremes;
  const messages = messagesOf(result);
  if (isPyDict(result.generations)) {
    for (const generation of Object.values(result.generations)) messages.push(...messagesOf(generation));
  }
  for (const message of messages) {
    if (!isPyDict(message)) continue;
    const { label } = message;
    if (label !== "positive" && label !== "negative") continue;
    const perLabel = isPyDict(message.scores) ? message.scores[label] : undefined;
    const score = unitScore(typeof perLabel === "number" ? perLabel : message.score);
    if (label === "positive") extremes.maxPositive = Math.max(extremes.maxPositive, score);
    else extremes.maxNegative = Math.max(extremes.maxNegative, score);
  }
  return extremes;
}
