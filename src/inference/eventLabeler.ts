/**
 * `createEventLabeler`: labels LLM events on the host's server before they are captured, as
 * PostHog-LLM did at ingestion, so PostHog insights (trends, funnels, retention, cohorts) can break
 * down by how users felt. It adds, per side (`user`: the input's last user turn; `agent`: the
 * output), tracelens' own properties and PostHog-LLM's (names in `EVENT_LABEL_PROPERTIES`, core):
 *
 * - `tracelens_{user,agent}_sentiment` (`negative`/`neutral`/`positive`) and `…_sentiment_score`;
 *   the user side is PostHog's generation sentiment over all user messages of the input.
 * - `tracelens_{user,agent}_emotions` (GoEmotions labels over threshold, top first) and `…_emotion_scores`.
 * - `tracelens_{user,agent}_toxicity` (`hate_speech`/`offensive_language`, empty when clean) and `…_toxicity_scores`.
 * - PostHog-LLM's `user_emotion`/`agent_emotion` (top non-neutral emotion, "" when none) and
 *   `user_toxicity`, `user_severe_toxicity`, `agent_toxicity`, `agent_severe_toxicity` (1 or 0;
 *   severe = `hate_speech`).
 *
 * The toxicity model inherits the racial bias its data's authors found (see
 * `createToxicityClassifier`): use its labels to find conversations to read, not to judge users.
 */
import { EVENT_LABEL_PROPERTIES, type LabelSide } from "../core/eventLabels";
import { buildGenerationSentiment } from "../core/sentiment";
import { createEmotionClassifier } from "./emotionClassifier";
import { agentText, lastUserText, userInput } from "./eventLabelerText";
import type { LabelClassifier, LabelResult } from "./labelClassifier";
import { createSentimentClassifier, type SentimentClassifier } from "./sentimentClassifier";
import { createToxicityClassifier } from "./toxicityClassifier";

export interface EventLabelerOptions {
  /** The sentiment classifier, or false for no sentiment. @default the embedded model */
  sentiment?: SentimentClassifier | false;
  /** The emotion classifier, or false. @default the embedded model (28 labels) */
  emotion?: LabelClassifier | false;
  /** The toxicity classifier, or false. @default the embedded model */
  toxicity?: LabelClassifier | false;
  /** Which sides to label. @default ["user", "agent"] */
  sides?: readonly LabelSide[];
  /** Also write PostHog-LLM's property names. @default true */
  posthogLlmNames?: boolean;
}

/** An event as hosts capture it: anything with a `properties` bag (other fields are kept). */
export interface LabelableEvent {
  event?: string;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface EventLabeler {
  /** A copy of one event's properties with the labels added (an event without texts gets none). */
  labelProperties(properties: unknown): Promise<Record<string, unknown>>;
  /**
   * Copies of the events, LLM generations labelled (`$ai_generation`, and PostHog-LLM `llm-*` events
   * with an input or output); other events are returned unchanged. All texts go through each model
   * in one batch.
   */
  labelEvents<E extends LabelableEvent>(events: readonly E[]): Promise<E[]>;
  /** Releases the classifiers this labeler created (not ones passed in). */
  dispose(): Promise<void>;
}

function isBag(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether an event is an LLM generation this helper labels. */
export function isLabelableLlmEvent(event: LabelableEvent): boolean {
  if (!isBag(event) || !isBag(event.properties)) return false;
  if (event.event === "$ai_generation") return true;
  return typeof event.event === "string" && /^llm[-_]/i.test(event.event) && (event.properties.$llm_input !== undefined || event.properties.$llm_output !== undefined);
}

interface Job {
  properties: Record<string, unknown>;
  side: LabelSide;
  text: string;
}

export function createEventLabeler(options: EventLabelerOptions = {}): EventLabeler {
  const owned: Array<{ dispose(): Promise<void> }> = [];
  const own = <T extends { dispose(): Promise<void> }>(make: () => T): T => {
    const made = make();
    owned.push(made);
    return made;
  };
  const sentiment = options.sentiment === false ? undefined : (options.sentiment ?? own(() => createSentimentClassifier()));
  const emotion = options.emotion === false ? undefined : (options.emotion ?? own(() => createEmotionClassifier()));
  const toxicity = options.toxicity === false ? undefined : (options.toxicity ?? own(() => createToxicityClassifier()));
  const sides = options.sides ?? ["user", "agent"];
  const posthogLlm = options.posthogLlmNames !== false;

  async function label(bags: Array<Record<string, unknown>>): Promise<void> {
    const jobs: Job[] = [];
    for (const properties of bags) {
      for (const side of sides) {
        const text = side === "user" ? lastUserText(properties) : agentText(properties);
        if (text.trim()) jobs.push({ properties, side, text });
      }
    }
    const texts = jobs.map((job) => job.text);
    const [emotions, toxicities, agentSentiments, userSentiments] = await Promise.all([
      emotion && texts.length ? emotion.classify(texts) : undefined,
      toxicity && texts.length ? toxicity.classify(texts) : undefined,
      sentiment ? sentiment.classify(jobs.filter((job) => job.side === "agent").map((job) => job.text)) : undefined,
      sentiment && sides.includes("user") ? Promise.all(bags.map((properties) => sentiment.classifyInput(userInput(properties)))) : undefined,
    ]);
    let agentIndex = 0;
    jobs.forEach((job, i) => {
      const names = EVENT_LABEL_PROPERTIES[job.side];
      if (emotions) writeEmotion(job.properties, names, emotions[i] as LabelResult, posthogLlm);
      if (toxicities) writeToxicity(job.properties, names, toxicities[i] as LabelResult, posthogLlm);
      if (agentSentiments && job.side === "agent") {
        const result = agentSentiments[agentIndex++];
        if (result) {
          job.properties[names.sentiment] = result.label;
          job.properties[names.sentimentScore] = result.score;
        }
      }
    });
    userSentiments?.forEach((messages, i) => {
      const entries = Object.entries(messages);
      if (entries.length === 0) return;
      const generation = buildGenerationSentiment(
        entries.map(([index, m]) => ({ index: Number(index), output: Object.entries(m.scores).map(([label, score]) => ({ label, score })) })),
      );
      const properties = bags[i] as Record<string, unknown>;
      properties[EVENT_LABEL_PROPERTIES.user.sentiment] = generation.label;
      properties[EVENT_LABEL_PROPERTIES.user.sentimentScore] = generation.score;
    });
  }

  return {
    async labelProperties(properties) {
      const copy = isBag(properties) ? { ...properties } : {};
      await label([copy]);
      return copy;
    },
    async labelEvents(events) {
      const copies = events.map((event) => (isLabelableLlmEvent(event) ? { ...event, properties: { ...event.properties } } : event));
      await label(copies.filter(isLabelableLlmEvent).map((event) => event.properties as Record<string, unknown>));
      return copies;
    },
    async dispose() {
      await Promise.all(owned.map((classifier) => classifier.dispose()));
    },
  };
}

type Names = (typeof EVENT_LABEL_PROPERTIES)[LabelSide];

function writeEmotion(properties: Record<string, unknown>, names: Names, result: LabelResult, posthogLlm: boolean): void {
  properties[names.emotions] = result.labels;
  properties[names.emotionScores] = result.scores;
  if (posthogLlm) properties[names.posthogLlmEmotion] = result.labels.find((label) => label !== "neutral") ?? "";
}

function writeToxicity(properties: Record<string, unknown>, names: Names, result: LabelResult, posthogLlm: boolean): void {
  properties[names.toxicity] = result.labels;
  properties[names.toxicityScores] = result.scores;
  if (posthogLlm) {
    properties[names.posthogLlmToxicity] = result.labels.length > 0 ? 1 : 0;
    properties[names.posthogLlmSevereToxicity] = result.labels.includes("hate_speech") ? 1 : 0;
  }
}
