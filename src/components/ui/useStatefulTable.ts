import { useMemo } from "react";
import type { RowData } from "@tanstack/react-table";
import type { DataTableColumn } from "./dataTableFeatures";
import type { TableColumnMenuItem } from "./TableColumnMenu";
import { arrayRows, type TableRows } from "./tableRows";
import { useDataTable } from "./useDataTable";
import { useRowOrder } from "./useRowOrder";
import type { TableState } from "./useTableState";

export interface StatefulTableOptions<TRow extends RowData> {
  /** The rows, in data order: an array, or rows read by position. */
  data: readonly TRow[] | TableRows<TRow>;
  columns: ReadonlyArray<DataTableColumn<TRow>>;
  getRowId: (row: TRow, index: number) => string;
  state: TableState;
}

/**
 * The table over the host-ownable state, with what the virtual table and the column menu read: the rows in
 * sort order, columns by id, and the menu's entries in display order.
 */
export function useStatefulTable<TRow extends RowData>({ data, columns, getRowId, state }: StatefulTableOptions<TRow>) {
  const table = useDataTable({
    columns,
    sorting: state.sorting,
    onSortingChange: state.setSorting,
    columnVisibility: state.visibility,
    onColumnVisibilityChange: state.setVisibility,
    columnOrder: state.order,
    onColumnOrderChange: state.setOrder,
  });
  const base = Array.isArray(data) ? arrayRows(data as readonly TRow[], getRowId) : (data as TableRows<TRow>);
  const { rows, pending: sorting } = useRowOrder(base, columns, state.sorting);
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const menuColumns = useMemo<TableColumnMenuItem[]>(
    () => state.order.flatMap((id) => (byId.get(id) ? [{ id, label: byId.get(id)!.header, hideable: byId.get(id)!.hideable !== false }] : [])),
    [state.order, byId],
  );
  return { table, rows, sorting, byId, menuColumns };
}
