/**
 * PostHog's stored sentiment: one `$ai_evaluation` event per generation, with runtime `sentiment`,
 * read back and joined onto traces when a TracesQuery/TraceQuery sets `includeSentiment`
 * (posthog/hogql_queries/ai/sentiment_evaluations.py). Per (trace, target generation) the newest
 * evaluation wins; evaluations whose message count is "0" are skipped; a trace's result is the flat
 * mean of every stored message of its generations (4 dp), labelled by plain argmax in the order
 * positive, neutral, negative, and "neutral" when every score is 0. The trace-level shape has no
 * `trace_id` and no `generations`: its `messages` are keyed `"<generation id>:<message index>"`.
 */
import { pyParseFloat } from "../python/pyNumber";
import { SENTIMENT_AGGREGATE_ORDER, meanSentimentScores, setOwnEntry, zeroSentimentScores } from "./score";
import type { GenerationSentiment, MessageSentiment, SentimentLabel, SentimentScores } from "./types";

/** `$ai_evaluation_runtime` of a stored sentiment evaluation. */
export const SENTIMENT_EVALUATION_RUNTIME = "sentiment";

/** An event as stored sentiment reads it (an `LLMTraceEvent` or a captured event). */
export interface StoredSentimentEventLike {
  id?: unknown;
  event?: unknown;
  createdAt?: unknown;
  timestamp?: unknown;
  properties?: unknown;
}

export interface StoredSentimentLookup {
  /** Per trace id: the aggregate of its generations' stored results. */
  byTraceId: Map<string, GenerationSentiment>;
  /** Per target event id (the generation's uuid). */
  byGenerationId: Map<string, GenerationSentiment>;
}

function isLabel(value: unknown): value is SentimentLabel {
  return value === "positive" || value === "neutral" || value === "negative";
}

/** `_normalize_float`: numbers and numeric strings; booleans and anything else are "no value". */
function toFloat(value: unknown): number | null {
  if (typeof value === "boolean" || value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") return pyParseFloat(value);
  return null;
}

/** `_normalize_int`: ints, floats truncated, and strings Python's `int()` reads. */
function toInt(value: unknown): number | null {
  if (typeof value === "boolean" || value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return null;
}

/** Stored properties may hold JSON text instead of objects (`_decode_jsonish`). */
function decoded(value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (value === "") return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function normalizeScores(value: unknown): SentimentScores {
  const dict = decoded(value);
  if (!isDict(dict)) return zeroSentimentScores();
  return { positive: toFloat(dict.positive) || 0, neutral: toFloat(dict.neutral) || 0, negative: toFloat(dict.negative) || 0 };
}

function normalizeMessages(value: unknown): Record<string, MessageSentiment> {
  const dict = decoded(value);
  const messages: Record<string, MessageSentiment> = {};
  if (!isDict(dict)) return messages;
  for (const [key, raw] of Object.entries(dict)) {
    if (!isDict(raw)) continue;
    setOwnEntry(messages, key, { label: isLabel(raw.label) ? raw.label : "neutral", score: toFloat(raw.score) || 0, scores: normalizeScores(raw.scores) });
  }
  return messages;
}

/** One stored evaluation's properties as a generation-level result (`normalize_sentiment_result`). */
export function storedGenerationSentiment(properties: Record<string, unknown>): GenerationSentiment {
  const label: SentimentLabel = isLabel(properties.$ai_sentiment_label) ? properties.$ai_sentiment_label : "neutral";
  const scores = normalizeScores(properties.$ai_sentiment_scores);
  const messages = normalizeMessages(properties.$ai_sentiment_messages);
  const score = toFloat(properties.$ai_sentiment_score);
  return {
    label,
    score: score ?? scores[label],
    scores,
    messages,
    message_count: toInt(properties.$ai_sentiment_message_count) || Object.keys(messages).length,
  };
}

function hasSignal(scores: SentimentScores): boolean {
  return SENTIMENT_AGGREGATE_ORDER.some((label) => scores[label] !== 0);
}

/** `_score_dict_from_sentiment`: the scores, or the label's score alone, or nothing. */
function scoreDict(value: { label?: unknown; score?: unknown; scores?: unknown }): SentimentScores | null {
  const scores = normalizeScores(value.scores);
  if (hasSignal(scores)) return scores;
  const score = toFloat(value.score);
  if (score === null || score === 0) return null;
  const label = isLabel(value.label) ? value.label : "neutral";
  return { positive: label === "positive" ? score : 0, neutral: label === "neutral" ? score : 0, negative: label === "negative" ? score : 0 };
}

/** A trace's stored result from its generations' results (`_aggregate_trace_sentiment`). */
export function aggregateStoredTraceSentiment(generations: ReadonlyArray<readonly [string, GenerationSentiment]>): GenerationSentiment {
  const messages: Record<string, MessageSentiment> = {};
  const all: SentimentScores[] = [];
  for (const [generationId, result] of generations) {
    const perMessage: SentimentScores[] = [];
    for (const [index, message] of Object.entries(result.messages ?? {})) {
      if (!isDict(message)) continue;
      setOwnEntry(messages, `${generationId}:${index}`, message);
      const scores = scoreDict(message);
      if (scores) perMessage.push(scores);
    }
    if (perMessage.length > 0) {
      all.push(...perMessage);
      continue;
    }
    const scores = scoreDict(result);
    if (scores) all.push(scores);
  }
  const scores = meanSentimentScores(all);
  let label: SentimentLabel = "neutral";
  if (hasSignal(scores)) {
    label = "positive";
    for (const candidate of SENTIMENT_AGGREGATE_ORDER) if (scores[candidate] > scores[label]) label = candidate;
  }
  return { label, score: scores[label], scores, messages, message_count: Object.keys(messages).length };
}

function timeOf(event: StoredSentimentEventLike): number {
  const raw = typeof event.createdAt === "string" ? event.createdAt : typeof event.timestamp === "string" ? event.timestamp : "";
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? ms : Number.NEGATIVE_INFINITY;
}

/** Whether an event is a stored sentiment evaluation that PostHog would read back. */
export function isStoredSentimentEvent(event: StoredSentimentEventLike): boolean {
  if (event?.event !== "$ai_evaluation" || !isDict(event.properties)) return false;
  const p = event.properties;
  const target = p.$ai_target_event_id;
  return p.$ai_evaluation_runtime === SENTIMENT_EVALUATION_RUNTIME &&
    target !== undefined && target !== null && String(target).length > 0 &&
    // `toString(properties.$ai_sentiment_message_count) != '0'`
    String(p.$ai_sentiment_message_count ?? "") !== "0";
}

/** Stored results by trace and by generation, from any mix of events (others are ignored). */
export function storedSentimentLookup(events: Iterable<StoredSentimentEventLike>): StoredSentimentLookup {
  const newest = new Map<string, { at: number; traceId: string; generationId: string; event: StoredSentimentEventLike }>();
  for (const event of events) {
    if (!isStoredSentimentEvent(event)) continue;
    const p = event.properties as Record<string, unknown>;
    const traceId = String(p.$ai_trace_id ?? "");
    const generationId = String(p.$ai_target_event_id);
    const key = JSON.stringify([traceId, generationId]);
    const at = timeOf(event);
    const seen = newest.get(key);
    if (!seen || at >= seen.at) newest.set(key, { at, traceId, generationId, event });
  }
  const byGenerationId = new Map<string, GenerationSentiment>();
  const perTrace = new Map<string, Array<[string, GenerationSentiment]>>();
  for (const { traceId, generationId, event } of newest.values()) {
    const result = storedGenerationSentiment(event.properties as Record<string, unknown>);
    byGenerationId.set(generationId, result);
    if (!perTrace.has(traceId)) perTrace.set(traceId, []);
    perTrace.get(traceId)!.push([generationId, result]);
  }
  const byTraceId = new Map<string, GenerationSentiment>();
  for (const [traceId, generations] of perTrace) if (traceId) byTraceId.set(traceId, aggregateStoredTraceSentiment(generations));
  return { byTraceId, byGenerationId };
}

/** The ids a generation's stored result may be filed under: its uuid, then its `$ai_generation_id`. */
export function storedSentimentLookupIds(event: StoredSentimentEventLike): string[] {
  const ids: string[] = [];
  if (typeof event.id === "string" && event.id) ids.push(event.id);
  const p = isDict(event.properties) ? event.properties : null;
  const own = p?.$ai_generation_id;
  if (event.event === "$ai_generation" && own !== undefined && own !== null && String(own) !== "" && String(own) !== "null") {
    if (!ids.includes(String(own))) ids.push(String(own));
  }
  return ids;
}

/**
 * The properties of the `$ai_evaluation` event that stores a generation's sentiment, so a host (or
 * the local client) can produce exactly what PostHog reads back with `includeSentiment`.
 */
export function sentimentEvaluationProperties(traceId: string, generationId: string, result: GenerationSentiment): Record<string, unknown> {
  const messages: Record<string, unknown> = {};
  for (const [index, message] of Object.entries(result.messages ?? {})) {
    setOwnEntry(messages, index, { label: message.label, score: message.score, scores: message.scores });
  }
  return {
    $ai_trace_id: traceId,
    $ai_target_event_id: generationId,
    $ai_target_event_type: "$ai_generation",
    $ai_evaluation_runtime: SENTIMENT_EVALUATION_RUNTIME,
    $ai_sentiment_label: result.label,
    $ai_sentiment_score: result.score,
    $ai_sentiment_scores: result.scores,
    $ai_sentiment_messages: messages,
    $ai_sentiment_message_count: result.message_count,
  };
}
