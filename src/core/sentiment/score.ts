import { pyRound } from "../python/pyNumber";
import { pyGet } from "../python/pyValue";
import { SENTIMENT_LABELS } from "./types";
import type { MessageSentiment, SentimentLabel, SentimentScores } from "./types";

/** Key order (and tie order) of generation- and trace-level score maps. */
export const SENTIMENT_AGGREGATE_ORDER: readonly SentimentLabel[] = ["positive", "neutral", "negative"];

export function isSentimentLabel(value: unknown): value is SentimentLabel {
  return value === "negative" || value === "neutral" || value === "positive";
}

/** Scores outside [0, 1] can only come from a malformed pipeline; pin them into range. */
export function clampUnit(value: number): number {
  return value <= 0 ? 0 : value > 1 ? 1 : value; // also turns -0 into 0
}

/** Python `round(x, 4)`, the precision of every sentiment score. */
function roundScore(value: number): number {
  return pyRound(value, 4);
}

/**
 * One message's result from the classifier's `[{label, score}, ...]`: each score rounded to
 * 4 dp (Python rounding), missing labels filled with 0 in the order negative, neutral, positive,
 * and the label is the first maximum in the order the pipeline listed the labels (no margin).
 * `scores` keeps that listing order. Entries with an unknown label or a non-numeric score are
 * ignored; out-of-range scores are clamped to [0, 1]; a repeated label keeps its first position
 * and its last score, as a Python dict would.
 */
export function messageSentiment(output: unknown): MessageSentiment {
  const ordered = new Map<SentimentLabel, number>();
  if (Array.isArray(output)) {
    for (const entry of output) {
      const label = pyGet(entry, "label");
      const score = pyGet(entry, "score");
      if (!isSentimentLabel(label) || typeof score !== "number" || Number.isNaN(score)) continue;
      ordered.set(label, roundScore(clampUnit(score)));
    }
  }
  for (const label of SENTIMENT_LABELS) if (!ordered.has(label)) ordered.set(label, 0);
  let label: SentimentLabel = "negative";
  let score = -1;
  const scores = {} as SentimentScores;
  for (const [key, value] of ordered) {
    scores[key] = value;
    if (value > score) {
      label = key;
      score = value;
    }
  }
  return { label, score, scores };
}

/** Zero scores in aggregate key order. */
export function zeroSentimentScores(): SentimentScores {
  return { positive: 0, neutral: 0, negative: 0 };
}

/** Per-label arithmetic mean (summed in order, as Python's `sum` does), rounded to 4 dp. */
export function meanSentimentScores(all: readonly SentimentScores[]): SentimentScores {
  const mean = zeroSentimentScores();
  if (all.length === 0) return mean;
  for (const label of SENTIMENT_AGGREGATE_ORDER) {
    let sum = 0;
    for (const scores of all) sum += scores[label];
    mean[label] = roundScore(sum / all.length);
  }
  return mean;
}

/**
 * Argmax over positive, neutral, negative (earlier key wins ties); a positive or negative winner
 * whose lead over neutral is below `neutralMargin` (compared in doubles) becomes neutral.
 * A margin of 0 is plain argmax.
 */
export function selectSentimentLabel(scores: SentimentScores, neutralMargin: number): SentimentLabel {
  let top: SentimentLabel = "positive";
  for (const label of SENTIMENT_AGGREGATE_ORDER) if (scores[label] > scores[top]) top = label;
  if (top !== "neutral" && scores[top] - scores.neutral < neutralMargin) return "neutral";
  return top;
}

/** A message index as PostHog keys it: the decimal position, for non-negative integers only. */
export function sentimentMessageKey(index: unknown): string | undefined {
  if (typeof index === "number" && Number.isSafeInteger(index) && index >= 0) return String(index);
  if (typeof index === "string" && /^(0|[1-9]\d{0,15})$/.test(index)) return index;
  return undefined;
}

/** Sets an own enumerable key even when it is "__proto__", so ids can never touch prototypes. */
export function setOwnEntry<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
