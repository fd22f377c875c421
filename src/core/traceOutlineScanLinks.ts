/**
 * Parent links and sibling order for `scanTraceOutline`, over its columns: the same rules as
 * `resolveParents` / `breakCycles` (traceLinking.ts) and `compareSiblings` (traceBuild.ts), on indexes
 * instead of records.
 */
import { cutParentCycles } from "./traceLinking";

export interface ScannedRefs {
  /** Per node: its first own id (`$ai_generation_id`, else `$ai_span_id`), and its span id when it has both. */
  ownIds: ReadonlyArray<string | null>;
  spanIds: ReadonlyArray<string | null>;
  eventIds: ReadonlyArray<string | null>;
  parentRefs: ReadonlyArray<string | null>;
  traceId: string | null;
  /** +Infinity when untimed. */
  startMs: Float64Array;
  /** -1 when none. */
  latencies: Float64Array;
  ordinals: Int32Array;
  count: number;
}

export interface ScannedLinks {
  /** Parent index, -1 for the root. */
  parents: Int32Array;
  orphan: Uint8Array;
  cycleBroken: Uint8Array;
}

/** Earlier start, then longer latency, then input order (`compareSiblings`; untimed sorts last). */
function compare(a: number, b: number, startMs: Float64Array, latencies: Float64Array, ordinals: Int32Array): number {
  const as = startMs[a]!;
  const bs = startMs[b]!;
  if (as !== bs) return as < bs ? -1 : 1;
  const al = latencies[a]!;
  const bl = latencies[b]!;
  if (al !== bl) return bl - al;
  return ordinals[a]! - ordinals[b]!;
}

/**
 * Each node's parent: own node ids first (the first node with an id wins), then the trace id (the
 * root), then event ids; an unknown reference hangs the node under the root as an orphan. Cycles are
 * cut at their likeliest real ancestor, as `breakCycles` does.
 */
export function resolveScannedParents(refs: ScannedRefs, ownIdIndex?: ReadonlyMap<string, number>): ScannedLinks {
  const { ownIds, spanIds, eventIds, parentRefs, traceId, count } = refs;
  const byOwnId = ownIdIndex ?? ownIdIndexOf(ownIds, spanIds, count);
  // Only a reference that is neither a node id nor the trace id needs it; most traces never do.
  let byEventId: Map<string, number> | null = null;
  const parents = new Int32Array(count).fill(-1);
  const orphan = new Uint8Array(count);
  const cycleBroken = new Uint8Array(count);
  // A cycle needs a parent after its child in the input and another before: with every parent on one
  // side (events in start order, or in end order as SDKs send them) there is none to look for.
  let earlier = false;
  let later = false;
  for (let j = 0; j < count; j++) {
    const ref = parentRefs[j];
    if (ref == null) continue;
    let parent = byOwnId.get(ref);
    // The key map stands for the own-id map with the root's key in it too (-1): not an own id.
    if (parent !== undefined && parent < 0) parent = undefined;
    if (parent === undefined) {
      if (ref === traceId) continue;
      if (!byEventId) {
        byEventId = new Map();
        for (let k = 0; k < count; k++) {
          const id = eventIds[k];
          if (id != null && !byEventId.has(id)) byEventId.set(id, k);
        }
      }
      parent = byEventId.get(ref);
    }
    if (parent === undefined) orphan[j] = 1;
    // A node naming itself is top-level when the name is the trace id (SDKs that reuse it as the root span id), else a one-node cycle.
    else if (parent === j) cycleBroken[j] = ref === traceId ? 0 : 1;
    else if (parent >= 0) {
      parents[j] = parent;
      if (parent < j) earlier = true;
      else later = true;
    }
  }
  if (earlier && later) breakCycles(refs, parents, cycleBroken);
  return { parents, orphan, cycleBroken };
}

/** Own id → the first node with it (as `TraceIdIndex`). */
function ownIdIndexOf(ownIds: ReadonlyArray<string | null>, spanIds: ReadonlyArray<string | null>, count: number): Map<string, number> {
  const byOwnId = new Map<string, number>();
  // Last to first, so the first node with an id wins without a look-up per id.
  for (let j = count - 1; j >= 0; j--) {
    const span = spanIds[j];
    if (span != null) byOwnId.set(span, j);
    const own = ownIds[j];
    if (own != null) byOwnId.set(own, j);
  }
  return byOwnId;
}

/** A chain that meets itself is cut at its best root, by the tree's own walk over these columns. */
function breakCycles({ startMs, latencies, ordinals }: ScannedRefs, parents: Int32Array, cycleBroken: Uint8Array): void {
  cutParentCycles(parents, cycleBroken, (candidate, best) => compare(candidate, best, startMs, latencies, ordinals) < 0);
}

export interface ScannedSiblings {
  /** Children of node j (the root is j = count) are `children[childStart[j] .. childStart[j + 1])`. */
  childStart: Int32Array;
  children: Int32Array;
  /** Per node: its place among its siblings (from 0) and how many they are. */
  position: Int32Array;
  groupSize: Int32Array;
}

/**
 * Children lists by counting sort (so each starts in input order), each then put in sibling order;
 * a list already in order (the usual case: SDKs send events as they end) is only checked, not sorted.
 */
export function orderScannedSiblings(parents: Int32Array, startMs: Float64Array, latencies: Float64Array, ordinals: Int32Array): ScannedSiblings {
  const count = parents.length;
  // The root's children go in slot `count`.
  const slots = new Int32Array(count);
  const childStart = new Int32Array(count + 2);
  for (let j = 0; j < count; j++) {
    const parent = parents[j]!;
    const slot = parent < 0 ? count : parent;
    slots[j] = slot;
    childStart[slot + 2] = childStart[slot + 2]! + 1;
  }
  for (let s = 2; s < count + 2; s++) childStart[s]! += childStart[s - 1]!;
  const children = new Int32Array(count);
  // childStart[s + 1] is slot s's write position while filling, and its end once filled.
  for (let j = 0; j < count; j++) {
    const at = slots[j]! + 1;
    children[childStart[at]!] = j;
    childStart[at] = childStart[at]! + 1;
  }
  const position = new Int32Array(count);
  const groupSize = new Int32Array(count);
  const byOrder = (a: number, b: number) => compare(a, b, startMs, latencies, ordinals);
  for (let s = 0; s <= count; s++) {
    const from = childStart[s]!;
    const to = childStart[s + 1]!;
    let sorted = true;
    for (let c = from + 1; c < to; c++) {
      const a = children[c - 1]!;
      const b = children[c]!;
      // Starts alone settle nearly every pair; the full comparison only for equal ones.
      if (startMs[a]! < startMs[b]!) continue;
      if (startMs[a]! > startMs[b]! || byOrder(a, b) > 0) {
        sorted = false;
        break;
      }
    }
    if (!sorted) children.subarray(from, to).sort(byOrder);
    for (let c = from; c < to; c++) {
      position[children[c]!] = c - from;
      groupSize[children[c]!] = to - from;
    }
  }
  return { childStart, children, position, groupSize };
}
