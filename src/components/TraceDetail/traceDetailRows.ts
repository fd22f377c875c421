/**
 * The span tree's rows with nothing collapsed or filtered, and their aria positions, once per tree: what
 * a large trace's first render with its finished tree reads, worked out ahead in the build's background
 * steps so that render does not walk every node again.
 */
import { flattenTraceTree, type TraceTreeRow, type TraceTreeShape } from "../../core/trace";
import { outlineTraceTreeSteps } from "../../core/traceOutline";
import { scanTraceOutlineSteps } from "../../core/traceOutlineScan";
import { kindsInTree, rememberKindsInTree } from "./traceDetailModel";

const allRows = new WeakMap<TraceTreeShape, TraceTreeRow[]>();
const positionsByRows = new WeakMap<readonly TraceTreeRow[], { pos: Int32Array; size: Int32Array }>();

/** Every row of `tree`, nothing collapsed or filtered (shared: read, never change it). */
export function allRowsOf(tree: TraceTreeShape): TraceTreeRow[] {
  let rows = allRows.get(tree);
  if (!rows) {
    rows = flattenTraceTree(tree);
    allRows.set(tree, rows);
  }
  return rows;
}

/** aria-posinset / aria-setsize of every visible row, in one pass; once per rows list. */
export function siblingPositionsOf(rows: readonly TraceTreeRow[]): { pos: Int32Array; size: Int32Array } {
  const cached = positionsByRows.get(rows);
  if (cached) return cached;
  const pos = new Int32Array(rows.length);
  const size = new Int32Array(rows.length);
  const open: number[][] = [];
  const close = (group: number[]) => group.forEach((row, i) => ((pos[row] = i + 1), (size[row] = group.length)));
  rows.forEach((row, i) => {
    while (open.length > row.depth + 1) close(open.pop() as number[]);
    if (open.length < row.depth + 1) open.push([]);
    (open[row.depth] as number[]).push(i);
  });
  while (open.length) close(open.pop() as number[]);
  const positions = { pos, size };
  positionsByRows.set(rows, positions);
  return positions;
}

/** Works out `tree`'s rows, their positions and its kinds ahead of the render that shows them. */
export function* warmTraceDetailRows(tree: TraceTreeShape): Generator<void, void, void> {
  const rows = allRowsOf(tree);
  yield;
  siblingPositionsOf(rows);
  kindsInTree(tree);
}

/**
 * A large trace's outline for its first paint: scanned into columns when the trace is well formed (the
 * rows, their positions and the kinds come with it and are remembered here, so the render reads them
 * rather than walking every node again), else `outlineTraceTree`, which takes any input.
 */
export function* outlineTraceDetailSteps(trace: unknown): Generator<void, TraceTreeShape, void> {
  const scanned = yield* scanTraceOutlineSteps(trace);
  if (!scanned) return yield* outlineTraceTreeSteps(trace);
  allRows.set(scanned.shape, scanned.rows);
  positionsByRows.set(scanned.rows, scanned.positions);
  rememberKindsInTree(scanned.shape, scanned.kinds);
  return scanned.shape;
}
