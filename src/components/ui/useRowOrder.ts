import { useMemo } from "react";
import type { DataTableColumn, DataTableSorting } from "./dataTableFeatures";
import { orderedRows, type TableRows } from "./tableRows";
import { sortOrderJob } from "./tableRowOrder";
import { useSlicedJob } from "./useSlicedJob";

/** Rows a sort may start on during render; 100,000 never finish within that first slice. */
const SORT_IN_RENDER_UP_TO = 20_000;
const SORT_OPTIONS = { inRenderUpTo: SORT_IN_RENDER_UP_TO };

export interface RowOrder<TRow> {
  rows: TableRows<TRow>;
  /** A sort is still running; `rows` is the previous order of the same rows (or data order) meanwhile. */
  pending: boolean;
}

/**
 * The rows in the table's sort order (the first sorting entry whose column has a `sortValue`; others are
 * ignored, as TanStack does). Small tables sort synchronously; large ones start synchronously (beyond
 * 20,000 rows, after the render) and finish in slices, keeping the previous order of the same rows on
 * screen until the new one is ready.
 */
export function useRowOrder<TRow>(rows: TableRows<TRow>, columns: ReadonlyArray<DataTableColumn<TRow>>, sorting: DataTableSorting, manual = false): RowOrder<TRow> {
  const entry = manual ? undefined : sorting.find((s) => columns.some((c) => c.id === s.id && c.sortValue));
  const sortValue = entry ? columns.find((c) => c.id === entry.id)?.sortValue : undefined;
  const desc = entry?.desc ?? false;
  const sorted = useSlicedJob(
    () => (sortValue ? (function* () { return { base: rows, order: yield* sortOrderJob(rows, sortValue, desc) }; })() : null),
    [rows, sortValue, desc],
    rows.count,
    SORT_OPTIONS,
  );
  const value = sortValue ? sorted.value : undefined;
  const shown = useMemo(() => (value && value.base === rows ? orderedRows(rows, value.order) : rows), [value, rows]);
  return { rows: shown, pending: sorted.pending };
}
