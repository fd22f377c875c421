/**
 * `scanTraceOutline`: `outlineTraceTree` for the common case, read into columns. A well-formed trace
 * (every item an event with string id, name and time, no `$ai_trace` or `$ai_evaluation` events) is
 * read in one pass into parallel arrays: no record per event, parents resolved over indexes, sibling
 * groups sorted only when they are not already in order, and the rows with their aria positions
 * laid out in the same pass that makes the nodes. That is what a large trace's first paint waits for.
 * Anything else answers `null`, and the caller takes the full outline, which handles every input: the
 * scan only ever gives the outline's answer, or none.
 */
import { readId, readString } from "./eventsAccess";
import { traceInputEvents } from "./traceEvents";
import type { TraceTreeRow } from "./traceFlatten";
import { ScanKeyIndex, ScanNode, rootChildrenOf, type TraceOutlineColumns } from "./traceOutlineScanNode";
import { EventIdIndex, outlineRootNode } from "./traceOutline";
import type { TraceTreeShape } from "./traceBuild";
import { orderScannedSiblings, resolveScannedParents } from "./traceOutlineScanLinks";
import { readScannedEvents, scannedEvents, trimScannedEvents, type ScannedEvents } from "./traceOutlineScanRead";
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

/** Yield every this many events. */
const STEP = 4096;
const KIND_ORDER: readonly TraceNodeKind[] = ["trace", "generation", "span", "embedding", "evaluation", "other"];
const KIND_BIT = Object.fromEntries(KIND_ORDER.map((kind, k) => [kind, 1 << k])) as Record<TraceNodeKind, number>;

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
  // The trace's id, when the caller or the trace says it; else the first event's `$ai_trace_id` (as `pickTraceId`).
  const givenTraceId = typeof options.traceId === "string" && options.traceId !== "" ? options.traceId : trace ? readId(trace.id) : null;
  const scanned = scannedEvents(n, givenTraceId !== null);
  for (let from = 0; from < n; from += STEP) {
    if (!readScannedEvents(items, from, Math.min(n, from + STEP), scanned)) return null;
    yield;
  }
  trimScannedEvents(scanned);
  const traceId = givenTraceId ?? scanned.firstTraceIdProp;
  const linked = linkScannedEvents(scanned, traceId);
  yield;
  return layOutScannedRows(scanned, linked, traceId, readString(trace?.traceName) || "trace");
}

/** Node keys as `outlineTraceTree` claims them: the first own id, else the event id, else the position. */
function claimKeys(scanned: ScannedEvents, rootKey: string): { keys: string[]; indexByKey: Map<string, number>; clashed: boolean } {
  const { count, ownIds, eventIds, ordinals } = scanned;
  const keys: string[] = new Array(count);
  let indexByKey = new Map<string, number>([[rootKey, -1]]);
  // Most traces have no key twice: one `set` per node, the map's size telling whether the key was new.
  let j = 0;
  for (; j < count; j++) {
    const key = ownIds[j] ?? eventIds[j] ?? `#${ordinals[j]}`;
    const size = indexByKey.size;
    indexByKey.set(key, j);
    if (indexByKey.size === size) break;
    keys[j] = key;
  }
  if (j === count) return { keys, indexByKey, clashed: false };
  // A key taken twice: all claimed again, one by one, later nodes getting `key#position`.
  indexByKey = new Map<string, number>([[rootKey, -1]]);
  for (j = 0; j < count; j++) {
    const base = ownIds[j] ?? eventIds[j] ?? `#${ordinals[j]}`;
    let key = base;
    for (let attempt = 0; indexByKey.has(key); attempt++) key = `${base}#${ordinals[j]}${attempt ? `.${attempt}` : ""}`;
    indexByKey.set(key, j);
    keys[j] = key;
  }
  return { keys, indexByKey, clashed: true };
}

interface LinkedEvents {
  keys: string[];
  indexByKey: Map<string, number>;
  links: ReturnType<typeof resolveScannedParents>;
  siblings: ReturnType<typeof orderScannedSiblings>;
}

function linkScannedEvents(scanned: ScannedEvents, traceId: string | null): LinkedEvents {
  const { ordinals, startMs, latencies } = scanned;
  const { keys, indexByKey, clashed } = claimKeys(scanned, traceId ?? "trace");
  // Every node has one own id and no two share it: then the key map is the own-id map too.
  const keysAreOwnIds = scanned.oneOwnIdEach && !clashed;
  const links = resolveScannedParents({ ...scanned, traceId }, keysAreOwnIds ? indexByKey : undefined);
  return { keys, indexByKey, links, siblings: orderScannedSiblings(links.parents, startMs, latencies, ordinals) };
}

/** The nodes, made as their rows are laid out in pre-order, with the rows' aria positions and the kinds present. */
function layOutScannedRows(scanned: ScannedEvents, linked: LinkedEvents, traceId: string | null, traceName: string): TraceOutlineScan {
  const { count, events, kinds, eventIds, startMs, endMs, latencies } = scanned;
  const { keys, indexByKey, links } = linked;
  const { childStart, children, position, groupSize } = linked.siblings;
  const rootKey = traceId ?? "trace";

  const columns: TraceOutlineColumns = {
    events, kinds, eventIds, startMs, endMs, latency: latencies, parents: links.parents, orphan: links.orphan, cycleBroken: links.cycleBroken,
    childStart, children, keys, nodes: new Array(count), root: null as never,
  };
  const root = outlineRootNode(rootKey, traceName);
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
  let present = KIND_BIT.trace;
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
    present |= KIND_BIT[kinds[j]!];
    for (let c = to - 1; c >= from; c--) {
      stack[top] = children[c]!;
      depths[top++] = depth + 1;
    }
  }
  root.children = rootChildrenOf(columns);
  const shape: TraceTreeShape = { traceId, root, nodesByKey: new ScanKeyIndex(indexByKey, columns), nodesByEventId: new EventIdIndex(root, columns.nodes) };
  return { shape, rows, positions: { pos, size }, kinds: KIND_ORDER.filter((_, k) => present & (1 << k)) };
}
