/** Pure derivations for trace rows (tables, overviews, sessions): labels, tools, errors, sentiment, search text, row ids. */
import { isErroredProperties, readNumber } from "./eventsAccess";
import type { LLMTrace, LLMTraceEvent } from "./eventsTrace";
import { isSentimentError } from "./sentiment/guards";
import type { SentimentLabel, SentimentResult } from "./sentiment/types";
import { boundedString, cutText } from "./boundedText";
import { parseTimeMs } from "./isoTime";
import { claimId } from "./claimId";
import { generationOutputMessages, traceGenerations, traceInputPreview, traceOutputPreview } from "./tracePreviews";
import { finishJob } from "./jobSteps";

const LABEL_MAX = 120;

/** Who the trace belongs to: email, then name, username, distinct id. */
export function tracePersonLabel(trace: LLMTrace): string | null {
  const person = trace.person && typeof trace.person === "object" ? trace.person : null;
  const props = person?.properties && typeof person.properties === "object" ? person.properties : {};
  for (const value of [props.email, props.name, props.username, person?.distinct_id, trace.distinctId]) {
    if (typeof value === "string" && value.trim()) return cutText(value.trim(), LABEL_MAX);
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
  }
  return null;
}

/** The trace name, or the first named event's; cut so a hostile 1 MB name stays one short cell. */
export function traceNameLabel(trace: LLMTrace): string | null {
  const name = trace.traceName;
  if (typeof name === "string" && name.trim()) return cutText(name.trim(), LABEL_MAX);
  return null;
}

function eventProps(event: LLMTraceEvent): Record<string, unknown> {
  const props = event?.properties;
  return props && typeof props === "object" ? (props as Record<string, unknown>) : {};
}

/** Most tool names a row keeps; a trace that called thousands of tools still renders a short list. */
const TOOLS_MAX = 50;
const toolsCache = new WeakMap<object, string[]>();

/** Names of the tools a generation called: its output's tool calls and `$ai_tools_called`. */
export function generationTools(event: LLMTraceEvent, into: Set<string> = new Set()): Set<string> {
  const props = eventProps(event);
  const called = props.$ai_tools_called;
  const listed = typeof called === "string" ? called.split(",") : Array.isArray(called) ? called : [];
  for (const name of listed) {
    if (into.size >= TOOLS_MAX) return into;
    if (typeof name === "string" && name.trim()) into.add(cutText(name.trim(), 60));
  }
  for (const message of generationOutputMessages(event)) {
    for (const part of message.parts) {
      if (into.size >= TOOLS_MAX) return into;
      if (part.kind === "tool-call" && part.name) into.add(cutText(part.name, 60));
    }
  }
  return into;
}

/** Distinct tools called across the trace's generations, in first-call order. */
export function traceTools(trace: LLMTrace): string[] {
  const cached = toolsCache.get(trace);
  if (cached) return cached;
  const names = new Set<string>();
  try {
    for (const event of traceGenerations(trace)) {
      generationTools(event, names);
      if (names.size >= TOOLS_MAX) break;
    }
  } catch {
    // A malformed event costs its tools, not the row.
  }
  const list = [...names];
  toolsCache.set(trace, list);
  return list;
}

function events(trace: LLMTrace): LLMTraceEvent[] {
  return Array.isArray(trace.events) ? trace.events.filter((e) => e && typeof e === "object") : [];
}

/** PostHog's `errorCount`, or errored events counted as the older client did. */
export function traceErrorCount(trace: LLMTrace): number {
  const given = readNumber(trace.errorCount);
  if (given !== null) return Math.max(0, given);
  return events(trace).filter((e) => e.event !== "$ai_evaluation" && isErroredProperties(eventProps(e))).length;
}

/** The first error of the trace, short enough for a table tag. */
export function traceErrorText(trace: LLMTrace, max = 160): string | null {
  for (const event of events(trace)) {
    const props = eventProps(event);
    if (!isErroredProperties(props)) continue;
    const error = props.$ai_error;
    if (error === undefined || error === null || error === true || error === "") return "Error";
    return boundedString(error, max);
  }
  return null;
}

/** Models used by the trace's generations, most used first. */
export function traceModels(trace: LLMTrace): string[] {
  const counts = new Map<string, number>();
  for (const event of traceGenerations(trace)) {
    const model = eventProps(event).$ai_model;
    if (typeof model === "string" && model) counts.set(model, (counts.get(model) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([model]) => cutText(model, 80));
}

/** The sentiment the trace came with (`includeSentiment`): a result, `null` (none), or `undefined` (not asked). */
export function inlineTraceSentiment(trace: LLMTrace): SentimentResult | null | undefined {
  const value = trace.sentiment as unknown;
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || isSentimentError(value)) return null;
  return value as SentimentResult;
}

export function sentimentLabelOf(result: SentimentResult | null | undefined): SentimentLabel | null {
  if (!result) return null;
  const label = (result as { label?: unknown }).label;
  if (result.message_count === 0) return null;
  return label === "positive" || label === "neutral" || label === "negative" ? label : null;
}

/** Signed score for sorting: +score for positive, −score for negative, 0 for neutral. */
export function sentimentSortValue(result: SentimentResult | null | undefined): number | undefined {
  const label = sentimentLabelOf(result);
  if (!label || !result) return undefined;
  const score = typeof result.score === "number" && Number.isFinite(result.score) ? result.score : 0;
  return label === "positive" ? score : label === "negative" ? -score : 0;
}

export function traceTimeMs(trace: LLMTrace): number | undefined {
  const ms = typeof trace.createdAt === "string" ? parseTimeMs(trace.createdAt) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

export function traceTotalTokens(trace: LLMTrace): number | undefined {
  const input = readNumber(trace.inputTokens);
  const output = readNumber(trace.outputTokens);
  if (input === null && output === null) return undefined;
  return (input ?? 0) + (output ?? 0);
}

const searchCache = new WeakMap<object, string>();

/** Everything the search box matches, lower-cased once per trace. */
export function traceSearchText(trace: LLMTrace): string {
  const cached = searchCache.get(trace);
  if (cached !== undefined) return cached;
  const parts = [
    trace.id,
    traceNameLabel(trace),
    tracePersonLabel(trace),
    traceInputPreview(trace)?.text,
    traceOutputPreview(trace)?.text,
    ...traceTools(trace),
    ...traceModels(trace),
  ];
  const text = parts.filter(Boolean).join("\n").toLowerCase();
  searchCache.set(trace, text);
  return text;
}

const normalized = new WeakMap<readonly unknown[], LLMTrace[]>();

/**
 * Host traces as table rows: anything that is not an object is dropped, a missing id becomes a positional
 * one, and a repeated id gets a suffix so row identity stays unique. Valid traces keep their identity, so
 * per-trace caches keep working across renders; the result is remembered per input array.
 */
export function normalizeTraces(input: unknown): LLMTrace[] {
  return finishJob(normalizeTracesSteps(input));
}

/** Traces read between two yields of {@link normalizeTracesSteps}. */
const NORMALIZE_CHUNK = 4096;

/**
 * {@link normalizeTraces} as steps that yield every few thousand traces, so 100,000 of them can be read
 * in slices between frames; the finished list is remembered like normalizeTraces' own.
 */
export function* normalizeTracesSteps(input: unknown): Generator<void, LLMTrace[], void> {
  if (!Array.isArray(input)) return [];
  const cached = normalized.get(input);
  if (cached) return cached;
  const seen = new Set<string>();
  const out: LLMTrace[] = [];
  for (let index = 0; index < input.length; index++) {
    const item: unknown = input[index];
    if (index % NORMALIZE_CHUNK === NORMALIZE_CHUNK - 1) yield;
    if (!item || typeof item !== "object" || Array.isArray(item)) continue;
    const trace = item as LLMTrace;
    let id = typeof trace.id === "string" && trace.id ? trace.id : typeof trace.id === "number" ? String(trace.id) : `row-${index}`;
    const valid = id === trace.id && Array.isArray(trace.events);
    id = claimId(seen, id, index);
    out.push(valid && id === trace.id ? trace : { ...trace, id, events: Array.isArray(trace.events) ? trace.events : [] });
  }
  normalized.set(input, out);
  return out;
}

/**
 * What a click on a trace hands the host with its id (`onTraceClick(traceId, details)`): when it
 * happened, to pass on as TraceDetail's `timestamp` so PostHog is searched where the trace is, and the
 * row itself when the component has one.
 */
export interface TraceClickDetails {
  timestamp: string | null;
  trace: LLMTrace | null;
}

export function traceClickDetails(trace: LLMTrace | null | undefined): TraceClickDetails {
  return { timestamp: trace && typeof trace.createdAt === "string" && trace.createdAt ? trace.createdAt : null, trace: trace ?? null };
}
