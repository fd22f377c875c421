"use client";
import { forwardRef, useCallback, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { SessionsParams } from "../../client/clientTypes";
import { DEFAULT_SESSION_SORT, isSessionSortColumn, type SessionRow, type SessionSort } from "../../core/sessionRows";
import type { TraceLensHookOptions } from "../../hooks/context";
import { TraceLensScope } from "../../hooks/TraceLensScope";
import type { TraceClickDetails } from "../../core/traceRows";
import { useExploreRows, useInfiniteSessions } from "../../hooks/useExploreData";
import { ErrorBoundary } from "../ui/ErrorState";
import { useServerSort } from "../ui/useServerSort";
import { useTableState, type TableStateProps } from "../ui/useTableState";
import { sessionsTableColumns, type SessionsTableColumn } from "./sessionsTableColumns";
import { SessionsTableTraces } from "./SessionsTableTraces";
import { SessionsTableView } from "./SessionsTableView";

export interface SessionsTableProps
  extends Omit<TableStateProps, "sorting" | "defaultSorting" | "onSortingChange">, TraceLensHookOptions, Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** The filters (date range, property filters, test accounts): `useTraceFilters().exploreFilters`. */
  query?: Omit<SessionsParams, "limit" | "offset" | "sort">;
  /** The order, by PostHog's column names. Controlled when given. */
  sort?: SessionSort;
  /** @default { column: "last_seen", direction: "DESC" } */
  defaultSort?: SessionSort;
  onSortChange?: (sort: SessionSort) => void;
  /** Sessions per page. @default 50 */
  pageSize?: number;
  /** @default sessionsTableColumns({ locale, now }) */
  columns?: readonly SessionsTableColumn[];
  /** Enter on a focused row, or a click on it. */
  onSessionClick?: (sessionId: string, details: { session: SessionRow }) => void;
  /** A click on one of an expanded session's traces. */
  onTraceClick?: (traceId: string, details: TraceClickDetails) => void;
  /** @default 560 */
  height?: number | string;
  /** @default "AI sessions" */
  label?: string;
  /** Shows the count and the column menu. @default true */
  toolbar?: boolean;
  toolbarActions?: ReactNode;
  locale?: string;
  now?: Date | number;
  emptyTitle?: ReactNode;
  emptyDescription?: ReactNode;
}

const NONE: Record<string, boolean> = {};

/**
 * PostHog's AI sessions list (`$ai_session_id`) as a drop-in: sortable by the source, paged as the user
 * scrolls, a row expands (→ / ← or its toggle) to the session's traces. Runs on the provider's client
 * (both built-in clients list sessions), or `client`/`queryClient` props.
 */
export const SessionsTable = forwardRef(function SessionsTable(props: SessionsTableProps, ref: Ref<HTMLDivElement>) {
  return (
    <ErrorBoundary title="The sessions table could not be shown" resetKey={JSON.stringify(props.query ?? null)}>
      <TraceLensScope client={props.client} queryClient={props.queryClient}>
        <SessionsTableInner {...props} forwardedRef={ref} />
      </TraceLensScope>
    </ErrorBoundary>
  );
});
SessionsTable.displayName = "SessionsTable";

function SessionsTableInner({ forwardedRef, ...props }: SessionsTableProps & { forwardedRef: Ref<HTMLDivElement> }) {
  const {
    query, sort: sortProp, defaultSort, onSortChange, pageSize, columns: columnsProp, onSessionClick, onTraceClick, client, queryClient,
    height = 560, label = "AI sessions", toolbar = true, toolbarActions, locale, now, emptyTitle = "There were no AI sessions in this period",
    emptyDescription = "Sessions are traces sharing a $ai_session_id. Try changing the date range or filters.",
    columnVisibility, defaultColumnVisibility, onColumnVisibilityChange, columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey, ...rest
  } = props;
  const nowMs = now === undefined ? undefined : typeof now === "number" ? now : now.getTime();
  const columns = useMemo(() => columnsProp ?? sessionsTableColumns({ locale, now: nowMs }), [columnsProp, locale, nowMs]);
  const { sort, sorting, onSortingChange } = useServerSort(sortProp, defaultSort ?? DEFAULT_SESSION_SORT, onSortChange, isSessionSortColumn);
  const ids = useMemo(() => columns.map((c) => c.id), [columns]);
  const table = useTableState(
    { sorting, onSortingChange, columnVisibility, defaultColumnVisibility, onColumnVisibilityChange, columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey },
    ids,
  );
  const [expanded, setExpanded] = useState(NONE);
  const pages = useInfiniteSessions({ ...query, sort }, { client, queryClient, pageSize });
  const list = useExploreRows(pages, (row) => row.sessionId);
  const format = useMemo(() => ({ locale, now: nowMs }), [locale, nowMs]);
  const renderTraces = useCallback(
    (session: SessionRow) => <SessionsTableTraces session={session} onTraceClick={onTraceClick} format={format} />,
    [onTraceClick, format],
  );
  return (
    <SessionsTableView
      {...rest}
      ref={forwardedRef}
      rows={list.rows}
      status={list.status}
      error={list.error}
      onRetry={list.retry}
      paging={list}
      table={table}
      columns={columns}
      expanded={expanded}
      onExpandedChange={setExpanded}
      renderTraces={renderTraces}
      onSessionClick={onSessionClick}
      height={height}
      label={label}
      toolbar={toolbar}
      toolbarActions={toolbarActions}
      emptyTitle={emptyTitle}
      emptyDescription={emptyDescription}
    />
  );
}
