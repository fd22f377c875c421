/**
 * The reading pass of `scanTraceOutline`: each event's node facts into parallel columns, read the way
 * `toTraceRecord` reads them. Plain functions over a range of events, not a generator, so that V8 can
 * optimise the loop while it runs (a generator's loop is not compiled on the fly), which is most of a
 * large trace's first paint.
 */
import { isPropertyBag, readId, readNumber } from "./eventsAccess";
import type { LLMTraceEvent } from "./eventsTrace";
import { TimeReader } from "./isoTime";
import type { TraceNodeKind } from "./traceTypes";

/** Milliseconds between the earliest and the latest instant a `Date` can hold (as `toTraceRecord`). */
const MAX_DATE_SPAN_MS = 2 * 8.64e15;

/** The columns read so far; `count` node events, in input order (metrics and feedback are no nodes). */
export interface ScannedEvents {
  count: number;
  events: LLMTraceEvent[];
  kinds: TraceNodeKind[];
  eventIds: Array<string | null>;
  /** `$ai_generation_id`, else `$ai_span_id`. */
  ownIds: Array<string | null>;
  /** `$ai_span_id` when the node has both, and they differ. */
  spanIds: Array<string | null>;
  parentRefs: Array<string | null>;
  ordinals: Int32Array;
  /** +Infinity when untimed. */
  startMs: Float64Array;
  /** NaN when untimed. */
  endMs: Float64Array;
  /** -1 when none. */
  latencies: Float64Array;
  /** The first `$ai_trace_id` of any event, when the trace id was not given (as `pickTraceId`). */
  firstTraceIdProp: string | null;
  traceIdGiven: boolean;
  /** Every node has exactly one own id: then its key is that id unless two share it. */
  oneOwnIdEach: boolean;
  time: TimeReader;
}

/** Empty columns for up to `n` events (sized once: no growing while 10,000 events are read). */
export function scannedEvents(n: number, traceIdGiven: boolean): ScannedEvents {
  return {
    count: 0, events: new Array(n), kinds: new Array(n), eventIds: new Array(n), ownIds: new Array(n), spanIds: new Array(n), parentRefs: new Array(n),
    ordinals: new Int32Array(n), startMs: new Float64Array(n), endMs: new Float64Array(n), latencies: new Float64Array(n),
    firstTraceIdProp: null, traceIdGiven, oneOwnIdEach: true, time: new TimeReader(),
  };
}

/** Reads `items[from..to)` into `into`; false at the first item the scan leaves to the full outline. */
export function readScannedEvents(items: readonly unknown[], from: number, to: number, into: ScannedEvents): boolean {
  const { events, kinds, eventIds, ownIds, spanIds, parentRefs, ordinals, startMs, endMs, latencies, time } = into;
  let count = into.count;
  for (let i = from; i < to; i++) {
    const raw = items[i];
    if (!isPropertyBag(raw)) return false;
    const p = raw.properties;
    // `toTraceRecord` keeps such an event as it is; any other shape it copies, which the scan leaves to it.
    if (!isPropertyBag(p) || typeof raw.id !== "string" || typeof raw.event !== "string" || typeof raw.createdAt !== "string" || raw.properties !== p) return false;
    const name = raw.event;
    let kind: TraceNodeKind;
    if (name === "$ai_generation") kind = "generation";
    else if (name === "$ai_span") kind = "span";
    else if (name === "$ai_embedding") kind = "embedding";
    else if (name === "$ai_trace" || name === "$ai_evaluation" || name in Object.prototype) return false;
    else kind = "other";
    if (!into.traceIdGiven && into.firstTraceIdProp === null) into.firstTraceIdProp = readId(p.$ai_trace_id);
    // Metrics and feedback annotate a node; the outline leaves them for the finished tree.
    if (name === "$ai_metric" || name === "$ai_feedback") continue;
    const j = count++;
    events[j] = raw as unknown as LLMTraceEvent;
    kinds[j] = kind;
    ordinals[j] = i;
    eventIds[j] = raw.id === "" ? null : raw.id;
    // `readId` etc. written out for the common types: before V8 has compiled this loop, each call costs more
    // than the check itself, ten of them per event.
    const g = p.$ai_generation_id;
    const generationId = typeof g === "string" ? (g === "" ? null : g) : readId(g);
    const sp = p.$ai_span_id;
    const spanId = typeof sp === "string" ? (sp === "" ? null : sp) : readId(sp);
    const own = generationId ?? spanId;
    const second = generationId !== null && spanId !== null && spanId !== generationId ? spanId : null;
    ownIds[j] = own;
    spanIds[j] = second;
    if (own === null || second !== null) into.oneOwnIdEach = false;
    const parent = p.$ai_parent_id;
    parentRefs[j] = typeof parent === "string" ? (parent === "" ? null : parent) : readId(parent);
    const l = p.$ai_latency;
    // `l - l === 0` holds for finite numbers only.
    const value = typeof l === "number" ? (l - l === 0 ? l : null) : readNumber(l);
    const latency = value !== null && value >= 0 ? value : null;
    latencies[j] = latency ?? -1;
    // `readTimestampMs`: a timestamp in the minute of the one before costs its seconds and milliseconds (TimeReader's first test).
    const text = raw.createdAt;
    let timestamp = NaN;
    if (text.length === 24 && text.charCodeAt(23) === 90 && text.charCodeAt(19) === 46 && time.minute !== "" && text.startsWith(time.minute)) {
      const s1 = text.charCodeAt(17) - 48;
      const s2 = text.charCodeAt(18) - 48;
      const m1 = text.charCodeAt(20) - 48;
      const m2 = text.charCodeAt(21) - 48;
      const m3 = text.charCodeAt(22) - 48;
      if (s1 >= 0 && s1 <= 5 && s2 >= 0 && s2 <= 9 && m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9 && m3 >= 0 && m3 <= 9) {
        timestamp = time.minuteMs + (s1 * 10 + s2) * 1000 + m1 * 100 + m2 * 10 + m3;
      }
    }
    if (timestamp !== timestamp) timestamp = time.read(text);
    if (!Number.isFinite(timestamp)) {
      startMs[j] = Infinity;
      endMs[j] = NaN;
      continue;
    }
    const rawMs = (latency ?? 0) * 1000;
    const durationMs = rawMs <= MAX_DATE_SPAN_MS ? rawMs : 0;
    // OTel-ingested events are stamped with the span start, SDK events with the end.
    const otel = p.$ai_ingestion_source === "otel";
    startMs[j] = otel ? timestamp : timestamp - durationMs;
    endMs[j] = otel ? timestamp + durationMs : timestamp;
  }
  into.count = count;
  return true;
}

/** Cuts the columns to the node count, once every event is read. */
export function trimScannedEvents(scanned: ScannedEvents): void {
  const { count } = scanned;
  for (const column of [scanned.events, scanned.kinds, scanned.eventIds, scanned.ownIds, scanned.spanIds, scanned.parentRefs]) column.length = count;
}
