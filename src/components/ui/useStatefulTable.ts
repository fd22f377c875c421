import { useMemo } from "react";
import type { RowData } from "@tanstack/react-table";
import type { DataTableColumn } from "./dataTableFeatures";
import type { TableColumnMenuItem } from "./TableColumnMenu";
import { useDataTable, type Setter } from "./useDataTable";
import type { TableState } from "./useTableState";

export interface StatefulTableOptions<TRow extends RowData> {
  data: readonly TRow[];
  columns: ReadonlyArray<DataTableColumn<TRow>>;
  getRowId: (row: TRow, index: number) => string;
  state: TableState;
  expanded?: Record<string, boolean>;
  onExpandedChange?: Setter<Record<string, boolean>>;
}

/**
 * The row model over the host-ownable table state, with what the virtual table and the column menu read:
 * columns by id, and the menu's entries in display order.
 */
export function useStatefulTable<TRow extends RowData>({ data, columns, getRowId, state, expanded, onExpandedChange }: StatefulTableOptions<TRow>) {
  const table = useDataTable({
    data,
    columns,
    getRowId,
    sorting: state.sorting,
    onSortingChange: state.setSorting,
    columnVisibility: state.visibility,
    onColumnVisibilityChange: state.setVisibility,
    columnOrder: state.order,
    onColumnOrderChange: state.setOrder,
    expanded,
    onExpandedChange,
  });
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const menuColumns = useMemo<TableColumnMenuItem[]>(
    () => state.order.flatMap((id) => (byId.get(id) ? [{ id, label: byId.get(id)!.header, hideable: byId.get(id)!.hideable !== false }] : [])),
    [state.order, byId],
  );
  return { table, byId, menuColumns };
}
