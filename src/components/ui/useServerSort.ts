import { useCallback, useMemo } from "react";
import type { DataTableSorting } from "./dataTableFeatures";
import { useControllableState } from "./useControllableState";

/** A source's sort: one of its column names and a direction (PostHog's `ORDER BY`). */
export interface ServerSort<C extends string> {
  column: C;
  direction: "ASC" | "DESC";
}

/**
 * A source-side sort (controlled when `value` is given) and the table-sorting state its headers read and
 * write. Clearing the sort goes back to `fallback`, which the header then shows.
 */
export function useServerSort<C extends string>(
  value: ServerSort<C> | undefined,
  fallback: ServerSort<C>,
  onChange: ((sort: ServerSort<C>) => void) | undefined,
  isColumn: (id: unknown) => id is C,
) {
  const [sort, setSort] = useControllableState(value, fallback, onChange);
  const sorting = useMemo<DataTableSorting>(() => [{ id: sort.column, desc: sort.direction === "DESC" }], [sort]);
  const onSortingChange = useCallback(
    (next: DataTableSorting) => {
      const first = next[0];
      setSort(first && isColumn(first.id) ? { column: first.id, direction: first.desc ? "DESC" : "ASC" } : fallback);
    },
    [setSort, fallback, isColumn],
  );
  return { sort, sorting, onSortingChange };
}
