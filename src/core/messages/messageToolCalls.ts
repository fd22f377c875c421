/**
 * Tool-call parts from the various provider spellings.
 */
import { isPropertyBag, readId, readString, safeJsonParse, safeJsonStringify } from "../eventsAccess";
import type { MessagePart, ToolCallPart } from "./messageTypes";

/**
 * Builds a tool call. String arguments are parsed as JSON when possible (OpenAI sends a JSON
 * string); object arguments (Anthropic `input`, LangChain `args`) are kept and stringified.
 */
export function makeToolCall(name: unknown, id: unknown, args: unknown): ToolCallPart {
  const part: ToolCallPart = {
    kind: "tool-call",
    name: readString(name) || "unknown",
    arguments: args,
    rawArguments: "",
  };
  const callId = readId(id);
  if (callId !== null) part.id = callId;
  if (typeof args === "string") {
    part.rawArguments = args;
    const parsed = args.trim() === "" ? undefined : safeJsonParse(args);
    part.arguments = parsed === undefined ? args : parsed;
  } else if (args === undefined || args === null) {
    part.arguments = {};
    part.rawArguments = "";
  } else {
    part.rawArguments = safeJsonStringify(args, "[unserializable]");
  }
  return part;
}

/** One entry of a `tool_calls` array: OpenAI `{id, function: {name, arguments}}` or LangChain `{id, name, args}`. */
export function toolCallFromEntry(entry: unknown): ToolCallPart | null {
  if (!isPropertyBag(entry)) return null;
  const fn = entry.function;
  // Some captures spell the arguments `function.args`.
  if (isPropertyBag(fn)) return makeToolCall(fn.name, entry.id, fn.arguments !== undefined ? fn.arguments : fn.args);
  if (typeof entry.name === "string") {
    const args = entry.args !== undefined ? entry.args : entry.arguments !== undefined ? entry.arguments : entry.input;
    return makeToolCall(entry.name, entry.id, args);
  }
  return null;
}

/**
 * Tool calls attached to a chat message: `tool_calls`, legacy `function_call`, LangChain
 * `invalid_tool_calls` and `additional_kwargs.{tool_calls,function_call}`. LangChain keeps the
 * same calls in both places, so calls are de-duplicated by id.
 */
export function messageToolCalls(message: Record<string, unknown>): MessagePart[] {
  const parts: ToolCallPart[] = [];
  const seenIds = new Set<string>();
  const add = (part: ToolCallPart | null) => {
    if (!part) return;
    if (part.id !== undefined) {
      if (seenIds.has(part.id)) return;
      seenIds.add(part.id);
    }
    parts.push(part);
  };
  const addList = (list: unknown) => {
    if (Array.isArray(list)) for (const entry of list) add(toolCallFromEntry(entry));
  };
  const addFunctionCall = (call: unknown) => {
    if (isPropertyBag(call) && parts.length === 0) add(makeToolCall(call.name, call.id, call.arguments !== undefined ? call.arguments : call.args));
  };
  addList(message.tool_calls);
  addList(message.invalid_tool_calls);
  addFunctionCall(message.function_call);
  const extra = message.additional_kwargs;
  if (isPropertyBag(extra)) {
    addList(extra.tool_calls);
    addFunctionCall(extra.function_call);
  }
  return parts;
}
