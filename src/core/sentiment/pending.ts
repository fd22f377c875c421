import { isPyDict, pyGet } from "../python/pyValue";
import { extractUserMessages, truncateSentimentText } from "./extract";
import type { PendingSentimentInput } from "./types";

/** Classifications per requested trace (or generation); later messages are not classified. */
export const SENTIMENT_MAX_CLASSIFICATIONS_PER_TRACE = 200;

/** PostHog reads at most this many of a trace's newest generations. */
export const SENTIMENT_MAX_GENERATIONS_PER_TRACE = 10;

/** A generation as fetched for sentiment: its event UUID and parsed `$ai_input`. */
export interface SentimentGenerationInput {
  id: string;
  input: unknown;
}

/**
 * The texts to classify for one trace, in classification order: generations as given (newest
 * first), each generation's user messages in extraction order, stopping once `cap` texts are
 * collected. Each text is cut to its last 2000 code points. Duplicates are kept on purpose: a
 * message repeated in later generations' histories is classified again and counts again.
 * Pass `input` already JSON-parsed; a string is taken as a plain-string `$ai_input`.
 * Entries that are not objects or whose `id` is not a string or number are skipped.
 */
export function collectSentimentInputs(
  generations: readonly SentimentGenerationInput[],
  cap: number = SENTIMENT_MAX_CLASSIFICATIONS_PER_TRACE,
): PendingSentimentInput[] {
  const limit =
    typeof cap === "number" && !Number.isNaN(cap) ? Math.max(0, cap) : SENTIMENT_MAX_CLASSIFICATIONS_PER_TRACE;
  const pending: PendingSentimentInput[] = [];
  if (!Array.isArray(generations)) return pending;
  for (const generation of generations as unknown[]) {
    if (pending.length >= limit) break;
    if (!isPyDict(generation)) continue;
    const id = pyGet(generation, "id");
    if (typeof id !== "string" && !(typeof id === "number" && Number.isFinite(id))) continue;
    for (const { index, text } of extractUserMessages(pyGet(generation, "input"))) {
      if (pending.length >= limit) break;
      pending.push({ generationId: String(id), index, text: truncateSentimentText(text) });
    }
  }
  return pending;
}
