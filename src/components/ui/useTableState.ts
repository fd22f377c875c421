import type { DataTableSorting } from "./dataTableFeatures";
import { useControllableState } from "./useControllableState";
import { useTableLayout } from "./useTableLayout";

/** Table state a host may own: each slice is controlled when its value prop is given, internal otherwise. */
export interface TableStateProps {
  /** Sorting (one column). Controlled when given. */
  sorting?: DataTableSorting;
  /** Initial sorting when uncontrolled. */
  defaultSorting?: DataTableSorting;
  onSortingChange?: (sorting: DataTableSorting) => void;
  /** Column id → shown; absent ids are shown. Controlled when given. */
  columnVisibility?: Record<string, boolean>;
  /** Initial visibility when uncontrolled. */
  defaultColumnVisibility?: Record<string, boolean>;
  onColumnVisibilityChange?: (visibility: Record<string, boolean>) => void;
  /** Column ids in display order; missing ids follow in their default order. Controlled when given. */
  columnOrder?: string[];
  /** Initial order when uncontrolled. */
  defaultColumnOrder?: string[];
  onColumnOrderChange?: (order: string[]) => void;
  /** localStorage key: when set, column visibility and order are restored on mount and saved on change. */
  persistKey?: string;
}

const NO_SORTING: DataTableSorting = [];

export function useTableState(props: TableStateProps, columnIds: readonly string[]) {
  const [sorting, setSorting] = useControllableState(props.sorting, () => props.defaultSorting ?? NO_SORTING, props.onSortingChange);
  const layout = useTableLayout({
    columnIds,
    columnVisibility: props.columnVisibility,
    defaultColumnVisibility: props.defaultColumnVisibility,
    onColumnVisibilityChange: props.onColumnVisibilityChange,
    columnOrder: props.columnOrder,
    defaultColumnOrder: props.defaultColumnOrder,
    onColumnOrderChange: props.onColumnOrderChange,
    persistKey: props.persistKey,
  });
  return { sorting, setSorting, ...layout };
}

export type TableState = ReturnType<typeof useTableState>;
