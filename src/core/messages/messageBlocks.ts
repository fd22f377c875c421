/**
 * Content blocks → message parts. Covers OpenAI chat/Responses content parts, Anthropic blocks,
 * Vercel AI SDK parts, OTel GenAI parts and Gemini parts.
 */
import { isPropertyBag, readBoolean, readId, readString } from "../eventsAccess";
import { audioFrom, fromAnthropicSource, fromVercelData, imageFromUrl, mediaPart, openAiFile } from "./messageMedia";
import { makeToolCall } from "./messageToolCalls";
import type { MessagePart, ReasoningPart, ToolResultPart } from "./messageTypes";

const TEXT_TYPES = new Set(["text", "input_text", "output_text", "summary_text"]);

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
  if (nested) return [{ kind: "json", value: { toolCallId, name, content } }];
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
    if (content.type === "text" || content.type === "error-text") return toolResultContent(readString(content.value) ?? "");
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

/** One block. Unknown objects become a `json` part so nothing silently disappears. */
export function parseBlock(block: unknown, nested = false): MessagePart[] {
  if (typeof block === "string") return block === "" ? [] : [{ kind: "text", text: block }];
  if (!isPropertyBag(block)) return block === undefined || block === null ? [] : [{ kind: "json", value: block }];
  const type = readString(block.type);
  switch (type) {
    case "text":
    case "input_text":
    case "output_text":
    case "summary_text": {
      // Assistants-API text is `{value, annotations}`; OTel text parts use `content`.
      const assistantsText = isPropertyBag(block.text) ? readString(block.text.value) : null;
      const text = readString(block.text) ?? assistantsText ?? readString(block.content);
      return text === null ? [{ kind: "json", value: block }] : [{ kind: "text", text }];
    }
    case "refusal":
      return [{ kind: "text", text: readString(block.refusal) ?? readString(block.text) ?? "" }];
    case "image_url":
      return [imageFromUrl(block.image_url)];
    case "input_image": {
      const part = imageFromUrl(block.image_url, block.detail);
      const fileId = readString(block.file_id);
      if (fileId) part.fileId = fileId;
      return [part];
    }
    case "image":
      if (block.source !== undefined) return [fromAnthropicSource("image", block.source)];
      return [fromVercelData("image", block.image ?? block.data ?? block.url, block.mediaType ?? block.mimeType)];
    case "document":
      return [withFilename(fromAnthropicSource("file", block.source), block.title)];
    case "file":
      if (isPropertyBag(block.file)) return [openAiFile(block.file)];
      return [fromVercelData("file", block.data ?? block.url, block.mediaType ?? block.mimeType, block.filename)];
    case "input_file":
      return [openAiFile(block)];
    case "input_audio":
      return [audioFrom(block.input_audio ?? block)];
    case "audio":
      return [audioFrom(block.audio ?? block)];
    case "tool_use":
    case "server_tool_use":
    case "mcp_tool_use":
      return [makeToolCall(block.name, block.id, block.input)];
    case "tool-call":
      return [makeToolCall(block.toolName, block.toolCallId, block.input !== undefined ? block.input : block.args)];
    case "tool_call":
      return [makeToolCall(block.name, block.id ?? block.call_id, block.arguments !== undefined ? block.arguments : block.args)];
    case "function":
      if (isPropertyBag(block.function)) return [makeToolCall(block.function.name, block.id, block.function.arguments)];
      break;
    case "tool_result":
    case "mcp_tool_result":
      return toolResult(block.tool_use_id, block.name, block.content, block.is_error, nested);
    case "tool-result":
      return toolResult(block.toolCallId, block.toolName, block.output !== undefined ? block.output : block.result, block.isError, nested);
    case "tool_call_response":
      return toolResult(block.id ?? block.call_id, block.name, block.response !== undefined ? block.response : block.result, undefined, nested);
    case "thinking":
      return reasoning(block.thinking, readString(block.signature) ? { signature: block.signature as string } : {});
    case "redacted_thinking":
      return reasoning("", { redacted: true });
    case "reasoning":
    case "reasoning_text":
      return reasoning(block.text ?? block.content);
    case "blob":
    case "uri":
      return [mediaPart(readString(block.mime_type) ?? readString(block.modality), { data: block.content, url: block.uri })];
    default:
      break;
  }
  if (type !== null && type.endsWith("_tool_result")) {
    // Anthropic server tools (web_search_tool_result, code_execution_tool_result, ...).
    return toolResult(block.tool_use_id, type.slice(0, -"_tool_result".length), block.content, undefined, nested);
  }
  return parseGeminiPart(block, nested) ?? parseLooseBlock(block, type);
}

function withFilename<T extends MessagePart>(part: T, title: unknown): T {
  if (part.kind === "file" && typeof title === "string" && title !== "") part.filename = title;
  return part;
}

/** Gemini parts carry no `type`: `text`, `inlineData`, `fileData`, `functionCall`, `functionResponse`. */
function parseGeminiPart(part: Record<string, unknown>, nested: boolean): MessagePart[] | null {
  if (part.type !== undefined) return null;
  const inline = part.inlineData ?? part.inline_data;
  if (isPropertyBag(inline)) return [mediaPart(readString(inline.mimeType ?? inline.mime_type), { data: inline.data })];
  const fileData = part.fileData ?? part.file_data;
  if (isPropertyBag(fileData)) return [mediaPart(readString(fileData.mimeType ?? fileData.mime_type), { url: fileData.fileUri ?? fileData.file_uri })];
  const call = part.functionCall ?? part.function_call;
  if (isPropertyBag(call)) return [makeToolCall(call.name, call.id, call.args !== undefined ? call.args : call.arguments)];
  const response = part.functionResponse ?? part.function_response;
  if (isPropertyBag(response)) return toolResult(response.id, response.name, response.response, undefined, nested);
  if (typeof part.text === "string") {
    if (readBoolean(part.thought) === true) return reasoning(part.text);
    return part.text === "" ? [] : [{ kind: "text", text: part.text }];
  }
  return null;
}

/** Untyped or unknown-typed blocks: keep text when there is some, else show the JSON. */
function parseLooseBlock(block: Record<string, unknown>, type: string | null): MessagePart[] {
  if (type === null || !TEXT_TYPES.has(type)) {
    const text = readString(block.text) ?? (type === null ? readString(block.content) : null);
    if (text !== null) return [{ kind: "text", text }];
  }
  return [{ kind: "json", value: block }];
}
