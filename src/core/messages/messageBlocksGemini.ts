/**
 * Gemini parts: the raw API spelling (untyped `{text}`, `{inlineData}`, `{functionCall}`, …, in
 * camel or snake case) and posthog-python's typed spelling (`{type: "image", inline_data}`,
 * `{type: "function_call", function_call}`, `{type: "executable_code", executable_code}`, …).
 */
import { isPropertyBag, readBoolean, readString } from "../eventsAccess";
import { mediaFromBlock } from "./messageMedia";
import { mediaKindOf } from "./messageMediaSource";
import { makeToolCall } from "./messageToolCalls";
import type { MessagePart, ToolResultPart } from "./messageTypes";

/** Tool results share one builder with the other block parsers (passed in to avoid a cycle). */
export type ToolResultBuilder = (toolCallId: unknown, name: unknown, content: unknown, isError: unknown, nested: boolean) => MessagePart[];

function functionCall(call: Record<string, unknown>): MessagePart[] {
  return [makeToolCall(call.name, call.id, call.args !== undefined ? call.args : call.arguments)];
}

function codeExecution(code: Record<string, unknown>): MessagePart[] {
  const args: Record<string, unknown> = {};
  if (code.language !== undefined) args.language = code.language;
  if (code.code !== undefined) args.code = code.code;
  return [makeToolCall("code_execution", code.id, args)];
}

function codeResult(result: Record<string, unknown>, toolResult: ToolResultBuilder, nested: boolean): MessagePart[] {
  const outcome = readString(result.outcome);
  const failed = outcome !== null && outcome !== "OUTCOME_OK";
  const parts = toolResult(result.id, "code_execution", result.output ?? "", failed, nested);
  const first = parts[0];
  if (first && first.kind === "tool-result" && outcome && failed) (first as ToolResultPart).content.push({ kind: "text", text: `Outcome: ${outcome}` });
  return parts;
}

/** The Gemini payload of a part, in whichever spelling it came. */
function payload(part: Record<string, unknown>, snake: string, camel: string): Record<string, unknown> | null {
  const value = part[snake] ?? part[camel];
  return isPropertyBag(value) ? value : null;
}

/**
 * An untyped Gemini part, or `null` when the object is not one. `inline_data` / `file_data`
 * pick their media kind from the MIME type (images, audio, video, documents).
 */
export function parseGeminiPart(part: Record<string, unknown>, nested: boolean, toolResult: ToolResultBuilder): MessagePart[] | null {
  if (part.type !== undefined) return null;
  const media = payload(part, "inline_data", "inlineData") ?? payload(part, "file_data", "fileData");
  if (media) return [mediaFromBlock(mediaKindOf(media.mime_type ?? media.mimeType, "file"), part)];
  const call = payload(part, "function_call", "functionCall");
  if (call) return functionCall(call);
  const response = payload(part, "function_response", "functionResponse");
  if (response) return toolResult(response.id, response.name, response.response, undefined, nested);
  const code = payload(part, "executable_code", "executableCode");
  if (code) return codeExecution(code);
  const result = payload(part, "code_execution_result", "codeExecutionResult");
  if (result) return codeResult(result, toolResult, nested);
  if (typeof part.text === "string") {
    if (readBoolean(part.thought) === true) return [{ kind: "reasoning", text: part.text }];
    return part.text === "" ? [] : [{ kind: "text", text: part.text }];
  }
  return null;
}

/** posthog-python's typed Gemini blocks; `null` when `type` is not one of them. */
export function parseTypedGeminiBlock(type: string, block: Record<string, unknown>, nested: boolean, toolResult: ToolResultBuilder): MessagePart[] | null {
  switch (type) {
    case "function_call": {
      const call = payload(block, "function_call", "functionCall");
      return call ? functionCall(call) : null;
    }
    case "function_response": {
      const response = payload(block, "function_response", "functionResponse");
      return response ? toolResult(response.id, response.name, response.response, undefined, nested) : null;
    }
    case "executable_code": {
      const code = payload(block, "executable_code", "executableCode");
      return code ? codeExecution(code) : null;
    }
    case "code_execution_result": {
      const result = payload(block, "code_execution_result", "codeExecutionResult");
      return result ? codeResult(result, toolResult, nested) : null;
    }
    default:
      return null;
  }
}
