/**
 * Turns whatever the host hands `buildTraceTree` (an `LLMTrace`, `LLMTraceEvent`s, raw captured
 * events, or junk) into uniform internal records.
 */
import {
  isPropertyBag,
  readId,
  readNumber,
  readString,
  readTimestampMs,
  type PropertyBag,
} from "./eventsAccess";
import type { LLMTraceEvent } from "./eventsTrace";
import type { TraceNodeKind, TraceTreeNode } from "./traceTypes";

/** Annotation kinds are attached to a target rather than becoming tree nodes. */
export type TraceRecordKind = TraceNodeKind | "metric" | "feedback";

/** Internal, normalized view of one input event. */
export interface TraceRecord {
  /** Position in the input list; the stable tie-breaker everywhere. */
  ordinal: number;
  event: LLMTraceEvent;
  properties: PropertyBag;
  kind: TraceRecordKind;
  eventId: string | null;
  /** Ids children may point at, strongest first (`$ai_generation_id`, `$ai_span_id`). */
  ownIds: string[];
  /** References to the parent, in priority order. */
  parentRefs: string[];
  traceIdProp: string | null;
  latency: number | null;
  timestampMs: number | null;
  startMs: number | null;
  endMs: number | null;
  /** Set while building: the node that shows this event (its own node, or an annotation's target). */
  holder?: TraceTreeNode;
  /** Set while building: position among the node records, when this event is a node. */
  nodeIndex?: number;
}

const KIND_BY_EVENT: Record<string, TraceRecordKind> = {
  $ai_generation: "generation",
  $ai_span: "span",
  $ai_embedding: "embedding",
  $ai_trace: "trace",
  $ai_evaluation: "evaluation",
  $ai_metric: "metric",
  $ai_feedback: "feedback",
};

/** Pulls the event list out of an `LLMTrace` or accepts a bare list; anything else is empty. */
export function traceInputEvents(input: unknown): { events: readonly unknown[]; trace: PropertyBag | null } {
  if (Array.isArray(input)) return { events: input, trace: null };
  if (isPropertyBag(input)) {
    const events = input.events;
    return { events: Array.isArray(events) ? events : [], trace: input };
  }
  return { events: [], trace: null };
}

function toTraceEvent(raw: PropertyBag, properties: PropertyBag, name: string): LLMTraceEvent {
  const conforming =
    typeof raw.id === "string" &&
    typeof raw.event === "string" &&
    typeof raw.createdAt === "string" &&
    raw.properties === properties;
  if (conforming) return raw as unknown as LLMTraceEvent;
  // Raw captured events use uuid/timestamp; give components one shape to read.
  return { ...raw, id: readId(raw.id) ?? readId(raw.uuid) ?? "", event: name, createdAt: traceEventTime(raw), properties };
}

/** The event's timestamp as records carry it: `createdAt`, else `timestamp`; epoch numbers as ISO text. */
export function traceEventTime(raw: PropertyBag): string {
  const createdAt = raw.createdAt ?? raw.timestamp;
  return typeof createdAt === "string" ? createdAt : typeof createdAt === "number" ? safeIso(createdAt) : "";
}

function safeIso(ms: number): string {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : "";
}

/** Milliseconds between the earliest and the latest instant a `Date` can hold. */
const MAX_DATE_SPAN_MS = 2 * 8.64e15;

/** Seconds, non-negative, or null. */
function readLatency(properties: PropertyBag): number | null {
  const value = readNumber(properties.$ai_latency);
  return value !== null && value >= 0 ? value : null;
}

/** Builds a record, or `null` for input items that are not objects. */
export function toTraceRecord(raw: unknown, ordinal: number): TraceRecord | null {
  if (!isPropertyBag(raw)) return null;
  const properties = isPropertyBag(raw.properties) ? raw.properties : {};
  const name = readString(raw.event) ?? "";
  const event = toTraceEvent(raw, properties, name);
  const kind = KIND_BY_EVENT[name] ?? "other";
  const eventId = readId(raw.id) ?? readId(raw.uuid);
  const traceIdProp = readId(properties.$ai_trace_id);

  const ownIds: string[] = [];
  if (kind === "trace") {
    if (traceIdProp !== null) ownIds.push(traceIdProp);
  } else if (kind !== "metric" && kind !== "feedback" && kind !== "evaluation") {
    const generationId = readId(properties.$ai_generation_id);
    const spanId = readId(properties.$ai_span_id);
    if (generationId !== null) ownIds.push(generationId);
    if (spanId !== null && spanId !== generationId) ownIds.push(spanId);
  }

  const parentRefs: string[] = [];
  const parentId = readId(properties.$ai_parent_id);
  const targetId = readId(properties.$ai_target_event_id);
  // Evaluations name their target by event UUID; metrics and feedback by parent id.
  if (kind === "evaluation") {
    if (targetId !== null) parentRefs.push(targetId);
    if (parentId !== null) parentRefs.push(parentId);
  } else {
    if (parentId !== null) parentRefs.push(parentId);
    if ((kind === "metric" || kind === "feedback") && targetId !== null) parentRefs.push(targetId);
  }

  const latency = kind === "metric" || kind === "feedback" || kind === "evaluation" ? null : readLatency(properties);
  const timestampMs = readTimestampMs(event.createdAt);
  let startMs: number | null = null;
  let endMs: number | null = null;
  if (timestampMs !== null) {
    // A latency longer than all of Date's range (1e308 s) cannot be placed in time: the event stays at its timestamp.
    const rawMs = (latency ?? 0) * 1000;
    const durationMs = rawMs <= MAX_DATE_SPAN_MS ? rawMs : 0;
    if (kind === "evaluation") {
      startMs = readTimestampMs(properties.$ai_evaluation_start_time) ?? timestampMs;
      endMs = Math.max(startMs, timestampMs);
    } else if (readString(properties.$ai_ingestion_source) === "otel") {
      // OTel-ingested events are stamped with the span start, SDK events with the end.
      startMs = timestampMs;
      endMs = timestampMs + durationMs;
    } else {
      startMs = timestampMs - durationMs;
      endMs = timestampMs;
    }
  }

  return { ordinal, event, properties, kind, eventId, ownIds, parentRefs, traceIdProp, latency, timestampMs, startMs, endMs };
}

/** Display name per PostHog's tree: span name, then model, then a default. */
export function traceRecordName(record: Pick<TraceRecord, "kind" | "properties" | "event">): string {
  const p = record.properties;
  const spanName = readString(p.$ai_span_name);
  if (spanName) return spanName;
  switch (record.kind) {
    case "generation":
      return readString(p.$ai_model) || "generation";
    case "embedding":
      return readString(p.$ai_model) || "embedding";
    case "span":
      return "span";
    case "evaluation":
      return readString(p.$ai_evaluation_name) || "evaluation";
    case "trace":
      return readString(p.$ai_trace_name) || "trace";
    default:
      return record.event.event || "event";
  }
}
