/**
 * Public entry points: `parseMessages` for `$ai_input`-like values and `parseOutputMessages`
 * for `$ai_output_choices` / `$ai_output`.
 */
import { isPropertyBag } from "../eventsAccess";
import { parseContent } from "./messageBlocks";
import { parseMessageItem, unparsedMessage } from "./messageItem";
import type { Message, MessageRole, ParseMessagesOptions } from "./messageTypes";

function parseList(list: readonly unknown[], defaultRole: MessageRole, into: Message[]): void {
  for (let i = 0; i < list.length; i++) {
    let parsed: Message[];
    try {
      parsed = parseMessageItem(list[i], i, defaultRole);
    } catch {
      // Exotic objects (throwing getters, proxies) must not take the whole conversation down.
      parsed = [unparsedMessage(list[i], i)];
    }
    for (const message of parsed) into.push(message);
  }
}

/** Wrapper objects whose list is the conversation: `{messages}`, `{contents}`, `{choices}`, `{candidates}`, Responses. */
function wrappedList(value: Record<string, unknown>): unknown[] | null {
  if (value.object === "response" && Array.isArray(value.output)) return value.output;
  for (const key of ["messages", "contents", "choices", "candidates"] as const) {
    const list = value[key];
    if (Array.isArray(list) && value.role === undefined) return list;
  }
  if (Array.isArray(value.input) && value.role === undefined && value.type === undefined) return value.input;
  return null;
}

/** Gemini `systemInstruction` lives beside `contents`; it gets index -1 (outside the array). */
function systemInstruction(value: Record<string, unknown>): Message[] {
  const instruction = value.systemInstruction ?? value.system_instruction;
  if (instruction === undefined || instruction === null) return [];
  const parts = parseContent(isPropertyBag(instruction) && Array.isArray(instruction.parts) ? instruction.parts : instruction);
  return [{ kind: "message", role: "system", parts, index: -1 }];
}

/**
 * Parses any provider's message value into {@link Message}s. Never throws.
 *
 * - `null`, `undefined`, `""` and `[]` → no messages.
 * - A string → one message with `defaultRole` (default `"user"`), index 0.
 * - An array → each item at its array index (one item may yield several messages).
 * - `{messages}`, `{contents}` (+ `systemInstruction`), `{choices}`, `{candidates}`, Responses
 *   objects (`{object: "response", output}`) and `{input: [...]}` → their list.
 * - Any other object → parsed as a single message at index 0.
 * - Shapes no parser recognises → `{kind: "unparsed", role: "unknown", raw}`.
 */
export function parseMessages(value: unknown, options: ParseMessagesOptions = {}): Message[] {
  const defaultRole = options.defaultRole ?? "user";
  const messages: Message[] = [];
  try {
    if (value === undefined || value === null || value === "") return messages;
    if (typeof value === "string") {
      messages.push({ kind: "message", role: defaultRole, parts: [{ kind: "text", text: value }], index: 0 });
    } else if (Array.isArray(value)) {
      parseList(value, defaultRole, messages);
    } else if (isPropertyBag(value)) {
      const list = wrappedList(value);
      if (list) {
        for (const message of systemInstruction(value)) messages.push(message);
        parseList(list, defaultRole, messages);
      } else parseList([value], defaultRole, messages);
    } else messages.push(unparsedMessage(value, 0));
  } catch {
    return [unparsedMessage(value, 0)];
  }
  return messages;
}

function isResponsesObject(value: unknown): value is { output: unknown[] } {
  return isPropertyBag(value) && value.object === "response" && Array.isArray(value.output) && value.output.length > 0;
}

/**
 * Output messages of a generation, in PostHog's precedence: a Responses object (in
 * `$ai_output_choices` or `$ai_output`) first, then a non-empty `$ai_output` string, then the
 * choices (`[{message}]`, bare messages, `{choices: [...]}`), then a structured `$ai_output`.
 * Role-less content defaults to `"assistant"`. Never throws.
 */
export function parseOutputMessages(choices: unknown, output?: unknown): Message[] {
  const options = { defaultRole: "assistant" as const };
  if (isResponsesObject(choices)) return parseMessages(choices.output, options);
  if (isResponsesObject(output)) return parseMessages(output.output, options);
  if (typeof output === "string" && output !== "") return parseMessages(output, options);
  const fromChoices = parseMessages(choices, options);
  if (fromChoices.length > 0) return fromChoices;
  return typeof output === "string" ? [] : parseMessages(output, options);
}
