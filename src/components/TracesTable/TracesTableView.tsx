import { forwardRef, useDeferredValue, useMemo, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import type { SentimentLabel } from "../../core/sentiment/types";
import { cn } from "../ui/cn";
import { ErrorState } from "../ui/ErrorState";
import { Skeleton } from "../ui/Skeleton";
import { useDataTable } from "../ui/useDataTable";
import { useTimeSlicedFilter } from "../ui/useTimeSlicedFilter";
import type { TableState } from "../ui/useTableState";
import { VirtualDataTable } from "../ui/VirtualDataTable";
import type { TracesTableColumn } from "./tracesTableColumns";
import { TableCellContext, type TableCellContextValue } from "./tracesTableContext";
import { isFiltering, tracePredicate, type SentimentLabels } from "./tracesTableFilter";
import { TracesTableToolbar } from "./TracesTableToolbar";

export type TracesTableStatus = "loading" | "error" | "ready";

export interface TracesTableViewProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  traces: readonly LLMTrace[];
  columns: readonly TracesTableColumn[];
  table: TableState;
  search: string;
  onSearchChange: (next: string) => void;
  sentimentFilter: readonly SentimentLabel[];
  onSentimentFilterChange: (next: SentimentLabel[]) => void;
  /** The server already applied the search; rows are not searched again. */
  serverSearch: boolean;
  sentimentLabels?: SentimentLabels;
  /** Rows whose sentiment the filter is still waiting for. */
  sentimentPending: number;
  status: TracesTableStatus;
  error?: unknown;
  onRetry?: () => void;
  implicitSort?: { id: string; desc: boolean } | null;
  onTraceClick?: (trace: LLMTrace) => void;
  onEndReached?: () => void;
  footer?: ReactNode;
  cellContext: TableCellContextValue;
  height: number | string;
  label: string;
  toolbar: boolean;
  toolbarActions?: ReactNode;
  emptyTitle: ReactNode;
  emptyDescription: ReactNode;
}

const getRowId = (trace: LLMTrace) => trace.id;

/** The pure half of TracesTable: rows in, table out. It never fetches. */
export const TracesTableView = forwardRef(function TracesTableView(
  {
    traces,
    columns,
    table: state,
    search,
    onSearchChange,
    sentimentFilter,
    onSentimentFilterChange,
    serverSearch,
    sentimentLabels,
    sentimentPending,
    status,
    error,
    onRetry,
    implicitSort,
    onTraceClick,
    onEndReached,
    footer,
    cellContext,
    height,
    label,
    toolbar,
    toolbarActions,
    emptyTitle,
    emptyDescription,
    className,
    ...rest
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
  });
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const menuColumns = useMemo(
    () => state.order.flatMap((id) => (byId.get(id) ? [{ id, label: byId.get(id)!.header, hideable: byId.get(id)!.hideable !== false }] : [])),
    [state.order, byId],
  );
  const filtering = isFiltering({ search: serverSearch ? search : clientSearch, sentiment: sentimentFilter });
  const clearFilters = () => {
    onSearchChange("");
    onSentimentFilterChange([]);
  };

  let placeholder: ReactNode = null;
  if (status === "loading") {
    placeholder = <Skeleton lines={8} label="Loading traces" className="tl:p-3" />;
  } else if (status === "error") {
    placeholder = <ErrorState title="The traces could not be loaded" error={error} onRetry={onRetry} className="tl:m-3" />;
  } else if (rows.length === 0 && (sentimentPending > 0 || searching)) {
    placeholder = <Skeleton lines={4} label={searching ? "Searching traces" : "Loading sentiment"} className="tl:p-3" />;
  } else if (rows.length === 0) {
    placeholder = (
      <div data-slot="traces-table-empty" className="tl:flex tl:flex-col tl:items-center tl:gap-1 tl:px-4 tl:py-10 tl:text-center">
        <strong className="tl:text-sm">{filtering ? "No traces match these filters" : emptyTitle}</strong>
        <span className="tl:text-muted">{filtering ? "Try another search or sentiment." : emptyDescription}</span>
        {filtering && (
          <button
            type="button"
            onClick={clearFilters}
            className="tl:mt-1 tl:cursor-pointer tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-2 tl:py-0.5 tl:text-xs tl:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
          >
            Clear filters
          </button>
        )}
      </div>
    );
  }

  const count = status === "ready" ? rows.length : null;
  const statusText =
    count === null
      ? ""
      : searching
        ? `Searching… ${scanned.toLocaleString("en-US")} of ${traces.length.toLocaleString("en-US")} traces`
        : `${count.toLocaleString("en-US")} ${count === 1 ? "trace" : "traces"}${sentimentPending > 0 ? `, loading sentiment for ${sentimentPending.toLocaleString("en-US")}` : ""}`;

  return (
    <div
      {...rest}
      ref={ref}
      data-slot="traces-table-root"
      data-state={status === "ready" && rows.length === 0 ? "empty" : status}
      className={cn("tl-root tl:flex tl:flex-col tl:gap-2 tl:font-body tl:text-fg", className)}
    >
      {toolbar && (
        <TracesTableToolbar
          search={search}
          onSearchChange={onSearchChange}
          sentimentFilter={sentimentFilter}
          onSentimentFilterChange={onSentimentFilterChange}
          columns={menuColumns}
          visibility={state.visibility}
          onVisibilityChange={state.setVisibility}
          onOrderChange={state.setOrder}
          onResetColumns={state.reset}
          actions={toolbarActions}
          status={
            <span role="status" data-slot="traces-table-count" className="tl:text-xs tl:text-muted tl:tabular-nums">
              {statusText}
            </span>
          }
        />
      )}
      <TableCellContext.Provider value={cellContext}>
        <VirtualDataTable
          table={table}
          columns={byId}
          label={label}
          slot="traces-table"
          height={height}
          rowHeight={52}
          implicitSort={implicitSort}
          onRowOpen={onTraceClick}
          onEndReached={onEndReached}
          placeholder={placeholder ?? undefined}
          footer={footer}
          busy={status === "loading" || searching}
        />
      </TableCellContext.Provider>
    </div>
  );
});
TracesTableView.displayName = "TracesTableView";
