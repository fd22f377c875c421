/**
 * Sentiment with no backend: the same generations, user messages, caps and aggregation as
 * PostHog (all from core), scored by any classifier the host passes in.
 */
import type { SentimentRequestBody } from "../core/eventsApi";
import type { LLMTrace, LLMTraceEvent } from "../core/eventsTrace";
import {
  SENTIMENT_MAX_CLASSIFICATIONS_PER_TRACE,
  SENTIMENT_MAX_GENERATIONS_PER_TRACE,
  buildGenerationSentiment,
  buildTraceSentiment,
  collectSentimentInputs,
} from "../core/sentiment";
import type { PendingSentimentInput, SentimentPipelineOutput, SentimentResult } from "../core/sentiment/types";
import { SENTIMENT_FAILED, emptyResults, sentimentFailure, setResult, uniqueIds } from "./clientChunk";
import type { LocalCache } from "./clientLocalCache";
import type { LocalTraceStore } from "./clientLocalTraces";
import { NO_CLASSIFIER_MESSAGE, classifyEach, type SentimentClassifier } from "./clientLocalClassify";
import type { SentimentResults } from "./clientTypes";

/** PostHog skips generations whose raw input is longer than this at trace level… */
const MAX_INPUT_CHARS_TRACE = 300_000;
/** …and this at generation level. */
const MAX_INPUT_CHARS_GENERATION = 1_000_000;
/** PostHog keeps sentiment for 24 hours. */
export const SENTIMENT_CACHE_TTL_MS = 86_400_000;

function rawLength(input: unknown): number {
  if (typeof input === "string") return input.length;
  try {
    return JSON.stringify(input)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function newestGenerations(trace: LLMTrace): LLMTraceEvent[] {
  return trace.events
    .filter((e) => e.event === "$ai_generation" && rawLength(e.properties?.$ai_input) <= MAX_INPUT_CHARS_TRACE)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, SENTIMENT_MAX_GENERATIONS_PER_TRACE);
}

interface Job {
  id: string;
  pending: PendingSentimentInput[];
}

async function jobFor(store: LocalTraceStore, id: string, level: "trace" | "generation"): Promise<Job> {
  if (level === "trace") {
    const trace = (await store.all()).find((t) => t.id === id);
    const generations = trace ? newestGenerations(trace).map((g) => ({ id: g.id, input: g.properties?.$ai_input })) : [];
    return { id, pending: collectSentimentInputs(generations, SENTIMENT_MAX_CLASSIFICATIONS_PER_TRACE) };
  }
  const found = await store.findEvent(id);
  const input = found?.event.event === "$ai_generation" ? found.event.properties?.$ai_input : undefined;
  // An unknown id, or one PostHog would skip for size, gets the neutral empty result, as there.
  if (input === undefined || rawLength(input) > MAX_INPUT_CHARS_GENERATION) return { id, pending: [] };
  return { id, pending: collectSentimentInputs([{ id, input }], SENTIMENT_MAX_CLASSIFICATIONS_PER_TRACE) };
}

async function inlineResult(store: LocalTraceStore, id: string, level: "trace" | "generation"): Promise<SentimentResult | null> {
  if (level === "trace") return (await store.all()).find((t) => t.id === id)?.sentiment ?? null;
  return (await store.findEvent(id))?.event.sentiment ?? null;
}

function build(job: Job, outputs: readonly SentimentPipelineOutput[], level: "trace" | "generation"): SentimentResult {
  if (level === "trace") {
    return buildTraceSentiment(
      job.id,
      job.pending.map((p, i) => ({ generationId: p.generationId, index: p.index, output: outputs[i] })),
    );
  }
  return buildGenerationSentiment(job.pending.map((p, i) => ({ index: p.index, text: p.text, output: outputs[i] })));
}

export interface LocalSentimentDeps {
  store: LocalTraceStore;
  cache: LocalCache<SentimentResult>;
  classifier?: SentimentClassifier;
}

/**
 * Results for every requested id. Cache (24 h) first unless `force_refresh`, then any sentiment
 * the host's traces already carry, then the classifier. An id whose texts could not be
 * classified gets `{error}`; an id with no user messages gets PostHog's neutral empty result.
 */
export async function localSentiment(
  deps: LocalSentimentDeps,
  request: SentimentRequestBody,
  signal?: AbortSignal,
): Promise<SentimentResults> {
  const level = request.analysis_level === "generation" ? "generation" : "trace";
  const ids = uniqueIds(request.ids);
  const results = emptyResults();
  const jobs: Job[] = [];
  for (const id of ids) {
    const cached = request.force_refresh ? undefined : deps.cache.get(`${level}:${id}`) ?? (await inlineResult(deps.store, id, level));
    if (cached) setResult(results, id, cached);
    else jobs.push(await jobFor(deps.store, id, level));
  }
  const outputs = await classifyEach(deps.classifier, jobs.map((job) => job.pending.map((p) => p.text)), signal);
  for (const [i, job] of jobs.entries()) {
    const scored = outputs[i];
    if (scored === undefined || scored instanceof Error) {
      // PostHog's wording, unless the cause is a setup mistake the host must hear about.
      setResult(results, job.id, sentimentFailure(scored?.message === NO_CLASSIFIER_MESSAGE ? NO_CLASSIFIER_MESSAGE : SENTIMENT_FAILED));
      continue;
    }
    const result = build(job, scored, level);
    deps.cache.set(`${level}:${job.id}`, result, SENTIMENT_CACHE_TTL_MS);
    if ("generations" in result) {
      // PostHog's worker also caches each generation's part of a trace result ("dual write").
      for (const [generationId, part] of Object.entries(result.generations)) {
        const count = job.pending.filter((p) => p.generationId === generationId).length;
        deps.cache.set(`generation:${generationId}`, { ...part, message_count: count }, SENTIMENT_CACHE_TTL_MS);
      }
    }
    setResult(results, job.id, result);
  }
  const ordered = emptyResults();
  for (const id of ids) setResult(ordered, id, results[id]!);
  return ordered;
}
