/**
 * One input item (an element of `$ai_input`, a choice, a Responses item) → one or more messages.
 */
import { isPropertyBag, readBoolean, readId, readString } from "../eventsAccess";
import { blocksFromJsonString, parseBlock, parseContent } from "./messageBlocks";
import { audioFrom } from "./messageMedia";
import { parseResponsesItem } from "./messageResponses";
import { messageToolCalls } from "./messageToolCalls";
import type { Message, MessagePart, MessageRole, ParsedMessage, ToolCallPart, ToolResultPart } from "./messageTypes";

const ROLE_ALIASES: Record<string, MessageRole> = {
  user: "user",
  human: "user",
  humanmessage: "user",
  humanmessagechunk: "user",
  assistant: "assistant",
  ai: "assistant",
  aimessage: "assistant",
  aimessagechunk: "assistant",
  model: "assistant",
  bot: "assistant",
  agent: "assistant",
  chatbot: "assistant",
  system: "system",
  systemmessage: "system",
  instructions: "system",
  // LangGraph injects `{type: "context"}` messages (system reminders); PostHog shows them as system.
  context: "system",
  developer: "developer",
  tool: "tool",
  toolmessage: "tool",
  function: "tool",
  functionmessage: "tool",
  ipython: "tool",
};

/** LangChain `type` values that name a role (other `type`s are content or Responses items). */
const LANGCHAIN_ROLE_TYPES = new Set(["human", "ai", "system", "tool", "function", "chat", "generic", "developer", "context", "AIMessageChunk", "HumanMessageChunk"]);

/** Block types that may appear as bare items (e.g. an output list of Anthropic blocks). */
const BARE_BLOCK_TYPES = new Set([
  "text", "input_text", "output_text", "refusal", "image_url", "input_image", "output_image", "image", "video", "document",
  "file", "input_file", "media", "input_audio", "audio", "tool_use", "server_tool_use", "tool-call", "tool_call",
  "tool_result", "tool-result", "tool_call_response", "thinking", "redacted_thinking", "source", "object",
  "function_response", "executable_code", "code_execution_result",
]);

/** Folds provider role spellings onto {@link MessageRole}; unknown roles are kept lower-cased. */
export function normalizeMessageRole(role: unknown): MessageRole {
  if (typeof role !== "string" || role === "") return "unknown";
  const lower = role.toLowerCase();
  return ROLE_ALIASES[lower] ?? lower;
}

function message(role: MessageRole, parts: MessagePart[], index: number, name?: string): ParsedMessage {
  const result: ParsedMessage = { kind: "message", role, parts, index };
  if (name) result.name = name;
  return result;
}

/** Unrecognised input, kept whole so a JSON view can show it, with the reason in words. */
export function unparsedMessage(raw: unknown, index: number, reason = unparsedReason(raw)): Message {
  return { kind: "unparsed", role: "unknown", parts: [], index, raw, reason };
}

function unparsedReason(raw: unknown): string {
  try {
    return describeUnparsed(raw);
  } catch {
    // Proxies and throwing getters: the value itself could not be read.
    return "The message could not be read";
  }
}

function describeUnparsed(raw: unknown): string {
  if (raw === null) return "The message is null";
  if (Array.isArray(raw)) return "A list where a message was expected";
  if (typeof raw !== "object") return `A ${typeof raw} where a message was expected`;
  const type = (raw as Record<string, unknown>).type;
  if (typeof type === "string") return `No parser knows messages of type "${type.slice(0, 80)}"`;
  const keys = Object.keys(raw as object).slice(0, 6);
  return keys.length === 0 ? "An empty object" : `No role, type or content found (keys: ${keys.map((k) => k.slice(0, 40)).join(", ")})`;
}

/** Tool-role content is wrapped into one tool result unless it already is tool results. */
function wrapToolParts(msg: Record<string, unknown>, parts: MessagePart[]): MessagePart[] {
  if (parts.length > 0 && parts.every((part) => part.kind === "tool-result")) return parts;
  const result: ToolResultPart = { kind: "tool-result", content: parts.filter((part) => part.kind !== "tool-result") };
  const id = readId(msg.tool_call_id) ?? readId(msg.toolCallId) ?? readId(msg.tool_use_id);
  if (id !== null) result.toolCallId = id;
  const name = readString(msg.name);
  if (name) result.name = name;
  if (msg.status === "error" || readBoolean(msg.is_error) === true) result.isError = true;
  return [result, ...parts.filter((part) => part.kind === "tool-result")];
}

/**
 * Tool results sent inside a user turn (Anthropic, Gemini functionResponse) become their own
 * `tool` messages, so the user text and each result read as separate turns. All keep `index`.
 */
function splitToolResults(role: MessageRole, parts: MessagePart[], index: number, name?: string): ParsedMessage[] {
  if (!parts.some((part) => part.kind === "tool-result")) return [message(role, parts, index, name)];
  const messages: ParsedMessage[] = [];
  let pending: MessagePart[] = [];
  for (const part of parts) {
    if (part.kind !== "tool-result") {
      pending.push(part);
      continue;
    }
    if (pending.length > 0) messages.push(message(role, pending, index, name));
    pending = [];
    messages.push(message("tool", [part], index));
  }
  if (pending.length > 0) messages.push(message(role, pending, index, name));
  return messages;
}

/**
 * Content tool calls that repeat a top-level `tool_calls` entry (LangChain's Anthropic format keeps
 * both, the content copy often with empty input): PostHog prefers `tool_calls`, so the content
 * copy is dropped when its id matches, or when it has no id and the name matches.
 */
function withoutRepeatedCalls(parts: MessagePart[], calls: readonly MessagePart[]): MessagePart[] {
  if (calls.length === 0) return parts;
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const call of calls as ToolCallPart[]) {
    if (call.id !== undefined) ids.add(call.id);
    names.add(call.name);
  }
  return parts.filter((part) => part.kind !== "tool-call" || (part.id !== undefined ? !ids.has(part.id) : !names.has(part.name)));
}

function messageContent(msg: Record<string, unknown>): unknown {
  const content = msg.content !== undefined ? msg.content : msg.parts;
  if (typeof content !== "string") return content;
  return blocksFromJsonString(content) ?? content;
}

/** Chat-style message with a known role: OpenAI chat, Anthropic, LangChain dict, OTel/Gemini parts. */
function chatMessage(msg: Record<string, unknown>, roleValue: unknown, index: number): ParsedMessage[] {
  const role = normalizeMessageRole(roleValue);
  let parts: MessagePart[] = [];
  const extra = isPropertyBag(msg.additional_kwargs) ? msg.additional_kwargs : {};
  const reasoningText = readString(msg.reasoning_content) ?? readString(extra.reasoning_content);
  if (reasoningText) parts.push({ kind: "reasoning", text: reasoningText });
  for (const part of parseContent(messageContent(msg))) parts.push(part);
  const refusal = readString(msg.refusal);
  if (refusal) parts.push({ kind: "text", text: refusal });
  if (isPropertyBag(msg.audio)) parts.push(audioFrom(msg.audio));
  const calls = messageToolCalls(msg);
  parts = withoutRepeatedCalls(parts, calls);
  for (const part of calls) parts.push(part);
  const name = role === "tool" ? undefined : (readString(msg.name) ?? undefined);
  if (role === "tool") return [message(role, wrapToolParts(msg, parts), index)];
  return splitToolResults(role, parts, index, name);
}

function langChainSerialized(item: Record<string, unknown>, index: number): ParsedMessage[] | null {
  if (item.lc !== 1 || !Array.isArray(item.id) || !isPropertyBag(item.kwargs)) return null;
  const className = readString(item.id[item.id.length - 1]) ?? "";
  const kwargs = item.kwargs;
  const role = className === "ChatMessage" ? kwargs.role : className;
  return chatMessage(kwargs, role, index);
}

/** Parses one item; returns at least one message. */
export function parseMessageItem(item: unknown, index: number, defaultRole: MessageRole): Message[] {
  if (typeof item === "string") return [message(defaultRole, item === "" ? [] : [{ kind: "text", text: item }], index)];
  if (!isPropertyBag(item)) return [unparsedMessage(item, index)];

  const serialized = langChainSerialized(item, index);
  if (serialized) return serialized;
  if (typeof item.role === "string" && item.role !== "") return chatMessage(item, item.role, index);

  const type = readString(item.type);
  if (type === "function" && isPropertyBag(item.function)) return [message(defaultRole, parseBlock(item), index)];
  // Responses / Agents `message` items sometimes come without a role (outputs are the assistant's).
  if (type === "message" && (item.content !== undefined || item.parts !== undefined)) return chatMessage(item, defaultRole, index);
  if (type !== null && LANGCHAIN_ROLE_TYPES.has(type)) return chatMessage(item, type === "chat" || type === "generic" ? item.role : type, index);
  // Choice wrappers: OpenAI `{message}`, streaming `{delta}`, Gemini candidates `{content: {parts}}`.
  const wrapped = isPropertyBag(item.message) ? item.message : isPropertyBag(item.delta) ? item.delta : null;
  // No recursion here: hostile input may nest `message` wrappers arbitrarily deep.
  if (wrapped) return chatMessage(wrapped, typeof wrapped.role === "string" && wrapped.role !== "" ? wrapped.role : "assistant", index);
  if (isPropertyBag(item.content) && Array.isArray(item.content.parts)) {
    return chatMessage(item.content, item.content.role ?? "assistant", index);
  }
  if (type !== null) {
    const responses = parseResponsesItem(item, index);
    if (responses) return [responses];
    if (BARE_BLOCK_TYPES.has(type)) return splitToolResults(defaultRole, parseBlock(item), index);
    return [unparsedMessage(item, index)];
  }
  if (Array.isArray(item.parts)) return chatMessage(item, defaultRole, index);
  if (typeof item.text === "string") return [message(defaultRole, item.text === "" ? [] : [{ kind: "text", text: item.text }], index)];
  if (typeof item.content === "string" || Array.isArray(item.content)) return chatMessage(item, defaultRole, index);
  return [unparsedMessage(item, index)];
}
