import { forwardRef, useMemo, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import { formatCount } from "../../core/intlFormatters";
import type { SessionRow } from "../../core/sessionRows";
import { DataTableFrame, TableEmptyState, type TableStatus } from "../ui/DataTableFrame";
import { DataTableToolbar } from "../ui/DataTableToolbar";
import { ExplorePagingFooter, type ExplorePaging } from "../ui/ExplorePagingFooter";
import type { TableColumnMenuItem } from "../ui/TableColumnMenu";
import { useDataTable, type Setter } from "../ui/useDataTable";
import type { TableState } from "../ui/useTableState";
import type { SessionsTableColumn } from "./sessionsTableColumns";

export interface SessionsTableViewProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** Sessions in the order to show (the source sorts and pages). */
  rows: readonly SessionRow[];
  status: TableStatus;
  error?: unknown;
  onRetry?: () => void;
  /** Later pages: loaded as the last rows come into view, with a footer for their state. */
  paging?: ExplorePaging;
  table: TableState;
  columns: readonly SessionsTableColumn[];
  expanded: Record<string, boolean>;
  onExpandedChange: Setter<Record<string, boolean>>;
  /** The detail row of an expanded session: its traces. */
  renderTraces?: (session: SessionRow) => ReactNode;
  /** Enter on a focused row, or a click on it. */
  onSessionClick?: (sessionId: string, details: { session: SessionRow }) => void;
  height: number | string;
  label: string;
  toolbar: boolean;
  toolbarActions?: ReactNode;
  emptyTitle: ReactNode;
  emptyDescription: ReactNode;
}

const getRowId = (row: SessionRow) => row.sessionId;
const NO_CELL_CONTEXT = { sentiment: null, level: "trace" } as const;

/** The pure half of SessionsTable: rows in (already sorted by the source), table out. It never fetches. */
export const SessionsTableView = forwardRef(function SessionsTableView(
  {
    rows, status, error, onRetry, paging, table: state, columns, expanded, onExpandedChange, renderTraces, onSessionClick, height, label,
    toolbar, toolbarActions, emptyTitle, emptyDescription, ...rest
  }: SessionsTableViewProps,
  ref: Ref<HTMLDivElement>,
) {
  const table = useDataTable({
    data: rows,
    columns,
    getRowId,
    sorting: state.sorting,
    onSortingChange: state.setSorting,
    columnVisibility: state.visibility,
    onColumnVisibilityChange: state.setVisibility,
    columnOrder: state.order,
    onColumnOrderChange: state.setOrder,
    expanded,
    onExpandedChange: renderTraces ? onExpandedChange : undefined,
    // The source sorted every page; sorting here would reorder only what is loaded.
    manualSorting: true,
  });
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
      rootRef={ref}
      slot="sessions-table"
      noun="sessions"
      status={status}
      error={error}
      onRetry={onRetry}
      empty={empty}
      placeholder={empty ? <TableEmptyState slot="sessions-table" title={emptyTitle} description={emptyDescription} /> : null}
      cellContext={NO_CELL_CONTEXT}
      toolbar={
        toolbar && (
          <DataTableToolbar
            slot="sessions-table"
            columns={menuColumns}
            table={state}
            actions={toolbarActions}
            status={
              <span role="status" data-slot="sessions-table-count" className="tl:text-xs tl:text-muted tl:tabular-nums">
                {status === "ready" ? `${formatCount(rows.length)}${more} ${rows.length === 1 && !more ? "session" : "sessions"}` : ""}
              </span>
            }
          />
        )
      }
      grid={{
        table,
        columns: byId,
        label,
        height,
        rowHeight: 44,
        onRowOpen: onSessionClick ? (row: SessionRow) => onSessionClick(row.sessionId, { session: row }) : undefined,
        renderDetail: renderTraces,
        onEndReached: paging?.hasMore ? paging.loadMore : undefined,
        footer: paging && !empty ? <ExplorePagingFooter paging={paging} noun="sessions" /> : null,
        busy: status === "loading" || paging?.loadingMore,
      }}
    />
  );
});
SessionsTableView.displayName = "SessionsTableView";
