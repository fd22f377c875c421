/**
 * `scanTraceOutline`: `outlineTraceTree` for the common case, read into columns. A well-formed trace
 * (every item an event with string id, name and time, no `$ai_trace` or `$ai_evaluation` events) is
 * read in one pass into parallel arrays: no record per event, parents resolved over indexes, sibling
 * groups sorted only when they are not already in order, and the rows with their aria positions
 * laid out in the same pass that makes the nodes. That is what a large trace's first paint waits for.
 * Anything else answers `null`, and the caller takes the full outline, which handles every input: the
 * scan only ever gives the outline's answer, or none.
 */
import { isPropertyBag, readId, readNumber, readString } from "./eventsAccess";
import { parseTimeMs } from "./isoTime";
import type { LLMTraceEvent } from "./eventsTrace";
import { traceInputEvents } from "./traceEvents";
import type { TraceTreeRow } from "./traceFlatten";
import { ScanKeyIndex, ScanNode, rootChildrenOf, type TraceOutlineColumns } from "./traceOutlineScanNode";
import { EventIdIndex, outlineRootNode } from "./traceOutline";
import type { TraceTreeShape } from "./traceBuild";
import { orderScannedSiblings, resolveScannedParents } from "./traceOutlineScanLinks";
import type { BuildTraceTreeOptions, TraceNodeKind } from "./traceTypes";

export interface TraceOutlineScan {
  /** What `outlineTraceTree` gives for the same input. */
  shape: TraceTreeShape;
  /** `flattenTraceTree(shape)`: every row, nothing collapsed. */
  rows: TraceTreeRow[];
  /** aria-posinset / aria-setsize per row, as `siblingPositionsOf(rows)` gives them. */
  positions: { pos: Int32Array; size: Int32Array };
  /** The kinds present (the root's included), in the order of `kindsInTree`. */
  kinds: TraceNodeKind[];
}

/** Milliseconds between the earliest and the latest instant a `Date` can hold (as `toTraceRecord`). */
const MAX_DATE_SPAN_MS = 2 * 8.64e15;
/** Yield every this many events. */
const STEP = 4096;
const KIND_ORDER: readonly TraceNodeKind[] = ["trace", "generation", "span", "embedding", "evaluation", "other"];

/** The outline of `input`, or `null` when it holds anything the scan leaves to `outlineTraceTree`. Never throws. */
export function* scanTraceOutlineSteps(input: unknown, options: BuildTraceTreeOptions = {}): Generator<void, TraceOutlineScan | null, void> {
  try {
    return yield* scan(input, options);
  } catch {
    // Hostile objects (throwing getters, proxies): the full outline reads them item by item.
    return null;
  }
}

function* scan(input: unknown, options: BuildTraceTreeOptions): Generator<void, TraceOutlineScan | null, void> {
  const { events: items, trace } = traceInputEvents(input);
  const n = items.length;
  // Sized for every item and cut to the node count after: no growing while 10,000 events are read.
  const events: LLMTraceEvent[] = new Array(n);
  const kinds: TraceNodeKind[] = new Array(n);
  const eventIds: Array<string | null> = new Array(n);
  const ownIds: Array<string | null> = new Array(n);
  const spanIds: Array<string | null> = new Array(n);
  const parentRefs: Array<string | null> = new Array(n);
  const ordinals = new Int32Array(n);
  const startMs = new Float64Array(n);
  const endMs = new Float64Array(n);
  const latencies = new Float64Array(n);
  // The trace's id, when the caller or the trace says it; else the first event's `$ai_trace_id` (as `pickTraceId`).
  const givenTraceId = typeof options.traceId === "string" && options.traceId !== "" ? options.traceId : trace ? readId(trace.id) : null;
  let firstTraceIdProp: string | null = null;
  let count = 0;
  // Whether every node's key will be its one own id: then the key map is also the own-id map.
  let keysAreOwnIds = true;
  for (let i = 0; i < n; i++) {
    if (i % STEP === STEP - 1) yield;
    const raw = items[i];
    if (!isPropertyBag(raw)) return null;
    const p = raw.properties;
    // `toTraceRecord` keeps such an event as it is; any other shape it copies, which the scan leaves to it.
    if (!isPropertyBag(p) || typeof raw.id !== "string" || typeof raw.event !== "string" || typeof raw.createdAt !== "string" || raw.properties !== p) return null;
    const name = raw.event;
    let kind: TraceNodeKind;
    if (name === "$ai_generation") kind = "generation";
    else if (name === "$ai_span") kind = "span";
    else if (name === "$ai_embedding") kind = "embedding";
    else if (name === "$ai_trace" || name === "$ai_evaluation" || name in Object.prototype) return null;
    else kind = "other";
    if (givenTraceId === null && firstTraceIdProp === null) firstTraceIdProp = readId(p.$ai_trace_id);
    // Metrics and feedback annotate a node; the outline leaves them for the finished tree.
    if (name === "$ai_metric" || name === "$ai_feedback") continue;
    const j = count++;
    events[j] = raw as unknown as LLMTraceEvent;
    kinds[j] = kind;
    ordinals[j] = i;
    eventIds[j] = raw.id === "" ? null : raw.id;
    const generationId = readId(p.$ai_generation_id);
    const spanId = readId(p.$ai_span_id);
    const own = generationId ?? spanId;
    const second = generationId !== null && spanId !== null && spanId !== generationId ? spanId : null;
    ownIds[j] = own;
    spanIds[j] = second;
    if (own === null || second !== null) keysAreOwnIds = false;
    parentRefs[j] = readId(p.$ai_parent_id);
    const value = readNumber(p.$ai_latency);
    const latency = value !== null && value >= 0 ? value : null;
    latencies[j] = latency ?? -1;
    // `readTimestampMs`, with the fast path for PostHog's own format.
    const timestamp = parseTimeMs(raw.createdAt);
    if (!Number.isFinite(timestamp)) {
      startMs[j] = Infinity;
      endMs[j] = NaN;
      continue;
    }
    const rawMs = (latency ?? 0) * 1000;
    const durationMs = rawMs <= MAX_DATE_SPAN_MS ? rawMs : 0;
    // OTel-ingested events are stamped with the span start, SDK events with the end.
    const otel = readString(p.$ai_ingestion_source) === "otel";
    startMs[j] = otel ? timestamp : timestamp - durationMs;
    endMs[j] = otel ? timestamp + durationMs : timestamp;
  }
  yield;

  for (const column of [events, kinds, eventIds, ownIds, spanIds, parentRefs]) column.length = count;
  const traceId = givenTraceId ?? firstTraceIdProp;
  const rootKey = traceId ?? "trace";
  // Node keys as `outlineTraceTree` claims them: the first own id, else the event id, else the position.
  const indexByKey = new Map<string, number>([[rootKey, -1]]);
  const keys: string[] = new Array(count);
  for (let j = 0; j < count; j++) {
    const base = ownIds[j] ?? eventIds[j] ?? `#${ordinals[j]}`;
    let key = base;
    for (let attempt = 0; indexByKey.has(key); attempt++) {
      key = `${base}#${ordinals[j]}${attempt ? `.${attempt}` : ""}`;
      keysAreOwnIds = false;
    }
    indexByKey.set(key, j);
    keys[j] = key;
  }
  const links = resolveScannedParents({ ownIds, spanIds, eventIds, parentRefs, traceId, startMs, latencies, ordinals, count }, keysAreOwnIds ? indexByKey : undefined);
  const { childStart, children, position, groupSize } = orderScannedSiblings(links.parents, startMs, latencies, ordinals);
  yield;

  const columns: TraceOutlineColumns = {
    events, kinds, eventIds, startMs, endMs, latency: latencies, parents: links.parents, orphan: links.orphan, cycleBroken: links.cycleBroken,
    childStart, children, keys, nodes: new Array(count), root: null as never,
  };
  const root = outlineRootNode(rootKey, readString(trace?.traceName) || "trace");
  columns.root = root;
  // Pre-order from an explicit stack (a 50,000-deep chain must not overflow), making each node as its row is laid out.
  const rows: TraceTreeRow[] = new Array(count + 1);
  const pos = new Int32Array(count + 1);
  const size = new Int32Array(count + 1);
  const stack = new Int32Array(count + 1);
  const depths = new Int32Array(count + 1);
  rows[0] = { node: root, depth: 0, hasChildren: childStart[count + 1]! > childStart[count]!, collapsed: false };
  pos[0] = 1;
  size[0] = 1;
  let top = 0;
  for (let c = childStart[count + 1]! - 1; c >= childStart[count]!; c--) {
    stack[top] = children[c]!;
    depths[top++] = 1;
  }
  let present = 1 << KIND_ORDER.indexOf("trace");
  for (let r = 1; top > 0; r++) {
    const j = stack[--top]!;
    const depth = depths[top]!;
    const node = new ScanNode(columns, j, keys[j]!);
    columns.nodes[j] = node;
    const from = childStart[j]!;
    const to = childStart[j + 1]!;
    rows[r] = { node, depth, hasChildren: to > from, collapsed: false };
    pos[r] = position[j]! + 1;
    size[r] = groupSize[j]!;
    present |= 1 << KIND_ORDER.indexOf(kinds[j]!);
    for (let c = to - 1; c >= from; c--) {
      stack[top] = children[c]!;
      depths[top++] = depth + 1;
    }
  }
  root.children = rootChildrenOf(columns);
  const shape: TraceTreeShape = { traceId, root, nodesByKey: new ScanKeyIndex(indexByKey, columns), nodesByEventId: new EventIdIndex(root, columns.nodes) };
  return { shape, rows, positions: { pos, size }, kinds: KIND_ORDER.filter((_, k) => present & (1 << k)) };
}
