/** What the Conversation tab shows for each kind of node. */
import { isPropertyBag, readBoolean, readString } from "../../core/eventsAccess";
import type { LLMTrace } from "../../core/eventsTrace";
import { mediaOmissionOf, parseMessages, parseOutputMessages, parseToolDefinitions, type MediaPart, type Message, type ToolDefinition } from "../../core/messages";
import { mediaKindOf, newMediaPart } from "../../core/messages/messageMediaSource";
import { eventDetails, spanKindOf, type EventDetail } from "../../core/spanKinds";
import type { TraceTree, TraceTreeNode } from "../../core/trace";
import { parseJsonObjectText } from "../ui/jsonViewModel";
import { nodeError, nodeProperties } from "./traceDetailModel";

/** One side of a conversation: messages, or a state that is not a message list. */
export type ConversationSide =
  /** `extra`: the other keys of a state whose `messages` are shown (LangGraph state). */
  | { kind: "messages"; messages: Message[]; extra?: Record<string, unknown> }
  | { kind: "value"; value: unknown }
  /** A state that is only an SDK media placeholder (speech and transcription spans). */
  | { kind: "media"; part: MediaPart }
  | { kind: "none" };

export interface ConversationModel {
  input: ConversationSide;
  output: ConversationSide;
  tools: ToolDefinition[];
  error: unknown;
  /** Labelled facts: span kind, handoffs, guardrail verdict, custom data, stop reason, … */
  details: EventDetail[];
  /** For evaluations: the verdict and reasoning. */
  evaluation: { name: string; result: "pass" | "fail" | "n/a" | "unknown"; reasoning: string | null; runtime: string | null; model: string | null } | null;
}

function side(value: unknown, parse: () => Message[]): ConversationSide {
  if (value === undefined || value === null || value === "") return { kind: "none" };
  const messages = parse();
  if (messages.length === 0) return { kind: "none" };
  return { kind: "messages", messages };
}

/**
 * A state (`$ai_input_state` / `$ai_output_state`): messages when it is a message list, otherwise
 * the value itself (strings that hold JSON are parsed), since states are free-form by design.
 */
function stateSide(value: unknown, mediaKind: MediaPart["kind"] = "file"): ConversationSide {
  if (value === undefined || value === null || value === "") return { kind: "none" };
  const omission = typeof value === "string" ? mediaOmissionOf(value) : null;
  if (omission) {
    const part = newMediaPart(mediaKindOf(omission.mediaType, mediaKind));
    part.omitted = omission;
    if (omission.mediaType) part.mediaType = omission.mediaType;
    return { kind: "media", part };
  }
  if (typeof value === "string") {
    const json = parseJsonObjectText(value);
    if (!json) return { kind: "value", value };
    value = json.value;
  }
  if (Array.isArray(value) && value.length > 0 && value.every((item) => isPropertyBag(item) && ("role" in item || "type" in item))) {
    const messages = parseMessages(value);
    if (messages.some((message) => message.kind === "message")) return { kind: "messages", messages };
  } else if (isPropertyBag(value) && Array.isArray(value.messages)) {
    const messages = parseMessages(value.messages);
    if (messages.some((message) => message.kind === "message")) {
      const { messages: _shown, ...rest } = value;
      return Object.keys(rest).length > 0 ? { kind: "messages", messages, extra: rest } : { kind: "messages", messages };
    }
  } else if (isSingleMessage(value)) {
    const messages = parseMessages([value]);
    if (messages.every((message) => message.kind === "message")) return { kind: "messages", messages };
  }
  return { kind: "value", value };
}

const LANGCHAIN_MESSAGE_TYPES = new Set(["human", "ai", "system", "tool", "function", "developer", "context", "chat", "AIMessageChunk", "HumanMessageChunk"]);

/** One message used as a whole state: a LangChain message dump (`{type: "ai", content, …}`) or `{role, content}`. */
function isSingleMessage(value: unknown): value is Record<string, unknown> {
  if (!isPropertyBag(value)) return false;
  const hasContent = "content" in value || "tool_calls" in value || "parts" in value;
  if (typeof value.type === "string" && LANGCHAIN_MESSAGE_TYPES.has(value.type) && hasContent) return true;
  if (value.lc === 1 && Array.isArray(value.id) && isPropertyBag(value.kwargs)) return true;
  return typeof value.role === "string" && hasContent;
}

function evaluationOf(node: TraceTreeNode): ConversationModel["evaluation"] {
  const p = nodeProperties(node);
  const applicable = readBoolean(p.$ai_evaluation_applicable);
  const result = readBoolean(p.$ai_evaluation_result);
  return {
    name: readString(p.$ai_evaluation_name) || "Evaluation",
    result: applicable === false ? "n/a" : result === true ? "pass" : result === false ? "fail" : "unknown",
    reasoning: readString(p.$ai_evaluation_reasoning),
    runtime: readString(p.$ai_evaluation_runtime),
    model: readString(p.$ai_evaluation_model),
  };
}

/** Builds the conversation of a node; never throws (the parsers do not). */
export function conversationOf(node: TraceTreeNode, tree: TraceTree, trace: LLMTrace | null | undefined): ConversationModel {
  const p = nodeProperties(node);
  const base: ConversationModel = { input: { kind: "none" }, output: { kind: "none" }, tools: [], error: nodeError(node), evaluation: null, details: eventDetails(p) };
  switch (node.kind) {
    case "generation":
      return {
        ...base,
        input: side(p.$ai_input, () => parseMessages(p.$ai_input)),
        output: side(p.$ai_output_choices ?? p.$ai_output, () => parseOutputMessages(p.$ai_output_choices, p.$ai_output)),
        tools: parseToolDefinitions(p.$ai_tools),
      };
    case "embedding":
      return { ...base, input: side(p.$ai_input, () => parseMessages(p.$ai_input)) };
    case "evaluation":
      return { ...base, evaluation: evaluationOf(node) };
    case "trace": {
      const fromTrace = node === tree.root && trace ? trace : null;
      return {
        ...base,
        input: stateSide(p.$ai_input_state ?? fromTrace?.inputState),
        output: stateSide(p.$ai_output_state ?? fromTrace?.outputState),
      };
    }
    case "span": {
      // Agent speech spans put the text on `$ai_input`; read it when there is no input state.
      const kind = spanKindOf(p);
      const audio = kind === "speech" || kind === "transcription" || kind === "speech_group" ? "audio" : "file";
      return {
        ...base,
        input: stateSide(p.$ai_input_state ?? p.$ai_input, audio),
        output: stateSide(p.$ai_output_state ?? p.$ai_output ?? p.$ai_output_choices, audio),
      };
    }
    default:
      return { ...base, input: { kind: "value", value: p } };
  }
}
