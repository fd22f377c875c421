import { useMemo } from "react";
import { useTable, type RowData, type Updater } from "@tanstack/react-table";
import { dataTableFeatures, type DataTableColumn, type DataTableColumnDef, type DataTableSorting } from "./dataTableFeatures";

export type Setter<T> = (next: T | ((previous: T) => T)) => void;

export interface UseDataTableOptions<TRow extends RowData> {
  columns: ReadonlyArray<DataTableColumn<TRow>>;
  sorting: DataTableSorting;
  onSortingChange: Setter<DataTableSorting>;
  columnVisibility: Record<string, boolean>;
  onColumnVisibilityChange: Setter<Record<string, boolean>>;
  columnOrder: string[];
  onColumnOrderChange: Setter<string[]>;
}

/** TanStack holds columns and their state only; rows never go through it (see `dataTableFeatures`). */
const NO_ROWS: never[] = [];

/** Host-facing columns as TanStack column definitions: an accessor marks a column sortable, our layout goes in `meta`. */
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
    return { ...base, accessorFn: (row: TRow) => sortValue(row) } as DataTableColumnDef<TRow>;
  });
}

/**
 * TanStack Table v9 over tracelens' column definitions, with every piece of state owned by the caller
 * (so hosts can control it and the shells can persist it): headers, sort toggles, visibility and order.
 */
export function useDataTable<TRow extends RowData>(options: UseDataTableOptions<TRow>) {
  const columnDefs = useMemo(() => toColumnDefs(options.columns), [options.columns]);
  return useTable({
    features: dataTableFeatures,
    columns: columnDefs,
    data: NO_ROWS as TRow[],
    enableMultiSort: false,
    enableSortingRemoval: true,
    manualSorting: true,
    state: {
      sorting: options.sorting,
      columnVisibility: options.columnVisibility,
      columnOrder: options.columnOrder,
    },
    onSortingChange: (updater: Updater<DataTableSorting>) => options.onSortingChange(updater),
    onColumnVisibilityChange: (updater: Updater<Record<string, boolean>>) => options.onColumnVisibilityChange(updater),
    onColumnOrderChange: (updater: Updater<string[]>) => options.onColumnOrderChange(updater),
  });
}
