"use client";
import { useMemo, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { RowData } from "@tanstack/react-table";
import { formatCount } from "../../core/intlFormatters";
import { DataTableFrame, TableEmptyState, type TableStatus } from "./DataTableFrame";
import type { DataTableColumn } from "./dataTableFeatures";
import { DataTableToolbar } from "./DataTableToolbar";
import { DataTablePagingFooter, type PagingFooterState } from "./DataTablePaging";
import type { TableColumnMenuItem } from "./TableColumnMenu";
import { arrayRows } from "./tableRows";
import { useDataTable, type Setter } from "./useDataTable";
import type { TableState } from "./useTableState";

/** What a table view over source-sorted, paged rows takes (sessions, error groups). */
export interface ServerSortedTableViewProps<TRow> extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** Rows in the order to show (the source sorts and pages). */
  rows: readonly TRow[];
  status: TableStatus;
  error?: unknown;
  onRetry?: () => void;
  /** Later pages: loaded as the last rows come into view, with a footer for their state. */
  paging?: PagingFooterState;
  table: TableState;
  columns: readonly DataTableColumn<TRow>[];
  expanded: Record<string, boolean>;
  onExpandedChange: Setter<Record<string, boolean>>;
  height: number | string;
  label: string;
  toolbar: boolean;
  toolbarActions?: ReactNode;
  emptyTitle: ReactNode;
  emptyDescription: ReactNode;
}

interface ServerSortedTableProps<TRow> extends ServerSortedTableViewProps<TRow> {
  rootRef: Ref<HTMLDivElement>;
  slot: string;
  /** Plural and singular names of the rows. */
  noun: [string, string];
  getRowId: (row: TRow) => string;
  renderDetail?: (row: TRow) => ReactNode;
  onRowOpen?: (row: TRow) => void;
  rowHeight: number;
}

/** A virtual table whose rows the source already sorted and paged: sorting asks the source, never reorders loaded rows. */
export function ServerSortedTable<TRow extends RowData>({
  rootRef, slot, noun, getRowId, renderDetail, onRowOpen, rowHeight, rows, status, error, onRetry, paging, table: state, columns, expanded,
  onExpandedChange, height, label, toolbar, toolbarActions, emptyTitle, emptyDescription, ...rest
}: ServerSortedTableProps<TRow>) {
  const table = useDataTable({
    columns,
    sorting: state.sorting,
    onSortingChange: state.setSorting,
    columnVisibility: state.visibility,
    onColumnVisibilityChange: state.setVisibility,
    columnOrder: state.order,
    onColumnOrderChange: state.setOrder,
  });
  // The source sorted every page: rows go in as they came (sorting here would reorder only what is loaded).
  const tableRows = useMemo(() => arrayRows(rows, getRowId), [rows, getRowId]);
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const menuColumns = useMemo<TableColumnMenuItem[]>(
    () => state.order.flatMap((id) => (byId.get(id) ? [{ id, label: byId.get(id)!.header, hideable: byId.get(id)!.hideable !== false }] : [])),
    [state.order, byId],
  );
  const empty = rows.length === 0;
  const more = paging?.hasMore ? "+" : "";
  return (
    <DataTableFrame
      {...rest}
      rootRef={rootRef}
      slot={slot}
      noun={noun[0]}
      status={status}
      error={error}
      onRetry={onRetry}
      empty={empty}
      placeholder={empty ? <TableEmptyState slot={slot} title={emptyTitle} description={emptyDescription} /> : null}
      toolbar={
        toolbar && (
          <DataTableToolbar
            slot={slot}
            columns={menuColumns}
            table={state}
            actions={toolbarActions}
            status={
              <span role="status" data-slot={`${slot}-count`} className="tl:text-xs tl:text-muted tl:tabular-nums">
                {status === "ready" ? `${formatCount(rows.length)}${more} ${rows.length === 1 && !more ? noun[1] : noun[0]}` : ""}
              </span>
            }
          />
        )
      }
      grid={{
        table,
        rows: tableRows,
        expanded,
        onExpandedChange: renderDetail ? onExpandedChange : undefined,
        columns: byId,
        label,
        height,
        rowHeight,
        onRowOpen,
        renderDetail,
        onEndReached: paging?.hasMore ? paging.loadMore : undefined,
        footer: paging && !empty ? <DataTablePagingFooter paging={paging} noun={noun[0]} /> : null,
        busy: status === "loading" || paging?.loadingMore,
      }}
    />
  );
}
