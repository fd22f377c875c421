import { useMemo } from "react";
import { useTable, type ExpandedState, type RowData, type Updater } from "@tanstack/react-table";
import {
  dataTableFeatures,
  sortBySortValue,
  type DataTableColumn,
  type DataTableColumnDef,
  type DataTableSorting,
} from "./dataTableFeatures";

export type Setter<T> = (next: T | ((previous: T) => T)) => void;

export interface UseDataTableOptions<TRow extends RowData> {
  data: readonly TRow[];
  columns: ReadonlyArray<DataTableColumn<TRow>>;
  getRowId: (row: TRow, index: number) => string;
  sorting: DataTableSorting;
  onSortingChange: Setter<DataTableSorting>;
  columnVisibility: Record<string, boolean>;
  onColumnVisibilityChange: Setter<Record<string, boolean>>;
  columnOrder: string[];
  onColumnOrderChange: Setter<string[]>;
  expanded?: Record<string, boolean>;
  onExpandedChange?: Setter<Record<string, boolean>>;
  /** Rows arrive already sorted (server order); the table must not reorder them. @default false */
  manualSorting?: boolean;
}

const NO_EXPANDED: Record<string, boolean> = {};

/** Host-facing columns as TanStack column definitions: a sort key accessor, and our layout in `meta`. */
export function toColumnDefs<TRow extends RowData>(columns: ReadonlyArray<DataTableColumn<TRow>>): DataTableColumnDef<TRow>[] {
  return columns.map((column) => {
    const { sortValue } = column;
    const meta = {
      label: column.header,
      width: column.width ?? 140,
      align: column.align ?? "start",
      description: column.description,
      hideable: column.hideable !== false,
      headerHidden: column.headerHidden === true,
    } as const;
    const base = {
      id: column.id,
      header: column.header,
      meta,
      enableHiding: column.hideable !== false,
      enableSorting: Boolean(sortValue),
      sortDescFirst: column.sortDescFirst ?? false,
    };
    if (!sortValue) return base as DataTableColumnDef<TRow>;
    return {
      ...base,
      accessorFn: (row: TRow) => {
        const value = sortValue(row);
        // `sortUndefined: "last"` only recognises undefined; unknown numbers (NaN) count as missing too.
        return value === null || (typeof value === "number" && Number.isNaN(value)) ? undefined : value;
      },
      sortFn: sortBySortValue,
      sortUndefined: "last",
    } as DataTableColumnDef<TRow>;
  });
}

/**
 * TanStack Table v9 over tracelens' column definitions, with every piece of state owned by the caller
 * (so hosts can control it and the shells can persist it).
 */
export function useDataTable<TRow extends RowData>(options: UseDataTableOptions<TRow>) {
  const columnDefs = useMemo(() => toColumnDefs(options.columns), [options.columns]);
  const setExpanded = options.onExpandedChange;
  return useTable({
    features: dataTableFeatures,
    columns: columnDefs,
    data: options.data as TRow[],
    getRowId: options.getRowId,
    enableMultiSort: false,
    enableSortingRemoval: true,
    manualSorting: options.manualSorting ?? false,
    autoResetExpanded: false,
    getRowCanExpand: () => Boolean(setExpanded),
    state: {
      sorting: options.sorting,
      columnVisibility: options.columnVisibility,
      columnOrder: options.columnOrder,
      expanded: options.expanded ?? NO_EXPANDED,
    },
    onSortingChange: (updater: Updater<DataTableSorting>) => options.onSortingChange(updater),
    onColumnVisibilityChange: (updater: Updater<Record<string, boolean>>) => options.onColumnVisibilityChange(updater),
    onColumnOrderChange: (updater: Updater<string[]>) => options.onColumnOrderChange(updater),
    onExpandedChange: (updater: Updater<ExpandedState>) =>
      setExpanded?.((previous) => {
        const next = typeof updater === "function" ? updater(previous) : updater;
        return next === true ? previous : next;
      }),
  });
}
