"use client";
import { forwardRef, useCallback, useDeferredValue, useMemo, type ReactNode, type Ref } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import { formatCount } from "../../core/intlFormatters";
import type { SentimentLabel } from "../../core/sentiment/types";
import { traceClickDetails, type TraceClickDetails } from "../../core/traceRows";
import { TableCellContext, type TableCellContextValue } from "../cells/cellContext";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { DataTableFrame, TableEmptyState, type DataTableViewProps } from "../ui/DataTableFrame";
import { Skeleton } from "../ui/Skeleton";
import { useStatefulTable } from "../ui/useStatefulTable";
import { useTimeSlicedFilter } from "../ui/useTimeSlicedFilter";
import type { TracesTableColumn } from "./tracesTableColumns";
import { isFiltering, tracePredicate, type SentimentLabels } from "./tracesTableFilter";
import { TracesTableToolbar } from "./TracesTableToolbar";

export interface TracesTableViewProps extends DataTableViewProps {
  traces: readonly LLMTrace[];
  columns: readonly TracesTableColumn[];
  search: string;
  onSearchChange: (next: string) => void;
  sentimentFilter: readonly SentimentLabel[];
  onSentimentFilterChange: (next: SentimentLabel[]) => void;
  /** The server already applied the search; rows are not searched again. */
  serverSearch: boolean;
  sentimentLabels?: SentimentLabels;
  /** Rows whose sentiment the filter is still waiting for. */
  sentimentPending: number;
  implicitSort?: { id: string; desc: boolean } | null;
  /** Enter on a focused row, or a click on it: the trace's id, when it happened and the row. */
  onTraceClick?: (traceId: string, details: TraceClickDetails) => void;
  /** Formatting, search marks and sentiment loading for the cells. */
  cellContext?: TableCellContextValue;
}

const getRowId = (trace: LLMTrace) => trace.id;

function countText(count: number, searching: boolean, scanned: number, total: number, sentimentPending: number): string {
  if (searching) return `Searching… ${formatCount(scanned)} of ${formatCount(total)} traces`;
  const loading = sentimentPending > 0 ? `, loading sentiment for ${formatCount(sentimentPending)}` : "";
  return `${formatCount(count)} ${count === 1 ? "trace" : "traces"}${loading}`;
}

/** Cells of host rows: no search marks, only the sentiment rows carry. */
const CELLS: TableCellContextValue = { sentimentRange: null, level: "trace" };

/** The pure half of TracesTable: rows in, table out. It never fetches. */
export const TracesTableView = forwardRef(function TracesTableView(
  {
    traces, columns, table: state, search, onSearchChange, sentimentFilter, onSentimentFilterChange, serverSearch, sentimentLabels,
    sentimentPending, implicitSort, onTraceClick, onEndReached, footer, height, label, toolbar, toolbarActions, emptyTitle,
    emptyDescription, cellContext = CELLS, ...frame
  }: TracesTableViewProps,
  ref: Ref<HTMLDivElement>,
) {
  // Typing stays responsive on 100,000 rows: filtering runs on a deferred copy of the search text.
  const deferredSearch = useDeferredValue(search);
  const clientSearch = serverSearch ? "" : deferredSearch;
  const predicate = useMemo(
    () => tracePredicate({ search: clientSearch, sentiment: sentimentFilter, columns, sentimentLabels }),
    [clientSearch, sentimentFilter, columns, sentimentLabels],
  );
  const { result: rows, scanned, pending: searching } = useTimeSlicedFilter(traces, predicate);
  const { table, byId, menuColumns } = useStatefulTable({ data: rows, columns, getRowId, state });
  const filtering = isFiltering({ search: serverSearch ? search : clientSearch, sentiment: sentimentFilter });
  const openRow = useCallback((trace: LLMTrace) => onTraceClick?.(trace.id, traceClickDetails(trace)), [onTraceClick]);
  const clearFilters = () => {
    onSearchChange("");
    onSentimentFilterChange([]);
  };

  let placeholder: ReactNode = null;
  if (rows.length === 0 && (sentimentPending > 0 || searching)) {
    placeholder = <Skeleton lines={4} label={searching ? "Searching traces" : "Loading sentiment"} className="tl:p-3" />;
  } else if (rows.length === 0) {
    placeholder = (
      <TableEmptyState
        slot="traces-table"
        title={filtering ? "No traces match these filters" : emptyTitle}
        description={filtering ? "Try another search or sentiment." : emptyDescription}
      >
        {filtering && (
          <button type="button" onClick={clearFilters} className={`${SMALL_BUTTON} tl:mt-1`}>
            Clear filters
          </button>
        )}
      </TableEmptyState>
    );
  }
  const ready = frame.status === "ready";

  return (
    <TableCellContext.Provider value={cellContext}>
      <DataTableFrame
        {...frame}
        rootRef={ref}
        slot="traces-table"
        noun="traces"
        empty={rows.length === 0}
        placeholder={placeholder}
        toolbar={
          toolbar && (
            <TracesTableToolbar
              search={search}
              onSearchChange={onSearchChange}
              sentimentFilter={sentimentFilter}
              onSentimentFilterChange={onSentimentFilterChange}
              columns={menuColumns}
              table={state}
              actions={toolbarActions}
              status={
                <span role="status" data-slot="traces-table-count" className="tl:text-xs tl:text-muted tl:tabular-nums">
                  {ready ? countText(rows.length, searching, scanned, traces.length, sentimentPending) : ""}
                </span>
              }
            />
          )
        }
        grid={{
          table, columns: byId, label, height, rowHeight: 52, implicitSort, onRowOpen: onTraceClick ? openRow : undefined, onEndReached, footer,
          busy: frame.status === "loading" || searching,
        }}
      />
    </TableCellContext.Provider>
  );
});
TracesTableView.displayName = "TracesTableView";
