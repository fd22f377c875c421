/**
 * Labels from a classifier run in this process (`createEmotionClassifier` / `createToxicityClassifier`
 * of tracelens/inference, or any object with the same `{ labels, scores }` results). The output is
 * untrusted: anything that is not a list of label names and 0–1 scores is refused, never shown.
 */
import type { EventEmotionLabels, EventToxicityLabels } from "./eventLabels";
import { isPropertyBag } from "./eventsAccess";
import type { MessageLabels } from "./messageLabels";

/** One text's result from an emotion or toxicity classifier. */
export interface LabelClassification {
  labels: readonly string[];
  scores: Readonly<Record<string, number>>;
}

/** Labels the toxicity model calls severe. */
const SEVERE = new Set(["hate_speech", "severe_toxicity"]);
/** A toxicity classifier's "neither" class; it never counts as a label. */
const CLEAN = new Set(["none", "neither", "non-toxic", "not_toxic"]);
/** Label names are short identifiers; anything else is a model or host bug, not something to display. */
const MAX_LABEL_LENGTH = 64;

/** A classifier result checked for shape; null when it is unreadable. */
export function readLabelClassification(value: unknown): LabelClassification | null {
  if (!isPropertyBag(value) || !Array.isArray(value.labels)) return null;
  const labels = value.labels.filter((label): label is string => typeof label === "string" && label.length > 0 && label.length <= MAX_LABEL_LENGTH);
  if (labels.length !== value.labels.length) return null;
  const scores: Record<string, number> = {};
  if (isPropertyBag(value.scores)) {
    for (const [label, score] of Object.entries(value.scores)) {
      if (typeof score === "number" && score >= 0 && score <= 1) scores[label] = score;
    }
  }
  return { labels: [...new Set(labels)], scores };
}

export function emotionFromClassification(result: LabelClassification): EventEmotionLabels {
  const scores = Object.keys(result.scores).length > 0 ? { ...result.scores } : null;
  return { labels: [...result.labels], primary: result.labels.find((label) => label !== "neutral") ?? null, scores, source: "local" };
}

export function toxicityFromClassification(result: LabelClassification): EventToxicityLabels {
  const labels = result.labels.filter((label) => !CLEAN.has(label));
  const scores = Object.keys(result.scores).length > 0 ? { ...result.scores } : null;
  return { labels, toxic: labels.length > 0, severe: labels.some((label) => SEVERE.has(label)), scores, source: "local" };
}

/** One message's labels from the two classifiers' results (either may be absent). */
export function messageLabelsFromClassifications(emotion: LabelClassification | null | undefined, toxicity: LabelClassification | null | undefined): MessageLabels {
  return { emotion: emotion ? emotionFromClassification(emotion) : null, toxicity: toxicity ? toxicityFromClassification(toxicity) : null };
}
