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
import { arrayRows, rowsToArray, type TableRows } from "../ui/tableRows";
import { useTimeSlicedFilter } from "../ui/useTimeSlicedFilter";
import type { TracesTableColumn } from "./tracesTableColumns";
import { isFiltering, tracePredicate, type SentimentLabels } from "./tracesTableFilter";
import { TracesTableToolbar } from "./TracesTableToolbar";
import type { LabelFilter } from "../../core/labelBreakdown";
import { traceLabelsFromProperties } from "../../core/messageLabels";
import { countUnjudged, labelRowPredicate, labelToolbarControls, rowEmotions, type LoadedLabels } from "../LabelChips";

export interface TracesTableViewProps extends DataTableViewProps {
  /** Emotion and toxicity to keep (see `LabelFilter`); rows without labels fail an active one. */
  labelFilter?: LabelFilter | null;
  onLabelFilterChange?: (next: LabelFilter) => void;
  /** Labels the client's classifiers found for rows that carry none (for the label filter). */
  loadedLabels?: LoadedLabels;
  /** Show the emotion and toxicity selects in the toolbar. @default false */
  labelControls?: boolean;
  /** The traces, as an array or as rows read by position (host data, normalized as it is shown). */
  traces: readonly LLMTrace[] | TableRows<LLMTrace>;
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
const storedLabels = (trace: LLMTrace) => traceLabelsFromProperties(trace);
const NO_TRACES: readonly LLMTrace[] = [];
/** The label filter's emotion choices come from the first rows when nothing filters (never a full normalization). */
const EMOTION_SAMPLE = 500;

function firstRows(rows: TableRows<LLMTrace>, count: number): LLMTrace[] {
  const out: LLMTrace[] = [];
  for (let i = 0; i < Math.min(count, rows.count); i++) out.push(rows.rowAt(i));
  return out;
}

function countText(count: number, searching: boolean, scanned: number, total: number, sentimentPending: number, sorting: boolean): string {
  if (searching) return `Searching… ${formatCount(scanned)} of ${formatCount(total)} traces`;
  if (sorting) return `Sorting ${formatCount(count)} ${count === 1 ? "trace" : "traces"}…`;
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
    emptyDescription, cellContext = CELLS, labelFilter, onLabelFilterChange, loadedLabels, labelControls = false, ...frame
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
  const byLabel = useMemo(() => labelRowPredicate(labelFilter, getRowId, storedLabels, loadedLabels), [labelFilter, loadedLabels]);
  const combined = useMemo(() => (predicate && byLabel ? (trace: LLMTrace) => byLabel(trace) && predicate(trace) : (predicate ?? byLabel)), [predicate, byLabel]);
  const source = Array.isArray(traces) ? arrayRows(traces as readonly LLMTrace[], getRowId) : (traces as TableRows<LLMTrace>);
  // Only a filter reads every row; without one, rows are read as they are shown.
  const all = useMemo(() => (combined ? rowsToArray(source) : NO_TRACES), [combined, source]);
  const { result: matches, scanned, pending: searching } = useTimeSlicedFilter(all, combined);
  const filtered = combined ? matches : source;
  const { table, rows, sorting, byId, menuColumns } = useStatefulTable({ data: filtered, columns, getRowId, state });
  const filtering = isFiltering({ search: serverSearch ? search : clientSearch, sentiment: sentimentFilter }) || byLabel !== null;
  const emotions = useMemo(
    () => (byLabel ? rowEmotions(all, storedLabels, loadedLabels) : labelControls ? rowEmotions(firstRows(source, EMOTION_SAMPLE), storedLabels, loadedLabels) : []),
    [labelControls, byLabel, all, source, loadedLabels],
  );
  const unjudged = useMemo(() => (byLabel ? countUnjudged(all, labelFilter, storedLabels, loadedLabels, getRowId) : 0), [byLabel, all, labelFilter, loadedLabels]);
  const labelActions = labelToolbarControls({ show: labelControls, filter: labelFilter, onFilterChange: onLabelFilterChange, emotions, unjudged });
  const openRow = useCallback((trace: LLMTrace) => onTraceClick?.(trace.id, traceClickDetails(trace)), [onTraceClick]);
  const clearFilters = () => {
    onSearchChange("");
    onSentimentFilterChange([]);
    onLabelFilterChange?.({});
  };

  let placeholder: ReactNode = null;
  if (rows.count === 0 && (sentimentPending > 0 || searching)) {
    placeholder = <Skeleton lines={4} label={searching ? "Searching traces" : "Loading sentiment"} className="tl:p-3" />;
  } else if (rows.count === 0) {
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
        empty={rows.count === 0}
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
              actions={labelActions ? <>{labelActions}{toolbarActions}</> : toolbarActions}
              status={
                <span role="status" data-slot="traces-table-count" className="tl:text-xs tl:text-muted tl:tabular-nums">
                  {ready ? countText(rows.count, searching, scanned, source.count, sentimentPending, sorting) : ""}
                </span>
              }
            />
          )
        }
        grid={{
          table, rows, columns: byId, label, height, rowHeight: 52, implicitSort, onRowOpen: onTraceClick ? openRow : undefined, onEndReached, footer,
          busy: frame.status === "loading" || searching || sorting,
        }}
      />
    </TableCellContext.Provider>
  );
});
TracesTableView.displayName = "TracesTableView";
