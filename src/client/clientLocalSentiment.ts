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
import { emptyResults, setResult, uniqueIds } from "./clientChunk";
import { SENTIMENT_FAILED, sentimentFailure } from "./clientSentimentResult";
import type { LocalCache } from "./clientLocalCache";
import { parsePostHogDate } from "./clientLocalFilters";
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

/** Explicit date bounds of a request (PostHog reads only generations inside them); open ends accept all. */
interface Bounds {
  from: number | null;
  to: number | null;
}

function boundOf(value: string | null | undefined, now: number, bound: "from" | "to"): number | null {
  return typeof value === "string" && value !== "" ? parsePostHogDate(value, now, bound) : null;
}

function within(event: LLMTraceEvent, bounds: Bounds): boolean {
  if (bounds.from === null && bounds.to === null) return true;
  const at = Date.parse(event.createdAt);
  return Number.isFinite(at) && (bounds.from === null || at >= bounds.from) && (bounds.to === null || at <= bounds.to);
}

function newestGenerations(trace: LLMTrace, bounds: Bounds): LLMTraceEvent[] {
  return trace.events
    .filter((e) => e.event === "$ai_generation" && within(e, bounds) && rawLength(e.properties?.$ai_input) <= MAX_INPUT_CHARS_TRACE)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, SENTIMENT_MAX_GENERATIONS_PER_TRACE);
}

interface Job {
  id: string;
  pending: PendingSentimentInput[];
}

async function jobFor(store: LocalTraceStore, id: string, level: "trace" | "generation", bounds: Bounds): Promise<Job> {
  if (level === "trace") {
    const trace = await store.byId(id);
    const generations = trace ? newestGenerations(trace, bounds).map((g) => ({ id: g.id, input: g.properties?.$ai_input })) : [];
    return { id, pending: collectSentimentInputs(generations, SENTIMENT_MAX_CLASSIFICATIONS_PER_TRACE) };
  }
  const found = await store.findEvent(id);
  const input = found?.event.event === "$ai_generation" && within(found.event, bounds) ? found.event.properties?.$ai_input : undefined;
  // An unknown id, or one PostHog would skip for size, gets the neutral empty result, as there.
  if (input === undefined || rawLength(input) > MAX_INPUT_CHARS_GENERATION) return { id, pending: [] };
  return { id, pending: collectSentimentInputs([{ id, input }], SENTIMENT_MAX_CLASSIFICATIONS_PER_TRACE) };
}

async function inlineResult(store: LocalTraceStore, id: string, level: "trace" | "generation"): Promise<SentimentResult | null> {
  if (level === "trace") return (await store.byId(id))?.sentiment ?? null;
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
  now?: () => number;
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
  // Without dates the local client reads every generation it has; with them, only those inside, as PostHog does.
  const at = (deps.now ?? Date.now)();
  const bounds: Bounds = { from: boundOf(request.date_from, at, "from"), to: boundOf(request.date_to, at, "to") };
  const ids = uniqueIds(request.ids);
  const results = emptyResults();
  const jobs: Job[] = [];
  for (const id of ids) {
    const cached = request.force_refresh ? undefined : deps.cache.get(`${level}:${id}`) ?? (await inlineResult(deps.store, id, level));
    if (cached) setResult(results, id, cached);
    else jobs.push(await jobFor(deps.store, id, level, bounds));
  }
  const outputs = await classifyEach(deps.classifier, jobs.map((job) => job.pending.map((p) => p.text)), signal);
  for (const [i, job] of jobs.entries()) {
    const scored = outputs[i];
    if (scored === undefined || scored instanceof Error) {
      // PostHog's wording, unless the cause is a setup mistake the host must hear about.
      setResult(results, job.id, sentimentFailure(scored?.message === NO_CLASSIFIER_MESSAGE ? NO_CLASSIFIER_MESSAGE : SENTIMENT_FAILED));
      continue;
    }
    const result = { ...build(job, scored, level), source: "local" as const };
    deps.cache.set(`${level}:${job.id}`, result, SENTIMENT_CACHE_TTL_MS);
    if ("generations" in result) {
      // PostHog's worker also caches each generation's part of a trace result ("dual write").
      for (const [generationId, part] of Object.entries(result.generations)) {
        const count = job.pending.filter((p) => p.generationId === generationId).length;
        deps.cache.set(`generation:${generationId}`, { ...part, message_count: count, source: "local" }, SENTIMENT_CACHE_TTL_MS);
      }
    }
    setResult(results, job.id, result);
  }
  const ordered = emptyResults();
  for (const id of ids) setResult(ordered, id, results[id]!);
  return ordered;
}
