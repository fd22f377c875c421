import { pyLen, pySlice } from "../python/pyText";
import { extractUserMessages } from "./extract";
import type { ExtractedUserMessage } from "./types";

/**
 * The sentiment-evaluation variant sends only the newest user message, at most 1000 code points.
 * A longer text keeps its first 300 and last 695 code points around a "\n...\n" marker (exactly
 * 1000 in all). Inferred from the parity vectors: they pin the head, marker and tail for texts of
 * 2000–2600 code points and show that exactly 1000 is left whole; texts of 1001–1999 code points
 * are not covered, and we assume the same split applies to them.
 */
export const SENTIMENT_EVAL_MAX_CHARS = 1000;
export const SENTIMENT_EVAL_HEAD_CHARS = 300;
export const SENTIMENT_EVAL_MARKER = "\n...\n";

export function truncateSentimentEvalText(text: string): string {
  if (pyLen(text) <= SENTIMENT_EVAL_MAX_CHARS) return text;
  const tailChars = SENTIMENT_EVAL_MAX_CHARS - SENTIMENT_EVAL_HEAD_CHARS - SENTIMENT_EVAL_MARKER.length;
  return pySlice(text, 0, SENTIMENT_EVAL_HEAD_CHARS) + SENTIMENT_EVAL_MARKER + pySlice(text, -tailChars);
}

/** The last user message (none or one), cut head-and-tail for the sentiment evaluation. */
export function extractSentimentEvalMessages(aiInput: unknown): ExtractedUserMessage[] {
  const last = extractUserMessages(aiInput).at(-1);
  return last ? [{ index: last.index, text: truncateSentimentEvalText(last.text) }] : [];
}
