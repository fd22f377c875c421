/**
 * Emotion and toxicity labels of user messages, shaped like PostHog's sentiment results (per
 * generation, keyed by the message's index in `$ai_input`), so the UI shows them where it shows
 * sentiment. Two sources: labels a host stored on its events (read by `readEventLabels`, which
 * describe the generation's last user turn), or a local classifier run over every user message.
 */
import { readEventLabels, type EventEmotionLabels, type EventToxicityLabels } from "./eventLabels";
import { isPropertyBag } from "./eventsAccess";
import type { LLMTrace, LLMTraceEvent } from "./eventsTrace";
import { extractUserMessages } from "./sentiment/extract";

/** One user message's labels; a part is null when nothing labelled it. */
export interface MessageLabels {
  emotion: EventEmotionLabels | null;
  toxicity: EventToxicityLabels | null;
}

/** One generation's labels, per user message (keyed by its index in `$ai_input`, as sentiment's `messages`). */
export interface GenerationLabels {
  messages: Record<string, MessageLabels>;
}

/** How often a label applied, over the user messages of a trace (or a generation). */
export interface LabelCount {
  label: string;
  /** User messages it applied to. */
  messages: number;
  /** Its highest score among them, when scores were stored. */
  score: number | null;
}

/** A trace's (or a generation's) labels, summed over its user messages. */
export interface LabelsResult {
  /** Emotions that applied to any user message: most messages first, then highest score; `neutral` last. */
  emotions: LabelCount[];
  /** Toxic labels that applied (never `none`), most messages first. */
  toxicity: LabelCount[];
  /** Some user message was judged toxic. */
  toxic: boolean;
  /** Some user message was judged severely toxic (`hate_speech`, PostHog-LLM's `severe_toxicity`). */
  severe: boolean;
  /** User messages with an emotion result / with a toxicity result. */
  emotionMessages: number;
  toxicityMessages: number;
  /** Per generation (event id), per message. */
  generations: Record<string, GenerationLabels>;
  /** Where the labels came from: the events' properties, or a classifier in this process. */
  source: "properties" | "local";
}

/** What a label lookup returns for an id it could not label. */
export interface LabelsError {
  error: string;
}

export function isLabelsError(value: unknown): value is LabelsError {
  return isPropertyBag(value) && typeof value.error === "string" && !("emotions" in value);
}

/** The index in `$ai_input` of the user turn an event's stored labels describe (its last user message). */
export function labelledMessageIndex(properties: unknown): number {
  const bag = isPropertyBag(properties) ? properties : {};
  const last = extractUserMessages(bag.$ai_input ?? bag.$llm_input).at(-1);
  // An event whose input has no user message still carries its labels; they describe message 0.
  return last?.index ?? 0;
}

/** The stored user-side labels of one event, placed on the message they describe; null when it carries none. */
export function generationLabelsFromEvent(event: Pick<LLMTraceEvent, "properties">): GenerationLabels | null {
  const { user } = readEventLabels(event?.properties);
  if (user.emotion === null && user.toxicity === null) return null;
  return { messages: { [String(labelledMessageIndex(event.properties))]: { emotion: user.emotion, toxicity: user.toxicity } } };
}

function bump(counts: Map<string, LabelCount>, label: string, score: number | null | undefined): void {
  const entry = counts.get(label) ?? { label, messages: 0, score: null };
  entry.messages += 1;
  if (typeof score === "number" && Number.isFinite(score)) entry.score = Math.max(entry.score ?? 0, score);
  counts.set(label, entry);
}

function ranked(counts: Map<string, LabelCount>): LabelCount[] {
  return [...counts.values()].sort(
    (a, b) => Number(a.label === "neutral") - Number(b.label === "neutral") || b.messages - a.messages || (b.score ?? -1) - (a.score ?? -1) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
}

/** Sums per-message labels into one result. Pure; never throws on partial data. */
export function summarizeLabels(generations: Record<string, GenerationLabels>, source: LabelsResult["source"]): LabelsResult {
  const emotions = new Map<string, LabelCount>();
  const toxicity = new Map<string, LabelCount>();
  let toxic = false;
  let severe = false;
  let emotionMessages = 0;
  let toxicityMessages = 0;
  for (const generation of Object.values(generations)) {
    for (const message of Object.values(generation?.messages ?? {})) {
      if (message?.emotion) {
        emotionMessages += 1;
        for (const label of new Set(message.emotion.labels)) bump(emotions, label, message.emotion.scores?.[label]);
      }
      if (message?.toxicity) {
        toxicityMessages += 1;
        toxic ||= message.toxicity.toxic;
        severe ||= message.toxicity.severe;
        for (const label of new Set(message.toxicity.labels)) bump(toxicity, label, message.toxicity.scores?.[label]);
      }
    }
  }
  return { emotions: ranked(emotions), toxicity: ranked(toxicity), toxic, severe, emotionMessages, toxicityMessages, generations, source };
}

/** Sets an own property, so ids such as "__proto__" never reach Object.prototype. */
export function setOwnLabels<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const fromProperties = new WeakMap<object, LabelsResult | null>();

/**
 * The labels a trace's events carry (host-supplied, tracelens' or PostHog-LLM's names), summed over
 * its generations; null when no event carries any. Cached per trace object.
 */
export function traceLabelsFromProperties(trace: Pick<LLMTrace, "events"> | null | undefined): LabelsResult | null {
  if (!trace || typeof trace !== "object") return null;
  if (fromProperties.has(trace)) return fromProperties.get(trace)!;
  const generations: Record<string, GenerationLabels> = {};
  for (const event of Array.isArray(trace.events) ? trace.events : []) {
    if (!event || typeof event !== "object" || typeof event.id !== "string") continue;
    const labels = generationLabelsFromEvent(event);
    if (labels) setOwnLabels(generations, event.id, labels);
  }
  const result = Object.keys(generations).length > 0 ? summarizeLabels(generations, "properties") : null;
  fromProperties.set(trace, result);
  return result;
}

/** One event's stored labels as a result (for generation rows); null when it carries none. */
export function eventLabelsResult(event: Pick<LLMTraceEvent, "id" | "properties"> | null | undefined): LabelsResult | null {
  if (!event || typeof event !== "object") return null;
  const labels = generationLabelsFromEvent(event);
  if (!labels) return null;
  const generations: Record<string, GenerationLabels> = {};
  setOwnLabels(generations, String(event.id), labels);
  return summarizeLabels(generations, "properties");
}
