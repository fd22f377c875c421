/**
 * Thumbs up/down feedback events of the PostHog-LLM schema. PostHog-LLM does not fix their
 * names, so these are tracelens' choices (documented in `posthogLlm.ts`).
 */
import { isPropertyBag, readBoolean, readNumber, readString, type PropertyBag } from "./eventsAccess";

/** `llm-feedback`, `llm-thumbs`, `llm-thumbs-up`, `thumbs_down`, `llm-rating`, ... (case-insensitive). */
const FEEDBACK_EVENT = /^(llm[-_])?(feedback|rating|thumbs([-_](up|down))?)$/i;

/** Properties read for the rating, in order. */
export const POSTHOG_LLM_RATING_KEYS = ["$llm_feedback", "$llm_thumbs", "$llm_rating", "thumbs", "feedback", "rating"] as const;
/** Properties read for a free-text comment, in order. */
export const POSTHOG_LLM_COMMENT_KEYS = ["$llm_feedback_text", "$llm_comment", "feedback_text", "comment"] as const;

const UP_WORDS = new Set(["up", "thumbs_up", "thumbs-up", "thumbsup", "👍", "positive", "good", "like", "yes", "helpful"]);
const DOWN_WORDS = new Set(["down", "thumbs_down", "thumbs-down", "thumbsdown", "👎", "negative", "bad", "dislike", "no", "unhelpful"]);

export type ThumbsRating = 1 | -1;

/** `1` (up), `-1` (down) or `null` from a rating value: words, emoji, booleans, signed numbers. */
export function readThumbsRating(value: unknown): ThumbsRating | null {
  const flag = readBoolean(value);
  if (flag !== null) return flag ? 1 : -1;
  const number = readNumber(value);
  if (number !== null) return number > 0 ? 1 : -1;
  const text = readString(value)?.trim().toLowerCase();
  if (!text) return null;
  if (UP_WORDS.has(text)) return 1;
  if (DOWN_WORDS.has(text)) return -1;
  return null;
}

/** Whether a raw PostHog-LLM event is feedback (by name, or an `llm-*` event carrying `$llm_feedback`). */
export function isPostHogLlmFeedbackEvent(raw: unknown): boolean {
  if (!isPropertyBag(raw) || typeof raw.event !== "string") return false;
  if (FEEDBACK_EVENT.test(raw.event)) return true;
  const properties = isPropertyBag(raw.properties) ? raw.properties : {};
  return (
    /^llm[-_]/i.test(raw.event) &&
    properties.$llm_feedback !== undefined &&
    properties.$llm_input === undefined &&
    properties.$llm_output === undefined
  );
}

/** Rating and comment of a feedback event. */
export function readFeedback(eventName: string, properties: PropertyBag): { rating: ThumbsRating | null; comment: string | null } {
  let rating: ThumbsRating | null = /up$/i.test(eventName) ? 1 : /down$/i.test(eventName) ? -1 : null;
  let comment: string | null = null;
  for (const key of POSTHOG_LLM_RATING_KEYS) {
    if (rating !== null) break;
    rating = readThumbsRating(properties[key]);
  }
  for (const key of POSTHOG_LLM_COMMENT_KEYS) {
    const text = readString(properties[key]);
    if (text) {
      comment = text;
      break;
    }
  }
  // A free-text `$llm_feedback` that is not a rating word is the comment itself.
  const raw = readString(properties.$llm_feedback);
  if (comment === null && raw && readThumbsRating(raw) === null) comment = raw;
  return { rating, comment };
}
