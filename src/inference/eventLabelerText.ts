/**
 * The texts an LLM event is labelled by: the user's side from `$ai_input` (PostHog-LLM:
 * `$llm_input`), the agent's from `$ai_output_choices` (`$llm_output`).
 */
import { extractUserMessages, sentimentContentText } from "../core/sentiment";

function isBag(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The user's turn this generation answers: the last user message of the input (not a tool result). */
export function lastUserText(properties: Record<string, unknown>): string {
  const input = properties.$ai_input ?? properties.$llm_input;
  return extractUserMessages(input).at(-1)?.text ?? "";
}

/** The user's input as PostHog's sentiment reads it (all user messages), for `classifyInput`. */
export function userInput(properties: Record<string, unknown>): unknown {
  return properties.$ai_input ?? properties.$llm_input;
}

function messageText(item: unknown): string {
  if (typeof item === "string") return item;
  if (!isBag(item)) return "";
  // OpenAI-style choices wrap the message.
  if (isBag(item.message)) return messageText(item.message);
  if (item.role !== undefined && item.role !== "assistant" && item.role !== "agent" && item.role !== "ai") return "";
  return sentimentContentText(item.content ?? item.text);
}

/** The agent's reply: every assistant message of the output, joined by a blank line. */
export function agentText(properties: Record<string, unknown>): string {
  const output = properties.$ai_output_choices ?? properties.$llm_output ?? properties.$ai_output;
  const items = Array.isArray(output) ? output : [output];
  return items
    .map(messageText)
    .filter((text) => text.trim().length > 0)
    .join("\n\n");
}
