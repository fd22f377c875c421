/**
 * First half of `buildTraceTree`: records, trace id, dedupe, and splitting events into tree
 * nodes, annotations and the root `$ai_trace` event.
 */
import { isPropertyBag, readId, type PropertyBag } from "./eventsAccess";
import { TraceDuplicateDetector, hashJsonValue } from "./traceDedupe";
import { toTraceRecord, traceEventTime, traceInputEvents, type TraceRecord } from "./traceEvents";
import type { BuildTraceTreeOptions } from "./traceTypes";
import { claimId } from "./claimId";
import { finishJob } from "./jobSteps";

export interface DroppedDuplicate {
  record: TraceRecord;
  original: TraceRecord;
  reason: "event-id" | "content";
}

/** Events sorted into their roles. */
export interface AssembledTrace {
  trace: PropertyBag | null;
  traceId: string | null;
  /** The `$ai_trace` event that describes the root, if any. */
  rootRecord: TraceRecord | null;
  /** Events that become tree nodes, in input order. */
  nodeRecords: TraceRecord[];
  /** `$ai_metric` and `$ai_feedback` events. */
  annotationRecords: TraceRecord[];
  duplicates: DroppedDuplicate[];
  /** Kept records whose event id an earlier kept record (with other content) already used. */
  reusedIds: ReusedEventId[];
  /** Input positions that held no event (not an object, or unreadable), with what was there. */
  skipped: SkippedItem[];
  skippedCount: number;
}

export interface ReusedEventId {
  record: TraceRecord;
  first: TraceRecord;
  /** The key that selects this record: see {@link claimReusedKeys}. */
  key: string;
}

export interface SkippedItem {
  index: number;
  /** `null`, `"string"`, `"number"`, `"array"`, `"unreadable object"`, … */
  what: string;
}

function describeItem(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an unreadable object";
  return typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
}

/**
 * Selection keys for later events that reuse an id with other content: the id and the input position
 * (`u1#7`), claimed against every literal event id of the trace (and each other) so an event whose own
 * id happens to be `u1#7` keeps it. `literalIds` is consumed.
 */
export function claimReusedKeys(literalIds: Set<string>, reused: ReadonlyArray<{ eventId: string; index: number }>): string[] {
  return reused.map(({ eventId, index }) => claimId(literalIds, eventId, index));
}

function pickTraceId(trace: PropertyBag | null, records: readonly TraceRecord[], options: BuildTraceTreeOptions): string | null {
  if (typeof options.traceId === "string" && options.traceId !== "") return options.traceId;
  const fromTrace = trace ? readId(trace.id) : null;
  if (fromTrace !== null) return fromTrace;
  const traceEvent = records.find((record) => record.kind === "trace" && record.traceIdProp !== null);
  if (traceEvent) return traceEvent.traceIdProp;
  return records.find((record) => record.traceIdProp !== null)?.traceIdProp ?? null;
}

function isTraceEventOf(record: TraceRecord, traceId: string | null): boolean {
  return record.kind === "trace" && record.traceIdProp !== null && record.traceIdProp === traceId;
}

/**
 * The `$ai_trace` event that stands for the root when several describe the same trace (redelivered
 * with other content): the earliest, then by content, so the tree and its totals do not depend on the
 * order the events arrived in.
 */
function chooseRootRecord(kept: readonly TraceRecord[], traceId: string | null): TraceRecord | null {
  let best: TraceRecord | null = null;
  let bestHash = 0;
  for (const record of kept) {
    if (!isTraceEventOf(record, traceId)) continue;
    if (best === null) {
      best = record;
      continue;
    }
    const time = record.timestampMs ?? Infinity;
    const bestTime = best.timestampMs ?? Infinity;
    if (time > bestTime) continue;
    if (time === bestTime) {
      if (bestHash === 0) bestHash = hashJsonValue(best.event);
      const hash = hashJsonValue(record.event);
      if (hash >= bestHash) continue;
      bestHash = hash;
    } else bestHash = 0;
    best = record;
  }
  return best;
}

/** Yield every this many events. */
const STEP = 2048;

/** Normalizes, dedupes and classifies the input events; `findReusedIds: false` leaves `reusedIds` empty (a view's outline). */
export function assembleTrace(input: unknown, options: BuildTraceTreeOptions, findReusedIds = true): AssembledTrace {
  return finishJob(assembleTraceSteps(input, options, findReusedIds));
}

/** {@link assembleTrace} as a job that yields between chunks of events. */
export function* assembleTraceSteps(input: unknown, options: BuildTraceTreeOptions, findReusedIds = true): Generator<void, AssembledTrace, void> {
  const { events, trace } = traceInputEvents(input);
  const records: TraceRecord[] = [];
  const skipped: SkippedItem[] = [];
  for (let i = 0; i < events.length; i++) {
    if (i % STEP === STEP - 1) yield;
    let record: TraceRecord | null = null;
    try {
      record = toTraceRecord(events[i], i);
    } catch {
      // Hostile objects (throwing getters, proxies) are skipped rather than failing the view.
      record = null;
    }
    if (record === null) skipped.push({ index: i, what: describeItem(events[i]) });
    else records.push(record);
  }

  const traceId = pickTraceId(trace, records, options);
  const dedupe = options.dedupe ?? true;
  const detector = new TraceDuplicateDetector();
  const firstByEventId = new Map<string, TraceRecord>();
  const result: AssembledTrace = {
    trace,
    traceId,
    rootRecord: null,
    nodeRecords: [],
    annotationRecords: [],
    duplicates: [],
    reusedIds: [],
    skipped,
    skippedCount: skipped.length,
  };

  const kept: TraceRecord[] = [];
  // Per kept record with an event id, the first kept record with that id (from the detector, with dedupe on).
  const firstOfId: Array<TraceRecord | undefined> = [];
  for (let r = 0; r < records.length; r++) {
    const record = records[r] as TraceRecord;
    if (r % STEP === STEP - 1) yield;
    const verdict = dedupe ? detector.check(record) : null;
    if (verdict) result.duplicates.push({ record, original: verdict.original, reason: verdict.reason });
    else {
      kept.push(record);
      firstOfId.push(detector.firstWithSameId);
    }
  }
  result.rootRecord = chooseRootRecord(kept, traceId);
  for (let k = 0; k < kept.length; k++) {
    const record = kept[k] as TraceRecord;
    if (record.eventId !== null && findReusedIds) {
      const first = dedupe ? firstOfId[k] : firstByEventId.get(record.eventId);
      if (first && first !== record) result.reusedIds.push({ record, first, key: "" });
      else if (!dedupe) firstByEventId.set(record.eventId, record);
    }
    if (record.kind === "metric" || record.kind === "feedback") {
      result.annotationRecords.push(record);
      continue;
    }
    if (record === result.rootRecord) continue;
    // A second `$ai_trace` for the same trace must not capture references to the trace id.
    if (isTraceEventOf(record, traceId)) record.ownIds = [];
    result.nodeRecords.push(record);
  }
  if (result.reusedIds.length > 0) {
    const literalIds = new Set<string>();
    for (const record of records) if (record.eventId !== null) literalIds.add(record.eventId);
    const keys = claimReusedKeys(literalIds, result.reusedIds.map(({ record }) => ({ eventId: record.eventId as string, index: record.ordinal })));
    result.reusedIds.forEach((reused, i) => (reused.key = keys[i] as string));
  }
  return result;
}

/** One input event that survives dedupe, as the trace tree keeps it. */
export interface KeptTraceEvent {
  /** The input item itself. */
  event: unknown;
  /** Its position in the input list. */
  index: number;
  /** The event id, or for an id reused with other content its {@link claimReusedKeys} key; null without an id. */
  key: string | null;
}

/**
 * The events of a trace (an `LLMTrace` or an event list) that the trace tree keeps, in input order:
 * exact duplicates counted once, non-events left out, events that reuse an id with other content all
 * kept under distinct keys. Tables, charts and the text view use this so they count what the tree does.
 */
export function keptTraceEvents(input: unknown): KeptTraceEvent[] {
  const { events } = traceInputEvents(input);
  const clashes = clashingEvents(events);
  // Built only when some events clash (most traces have none).
  const detector = clashes.size > 0 ? new TraceDuplicateDetector() : null;
  const used = new Set<string>();
  const kept: KeptTraceEvent[] = [];
  // Every literal id, to claim reused ids' keys against, as assembleTrace does.
  const literalIds = new Set<string>();
  const reused: Array<{ eventId: string; index: number; at: number }> = [];
  for (let index = 0; index < events.length; index++) {
    const raw = events[index];
    if (!clashes.has(index)) {
      // Shares no id, node id or name/time/size with any other event: kept as it is.
      if (!isPropertyBag(raw)) continue;
      const key = readId(raw.id) ?? readId(raw.uuid);
      if (key !== null) literalIds.add(key);
      kept.push({ event: raw, index, key });
      continue;
    }
    let record: TraceRecord | null;
    try {
      record = toTraceRecord(raw, index);
    } catch {
      record = null;
    }
    if (record === null) continue;
    const id = record.eventId;
    if (id !== null) literalIds.add(id);
    if (detector?.check(record)) continue;
    if (id !== null && used.has(id)) reused.push({ eventId: id, index, at: kept.length });
    if (id !== null) used.add(id);
    kept.push({ event: raw, index, key: id });
  }
  if (reused.length > 0) {
    const keys = claimReusedKeys(literalIds, reused);
    reused.forEach(({ at }, i) => ((kept[at] as KeptTraceEvent).key = keys[i] as string));
  }
  return kept;
}

/**
 * Positions of events that could be duplicates of, or share an id with, another event: same event
 * id, same node id (`$ai_generation_id`/`$ai_span_id`, a `$ai_trace` event's trace id), or same
 * timestamp (content duplicates always share one). Only those need full records and the dedupe
 * rules; every other event is independent of the rest. A superset is safe (more work, same
 * answer); unreadable items count in.
 */
function clashingEvents(events: readonly unknown[]): Set<number> {
  const byId = new Map<string, number>();
  const byOwnId = new Map<string, number>();
  const byTime = new Map<string, number>();
  const clashes = new Set<number>();
  const note = (map: Map<string, number>, key: string, index: number) => {
    const seen = map.get(key);
    if (seen === undefined) map.set(key, index);
    else if (seen !== index) {
      clashes.add(seen);
      clashes.add(index);
    }
  };
  for (let index = 0; index < events.length; index++) {
    const raw = events[index];
    if (!isPropertyBag(raw)) continue;
    try {
      const properties = isPropertyBag(raw.properties) ? raw.properties : {};
      const eventId = readId(raw.id) ?? readId(raw.uuid);
      if (eventId !== null) note(byId, eventId, index);
      // Node ids as records take them: a `$ai_trace` event's is its trace id.
      const trace = raw.event === "$ai_trace";
      const first = readId(trace ? properties.$ai_trace_id : properties.$ai_generation_id);
      const second = trace ? null : readId(properties.$ai_span_id);
      if (first !== null) note(byOwnId, first, index);
      if (second !== null && second !== first) note(byOwnId, second, index);
      note(byTime, traceEventTime(raw), index);
    } catch {
      clashes.add(index);
    }
  }
  return clashes;
}
