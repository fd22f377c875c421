/**
 * One input item (an element of `$ai_input`, a choice, a Responses item) → one or more messages.
 */
import { isPropertyBag, readBoolean, readId, readString } from "../eventsAccess";
import { parseBlock, parseContent } from "./messageBlocks";
import { audioFrom } from "./messageMedia";
import { parseResponsesItem } from "./messageResponses";
import { messageToolCalls } from "./messageToolCalls";
import type { Message, MessagePart, MessageRole, ParsedMessage, ToolResultPart } from "./messageTypes";

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
  developer: "developer",
  tool: "tool",
  toolmessage: "tool",
  function: "tool",
  functionmessage: "tool",
  ipython: "tool",
};

/** LangChain `type` values that name a role (other `type`s are content or Responses items). */
const LANGCHAIN_ROLE_TYPES = new Set(["human", "ai", "system", "tool", "function", "chat", "generic", "developer", "AIMessageChunk", "HumanMessageChunk"]);

/** Block types that may appear as bare items (e.g. an output list of Anthropic blocks). */
const BARE_BLOCK_TYPES = new Set([
  "text", "input_text", "output_text", "refusal", "image_url", "input_image", "image", "document", "file", "input_file",
  "input_audio", "audio", "tool_use", "server_tool_use", "tool-call", "tool_call", "tool_result", "tool-result",
  "tool_call_response", "thinking", "redacted_thinking",
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

/** Unrecognised input, kept whole so a JSON view can show it. */
export function unparsedMessage(raw: unknown, index: number): Message {
  return { kind: "unparsed", role: "unknown", parts: [], index, raw };
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

/** Chat-style message with a known role: OpenAI chat, Anthropic, LangChain dict, OTel/Gemini parts. */
function chatMessage(msg: Record<string, unknown>, roleValue: unknown, index: number): ParsedMessage[] {
  const role = normalizeMessageRole(roleValue);
  const parts: MessagePart[] = [];
  const extra = isPropertyBag(msg.additional_kwargs) ? msg.additional_kwargs : {};
  const reasoningText = readString(msg.reasoning_content) ?? readString(extra.reasoning_content);
  if (reasoningText) parts.push({ kind: "reasoning", text: reasoningText });
  const content = msg.content !== undefined ? msg.content : msg.parts;
  for (const part of parseContent(content)) parts.push(part);
  const refusal = readString(msg.refusal);
  if (refusal) parts.push({ kind: "text", text: refusal });
  if (isPropertyBag(msg.audio)) parts.push(audioFrom(msg.audio));
  for (const part of messageToolCalls(msg)) parts.push(part);
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
