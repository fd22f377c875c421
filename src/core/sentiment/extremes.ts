import { isPyDict, pyGet, pyItems } from "../python/pyValue";
import { clampUnit } from "./score";
import type { SentimentExtremes } from "./types";

function unitScore(value: unknown): number {
  return typeof value !== "number" || Number.isNaN(value) ? 0 : clampUnit(value);
}

/** The values of a dict (none for anything else). */
function dictValues(value: unknown): unknown[] {
  return isPyDict(value) ? pyItems(value).map(([, item]) => item) : [];
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
  const messages = dictValues(pyGet(result, "messages"));
  for (const generation of dictValues(pyGet(result, "generations"))) {
    messages.push(...dictValues(pyGet(generation, "messages")));
  }
  for (const message of messages) {
    const label = pyGet(message, "label");
    if (label !== "positive" && label !== "negative") continue;
    const perLabel = pyGet(pyGet(message, "scores"), label);
    const score = unitScore(typeof perLabel === "number" ? perLabel : pyGet(message, "score"));
    if (label === "positive") extremes.maxPositive = Math.max(extremes.maxPositive, score);
    else extremes.maxNegative = Math.max(extremes.maxNegative, score);
  }
  return extremes;
}
