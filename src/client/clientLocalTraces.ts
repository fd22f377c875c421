/**
 * The local client's trace store: the host's `LLMTrace`s, completed where totals are missing,
 * and answered the way PostHog's TracesQuery and TraceQuery answer.
 */
import type { LLMTrace, LLMTraceEvent } from "../core/eventsTrace";
import { storedSentimentLookup, storedSentimentLookupIds, type StoredSentimentLookup } from "../core/sentiment/stored";
import { summarizeTraceEvents } from "../core/traceSummary";
import { checkPropertyFilters, inDateRange, traceMatchesFilters, type LocalFilterContext } from "./clientLocalFilters";
import type { TraceParams, TracesPage, TracesParams } from "./clientTypes";

/** The host's traces: an array, or a function (sync or async) read on every call. */
export type LocalTraceSource = readonly LLMTrace[] | (() => readonly LLMTrace[] | Promise<readonly LLMTrace[]>);

const DEFAULT_LIMIT = 100;

function timeOf(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** Host traces may carry events only; fill PostHog's totals from core where a field is absent. */
function complete(trace: LLMTrace): LLMTrace {
  const events = Array.isArray(trace.events) ? trace.events : [];
  const derived = summarizeTraceEvents(events, trace.id);
  const merged: LLMTrace = { ...trace, events };
  const fields = merged as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(derived)) {
    if (fields[key] === undefined || fields[key] === null) fields[key] = value;
  }
  merged.events = events;
  return merged;
}

function lastEventMs(trace: LLMTrace): number {
  let last = timeOf(trace.createdAt) ?? Number.NEGATIVE_INFINITY;
  for (const event of trace.events) {
    const at = timeOf(event.createdAt);
    if (at !== null && at > last) last = at;
  }
  return last;
}

function byTime(events: readonly LLMTraceEvent[]): LLMTraceEvent[] {
  return [...events].sort((a, b) => (timeOf(a.createdAt) ?? 0) - (timeOf(b.createdAt) ?? 0));
}

function matchesSearch(trace: LLMTrace, term: string): boolean {
  const needle = term.toLowerCase();
  if (trace.id.toLowerCase().includes(needle)) return true;
  if (typeof trace.traceName === "string" && trace.traceName.toLowerCase().includes(needle)) return true;
  return trace.events.some((event) => JSON.stringify(event.properties ?? {}).toLowerCase().includes(needle));
}

/**
 * `includeSentiment`: the stored sentiment evaluations among the host's own events (`$ai_evaluation`,
 * runtime "sentiment"), joined on as PostHog joins them. Sentiment the host put on a trace stays.
 */
function withStoredSentiment(trace: LLMTrace, lookup: StoredSentimentLookup): LLMTrace {
  const stored = lookup.byTraceId.get(trace.id);
  const events = trace.events.map((event) => {
    if (event.event !== "$ai_generation" || event.sentiment) return event;
    const found = storedSentimentLookupIds(event).map((id) => lookup.byGenerationId.get(id)).find(Boolean);
    return found ? { ...event, sentiment: { ...found, source: "stored" as const } } : event;
  });
  return { ...trace, events, ...(trace.sentiment || !stored ? {} : { sentiment: { ...stored, source: "stored" as const } }) };
}

async function lookupFor(all: () => Promise<LLMTrace[]>): Promise<StoredSentimentLookup> {
  return storedSentimentLookup((await all()).flatMap((trace) => trace.events));
}

export interface LocalTraceStore {
  all(): Promise<LLMTrace[]>;
  /** The first trace with this id (what `all().find` gives), from an index kept with the snapshot. */
  byId(id: string): Promise<LLMTrace | undefined>;
  list(params: TracesParams): Promise<TracesPage>;
  get(params: TraceParams): Promise<LLMTrace | null>;
  /** The `$ai_generation` event with this id, and its trace. */
  findEvent(id: string): Promise<{ trace: LLMTrace; event: LLMTraceEvent } | null>;
}

/** Past this many traces, completing them yields to the event loop between slices, so a page stays responsive. */
const YIELD_ABOVE = 2_000;
const SLICE = 500;
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Snapshot {
  raw: readonly LLMTrace[] | null | undefined;
  length: number;
  traces: Promise<LLMTrace[]>;
  byId?: Map<string, LLMTrace>;
}

export function createLocalTraceStore(source: LocalTraceSource, now: () => number, filters: LocalFilterContext = {}): LocalTraceStore {
  const completed = new WeakMap<LLMTrace, LLMTrace>();
  async function build(raw: readonly LLMTrace[] | null | undefined): Promise<LLMTrace[]> {
    const out: LLMTrace[] = [];
    const list = raw ?? [];
    const slow = list.length > YIELD_ABOVE;
    let fresh = 0;
    for (const trace of list) {
      if (typeof trace !== "object" || trace === null || typeof trace.id !== "string") continue;
      let done = completed.get(trace);
      if (!done) {
        done = complete(trace);
        completed.set(trace, done);
        if (slow && ++fresh % SLICE === 0) await macrotask();
      }
      out.push(done);
    }
    return out;
  }
  // Every request reads the traces; the same array (same length) is completed and indexed once, not per
  // request or per id: 20,000 traces made each sentiment batch scan them all again.
  let snapshot: Snapshot | null = null;
  async function current(): Promise<Snapshot> {
    const raw = typeof source === "function" ? await source() : source;
    const length = Array.isArray(raw) ? raw.length : 0;
    if (!snapshot || snapshot.raw !== raw || snapshot.length !== length) snapshot = { raw, length, traces: build(raw) };
    return snapshot;
  }
  async function all(): Promise<LLMTrace[]> {
    // A copy: callers filter and sort what they get.
    return [...(await (await current()).traces)];
  }
  async function byId(id: string): Promise<LLMTrace | undefined> {
    const snap = await current();
    const traces = await snap.traces;
    if (!snap.byId) {
      snap.byId = new Map();
      for (const trace of traces) if (!snap.byId.has(trace.id)) snap.byId.set(trace.id, trace);
    }
    return snap.byId.get(id);
  }

  return {
    all,
    byId,
    async list(params) {
      checkPropertyFilters(params.properties, filters);
      const at = now();
      const context = { ...filters, now: at, filterTestAccounts: params.filterTestAccounts === true };
      const limit = typeof params.limit === "number" && params.limit > 0 ? Math.floor(params.limit) : DEFAULT_LIMIT;
      const offset = typeof params.offset === "number" && params.offset > 0 ? Math.floor(params.offset) : 0;
      const matching = (await all()).filter(
        (trace) =>
          inDateRange(timeOf(trace.createdAt), params.dateRange, at) &&
          (params.personId === undefined || trace.person?.uuid === params.personId) &&
          (params.traceId === undefined || trace.id === params.traceId) &&
          (!params.searchTerm || matchesSearch(trace, params.searchTerm)) &&
          traceMatchesFilters(trace, params.properties, context),
      );
      matching.sort((a, b) => lastEventMs(b) - lastEventMs(a) || (timeOf(b.createdAt) ?? 0) - (timeOf(a.createdAt) ?? 0));
      // TracesQuery returns only a trace's direct children plus metric and feedback events.
      const results = matching.slice(offset, offset + limit).map((trace) => ({
        ...trace,
        events: byTime(trace.events).filter(
          (e) =>
            e.event !== "$ai_trace" &&
            (e.event === "$ai_metric" || e.event === "$ai_feedback" || e.properties?.$ai_parent_id === trace.id ||
              e.properties?.$ai_parent_id == null),
        ),
      }));
      if (!params.includeSentiment) return { results, hasMore: offset + limit < matching.length, limit, offset };
      const lookup = await lookupFor(all);
      return { results: results.map((trace) => withStoredSentiment(trace, lookup)), hasMore: offset + limit < matching.length, limit, offset };
    },
    async get(params) {
      checkPropertyFilters(params.properties, filters);
      const trace = typeof params.traceId === "string" ? await byId(params.traceId) : undefined;
      if (!trace || !inDateRange(timeOf(trace.createdAt), params.dateRange, now())) return null;
      if (!traceMatchesFilters(trace, params.properties, { ...filters, now: now() })) return null;
      const found = { ...trace, events: byTime(trace.events).filter((e) => e.event !== "$ai_trace") };
      return params.includeSentiment ? withStoredSentiment(found, await lookupFor(all)) : found;
    },
    async findEvent(id) {
      for (const trace of await all()) {
        const event = trace.events.find((e) => e.id === id);
        if (event) return { trace, event };
      }
      return null;
    },
  };
}
