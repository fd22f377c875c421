/**
 * Content blocks → message parts. Covers OpenAI chat/Responses content parts, Anthropic blocks,
 * Vercel AI SDK parts (input, output and OTel-mapped), OTel GenAI parts, LangChain standard
 * blocks and Gemini parts (see messageBlocksGemini.ts).
 */
import { isPropertyBag, readBoolean, readId, readString } from "../eventsAccess";
import { parseGeminiPart, parseTypedGeminiBlock } from "./messageBlocksGemini";
import { audioFrom, fromAnthropicSource, imageFromUrl, mediaFromBlock, mediaPart, openAiFile } from "./messageMedia";
import { makeToolCall } from "./messageToolCalls";
import type { MessagePart, ReasoningPart, SourcePart, ToolResultPart } from "./messageTypes";

const TEXT_TYPES = new Set(["text", "input_text", "output_text", "summary_text"]);

/** Block types `parseBlock` understands (a JSON string of such blocks is read as content). */
export const KNOWN_BLOCK_TYPES: ReadonlySet<string> = new Set([
  ...TEXT_TYPES, "refusal", "image_url", "input_image", "output_image", "image", "video", "document", "file", "media",
  "input_file", "input_audio", "audio", "blob", "uri", "tool_use", "server_tool_use", "mcp_tool_use", "tool-call",
  "tool_call", "function", "function_call", "function_call_output", "tool_result", "mcp_tool_result", "tool-result",
  "tool_call_response", "thinking", "redacted_thinking", "reasoning", "reasoning_text", "source", "object",
  "function_response", "executable_code", "code_execution_result", "web_search_result",
]);

/**
 * Content stored as a JSON string of blocks (`'[{"type":"text","text":"hi"}]'`): the blocks when
 * every one has a known type, else `null` so the string stays text (as PostHog does).
 */
export function blocksFromJsonString(content: string): unknown[] | null {
  const text = content.trim();
  if (!text.startsWith("[") || !text.endsWith("]") || text.length > 5_000_000) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const known = parsed.every((item) => isPropertyBag(item) && typeof item.type === "string" && KNOWN_BLOCK_TYPES.has(item.type));
  return known ? parsed : null;
}

/**
 * Parses message `content`: a string, a list of blocks, a single block, or an object.
 * `nested` is set inside tool results so that a tool result inside a tool result is kept as JSON
 * (bounded depth on hostile input).
 */
export function parseContent(content: unknown, nested = false): MessagePart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === "string") return content === "" ? [] : [{ kind: "text", text: content }];
  if (Array.isArray(content)) {
    const parts: MessagePart[] = [];
    for (const block of content) for (const part of parseBlock(block, nested)) parts.push(part);
    return parts;
  }
  return parseBlock(content, nested);
}

function toolResult(toolCallId: unknown, name: unknown, content: unknown, isError: unknown, nested: boolean): MessagePart[] {
  if (nested) return [{ kind: "json", value: { toolCallId, name, content }, label: "Nested tool result" }];
  const part: ToolResultPart = { kind: "tool-result", content: toolResultContent(content) };
  const id = readId(toolCallId);
  if (id !== null) part.toolCallId = id;
  const toolName = readString(name);
  if (toolName) part.name = toolName;
  if (readBoolean(isError) === true) part.isError = true;
  return [part];
}

/** Tool output: strings stay text, block lists are parsed one level, objects become JSON. */
function toolResultContent(content: unknown): MessagePart[] {
  if (typeof content === "string") return content === "" ? [] : [{ kind: "text", text: content }];
  if (Array.isArray(content)) return parseContent(content, true);
  if (isPropertyBag(content) && typeof content.type === "string") {
    // Vercel v5 outputs: {type: "text"|"json"|"error-text"|"error-json"|"content", value}.
    if (content.type === "text" || content.type === "error-text") return toolResultContent(readString(content.value) ?? readString(content.text) ?? "");
    if (content.type === "content" && Array.isArray(content.value)) return parseContent(content.value, true);
    if (content.type === "json" || content.type === "error-json") return [{ kind: "json", value: content.value }];
    return parseContent(content, true);
  }
  if (content === undefined || content === null) return [];
  return [{ kind: "json", value: content }];
}

function reasoning(text: unknown, extra: Partial<ReasoningPart> = {}): MessagePart[] {
  return [{ kind: "reasoning", text: readString(text) ?? "", ...extra }];
}

/** Reasoning text in any spelling: `text`, `content`, `reasoning` (Vercel v4), or a summary list. */
function reasoningText(block: Record<string, unknown>): string {
  for (const value of [block.text, block.content, block.reasoning, block.summary]) {
    if (typeof value === "string") return value;
    if (Array.isArray(value)) {
      const texts = value.map((entry) => (typeof entry === "string" ? entry : isPropertyBag(entry) ? readString(entry.text) : null)).filter((t): t is string => Boolean(t));
      if (texts.length > 0) return texts.join("\n\n");
    }
  }
  return "";
}

function source(block: Record<string, unknown>): MessagePart[] {
  const part: SourcePart = { kind: "source" };
  for (const [key, value] of [["url", block.url ?? block.uri], ["title", block.title], ["id", block.id ?? block.sourceId]] as const) {
    if (typeof value === "string" && value !== "") part[key] = value;
  }
  return [part];
}

/** `{type: "tool-call"}`: posthog-node's `{id, function: {name, arguments}}` wins over Vercel's `{toolCallId, toolName, input}`. */
function vercelToolCall(block: Record<string, unknown>): MessagePart[] {
  const fn = block.function;
  if (isPropertyBag(fn)) return [makeToolCall(fn.name, block.id ?? block.toolCallId, fn.arguments !== undefined ? fn.arguments : fn.args)];
  const args = block.input !== undefined ? block.input : block.args !== undefined ? block.args : block.arguments;
  return [makeToolCall(block.toolName ?? block.name, block.toolCallId ?? block.id, args)];
}

function anthropicToolUse(block: Record<string, unknown>): MessagePart[] {
  let input = block.input;
  // Streaming captures can leave `input` empty and the arguments in `partial_json`.
  const emptyInput = input === undefined || input === null || (isPropertyBag(input) && Object.keys(input).length === 0);
  if (emptyInput && typeof block.partial_json === "string" && block.partial_json.trim() !== "") input = block.partial_json;
  return [makeToolCall(block.name, block.id, input)];
}

/** One block. Unknown objects become a `json` part with the reason, so nothing silently disappears. */
export function parseBlock(block: unknown, nested = false): MessagePart[] {
  if (typeof block === "string") return block === "" ? [] : [{ kind: "text", text: block }];
  if (!isPropertyBag(block)) return block === undefined || block === null ? [] : [{ kind: "json", value: block, reason: `A ${typeof block} where a content block was expected` }];
  const type = readString(block.type);
  switch (type) {
    case "text":
    case "input_text":
    case "output_text":
    case "summary_text": {
      // Assistants-API text is `{value, annotations}`; OTel text parts use `content`.
      const assistantsText = isPropertyBag(block.text) ? readString(block.text.value) : null;
      const text = readString(block.text) ?? assistantsText ?? readString(block.content);
      if (text === "") return [];
      return text === null ? [{ kind: "json", value: block, reason: `A "${type}" block without text` }] : [{ kind: "text", text }];
    }
    case "refusal":
      return [{ kind: "text", text: readString(block.refusal) ?? readString(block.text) ?? "" }];
    case "image_url":
      return [imageFromUrl(block.image_url)];
    case "input_image":
    case "output_image": {
      const part = imageFromUrl(block.image_url ?? block.url, block.detail);
      const fileId = readString(block.file_id);
      if (fileId) part.fileId = fileId;
      return [part];
    }
    case "image":
      if (isPropertyBag(block.source)) return [fromAnthropicSource("image", block.source)];
      return [mediaFromBlock("image", block)];
    case "video":
      return [mediaFromBlock("video", block)];
    case "document": {
      const part = isPropertyBag(block.source) ? fromAnthropicSource("file", block.source) : mediaFromBlock("file", block);
      if (part.kind === "file" && typeof block.title === "string" && block.title !== "") part.filename = block.title;
      return [part];
    }
    case "file":
      if (isPropertyBag(block.file)) return [openAiFile(block.file)];
      return [mediaFromBlock("file", block)];
    case "media":
      return [mediaFromBlock("file", block)];
    case "input_file":
      return [openAiFile(block)];
    case "input_audio":
      return [audioFrom(block.input_audio ?? block)];
    case "audio":
      return [audioFrom(isPropertyBag(block.audio) ? block.audio : block)];
    case "blob":
    case "uri":
      return [mediaPart(readString(block.mime_type) ?? readString(block.modality), { data: block.content, url: block.uri })];
    case "tool_use":
    case "server_tool_use":
    case "mcp_tool_use":
      return anthropicToolUse(block);
    case "tool-call":
      return vercelToolCall(block);
    case "tool_call":
      return [makeToolCall(block.name, block.id ?? block.call_id, block.arguments !== undefined ? block.arguments : block.args)];
    case "function":
      if (isPropertyBag(block.function)) return [makeToolCall(block.function.name, block.id, block.function.arguments !== undefined ? block.function.arguments : block.function.args)];
      break;
    case "function_call":
      // Gemini's typed part carries `function_call`; a Responses item inside content carries name/arguments.
      if (!isPropertyBag(block.function_call) && !isPropertyBag(block.functionCall)) return [makeToolCall(block.name, block.call_id ?? block.id, block.arguments)];
      break;
    case "function_call_output":
      return toolResult(block.call_id, block.name, block.output !== undefined ? block.output : block.content, undefined, nested);
    case "tool_result":
    case "mcp_tool_result":
      return toolResult(block.tool_use_id, block.name, block.content, block.is_error, nested);
    case "tool-result":
      return toolResult(block.toolCallId, block.toolName, block.output !== undefined ? block.output : block.result, block.isError, nested);
    case "tool_call_response":
      return toolResult(block.id ?? block.call_id, block.name, block.response !== undefined ? block.response : block.result, undefined, nested);
    case "thinking":
      return reasoning(block.thinking ?? block.text, readString(block.signature) ? { signature: block.signature as string } : {});
    case "redacted_thinking":
      return reasoning("", { redacted: true });
    case "reasoning":
    case "reasoning_text":
      return reasoning(reasoningText(block));
    case "source":
    case "web_search_result":
      // Vercel `source` parts and the results inside Anthropic's web_search_tool_result.
      return source(block);
    case "object":
      return [{ kind: "json", value: block.object, label: "Structured output" }];
    default:
      break;
  }
  if (type !== null) {
    const gemini = parseTypedGeminiBlock(type, block, nested, toolResult);
    if (gemini) return gemini;
    if (type.endsWith("_tool_result")) {
      // Anthropic server tools (web_search_tool_result, code_execution_tool_result, ...).
      return toolResult(block.tool_use_id, type.slice(0, -"_tool_result".length), block.content, undefined, nested);
    }
  }
  return parseGeminiPart(block, nested, toolResult) ?? parseLooseBlock(block, type);
}

/** Untyped or unknown-typed blocks: keep text when there is some, else show the JSON with the reason. */
function parseLooseBlock(block: Record<string, unknown>, type: string | null): MessagePart[] {
  if (type === null || !TEXT_TYPES.has(type)) {
    const text = readString(block.text) ?? (type === null ? readString(block.content) : null);
    if (text !== null) return text === "" ? [] : [{ kind: "text", text }];
  }
  const reason = type === null ? "A content block without a type that tracelens does not recognise" : `Content block of type "${type.slice(0, 80)}", which tracelens does not recognise`;
  return [{ kind: "json", value: block, reason }];
}
