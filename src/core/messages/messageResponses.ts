/**
 * OpenAI Responses API items other than `message` (which has a role and goes through the chat
 * path): function calls and their outputs, reasoning, built-in tool calls.
 */
import { isPropertyBag, readString } from "../eventsAccess";
import { parseContent } from "./messageBlocks";
import { newMediaPart, setMediaSource } from "./messageMediaSource";
import { makeToolCall } from "./messageToolCalls";
import type { Message, MessagePart, ToolResultPart } from "./messageTypes";

const IGNORED_CALL_KEYS = new Set(["type", "id", "call_id", "name", "status", "encrypted_content"]);

function textOf(list: unknown): string {
  if (!Array.isArray(list)) return typeof list === "string" ? list : "";
  const texts: string[] = [];
  for (const entry of list) {
    if (typeof entry === "string") texts.push(entry);
    else if (isPropertyBag(entry) && typeof entry.text === "string") texts.push(entry.text);
  }
  return texts.join("\n\n");
}

function outputResult(callId: unknown, output: unknown): ToolResultPart {
  const part: ToolResultPart = { kind: "tool-result", content: [] };
  if (typeof callId === "string" && callId !== "") part.toolCallId = callId;
  if (typeof output === "string") {
    if (output !== "") part.content = [{ kind: "text", text: output }];
  } else if (Array.isArray(output)) part.content = parseContent(output, true);
  else if (output !== undefined && output !== null) part.content = [{ kind: "json", value: output }];
  return part;
}

/** Arguments of a built-in call: its `action`/`arguments`/`input`, else the item minus bookkeeping keys. */
function builtinArguments(item: Record<string, unknown>): unknown {
  if (item.action !== undefined) return item.action;
  if (item.arguments !== undefined) return item.arguments;
  if (item.input !== undefined) return item.input;
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(item)) if (!IGNORED_CALL_KEYS.has(key)) rest[key] = item[key];
  return rest;
}

function message(role: string, parts: MessagePart[], index: number): Message {
  return { kind: "message", role, parts, index };
}

/** Whether a typed, role-less item is a Responses item this module understands. */
export function isResponsesItemType(type: string): boolean {
  return type === "reasoning" || type.endsWith("_call") || type.endsWith("_call_output");
}

/** Parses one Responses item, or returns `null` when the type is not a Responses item. */
export function parseResponsesItem(item: Record<string, unknown>, index: number): Message | null {
  const type = readString(item.type);
  if (type === null || !isResponsesItemType(type)) return null;
  if (type === "reasoning") {
    // Vercel AI SDK reasoning items carry `text` instead of a summary.
    const text = textOf(item.summary) || textOf(item.content) || textOf(item.text) || textOf(item.reasoning);
    const part: MessagePart = { kind: "reasoning", text };
    if (!text && typeof item.encrypted_content === "string" && item.encrypted_content !== "") part.redacted = true;
    return message("assistant", [part], index);
  }
  if (type.endsWith("_call_output")) {
    return message("tool", [outputResult(item.call_id, item.output !== undefined && item.output !== null ? item.output : item.content)], index);
  }
  const callId = item.call_id ?? item.id;
  if (type === "function_call") return message("assistant", [makeToolCall(item.name, callId, item.arguments)], index);
  if (type === "custom_tool_call") return message("assistant", [makeToolCall(item.name, callId, item.input)], index);
  // Built-in tools (web_search_call, file_search_call, computer_call, mcp_call, ...).
  const name = readString(item.name) || type;
  if (type === "image_generation_call" && typeof item.result === "string") {
    // The generated image travels in `result` (base64, or an SDK placeholder); show it as an image.
    const { result, ...rest } = item;
    const image = newMediaPart("image");
    image.mediaType = "image/png";
    setMediaSource(image, result);
    return message("assistant", [makeToolCall(name, callId, builtinArguments(rest)), image], index);
  }
  return message("assistant", [makeToolCall(name, callId, builtinArguments(item))], index);
}
