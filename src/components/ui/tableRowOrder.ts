/**
 * Client sorting for the virtual tables, with TanStack Table's semantics (one column, missing values last
 * in either direction, ties in data order) but as a job that can pause: 100,000 rows are sorted in slices
 * without blocking the page, and strings go through the collator once per distinct value, not once per
 * comparison.
 */
import { compareSortValues, type SortValue } from "./dataTableFeatures";
import type { SlicedJob } from "./slicedJob";
import type { TableRows } from "./tableRows";

/** Items handled between two yields. */
const CHUNK = 2048;
/**
 * Rows whose sort key is read between two yields: a key can cost tens of microseconds (a trace's cost
 * walks its events), so 2,048 of them could outlast a whole slice.
 */
const KEY_CHUNK = 256;
/** Runs sorted by insertion before merging. */
const RUN = 32;

/** Stable merge sort of `items` by `cmp` (only `cmp > 0` moves an item), in place or into a new array. */
function* mergeSort(items: Int32Array, cmp: (a: number, b: number) => number): SlicedJob<Int32Array> {
  const n = items.length;
  let work = 0;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const item = items[i]!;
      let j = i - 1;
      while (j >= lo && cmp(items[j]!, item) > 0) {
        items[j + 1] = items[j]!;
        j--;
      }
      items[j + 1] = item;
    }
    work += hi - lo;
    if (work >= CHUNK) {
      work = 0;
      yield;
    }
  }
  let src: Int32Array = items;
  let dst: Int32Array = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) dst[k++] = cmp(src[i]!, src[j]!) > 0 ? src[j++]! : src[i++]!;
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
      work += hi - lo;
      if (work >= CHUNK) {
        work = 0;
        yield;
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/** Whether `items` is already in order (hosts often pass data sorted the way it is shown). */
function* inOrder(items: Int32Array, cmp: (a: number, b: number) => number): SlicedJob<boolean> {
  for (let i = 1; i < items.length; i++) {
    if (cmp(items[i - 1]!, items[i]!) > 0) return false;
    if (i % CHUNK === 0) yield;
  }
  return true;
}

/** Distinct strings ranked by the collator; equal under it means equal rank. */
function* stringRanks(keys: readonly SortValue[], defined: Int32Array): SlicedJob<Float64Array> {
  const slot = new Map<string, number>();
  const distinct: string[] = [];
  const slotOf = new Int32Array(keys.length);
  for (let d = 0; d < defined.length; d++) {
    const i = defined[d]!;
    const value = keys[i] as string;
    let s = slot.get(value);
    if (s === undefined) {
      s = distinct.length;
      slot.set(value, s);
      distinct.push(value);
    }
    slotOf[i] = s;
    if (d % CHUNK === 0) yield;
  }
  const order = yield* mergeSort(Int32Array.from(distinct.keys()), (a, b) => compareSortValues(distinct[a], distinct[b]));
  const rankOfSlot = new Float64Array(distinct.length);
  let rank = 0;
  for (let r = 0; r < order.length; r++) {
    if (r > 0 && compareSortValues(distinct[order[r - 1]!], distinct[order[r]!]) !== 0) rank++;
    rankOfSlot[order[r]!] = rank;
  }
  const ranks = new Float64Array(keys.length);
  for (let d = 0; d < defined.length; d++) ranks[defined[d]!] = rankOfSlot[slotOf[defined[d]!]!]!;
  return ranks;
}

/**
 * The row positions in sorted order. `sortValue` is read once per row; `null` and `NaN` count as missing
 * and go last in either direction, like TanStack's `sortUndefined: "last"`; ties keep data order.
 */
export function* sortOrderJob<TRow>(rows: TableRows<TRow>, sortValue: (row: TRow) => SortValue, desc: boolean): SlicedJob<Int32Array> {
  const n = rows.count;
  const keys = new Array<SortValue>(n);
  let numbers = true;
  let strings = true;
  let definedCount = 0;
  for (let i = 0; i < n; i++) {
    const value = sortValue(rows.rowAt(i));
    const key = value === null || (typeof value === "number" && Number.isNaN(value)) ? undefined : value;
    keys[i] = key;
    if (key !== undefined) {
      definedCount++;
      if (typeof key !== "number") numbers = false;
      if (typeof key !== "string") strings = false;
    }
    if (i % KEY_CHUNK === KEY_CHUNK - 1) yield;
  }
  const defined = new Int32Array(definedCount);
  const missing = new Int32Array(n - definedCount);
  for (let i = 0, d = 0, m = 0; i < n; i++) {
    if (keys[i] === undefined) missing[m++] = i;
    else defined[d++] = i;
  }
  const sign = desc ? -1 : 1;
  let cmp: (a: number, b: number) => number;
  if (numbers || strings) {
    const numeric = numbers ? Float64Array.from(keys, (k) => (k === undefined ? 0 : (k as number))) : yield* stringRanks(keys, defined);
    // Not a subtraction: two equal infinities would give NaN, which no sort reads as a tie.
    cmp = (a, b) => sign * (numeric[a]! < numeric[b]! ? -1 : numeric[a]! > numeric[b]! ? 1 : 0);
  } else {
    cmp = (a, b) => sign * compareSortValues(keys[a], keys[b]);
  }
  const sorted = (yield* inOrder(defined, cmp)) ? defined : yield* mergeSort(defined, cmp);
  const order = new Int32Array(n);
  order.set(sorted, 0);
  order.set(missing, sorted.length);
  return order;
}
