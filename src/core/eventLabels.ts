/**
 * Classifier labels stored on LLM events: the property names tracelens' ingestion helper writes
 * (`labelEventProperties` in tracelens/inference) and the ones PostHog-LLM's plugins wrote, and pure
 * readers that turn either into one shape the UI can show. Readers never throw: a malformed value
 * is ignored (and the side reads as unlabelled) rather than trusted.
 *
 * PostHog-LLM (its emotion and toxicity services): `user_emotion` / `agent_emotion` hold the top
 * emotion over threshold other than `neutral`, or "" when none; `user_toxicity`,
 * `user_severe_toxicity`, `agent_toxicity`, `agent_severe_toxicity` hold 1 when the text was judged
 * toxic / severely toxic and 0 otherwise (its capture plugin deleted the zeros, so an absent
 * property may also mean "not toxic").
 */
import { isPropertyBag, readNumber, readString } from "./eventsAccess";

export type LabelSide = "user" | "agent";

/** Property names, per side. `tracelens_*` are tracelens' own; the others are PostHog-LLM's. */
export const EVENT_LABEL_PROPERTIES = {
  user: {
    sentiment: "tracelens_user_sentiment",
    sentimentScore: "tracelens_user_sentiment_score",
    emotions: "tracelens_user_emotions",
    emotionScores: "tracelens_user_emotion_scores",
    toxicity: "tracelens_user_toxicity",
    toxicityScores: "tracelens_user_toxicity_scores",
    posthogLlmEmotion: "user_emotion",
    posthogLlmToxicity: "user_toxicity",
    posthogLlmSevereToxicity: "user_severe_toxicity",
  },
  agent: {
    sentiment: "tracelens_agent_sentiment",
    sentimentScore: "tracelens_agent_sentiment_score",
    emotions: "tracelens_agent_emotions",
    emotionScores: "tracelens_agent_emotion_scores",
    toxicity: "tracelens_agent_toxicity",
    toxicityScores: "tracelens_agent_toxicity_scores",
    posthogLlmEmotion: "agent_emotion",
    posthogLlmToxicity: "agent_toxicity",
    posthogLlmSevereToxicity: "agent_severe_toxicity",
  },
} as const;

/** Where a side's labels came from: stored under tracelens' or PostHog-LLM's names, or a classifier in this process. */
export type EventLabelSource = "tracelens" | "posthog-llm" | "local";

export interface EventSentimentLabel {
  label: "negative" | "neutral" | "positive";
  /** The label's score, when stored. */
  score: number | null;
}

export interface EventEmotionLabels {
  /** Emotions over threshold, top first; may contain `neutral`. Empty when none applied. */
  labels: string[];
  /** The top emotion other than `neutral`, or null: what PostHog-LLM's `*_emotion` holds. */
  primary: string | null;
  /** Per-label scores, when stored (tracelens only). */
  scores: Record<string, number> | null;
  source: EventLabelSource;
}

export interface EventToxicityLabels {
  /** Toxic labels that applied (`hate_speech`, `offensive_language`, or PostHog-LLM's `toxicity`, `severe_toxicity`). */
  labels: string[];
  /** Any toxic label applied. */
  toxic: boolean;
  /** The severe label applied (tracelens: `hate_speech`; PostHog-LLM: `severe_toxicity`). */
  severe: boolean;
  scores: Record<string, number> | null;
  source: EventLabelSource;
}

/** One side's labels; each part is null when the event carries none for it. */
export interface SideLabels {
  sentiment: EventSentimentLabel | null;
  emotion: EventEmotionLabels | null;
  toxicity: EventToxicityLabels | null;
}

export interface EventLabels {
  user: SideLabels;
  agent: SideLabels;
}

const SENTIMENTS = ["negative", "neutral", "positive"] as const;
/** tracelens' toxicity model calls its severe class this. */
const SEVERE_LABEL = "hate_speech";

function stringList(value: unknown): string[] | null {
  if (typeof value === "string") {
    // Some pipelines store lists as JSON text.
    const trimmed = value.trim();
    if (trimmed.startsWith("[")) {
      try {
        return stringList(JSON.parse(trimmed));
      } catch {
        return null;
      }
    }
    return null;
  }
  if (!Array.isArray(value)) return null;
  return value.filter((item): item is string => typeof item === "string" && item.length > 0);
}

function scoreRecord(value: unknown): Record<string, number> | null {
  let bag = value;
  if (typeof bag === "string") {
    try {
      bag = JSON.parse(bag);
    } catch {
      return null;
    }
  }
  if (!isPropertyBag(bag)) return null;
  const scores: Record<string, number> = {};
  for (const [label, score] of Object.entries(bag)) {
    const number = readNumber(score);
    if (number !== null && number >= 0 && number <= 1) scores[label] = number;
  }
  return Object.keys(scores).length > 0 ? scores : null;
}

/** 1/0, true/false, "1"/"0", "true"/"false" → boolean; anything else → null. */
function flag(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  const number = readNumber(value);
  if (number !== null) return number > 0;
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "true" || text === "yes") return true;
    if (text === "false" || text === "no") return false;
  }
  return null;
}

function readSentiment(properties: Record<string, unknown>, side: LabelSide): EventSentimentLabel | null {
  const names = EVENT_LABEL_PROPERTIES[side];
  const label = readString(properties[names.sentiment])?.toLowerCase();
  if (!label || !(SENTIMENTS as readonly string[]).includes(label)) return null;
  const score = readNumber(properties[names.sentimentScore]);
  return { label: label as EventSentimentLabel["label"], score: score !== null && score >= 0 && score <= 1 ? score : null };
}

function readEmotion(properties: Record<string, unknown>, side: LabelSide): EventEmotionLabels | null {
  const names = EVENT_LABEL_PROPERTIES[side];
  const own = stringList(properties[names.emotions]);
  if (own) {
    return { labels: own, primary: own.find((label) => label !== "neutral") ?? null, scores: scoreRecord(properties[names.emotionScores]), source: "tracelens" };
  }
  const raw = properties[names.posthogLlmEmotion];
  if (typeof raw !== "string") return null;
  const primary = raw.trim();
  // "" is PostHog-LLM's "no emotion other than neutral".
  return { labels: primary ? [primary] : [], primary: primary && primary !== "neutral" ? primary : null, scores: null, source: "posthog-llm" };
}

function readToxicity(properties: Record<string, unknown>, side: LabelSide): EventToxicityLabels | null {
  const names = EVENT_LABEL_PROPERTIES[side];
  const own = stringList(properties[names.toxicity]);
  if (own) {
    const labels = own.filter((label) => label !== "none");
    return { labels, toxic: labels.length > 0, severe: labels.includes(SEVERE_LABEL), scores: scoreRecord(properties[names.toxicityScores]), source: "tracelens" };
  }
  const toxic = flag(properties[names.posthogLlmToxicity]);
  const severe = flag(properties[names.posthogLlmSevereToxicity]);
  if (toxic === null && severe === null) return null;
  const labels = [...(toxic ? ["toxicity"] : []), ...(severe ? ["severe_toxicity"] : [])];
  return { labels, toxic: Boolean(toxic || severe), severe: Boolean(severe), scores: null, source: "posthog-llm" };
}

/** One side's labels from an event's properties (tracelens' names first, then PostHog-LLM's). */
export function readSideLabels(properties: unknown, side: LabelSide): SideLabels {
  const bag = isPropertyBag(properties) ? properties : {};
  return { sentiment: readSentiment(bag, side), emotion: readEmotion(bag, side), toxicity: readToxicity(bag, side) };
}

/** Both sides' labels from an event's properties. Never throws. */
export function readEventLabels(properties: unknown): EventLabels {
  return { user: readSideLabels(properties, "user"), agent: readSideLabels(properties, "agent") };
}

/** True when an event carries any classifier label on either side. */
export function hasEventLabels(labels: EventLabels): boolean {
  return [labels.user, labels.agent].some((side) => side.sentiment !== null || side.emotion !== null || side.toxicity !== null);
}
