/**
 * What the emotion and toxicity chips show, from any label shape: one message's labels, a trace's
 * summed labels, a lookup failure, or nothing. Text only; the views never render it as HTML.
 */
import { isLabelsError, type LabelsError, type LabelsResult, type MessageLabels } from "../../core/messageLabels";
import type { EventLabelSource } from "../../core/eventLabels";

/** Labels a chip can be given. */
export type ChipLabels = LabelsResult | MessageLabels | LabelsError | null | undefined;

/** Shown wherever toxicity labels are offered. */
export const TOXICITY_BIAS_NOTE =
  "Toxicity models are known to flag African-American English and reclaimed words more often than other text, and to miss politely phrased hostility: read the conversation before acting on a label.";

export interface ChipEntry {
  label: string;
  /** The label in words ("offensive language"). */
  text: string;
  score: number | null;
  /** User messages it applied to (trace summaries only). */
  messages: number | null;
}

export interface ChipModel {
  state: "loading" | "error" | "none" | "ready";
  entries: ChipEntry[];
  /** Messages judged (1 for a single message). */
  judged: number;
  source: "properties" | "local" | EventLabelSource | null;
  error: string | null;
}

export function labelText(label: string): string {
  return label.replace(/_/g, " ");
}

const percent = (score: number | null) => (score === null ? "" : ` ${Math.round(score * 100)}%`);

function isMessageLabels(value: object): value is MessageLabels {
  return "emotion" in value && !("emotions" in value);
}

function base(value: ChipLabels, loading: boolean | undefined): ChipModel | null {
  if (loading && !value) return { state: "loading", entries: [], judged: 0, source: null, error: null };
  if (isLabelsError(value)) return { state: "error", entries: [], judged: 0, source: null, error: value.error };
  if (!value || typeof value !== "object") return { state: "none", entries: [], judged: 0, source: null, error: null };
  return null;
}

export function emotionChipModel(value: ChipLabels, loading?: boolean): ChipModel {
  const early = base(value, loading);
  if (early) return early;
  if (isMessageLabels(value!)) {
    const emotion = value.emotion;
    if (!emotion) return { state: "none", entries: [], judged: 0, source: null, error: null };
    const entries = emotion.labels.map((label) => ({ label, text: labelText(label), score: emotion.scores?.[label] ?? null, messages: null }));
    return { state: "ready", entries, judged: 1, source: emotion.source, error: null };
  }
  const result = value as LabelsResult;
  if (result.emotionMessages === 0) return { state: "none", entries: [], judged: 0, source: result.source, error: null };
  const entries = result.emotions.map((count) => ({ label: count.label, text: labelText(count.label), score: count.score, messages: count.messages }));
  return { state: "ready", entries, judged: result.emotionMessages, source: result.source, error: null };
}

export function toxicityChipModel(value: ChipLabels, loading?: boolean): ChipModel & { severe: boolean } {
  const early = base(value, loading);
  if (early) return { ...early, severe: false };
  if (isMessageLabels(value!)) {
    const toxicity = value.toxicity;
    if (!toxicity) return { state: "none", entries: [], judged: 0, source: null, error: null, severe: false };
    const entries = toxicity.labels.map((label) => ({ label, text: labelText(label), score: toxicity.scores?.[label] ?? null, messages: null }));
    return { state: "ready", entries, judged: 1, source: toxicity.source, error: null, severe: toxicity.severe };
  }
  const result = value as LabelsResult;
  if (result.toxicityMessages === 0) return { state: "none", entries: [], judged: 0, source: result.source, error: null, severe: false };
  const entries = result.toxicity.map((count) => ({ label: count.label, text: labelText(count.label), score: count.score, messages: count.messages }));
  return { state: "ready", entries, judged: result.toxicityMessages, source: result.source, error: null, severe: result.severe };
}

const SOURCE_TEXT: Record<string, string> = {
  properties: "stored on the events",
  tracelens: "stored on the event",
  "posthog-llm": "stored on the event (PostHog-LLM)",
  local: "classified in this browser",
};

/** One line per label, with score and message count, then where the labels came from. */
export function describeEntries(entries: readonly ChipEntry[], model: ChipModel): string {
  const lines = entries.map((entry) => `${entry.text}${percent(entry.score)}${entry.messages !== null && model.judged > 1 ? ` (${entry.messages} of ${model.judged} messages)` : ""}`);
  if (model.source) lines.push(`Labels ${SOURCE_TEXT[model.source] ?? model.source}`);
  return lines.join("\n");
}
