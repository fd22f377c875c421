/**
 * Parent resolution for trace nodes: id aliases, orphans and cycle breaking, all in linear time
 * without recursion.
 */
import type { TraceRecord } from "./traceEvents";

/** Parent index meaning "the root". */
export const ROOT_PARENT = -1;

/** Looks a reference up: own node ids first, then the trace id, then event UUIDs. */
export class TraceIdIndex {
  private readonly ownIds = new Map<string, number>();
  // Built on the first reference that is neither a node id nor the trace id: most traces never make one.
  private eventIds: Map<string, number> | null = null;

  /** `aliases`: event ids of dropped duplicates → the node index of the kept copy. */
  constructor(
    private readonly records: readonly TraceRecord[],
    private readonly traceIds: ReadonlySet<string>,
    private readonly aliases: ReadonlyArray<readonly [string, number]> = [],
  ) {
    // Node ids first, so that a node id always beats another event's UUID with the same text. The first
    // record with an id wins: writing them last to first lets it win without a lookup per id.
    for (let index = records.length - 1; index >= 0; index--) {
      const ids = (records[index] as TraceRecord).ownIds;
      for (let k = ids.length - 1; k >= 0; k--) this.ownIds.set(ids[k] as string, index);
    }
  }

  private eventIdIndex(): Map<string, number> {
    if (this.eventIds) return this.eventIds;
    const eventIds = new Map<string, number>();
    this.records.forEach((record, index) => {
      if (record.eventId !== null && !eventIds.has(record.eventId)) eventIds.set(record.eventId, index);
    });
    for (const [eventId, index] of this.aliases) if (!eventIds.has(eventId)) eventIds.set(eventId, index);
    this.eventIds = eventIds;
    return eventIds;
  }

  isTraceId(ref: string): boolean {
    return this.traceIds.has(ref);
  }

  /** Node index, {@link ROOT_PARENT} for the trace id, or `undefined` when unknown. */
  resolve(ref: string): number | undefined {
    const own = this.ownIds.get(ref);
    if (own !== undefined) return own;
    if (this.traceIds.has(ref)) return ROOT_PARENT;
    return this.eventIdIndex().get(ref);
  }
}

export interface ParentLinks {
  parents: Int32Array;
  orphan: Uint8Array;
  cycleBroken: Uint8Array;
}

/** Resolves every node's parent index; unknown references make the node an orphan of the root. */
export function resolveParents(records: readonly TraceRecord[], index: TraceIdIndex): ParentLinks {
  const count = records.length;
  const parents = new Int32Array(count).fill(ROOT_PARENT);
  const orphan = new Uint8Array(count);
  const cycleBroken = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const record = records[i] as TraceRecord;
    if (record.parentRefs.length === 0) continue;
    let resolved: number | undefined;
    let resolvedRef = "";
    for (const ref of record.parentRefs) {
      resolved = index.resolve(ref);
      resolvedRef = ref;
      if (resolved !== undefined) break;
    }
    if (resolved === undefined) orphan[i] = 1;
    else if (resolved === i) {
      // Some SDKs reuse the trace id as the root span id; that span is simply top-level.
      // Any other self-reference is a one-node cycle.
      if (!index.isTraceId(resolvedRef)) cycleBroken[i] = 1;
    } else parents[i] = resolved;
  }
  breakCycles(records, parents, cycleBroken);
  return { parents, orphan, cycleBroken };
}

/** Earlier start wins, then longer latency, then input order: the likeliest real ancestor. */
function isBetterCycleRoot(a: TraceRecord, b: TraceRecord): boolean {
  const as = a.startMs ?? Number.POSITIVE_INFINITY;
  const bs = b.startMs ?? Number.POSITIVE_INFINITY;
  if (as !== bs) return as < bs;
  const al = a.latency ?? -1;
  const bl = b.latency ?? -1;
  if (al !== bl) return al > bl;
  return a.ordinal < b.ordinal;
}

function breakCycles(records: readonly TraceRecord[], parents: Int32Array, cycleBroken: Uint8Array): void {
  cutParentCycles(parents, cycleBroken, (a, b) => isBetterCycleRoot(records[a] as TraceRecord, records[b] as TraceRecord));
}

/**
 * Walks each parent chain once (white/grey/black colouring). When a walk meets a node that is
 * on the current path, the path from there is a cycle; its best root candidate (`isBetter`) is
 * detached and hung under the trace root. Shared by the tree and the outline's column scan.
 */
export function cutParentCycles(parents: Int32Array, cycleBroken: Uint8Array, isBetter: (candidate: number, best: number) => boolean): void {
  const count = parents.length;
  const state = new Uint8Array(count); // 0 new, 1 on the current path, 2 reaches the root
  const pathPosition = new Int32Array(count);
  const path: number[] = [];
  for (let start = 0; start < count; start++) {
    if (state[start] !== 0) continue;
    path.length = 0;
    let current = start;
    while (current !== ROOT_PARENT && state[current] === 0) {
      state[current] = 1;
      pathPosition[current] = path.length;
      path.push(current);
      current = parents[current] as number;
    }
    if (current !== ROOT_PARENT && state[current] === 1) {
      let best = current;
      for (let p = (pathPosition[current] as number) + 1; p < path.length; p++) {
        const candidate = path[p] as number;
        if (isBetter(candidate, best)) best = candidate;
      }
      parents[best] = ROOT_PARENT;
      cycleBroken[best] = 1;
    }
    for (const node of path) state[node] = 2;
  }
}
