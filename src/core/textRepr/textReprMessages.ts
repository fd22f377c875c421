/** `INPUT:` / `OUTPUT:` sections: message arrays, tool calls and output-choice normalisation. */
import { pyJsonDumps } from "../python/pyJsonDumps";
import { pyStr } from "../python/pyRepr";
import { pyChars, pyCutWithEllipsis } from "../python/pyText";
import { pyUpper } from "../python/pyUnicode";
import {
  dictGet,
  isPyDict,
  PyError,
  pyGet,
  pyGetOr,
  pyHas,
  pyItems,
  pyOr,
  pyTruthy,
  pyTypeName,
} from "../python/pyValue";
import { extractTextContent, formatToolSignature } from "./textReprContent";
import { isResponsesItem, renderResponsesItem, responsesOutputItems } from "./textReprResponses";
import { truncateContent } from "./textReprTruncate";
import { MAX_UNPARSED_DISPLAY_LENGTH, SEPARATOR, type ResolvedTextReprOptions } from "./textReprTypes";

/** Append without spreading, so very long line lists cannot overflow the argument limit. */
export function pushAll<T>(target: T[], lines: readonly T[]): void {
  for (const line of lines) target.push(line);
}

/** What Python's `for call in tool_calls` walks over (dict keys, str characters). */
function iterateToolCalls(toolCalls: unknown): unknown[] {
  if (Array.isArray(toolCalls)) return toolCalls;
  if (isPyDict(toolCalls)) return pyItems(toolCalls).map(([k]) => k);
  if (typeof toolCalls === "string") return pyChars(toolCalls);
  throw new PyError("TypeError", `object of type '${pyTypeName(toolCalls)}' has no len()`);
}

/** `""`, `Tool calls: N` and one `  - name(args)` line per call, appended to `lines`. */
function toolCallLines(toolCalls: unknown, lines: string[]): void {
  const calls = iterateToolCalls(toolCalls);
  lines.push("", `Tool calls: ${calls.length}`);
  for (const call of calls) {
    if (!isPyDict(call)) {
      lines.push(`  - ${pyStr(call)}`);
      continue;
    }
    // `.get(key, default)`: a stored None name prints as "None", not as the default.
    const fn = dictGet(call, "function");
    const signature = isPyDict(fn)
      ? formatToolSignature(pyGetOr(fn, "name", "unknown"), pyGetOr(fn, "arguments", ""))
      : formatToolSignature(pyGetOr(call, "name", "unknown"), pyGetOr(call, "args", ""));
    lines.push(`  - ${signature}`);
  }
}

/**
 * PostHog's `format_messages_array`: `[n] ROLE` blocks separated by dashes. Non-dict items are
 * skipped but keep their number, and the separator test uses the full array length.
 */
export function formatMessagesArray(
  messages: readonly unknown[],
  o: ResolvedTextReprOptions,
  lines: string[] = [],
): string[] {
  for (let i = 0; i < messages.length; i++) {
    const msg = messages[i];
    if (!isPyDict(msg)) continue;
    const role = pyStr(pyOr(dictGet(msg, "role"), dictGet(msg, "type"), "unknown"));
    lines.push("", `[${i + 1}] ${pyUpper(role)}`, "");
    // Every message is first offered to the Responses renderer, whatever its role.
    const item = renderResponsesItem(msg, o);
    if (item !== null) {
      pushAll(lines, item);
    } else {
      const content = dictGet(msg, "content");
      if (pyTruthy(content)) {
        const text = extractTextContent(content);
        if (text) lines.push(truncateContent(text, o));
      }
    }
    const toolCalls = dictGet(msg, "tool_calls");
    if (pyTruthy(toolCalls)) toolCallLines(toolCalls, lines);
    if (i < messages.length - 1) lines.push("", SEPARATOR);
  }
  return lines;
}

/** `format_input_messages`: nothing for a falsy input, else `""`, `INPUT:` and the rendering. */
export function formatInputMessages(input: unknown, o: ResolvedTextReprOptions): string[] {
  if (!pyTruthy(input)) return [];
  const lines = ["", "INPUT:"];
  if (typeof input === "string") {
    lines.push("", truncateContent(input, o));
  } else if (Array.isArray(input)) {
    formatMessagesArray(input, o, lines);
  } else {
    lines.push(
      "",
      `[Unparsed input format: ${pyTypeName(input)}]`,
      pyCutWithEllipsis(pyJsonDumps(input), MAX_UNPARSED_DISPLAY_LENGTH),
    );
  }
  return lines;
}

/** One output choice as a message dict, or null when the choice holds no message. */
function normaliseChoice(choice: unknown): unknown {
  if (!isPyDict(choice)) return null;
  if (isResponsesItem(choice)) return choice;
  const nested = pyGet(choice, "message");
  let message: unknown;
  if (isPyDict(nested) && pyTruthy(nested)) message = nested;
  else if (pyHas(choice, "role") || pyHas(choice, "content")) message = choice;
  else return null;
  let toolCalls = pyOr(pyGet(message, "tool_calls"), []);
  const content = pyGet(message, "content");
  if (Array.isArray(content)) {
    // Gemini / Vercel put calls in the content as {"type": "function", "function": {...}} blocks.
    const blocks = content.filter((b) => {
      const type = pyGet(b, "type");
      return (type === "tool-call" || type === "function") && isPyDict(pyGet(b, "function"));
    });
    if (blocks.length > 0) toolCalls = blocks.map((b) => ({ function: pyGet(b, "function") }));
  }
  return { role: pyGetOr(message, "role", "assistant"), content, tool_calls: toolCalls };
}

/**
 * `format_output_messages`: a Responses object first, then a non-empty `$ai_output` string,
 * then `$ai_output_choices` (a list, or `{"choices": [...]}`).
 */
export function formatOutputMessages(
  output: unknown,
  choices: unknown,
  o: ResolvedTextReprOptions,
): string[] {
  const items = responsesOutputItems(choices) ?? responsesOutputItems(output);
  if (items) {
    const lines = ["", "OUTPUT:"];
    formatMessagesArray(items, o, lines);
    return lines;
  }
  if (typeof output === "string" && output !== "") return ["", "OUTPUT:", "", truncateContent(output, o)];
  let list = choices;
  if (isPyDict(list) && Array.isArray(pyGet(list, "choices"))) list = pyGet(list, "choices");
  if (!Array.isArray(list) || list.length === 0) return [];
  const messages = list.map(normaliseChoice).filter((m) => m !== null);
  if (messages.length === 0) return [];
  const lines = ["", "OUTPUT:"];
  formatMessagesArray(messages, o, lines);
  return lines;
}
