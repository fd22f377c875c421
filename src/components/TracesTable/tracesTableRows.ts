/**
 * Host traces as table rows, normalized as they are read: a first paint of 100,000 traces reads the few
 * dozen it shows, not every id. Same rules as ever: anything that is not an object is dropped, a missing
 * id becomes a positional one (`row-<index>`), a repeated id gets a suffix (`<id>#<index>`) so row identity
 * stays unique, and valid traces keep their identity so per-trace caches keep working across renders.
 */
import type { LLMTrace } from "../../core/eventsTrace";
import { claimId } from "../../core/claimId";
import { lazyIndex, type TableRows } from "../ui/tableRows";

export interface TraceTableRows extends TableRows<LLMTrace> {
  /** Every row, normalized (the same array on every call). */
  all(): readonly LLMTrace[];
  /** Normalizes ahead until `deadline` (a `performance.now()` time); true once every row is. */
  advance(deadline: number): boolean;
}

const isRowItem = (item: unknown): boolean => Boolean(item) && typeof item === "object" && !Array.isArray(item);

function createTraceRows(input: readonly unknown[]): TraceTableRows {
  // One cheap pass for the count (a scrollbar needs it); positions only when something is dropped.
  let count = 0;
  // Inline rather than through isRowItem: this loop runs once over 100,000 rows before the first paint, mostly unoptimised.
  for (let i = 0, n = input.length; i < n; i++) {
    const item = input[i];
    if (typeof item === "object" && item !== null && !Array.isArray(item)) count++;
  }
  const done: LLMTrace[] = [];
  const seen = new Set<string>();
  let next = 0;
  const normalizeNext = () => {
    while (next < input.length && !isRowItem(input[next])) next++;
    const index = next++;
    const trace = input[index] as LLMTrace;
    let id = typeof trace.id === "string" && trace.id ? trace.id : typeof trace.id === "number" ? String(trace.id) : `row-${index}`;
    const valid = id === trace.id && Array.isArray(trace.events);
    id = claimId(seen, id, index);
    done.push(valid && id === trace.id ? trace : { ...trace, id, events: Array.isArray(trace.events) ? trace.events : [] });
  };
  const rowAt = (i: number): LLMTrace => {
    while (done.length <= i && done.length < count) normalizeNext();
    return done[i] as LLMTrace;
  };
  const idAt = (i: number) => rowAt(i).id;
  return {
    count,
    rowAt,
    idAt,
    indexOf: lazyIndex(count, idAt),
    all() {
      if (count > 0) rowAt(count - 1);
      return done;
    },
    advance(deadline) {
      while (done.length < count) {
        // Small steps: a row's id is hashed into `seen`, and 512 of them could outlast the slice.
        const stop = Math.min(count, done.length + 64);
        while (done.length < stop) normalizeNext();
        if (performance.now() >= deadline) break;
      }
      return done.length >= count;
    },
  };
}

const known = new WeakMap<readonly unknown[], TraceTableRows>();
const NONE = createTraceRows([]);

/** The rows for `input`; the same object for the same array, so its work is done once. */
export function traceTableRows(input: unknown): TraceTableRows {
  if (!Array.isArray(input)) return NONE;
  let rows = known.get(input);
  if (!rows) {
    rows = createTraceRows(input);
    known.set(input, rows);
  }
  return rows;
}
