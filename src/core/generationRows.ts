/** Pure derivations for generation rows (one `$ai_generation` with its trace): GenerationsTable, SentimentOverview. */
import { isErroredProperties, readBoolean, readId, readNumber } from "./eventsAccess";
import type { LLMTrace, LLMTraceEvent } from "./eventsTrace";
import { keptTraceEvents } from "./trace";
import { isSentimentError } from "./sentiment/guards";
import type { GenerationSentiment } from "./sentiment/types";
import { boundedString, cutText } from "./boundedText";
import { generationTools, tracePersonLabel } from "./traceRows";
import { parseTimeMs } from "./isoTime";

/** One `$ai_generation` event, with the trace it came from when known. */
export interface GenerationRow {
  /** Unique row id (the event id, suffixed if it repeats). */
  rowId: string;
  event: LLMTraceEvent;
  trace: LLMTrace | null;
}

function props(event: LLMTraceEvent): Record<string, unknown> {
  const value = event?.properties;
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function isGeneration(value: unknown): value is LLMTraceEvent {
  return Boolean(value) && typeof value === "object" && (value as LLMTraceEvent).event === "$ai_generation";
}

/**
 * Rows from whatever the host has: generation events (others are skipped) and/or traces (their
 * `$ai_generation` events). Exact copies of an event count once, as in the trace tree; an event
 * that reuses an id with other content keeps its own row, keyed `id#index` like the tree's
 * `eventKey`. Ids that repeat across traces get a further suffix so rows stay distinct.
 */
export function generationRows(generations: readonly unknown[] | undefined, traces: readonly unknown[] | undefined): GenerationRow[] {
  const rows: GenerationRow[] = [];
  const seen = new Set<string>();
  const add = (event: LLMTraceEvent, key: string | null, trace: LLMTrace | null) => {
    const base = key ?? `generation-${rows.length}`;
    let rowId = base;
    // A suffixed id can itself be a key the tree gave (`id#3`), so try until one is free.
    for (let n = rows.length; seen.has(rowId); n++) rowId = `${base}#${n}`;
    seen.add(rowId);
    rows.push({ rowId, event, trace });
  };
  const addAll = (events: readonly unknown[], trace: LLMTrace | null) => {
    if (events.length === 1) {
      // One event clashes with nothing: what keptTraceEvents would keep, without its bookkeeping (most list
      // rows are one-generation traces, and 100,000 of them are walked on the first paint).
      const only = events[0];
      if (isGeneration(only) && !Array.isArray(only)) add(only, readId(only.id) ?? readId((only as { uuid?: unknown }).uuid), trace);
      return;
    }
    if (!events.some(isGeneration)) return;
    for (const kept of keptTraceEvents(events)) {
      if (isGeneration(kept.event)) add(kept.event, kept.key, trace);
    }
  };
  if (Array.isArray(generations)) addAll(generations, null);
  for (const trace of Array.isArray(traces) ? traces : []) {
    if (!trace || typeof trace !== "object") continue;
    const events = (trace as LLMTrace).events;
    if (Array.isArray(events)) addAll(events, trace as LLMTrace);
  }
  return rows;
}

export function generationTraceId(row: GenerationRow): string | null {
  const fromProps = props(row.event).$ai_trace_id;
  if (typeof fromProps === "string" && fromProps) return fromProps;
  return row.trace?.id ?? null;
}

/**
 * Who the generation belongs to: its trace's person, else the person or distinct id an events query
 * returned with the event (EventsQuery rows carry no trace).
 */
export function generationPersonLabel(row: GenerationRow): string | null {
  if (row.trace) return tracePersonLabel(row.trace);
  const { person, distinctId } = row.event as { person?: unknown; distinctId?: unknown };
  const asPerson = person && typeof person === "object" ? (person as LLMTrace["person"]) : null;
  return tracePersonLabel({ id: "", createdAt: "", events: [], person: asPerson, ...(typeof distinctId === "string" ? { distinctId } : {}) });
}

export function generationModel(row: GenerationRow): string | null {
  const model = props(row.event).$ai_model;
  return typeof model === "string" && model ? cutText(model, 120) : null;
}

export function generationProvider(row: GenerationRow): string | null {
  const provider = props(row.event).$ai_provider;
  return typeof provider === "string" && provider ? cutText(provider, 60) : null;
}

export function generationLatency(row: GenerationRow): number | null {
  return readNumber(props(row.event).$ai_latency);
}

export function generationTokens(row: GenerationRow): { input: number | null; output: number | null; total: number | undefined } {
  const input = readNumber(props(row.event).$ai_input_tokens);
  const output = readNumber(props(row.event).$ai_output_tokens);
  return { input, output, total: input === null && output === null ? undefined : (input ?? 0) + (output ?? 0) };
}

/** `$ai_total_cost_usd`, else input + output cost. */
export function generationCost(row: GenerationRow): number | null {
  const p = props(row.event);
  const total = readNumber(p.$ai_total_cost_usd);
  if (total !== null) return total;
  const input = readNumber(p.$ai_input_cost_usd);
  const output = readNumber(p.$ai_output_cost_usd);
  return input === null && output === null ? null : (input ?? 0) + (output ?? 0);
}

/** What about the cost is unknown, in words ("" when the generation reported it whole). */
export function generationCostNote(row: GenerationRow): string {
  const p = props(row.event);
  if (readNumber(p.$ai_total_cost_usd) !== null) return "";
  const input = readNumber(p.$ai_input_cost_usd);
  const output = readNumber(p.$ai_output_cost_usd);
  if (input === null && output === null) return "This generation reported no cost.";
  if (input === null) return "Input cost not reported; the figure is the output cost only.";
  if (output === null) return "Output cost not reported; the figure is the input cost only.";
  return "";
}

export function generationIsError(row: GenerationRow): boolean {
  const p = props(row.event);
  return readBoolean(p.$ai_is_error) === true || isErroredProperties(p);
}

export function generationErrorText(row: GenerationRow, max = 200): string | null {
  if (!generationIsError(row)) return null;
  const error = props(row.event).$ai_error;
  return error === undefined || error === null || error === "" || error === true ? "Error" : boundedString(error, max);
}

export function generationTimeMs(row: GenerationRow): number | undefined {
  const ms = typeof row.event.createdAt === "string" ? parseTimeMs(row.event.createdAt) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

export function generationToolNames(row: GenerationRow): string[] {
  try {
    return [...generationTools(row.event)];
  } catch {
    return [];
  }
}

/**
 * Sentiment the row already carries: the event's own (`includeSentiment`), or its entry in the trace's
 * result. `undefined` when neither was asked for, so the cell may load it.
 */
export function inlineGenerationSentiment(row: GenerationRow): GenerationSentiment | null | undefined {
  const own = row.event.sentiment as unknown;
  if (own !== undefined) return own && typeof own === "object" && !isSentimentError(own) ? (own as GenerationSentiment) : null;
  const traceSentiment = row.trace?.sentiment as unknown;
  if (!traceSentiment || typeof traceSentiment !== "object" || isSentimentError(traceSentiment)) return undefined;
  const part = (traceSentiment as { generations?: Record<string, unknown> }).generations?.[row.event.id];
  if (!part || typeof part !== "object") return undefined;
  const value = part as GenerationSentiment;
  return { ...value, message_count: value.message_count ?? Object.keys(value.messages ?? {}).length };
}

/**
 * What a click on a generation hands the host with its id (`onGenerationClick(generationId, details)`):
 * its trace's id and its time (TraceDetail's `traceId`, `timestamp` and `selectedEventId` open it),
 * and the event and trace themselves when the component has them.
 */
export interface GenerationClickDetails {
  traceId: string | null;
  timestamp: string | null;
  event: LLMTraceEvent | null;
  trace: LLMTrace | null;
}

export function generationClickDetails(row: GenerationRow | null): GenerationClickDetails {
  if (!row) return { traceId: null, timestamp: null, event: null, trace: null };
  const at = row.event.createdAt;
  return { traceId: generationTraceId(row), timestamp: typeof at === "string" && at ? at : null, event: row.event, trace: row.trace };
}
