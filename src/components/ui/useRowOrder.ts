import { useEffect, useMemo, useRef, useState } from "react";
import type { DataTableColumn, DataTableSorting } from "./dataTableFeatures";
import { orderedRows, type TableRows } from "./tableRows";
import { runJob, sortOrderJob, type SlicedJob } from "./tableRowOrder";

/** Up to this many rows are sorted in one go (always the same result, whatever the machine's speed). */
export const SYNC_SORT_LIMIT = 2000;
/** Beyond it, sorting starts during render for at most this long, then goes on in slices. */
const FIRST_SLICE_MS = 40;
const SLICE_MS = 8;

export interface RowOrder<TRow> {
  rows: TableRows<TRow>;
  /** A sort is still running; `rows` is the previous order meanwhile. */
  pending: boolean;
}

interface Request<TRow> {
  rows: TableRows<TRow>;
  sortValue: NonNullable<DataTableColumn<TRow>["sortValue"]>;
  desc: boolean;
}

type Started<TRow> = { request: Request<TRow>; rows: TableRows<TRow>; job?: undefined } | { request: Request<TRow>; job: SlicedJob<Int32Array>; rows?: undefined };
type Outcome<TRow> = { request: Request<TRow>; rows: TableRows<TRow> } | { request: Request<TRow>; error: unknown };

const yieldToBrowser = (fn: () => void): (() => void) => {
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
};

/**
 * The rows in the table's sort order (the first sorting entry whose column has a `sortValue`; others are
 * ignored, as TanStack does). Small tables sort synchronously; large ones start synchronously and finish
 * in 8 ms slices, keeping the previous order on screen until the new one is ready.
 */
export function useRowOrder<TRow>(rows: TableRows<TRow>, columns: ReadonlyArray<DataTableColumn<TRow>>, sorting: DataTableSorting, manual = false): RowOrder<TRow> {
  const entry = manual ? undefined : sorting.find((s) => columns.some((c) => c.id === s.id && c.sortValue));
  const sortValue = entry ? columns.find((c) => c.id === entry.id)?.sortValue : undefined;
  const desc = entry?.desc ?? false;
  const request = useMemo<Request<TRow> | null>(() => (sortValue ? { rows, sortValue, desc } : null), [rows, sortValue, desc]);

  const started = useMemo((): Started<TRow> | null => {
    if (!request) return null;
    const job = sortOrderJob(request.rows, request.sortValue, request.desc);
    const deadline = request.rows.count <= SYNC_SORT_LIMIT ? Infinity : performance.now() + FIRST_SLICE_MS;
    const step = runJob(job, deadline);
    return step.done ? { request, rows: orderedRows(request.rows, step.value) } : { request, job };
  }, [request]);

  const [finished, setFinished] = useState<Outcome<TRow> | null>(null);
  useEffect(() => {
    if (!started?.job) return;
    const job = started.job;
    let cancel = () => undefined as void;
    const step = () => {
      try {
        const result = runJob(job, performance.now() + SLICE_MS);
        if (result.done) setFinished({ request: started.request, rows: orderedRows(started.request.rows, result.value) });
        else cancel = yieldToBrowser(step);
      } catch (error) {
        setFinished({ request: started.request, error });
      }
    };
    cancel = yieldToBrowser(step);
    return () => cancel();
  }, [started]);

  // The last order shown for these rows stands in while a new sort of them runs.
  const shown = useRef<{ base: TableRows<TRow>; rows: TableRows<TRow> } | null>(null);
  let result: RowOrder<TRow>;
  if (!request || !started) result = { rows, pending: false };
  else if (started.rows) result = { rows: started.rows, pending: false };
  else if (finished?.request === request) {
    if ("error" in finished) throw finished.error;
    result = { rows: finished.rows, pending: false };
  } else result = { rows: shown.current?.base === rows ? shown.current.rows : rows, pending: true };
  useEffect(() => {
    if (!result.pending) shown.current = { base: rows, rows: result.rows };
  });
  return result;
}
