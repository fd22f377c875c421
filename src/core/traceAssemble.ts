/**
 * First half of `buildTraceTree`: records, trace id, dedupe, and splitting events into tree
 * nodes, annotations and the root `$ai_trace` event.
 */
import { readId, type PropertyBag } from "./eventsAccess";
import { TraceDuplicateDetector, sameTraceContent } from "./traceDedupe";
import { toTraceRecord, traceInputEvents, type TraceRecord } from "./traceEvents";
import type { BuildTraceTreeOptions } from "./traceTypes";

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
  skippedCount: number;
}

function pickTraceId(trace: PropertyBag | null, records: readonly TraceRecord[], options: BuildTraceTreeOptions): string | null {
  if (typeof options.traceId === "string" && options.traceId !== "") return options.traceId;
  const fromTrace = trace ? readId(trace.id) : null;
  if (fromTrace !== null) return fromTrace;
  const traceEvent = records.find((record) => record.kind === "trace" && record.traceIdProp !== null);
  if (traceEvent) return traceEvent.traceIdProp;
  return records.find((record) => record.traceIdProp !== null)?.traceIdProp ?? null;
}

/** Normalizes, dedupes and classifies the input events. */
export function assembleTrace(input: unknown, options: BuildTraceTreeOptions): AssembledTrace {
  const { events, trace } = traceInputEvents(input);
  const records: TraceRecord[] = [];
  let skippedCount = 0;
  for (let i = 0; i < events.length; i++) {
    let record: TraceRecord | null = null;
    try {
      record = toTraceRecord(events[i], i);
    } catch {
      // Hostile objects (throwing getters, proxies) are skipped rather than failing the view.
      record = null;
    }
    if (record === null) skippedCount++;
    else records.push(record);
  }

  const traceId = pickTraceId(trace, records, options);
  const dedupe = options.dedupe ?? true;
  const detector = new TraceDuplicateDetector();
  const ownIdOwner = new Map<string, TraceRecord>();
  const result: AssembledTrace = {
    trace,
    traceId,
    rootRecord: null,
    nodeRecords: [],
    annotationRecords: [],
    duplicates: [],
    skippedCount,
  };

  for (const record of records) {
    if (dedupe) {
      const verdict = detector.check(record);
      if (verdict) {
        result.duplicates.push({ record, original: verdict.original, reason: verdict.reason });
        continue;
      }
      const firstId = record.ownIds[0];
      const owner = firstId === undefined ? undefined : ownIdOwner.get(firstId);
      if (owner && sameTraceContent(owner, record)) {
        result.duplicates.push({ record, original: owner, reason: "content" });
        continue;
      }
    }
    if (record.kind === "metric" || record.kind === "feedback") {
      result.annotationRecords.push(record);
      continue;
    }
    if (record.kind === "trace" && record.traceIdProp !== null && record.traceIdProp === traceId) {
      if (result.rootRecord === null) {
        result.rootRecord = record;
        continue;
      }
      // A second `$ai_trace` for the same trace must not capture references to the trace id.
      record.ownIds = [];
    }
    for (const id of record.ownIds) if (!ownIdOwner.has(id)) ownIdOwner.set(id, record);
    result.nodeRecords.push(record);
  }
  return result;
}
