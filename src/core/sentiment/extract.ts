import { pyStrCapped } from "../python/pyRepr";
import { pySlice } from "../python/pyText";
import { isPyDict, pyGet, pyGetOr, pyTruthy } from "../python/pyValue";
import type { ExtractedUserMessage } from "./types";

/** Only the newest user messages of a generation are classified. */
export const SENTIMENT_MAX_USER_MESSAGES = 50;

/** The classifier sees each message's last characters (code points): the end carries the mood. */
export const SENTIMENT_MAX_MESSAGE_CHARS = 2000;

// Python raises RecursionError on pathological nesting, but extraction must never throw on what
// users sent: containers this deep print as an ellipsis instead.
const ELLIPSIS_DEPTH = 500;

/**
 * The text PostHog classifies for one message `content`: strings as they are; for block lists,
 * each dict block's `text`, else its `content`, else the whole block, all through Python `str()`,
 * plus bare string blocks, joined by one space; other values through `str()`; falsy gives "".
 * So image and file blocks contribute their Python dict repr rather than being dropped.
 */
export function sentimentContentText(content: unknown): string {
  if (!pyTruthy(content)) return "";
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return pyStrCapped(content, ELLIPSIS_DEPTH);
  const parts: string[] = [];
  for (const block of content) {
    if (isPyDict(block)) {
      parts.push(pyStrCapped(pyGetOr(block, "text", pyGetOr(block, "content", block)), ELLIPSIS_DEPTH));
    } else if (typeof block === "string") {
      parts.push(block);
    }
  }
  return parts.join(" ");
}

/** Anthropic sends tool results as user turns; those are not the user speaking. */
function isToolResultOnly(content: unknown): boolean {
  return (
    Array.isArray(content) &&
    content.length > 0 &&
    content.every((block) => pyGet(block, "type") === "tool_result")
  );
}

function isUserTurn(item: unknown): boolean {
  return pyGet(item, "role") === "user";
}

/**
 * The user messages of one `$ai_input`, as PostHog's sentiment extraction finds them: a plain
 * string is message 0; a single `{role: "user"}` dict is message 0 (never skipped as a tool
 * result); in a list, only `role === "user"` dicts count, tool-result-only turns are skipped,
 * empty texts are dropped, and `index` is the position in the original array. Only the last
 * {@link SENTIMENT_MAX_USER_MESSAGES} are kept. Texts are not truncated here.
 */
export function extractUserMessages(aiInput: unknown): ExtractedUserMessage[] {
  if (!pyTruthy(aiInput)) return [];
  if (typeof aiInput === "string") return [{ index: 0, text: aiInput }];
  const found: ExtractedUserMessage[] = [];
  if (Array.isArray(aiInput)) {
    for (let index = 0; index < aiInput.length; index++) {
      const item: unknown = aiInput[index];
      if (!isUserTurn(item) || isToolResultOnly(pyGet(item, "content"))) continue;
      const text = sentimentContentText(pyGet(item, "content"));
      if (text) found.push({ index, text });
    }
  } else if (isUserTurn(aiInput)) {
    const text = sentimentContentText(pyGet(aiInput, "content"));
    if (text) found.push({ index: 0, text });
  }
  return found.slice(-SENTIMENT_MAX_USER_MESSAGES);
}

/** Python `text[-2000:]`: what the classifier receives for one message. */
export function truncateSentimentText(text: string): string {
  return pySlice(text, -SENTIMENT_MAX_MESSAGE_CHARS);
}

/** {@link extractUserMessages} with each text cut to its last 2000 code points, as classified. */
export function extractClassifiedUserMessages(aiInput: unknown): ExtractedUserMessage[] {
  return extractUserMessages(aiInput).map(({ index, text }) => ({
    index,
    text: truncateSentimentText(text),
  }));
}
