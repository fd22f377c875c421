import { pyGet } from "../python/pyValue";
import {
  meanSentimentScores,
  messageSentiment,
  selectSentimentLabel,
  sentimentMessageKey,
  setOwnEntry,
} from "./score";
import type { GenerationSentiment, MessageSentiment, SentimentScores } from "./types";

/**
 * How far a positive or negative generation mean must lead the neutral mean to keep its label.
 * 0.10 in the PostHog version the parity vectors come from; another version used 0.15.
 */
export const SENTIMENT_NEUTRAL_MARGIN = 0.1;

/** One classified message of a generation: its `$ai_input` position, text and pipeline output. */
export interface GenerationSentimentMessageInput {
  index: number;
  text?: string;
  output: unknown;
}

export interface GenerationSentimentOptions {
  /** Override {@link SENTIMENT_NEUTRAL_MARGIN}; 0 gives plain argmax (older PostHog versions). */
  neutralMargin?: number;
}

export function resolveNeutralMargin(margin: unknown, fallback: number): number {
  return typeof margin === "number" && Number.isFinite(margin) ? margin : fallback;
}

/** Classified messages keyed by index, plus the score maps the means are taken over. */
export interface ScoredMessages {
  byIndex: Record<string, MessageSentiment>;
  scores: SentimentScores[];
}

/**
 * Scores one message into `into`; an entry that is not an object or lacks a valid non-negative
 * integer index is skipped (undefined). A repeated index keeps its first position and its last
 * result (Python dict), but every occurrence still counts in the mean and in `message_count`.
 */
export function scoreSentimentMessage(
  into: ScoredMessages,
  message: unknown,
  includeText: boolean,
): MessageSentiment | undefined {
  const key = sentimentMessageKey(pyGet(message, "index"));
  if (key === undefined) return undefined;
  const result = messageSentiment(pyGet(message, "output"));
  const text = pyGet(message, "text");
  if (includeText && typeof text === "string") result.text = text;
  setOwnEntry(into.byIndex, key, result);
  into.scores.push(result.scores);
  return result;
}

/**
 * PostHog's generation-level result: `scores` are the per-label means of the messages' rounded
 * scores (4 dp, keys positive, neutral, negative); the label is their argmax with the neutral
 * margin applied; `score` is the chosen label's mean, so it is the neutral mean when a positive
 * or negative lead was too small. `messages` keeps each message's `text` when one is given.
 * No messages gives a neutral all-zero result.
 */
export function buildGenerationSentiment(
  messages: readonly GenerationSentimentMessageInput[],
  options: GenerationSentimentOptions = {},
): GenerationSentiment {
  const margin = resolveNeutralMargin(options?.neutralMargin, SENTIMENT_NEUTRAL_MARGIN);
  const scored: ScoredMessages = { byIndex: {}, scores: [] };
  if (Array.isArray(messages)) for (const message of messages) scoreSentimentMessage(scored, message, true);
  const scores = meanSentimentScores(scored.scores);
  const count = scored.scores.length;
  const label = count === 0 ? "neutral" : selectSentimentLabel(scores, margin);
  return { label, score: scores[label], scores, messages: scored.byIndex, message_count: count };
}
