"use client";
import { forwardRef, useCallback, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { ErrorsParams } from "../../client/clientTypes";
import { DEFAULT_ERROR_SORT, isErrorSortColumn, type ErrorGroup, type ErrorSort } from "../../core/errorGroups";
import type { TrendInterval } from "../../core/errorTrends";
import type { TraceLensHookOptions } from "../../hooks/context";
import { TraceLensScope } from "../../hooks/TraceLensScope";
import type { TraceClickDetails } from "../../core/traceRows";
import { useErrorTrends, useExploreRows, useInfiniteErrors } from "../../hooks/useExploreData";
import { ErrorBoundary } from "../ui/ErrorState";
import { useServerSort } from "../ui/useServerSort";
import { useTableState, type TableStateProps } from "../ui/useTableState";
import { errorsTableColumns, type ErrorsTableColumn } from "./errorsTableColumns";
import { ErrorsTableTraces } from "./ErrorsTableTraces";
import { ErrorsTableView } from "./ErrorsTableView";

export interface ErrorsTableProps
  extends Omit<TableStateProps, "sorting" | "defaultSorting" | "onSortingChange">, TraceLensHookOptions, Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** The filters (date range, property filters, test accounts): `useTraceFilters().exploreFilters`. */
  query?: Omit<ErrorsParams, "limit" | "offset" | "sort">;
  /** The order, by PostHog's column names. Controlled when given. */
  sort?: ErrorSort;
  /** @default { column: "traces", direction: "DESC" } */
  defaultSort?: ErrorSort;
  onSortChange?: (sort: ErrorSort) => void;
  /** Error groups per page. @default 100 */
  pageSize?: number;
  /** Sparkline buckets. @default "day" */
  trendInterval?: TrendInterval;
  /** @default errorsTableColumns({ locale, now }, trends) */
  columns?: readonly ErrorsTableColumn[];
  /** Enter on a focused row, or a click on it. */
  onErrorClick?: (error: string, details: { group: ErrorGroup }) => void;
  /** A click on one of an expanded error's traces. */
  onTraceClick?: (traceId: string, details: TraceClickDetails) => void;
  /** @default 560 */
  height?: number | string;
  /** @default "LLM errors" */
  label?: string;
  /** @default true */
  toolbar?: boolean;
  toolbarActions?: ReactNode;
  locale?: string;
  now?: Date | number;
  emptyTitle?: ReactNode;
  emptyDescription?: ReactNode;
}

const NONE: Record<string, boolean> = {};

/**
 * PostHog's LLM errors tab as a drop-in: errors grouped by their normalised message (ids, numbers and
 * UUIDs stripped) with traces, sessions, users, occurrences, first/last seen and a sparkline; a row
 * expands (→ or its toggle) to the failing traces.
 */
export const ErrorsTable = forwardRef(function ErrorsTable(props: ErrorsTableProps, ref: Ref<HTMLDivElement>) {
  return (
    <ErrorBoundary title="The errors table could not be shown" resetKey={JSON.stringify(props.query ?? null)}>
      <TraceLensScope client={props.client} queryClient={props.queryClient}>
        <ErrorsTableInner {...props} forwardedRef={ref} />
      </TraceLensScope>
    </ErrorBoundary>
  );
});
ErrorsTable.displayName = "ErrorsTable";

function ErrorsTableInner({ forwardedRef, ...props }: ErrorsTableProps & { forwardedRef: Ref<HTMLDivElement> }) {
  const {
    query, sort: sortProp, defaultSort, onSortChange, pageSize, trendInterval = "day", columns: columnsProp, onErrorClick, onTraceClick, client,
    queryClient, height = 560, label = "LLM errors", toolbar = true, toolbarActions, locale, now, emptyTitle = "There were no LLM errors in this period",
    emptyDescription = "Errors are events with $ai_is_error set. Try changing the date range or filters.",
    columnVisibility, defaultColumnVisibility, onColumnVisibilityChange, columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey, ...rest
  } = props;
  const nowMs = now === undefined ? undefined : typeof now === "number" ? now : now.getTime();
  const format = useMemo(() => ({ locale, now: nowMs }), [locale, nowMs]);
  const { sort, sorting, onSortingChange } = useServerSort(sortProp, defaultSort ?? DEFAULT_ERROR_SORT, onSortChange, isErrorSortColumn);
  const pages = useInfiniteErrors({ ...query, sort }, { client, queryClient, pageSize });
  const list = useExploreRows(pages, (row) => row.error);
  // One trends request for the first page's groups (PostHog's tab asks for the ones on screen).
  const errors = useMemo(() => list.rows.slice(0, 100).map((row) => row.error), [list.rows]);
  const trends = useErrorTrends({ ...query, errors, interval: trendInterval }, { client, queryClient });
  const trendData = trends.data ?? null;
  const columns = useMemo(() => columnsProp ?? errorsTableColumns(format, trendData), [columnsProp, format, trendData]);
  const ids = useMemo(() => columns.map((c) => c.id), [columns]);
  const table = useTableState(
    { sorting, onSortingChange, columnVisibility, defaultColumnVisibility, onColumnVisibilityChange, columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey },
    ids,
  );
  const [expanded, setExpanded] = useState(NONE);
  const filters = useMemo(() => ({ ...query }), [query]);
  const renderTraces = useCallback(
    (group: ErrorGroup) => <ErrorsTableTraces group={group} filters={filters} onTraceClick={onTraceClick} format={format} />,
    [filters, onTraceClick, format],
  );
  return (
    <ErrorsTableView
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
      onErrorClick={onErrorClick}
      height={height}
      label={label}
      toolbar={toolbar}
      toolbarActions={toolbarActions}
      emptyTitle={emptyTitle}
      emptyDescription={emptyDescription}
    />
  );
}
