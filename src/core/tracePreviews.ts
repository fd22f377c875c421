/**
 * Input/output previews for table rows, cut to a few hundred characters while they are extracted, so a
 * row never holds (let alone renders) a whole conversation. Plain text only: previews are never markdown.
 */
import type { LLMTrace, LLMTraceEvent } from "./eventsTrace";
import { parseMessages, parseOutputMessages, type Message, type MessagePart } from "./messages";
import { boundedJson, boundedString, cutText, squashWhitespace } from "./boundedText";

/** Characters a preview keeps (PostHog's minimal message display keeps 500; a table cell shows ~2 lines). */
export const PREVIEW_MAX_CHARS = 300;

export interface MessagePreview {
  /** At most {@link PREVIEW_MAX_CHARS} characters. */
  text: string;
  role: string;
}

function partText(part: MessagePart, max: number): string {
  switch (part.kind) {
    case "text":
    case "reasoning":
      return part.text.slice(0, max);
    case "tool-call":
      return `${part.name}(${part.rawArguments.slice(0, max)})`;
    case "tool-result":
      return part.content.map((inner) => partText(inner, max)).join(" ");
    case "image":
      return part.omitted?.reason === "redacted" ? "[image redacted]" : "[image]";
    case "video":
      return part.omitted?.reason === "redacted" ? "[video redacted]" : "[video]";
    case "file":
      return part.filename ? `[file ${part.filename.slice(0, 80)}]` : part.omitted?.reason === "redacted" ? "[file redacted]" : "[file]";
    case "audio":
      return part.transcript ? part.transcript.slice(0, max) : part.omitted?.reason === "redacted" ? "[audio redacted]" : "[audio]";
    case "source":
      return `[source ${(part.title ?? part.url ?? "").slice(0, 80)}]`;
    case "json":
      return boundedJson(part.value, max);
    default:
      return "";
  }
}

/** The text of one message, cut to `max`. */
export function messageText(message: Message, max = PREVIEW_MAX_CHARS): string {
  if (message.kind === "unparsed") return boundedJson(message.raw, max);
  let text = "";
  for (const part of message.parts) {
    if (text.length >= max) break;
    const piece = partText(part, max);
    if (piece) text = text ? `${text} ${piece}` : piece;
  }
  return cutText(squashWhitespace(text.slice(0, max + 1)), max);
}

function lastWithText(messages: readonly Message[], skipSystem: boolean): MessagePreview | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (skipSystem && (message.role === "system" || message.role === "developer")) continue;
    const text = messageText(message);
    if (text) return { text, role: message.role };
  }
  return null;
}

function properties(event: LLMTraceEvent | undefined): Record<string, unknown> {
  const props = event?.properties;
  return props && typeof props === "object" ? (props as Record<string, unknown>) : {};
}

/** Generations of a trace, in time order (TracesQuery returns them sorted; hosts may not). */
export function traceGenerations(trace: LLMTrace): LLMTraceEvent[] {
  const events = Array.isArray(trace.events) ? trace.events : [];
  return events.filter((e) => e && typeof e === "object" && e.event === "$ai_generation");
}

/**
 * The last user message of a generation's input (`$ai_input`); when there is none, the last
 * non-system message. In agent loops the last input item is usually a tool result, which says
 * little about what the trace was asked.
 */
export function generationInputPreview(event: LLMTraceEvent): MessagePreview | null {
  const messages = parseMessages(properties(event).$ai_input);
  return lastWithText(messages.filter((message) => message.role === "user"), true) ?? lastWithText(messages, true);
}

const outputMessagesCache = new WeakMap<object, Message[]>();

/** A generation's output messages, parsed once per event (the output preview and the tools column share it). */
export function generationOutputMessages(event: LLMTraceEvent): Message[] {
  const cached = outputMessagesCache.get(event);
  if (cached) return cached;
  const props = properties(event);
  let messages: Message[];
  try {
    messages = parseOutputMessages(props.$ai_output_choices, props.$ai_output);
  } catch {
    messages = [];
  }
  outputMessagesCache.set(event, messages);
  return messages;
}

/** The last output message of a generation. */
export function generationOutputPreview(event: LLMTraceEvent): MessagePreview | null {
  return lastWithText(generationOutputMessages(event), false);
}

/** The one string of a `{question: "…"}`-like state object, if that is all it holds. */
function soleString(state: unknown): string | null {
  if (!state || typeof state !== "object" || Array.isArray(state)) return null;
  const keys = Object.keys(state);
  if (keys.length !== 1) return null;
  const value = (state as Record<string, unknown>)[keys[0]!];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** A span or trace state that reads as a conversation, or as one named text (`{question: "…"}`). */
function statePreview(state: unknown, role: string): MessagePreview | null {
  if (state === undefined || state === null || state === "") return null;
  const sole = soleString(state);
  if (sole !== null) return { text: cutText(squashWhitespace(sole.slice(0, PREVIEW_MAX_CHARS + 1)), PREVIEW_MAX_CHARS), role };
  const parsed = lastWithText(parseMessages(state, { defaultRole: role }), role === "user");
  if (parsed && parsed.role !== "unknown") return parsed;
  return null;
}

function rawPreview(state: unknown): MessagePreview | null {
  if (state === undefined || state === null || state === "") return null;
  const text = squashWhitespace(boundedString(state, PREVIEW_MAX_CHARS));
  return text ? { text, role: "unknown" } : null;
}

function spanState(trace: LLMTrace, key: "$ai_input_state" | "$ai_output_state"): unknown {
  const events = Array.isArray(trace.events) ? trace.events : [];
  const spans = events.filter((e) => e && typeof e === "object" && e.event === "$ai_span");
  const span = key === "$ai_input_state" ? spans[0] : spans[spans.length - 1];
  return properties(span)[key];
}

const inputCache = new WeakMap<object, MessagePreview | null>();
const outputCache = new WeakMap<object, MessagePreview | null>();

/** One preview per trace object; a trace too odd to read gives none rather than an error. */
function cachedPreview(cache: WeakMap<object, MessagePreview | null>, trace: LLMTrace, read: (last: LLMTraceEvent | undefined) => MessagePreview | null): MessagePreview | null {
  if (cache.has(trace)) return cache.get(trace)!;
  let preview: MessagePreview | null = null;
  try {
    const generations = traceGenerations(trace);
    preview = read(generations[generations.length - 1]);
  } catch {
    preview = null;
  }
  cache.set(trace, preview);
  return preview;
}

/**
 * A trace's last input message, in PostHog's order: the `$ai_trace` input state when it reads as messages,
 * then the generations (the last generation's last non-system input), then a raw dump of any state.
 */
export function traceInputPreview(trace: LLMTrace): MessagePreview | null {
  return cachedPreview(inputCache, trace, (last) =>
    statePreview(trace.inputState, "user") ??
    (last ? generationInputPreview(last) : null) ??
    statePreview(spanState(trace, "$ai_input_state"), "user") ??
    rawPreview(trace.inputState) ??
    rawPreview(spanState(trace, "$ai_input_state")));
}

/** A trace's last output message: output state, then the last generation's output, then a raw dump. */
export function traceOutputPreview(trace: LLMTrace): MessagePreview | null {
  return cachedPreview(outputCache, trace, (last) =>
    statePreview(trace.outputState, "assistant") ??
    (last ? generationOutputPreview(last) : null) ??
    statePreview(spanState(trace, "$ai_output_state"), "assistant") ??
    rawPreview(trace.outputState) ??
    rawPreview(spanState(trace, "$ai_output_state")));
}
