/**
 * Emotion and toxicity labels with no backend: every user message of a trace's generations (the
 * same messages and caps as sentiment), labelled by the classifiers the host passes in. Labels a
 * generation already carries in its properties win over the classifiers (the host labelled it).
 */
import { generationLabelsFromEvent, setOwnLabels, summarizeLabels, type GenerationLabels, type LabelsError, type LabelsResult } from "../core/messageLabels";
import { messageLabelsFromClassifications, readLabelClassification, type LabelClassification } from "../core/messageLabelsLocal";
import type { LLMTraceEvent } from "../core/eventsTrace";
import { SENTIMENT_MAX_CLASSIFICATIONS_PER_TRACE, SENTIMENT_MAX_GENERATIONS_PER_TRACE, collectSentimentInputs } from "../core/sentiment";
import type { PendingSentimentInput } from "../core/sentiment/types";
import { uniqueIds } from "./clientChunk";
import { isAbortError } from "./clientErrors";
import type { LocalCache } from "./clientLocalCache";
import type { LocalTraceStore } from "./clientLocalTraces";
import type { LabelsRequestBody, LabelsResults } from "./clientTypes";

/** An emotion or toxicity classifier: `createEmotionClassifier()` of tracelens/inference, or any object alike. */
export interface LocalLabelClassifier {
  classify(texts: string[], options?: { signal?: AbortSignal }): Promise<ReadonlyArray<unknown>>;
}

export interface LocalLabelClassifiers {
  emotion?: LocalLabelClassifier;
  toxicity?: LocalLabelClassifier;
}

/** Labels are as stable as sentiment; kept as long. */
const LABELS_CACHE_TTL_MS = 86_400_000;
export const LABELS_FAILED = "Failed to compute labels";

interface Job {
  id: string;
  stored: Record<string, GenerationLabels>;
  pending: PendingSentimentInput[];
}

function generationsOf(events: readonly LLMTraceEvent[]): LLMTraceEvent[] {
  return events
    .filter((event) => event?.event === "$ai_generation")
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, SENTIMENT_MAX_GENERATIONS_PER_TRACE);
}

async function jobFor(store: LocalTraceStore, id: string, level: "trace" | "generation"): Promise<Job> {
  let events: LLMTraceEvent[] = [];
  if (level === "trace") events = generationsOf((await store.all()).find((trace) => trace.id === id)?.events ?? []);
  else {
    const found = await store.findEvent(id);
    if (found?.event.event === "$ai_generation") events = [found.event];
  }
  const stored: Record<string, GenerationLabels> = {};
  const unlabelled: Array<{ id: string; input: unknown }> = [];
  for (const event of events) {
    const labels = generationLabelsFromEvent(event);
    if (labels) setOwnLabels(stored, event.id, labels);
    else unlabelled.push({ id: event.id, input: event.properties?.$ai_input });
  }
  return { id, stored, pending: collectSentimentInputs(unlabelled, SENTIMENT_MAX_CLASSIFICATIONS_PER_TRACE) };
}

async function classify(classifier: LocalLabelClassifier | undefined, texts: string[], signal?: AbortSignal): Promise<Array<LabelClassification | null> | undefined> {
  if (!classifier || texts.length === 0) return undefined;
  const raw = await classifier.classify(texts, signal ? { signal } : undefined);
  if (!Array.isArray(raw) || raw.length !== texts.length) {
    throw new Error(`The classifier returned ${Array.isArray(raw) ? raw.length : "no"} results for ${texts.length} texts`);
  }
  return raw.map((output, i) => {
    const read = readLabelClassification(output);
    if (!read) throw new Error(`The classifier returned an unreadable result for text ${i}`);
    return read;
  });
}

function build(job: Job, emotions: Array<LabelClassification | null> | undefined, toxicities: Array<LabelClassification | null> | undefined): LabelsResult {
  const generations: Record<string, GenerationLabels> = Object.create(null) as Record<string, GenerationLabels>;
  for (const [generationId, labels] of Object.entries(job.stored)) setOwnLabels(generations, generationId, labels);
  job.pending.forEach((pending, i) => {
    const generation = generations[pending.generationId] ?? { messages: {} };
    setOwnLabels(generations, pending.generationId, generation);
    setOwnLabels(generation.messages, String(pending.index), messageLabelsFromClassifications(emotions?.[i], toxicities?.[i]));
  });
  const hasStored = Object.keys(job.stored).length > 0;
  return summarizeLabels(generations, hasStored && job.pending.length === 0 ? "properties" : "local");
}

export interface LocalLabelsDeps {
  store: LocalTraceStore;
  cache: LocalCache<LabelsResult>;
  classifiers: LocalLabelClassifiers;
}

/**
 * Labels for every requested id (cache first unless `force_refresh`). All texts go through each
 * classifier in one call; if that fails, each id is tried on its own, so one bad text costs only
 * its own id a result (`{error}`).
 */
export async function localLabels(deps: LocalLabelsDeps, request: LabelsRequestBody, signal?: AbortSignal): Promise<LabelsResults> {
  const level = request?.analysis_level === "generation" ? "generation" : "trace";
  const results = Object.create(null) as LabelsResults;
  const jobs: Job[] = [];
  for (const id of uniqueIds(request?.ids ?? [])) {
    const cached = request.force_refresh ? undefined : deps.cache.get(`${level}:${id}`);
    if (cached) setOwnLabels<LabelsResult | LabelsError>(results, id, cached);
    else jobs.push(await jobFor(deps.store, id, level));
  }
  const run = async (batch: Job[]) => {
    const texts = batch.flatMap((job) => job.pending.map((p) => p.text));
    const [emotions, toxicities] = await Promise.all([classify(deps.classifiers.emotion, texts, signal), classify(deps.classifiers.toxicity, texts, signal)]);
    let cursor = 0;
    for (const job of batch) {
      const end = cursor + job.pending.length;
      const result = build(job, emotions?.slice(cursor, end), toxicities?.slice(cursor, end));
      cursor = end;
      deps.cache.set(`${level}:${job.id}`, result, LABELS_CACHE_TTL_MS);
      setOwnLabels<LabelsResult | LabelsError>(results, job.id, result);
    }
  };
  try {
    await run(jobs);
  } catch (error) {
    if (signal?.aborted || isAbortError(error)) throw signal?.reason ?? error;
    for (const job of jobs) {
      try {
        await run([job]);
      } catch (own) {
        if (signal?.aborted || isAbortError(own)) throw signal?.reason ?? own;
        setOwnLabels<LabelsResult | LabelsError>(results, job.id, { error: LABELS_FAILED });
      }
    }
  }
  return results;
}
