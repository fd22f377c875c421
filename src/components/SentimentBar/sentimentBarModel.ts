import {
  isSentimentError,
  sentimentExtremes,
  type SentimentError,
  type SentimentLabel,
  type SentimentResult,
  type SentimentScores,
  type SentimentSource,
} from "../../core/sentiment";
import { readableError } from "../ui/readableError";

/** PostHog only draws a strongest-message marker above this score. */
export const SENTIMENT_MARKER_THRESHOLD = 0.05;

export type SentimentBarState = "loading" | "error" | "empty" | "ready";

/** Everything SentimentBar accepts about the data, before any rendering decision. */
export interface SentimentBarInput {
  sentiment?: SentimentResult | SentimentError | null;
  label?: SentimentLabel;
  score?: number;
  scores?: Partial<SentimentScores>;
  maxPositive?: number;
  maxNegative?: number;
  loading?: boolean;
  error?: unknown;
}

export interface SentimentBarModel {
  state: SentimentBarState;
  label?: SentimentLabel;
  /** The winning label's score, 0–1: the fill width. */
  score: number;
  /** Per-label shares for the stacked variant, normalised to sum to 1 (all 0 when unknown). */
  shares: SentimentScores;
  hasShares: boolean;
  maxPositive?: number;
  maxNegative?: number;
  tooltip: string;
  accessibleName: string;
  /** Where the value came from, when the result says (PostHog's stored evaluations, its on-read endpoint, or local). */
  source?: SentimentSource;
}

/** How each source is named in the tooltip. */
export const SENTIMENT_SOURCE_WORDS: Record<SentimentSource, string> = {
  stored: "stored sentiment evaluation",
  "on-read": "computed on request",
  local: "classified locally",
};

function sourceOf(value: unknown): SentimentSource | undefined {
  const source = value && typeof value === "object" ? (value as { source?: unknown }).source : undefined;
  return source === "stored" || source === "on-read" || source === "local" ? source : undefined;
}

const LABEL_WORD: Record<SentimentLabel, string> = { positive: "Positive", neutral: "Neutral", negative: "Negative" };
const ZERO_SCORES: SentimentScores = { positive: 0, neutral: 0, negative: 0 };

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Scores from hosts and models are untrusted: anything that is not a finite number becomes 0, the rest is clamped to 0–1. */
function unit(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function isLabel(value: unknown): value is SentimentLabel {
  return value === "positive" || value === "neutral" || value === "negative";
}

function errorText(error: unknown): string {
  // A failure whose whole request failed carries that request's error: said for people, not for logs.
  const cause = isSentimentError(error) ? (error as { cause?: unknown }).cause : undefined;
  if (cause) return readableError(cause);
  if (isSentimentError(error)) return String(error.error);
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return "";
}

function normalisedShares(scores: Partial<SentimentScores> | undefined): { shares: SentimentScores; hasShares: boolean } {
  const raw = { positive: unit(scores?.positive), neutral: unit(scores?.neutral), negative: unit(scores?.negative) };
  const total = raw.positive + raw.neutral + raw.negative;
  if (total <= 0) return { shares: ZERO_SCORES, hasShares: false };
  return {
    shares: { positive: raw.positive / total, neutral: raw.neutral / total, negative: raw.negative / total },
    hasShares: true,
  };
}

function markerValue(value: number): number | undefined {
  return value > SENTIMENT_MARKER_THRESHOLD ? value : undefined;
}

function status(state: Exclude<SentimentBarState, "ready">, message: string): SentimentBarModel {
  const text =
    state === "loading" ? "Loading sentiment" : state === "empty" ? "No sentiment data" : "Sentiment unavailable";
  const detailed = message ? `${text}: ${message}` : text;
  return { state, score: 0, shares: ZERO_SCORES, hasShares: false, tooltip: detailed, accessibleName: detailed };
}

/**
 * Decides what a SentimentBar shows. PostHog's result objects are accepted as they come from the API
 * (generation or trace level, or the per-id `{ error }`); explicit props override their fields. A
 * result with no classified messages is PostHog's neutral all-zero answer for "no user messages", so it
 * reads as "no data", never as a neutral verdict.
 */
export function resolveSentimentBar(input: SentimentBarInput): SentimentBarModel {
  if (input.loading) return status("loading", "");
  if (input.error) return status("error", errorText(input.error));
  const result = input.sentiment;
  if (isSentimentError(result)) return status("error", errorText(result));

  const fromResult = result && typeof result === "object" ? result : undefined;
  const label = isLabel(input.label) ? input.label : isLabel(fromResult?.label) ? fromResult.label : undefined;
  const noMessages = fromResult !== undefined && fromResult.message_count === 0 && input.label === undefined;
  if (!label || noMessages) return status("empty", "");

  const { shares, hasShares } = normalisedShares(input.scores ?? fromResult?.scores);
  const score = unit(input.score ?? fromResult?.score ?? (hasShares ? shares[label] : 0));
  const extremes = fromResult ? sentimentExtremes(fromResult) : { maxPositive: 0, maxNegative: 0 };
  const maxPositive = markerValue(unit(input.maxPositive ?? extremes.maxPositive));
  const maxNegative = markerValue(unit(input.maxNegative ?? extremes.maxNegative));

  const markerNotes = [
    maxPositive !== undefined ? `max positive: ${percent(maxPositive)}` : "",
    maxNegative !== undefined ? `max negative: ${percent(maxNegative)}` : "",
  ].filter(Boolean);
  const headline = `${LABEL_WORD[label]}: ${percent(score)}`;
  const source = sourceOf(fromResult);
  const withMarkers = markerNotes.length ? `${headline} (${markerNotes.join(", ")})` : headline;
  const tooltip = source ? `${withMarkers}\nSource: ${SENTIMENT_SOURCE_WORDS[source]}` : withMarkers;

  const spoken = [`${LABEL_WORD[label]} ${percent(score)}`];
  if (maxPositive !== undefined) spoken.push(`strongest positive message ${percent(maxPositive)}`);
  if (maxNegative !== undefined) spoken.push(`strongest negative message ${percent(maxNegative)}`);

  return { state: "ready", label, score, shares, hasShares, maxPositive, maxNegative, tooltip, accessibleName: spoken.join(", "), ...(source ? { source } : {}) };
}

/** The three-way split in words, for the stacked variant's tooltip and accessible name. */
export function describeShares(shares: SentimentScores): string {
  return `positive ${percent(shares.positive)}, neutral ${percent(shares.neutral)}, negative ${percent(shares.negative)}`;
}

export { LABEL_WORD as SENTIMENT_LABEL_WORD };
