import { forwardRef, useEffect, useMemo, useState, type Ref } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import type { TracesParams } from "../../client/clientTypes";
import { useInfiniteTraces } from "../../hooks/useInfiniteTraces";
import { usePagedRows } from "../../hooks/usePagedRows";
import type { TableCellContextValue } from "../cells/cellContext";
import { dataTablePagingProps } from "../ui/DataTablePaging";
import { idsNeedingSentiment } from "./tracesTableFilter";
import type { TracesTableSharedViewProps } from "./TracesTableHostData";
import { TracesTableSentimentLabels } from "./TracesTableSentimentLabels";
import { LabelFilterLookups } from "../LabelChips";
import { traceLabelsFromProperties } from "../../core/messageLabels";
import { TracesTableView } from "./TracesTableView";

const traceId = (trace: LLMTrace) => trace.id;

/** Server search waits for a pause in typing, so one word is one request. */
const SEARCH_DEBOUNCE_MS = 300;

/** TracesQuery returns traces newest first; with no sort chosen, the Time column says so. */
const SERVER_ORDER = { id: "time", desc: true } as const;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    if (Object.is(value, debounced)) return;
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, debounced, ms]);
  return debounced;
}

interface TracesTableQueryProps {
  view: TracesTableSharedViewProps;
  query: Omit<TracesParams, "limit" | "offset">;
  pageSize: number;
  loadSentiment: boolean;
  locale?: string;
  now?: number;
}

/**
 * The drop-in path: pages of traces from the provider's client, loaded as the user scrolls (or with the
 * "Load more" button). Search goes to the server as `searchTerm`; sorting reorders the loaded rows, and
 * with no sort the server's newest-first order stands.
 */
export const TracesTableQuery = forwardRef(function TracesTableQuery(
  { view, query, pageSize, loadSentiment, locale, now }: TracesTableQueryProps,
  ref: Ref<HTMLDivElement>,
) {
  const searchTerm = useDebounced(view.search.trim(), SEARCH_DEBOUNCE_MS);
  const params = useMemo(() => (searchTerm ? { ...query, searchTerm } : { ...query }), [query, searchTerm]);
  const pages = useInfiniteTraces(params, { pageSize });
  const paging = usePagedRows<LLMTrace>(pages);
  const traces = paging.rows;
  const searchedBy = pages.data?.pages[0]?.searchedBy;
  // Lazy sentiment is asked within the query's dates.
  const dateFrom = query.dateRange?.date_from ?? null;
  const dateTo = query.dateRange?.date_to ?? null;
  const sentimentRange = useMemo(() => (loadSentiment ? { dateFrom, dateTo } : null), [loadSentiment, dateFrom, dateTo]);
  // A PostHog without trace search: the client matched the loaded pages only, and the table says so.
  const searchNote =
    searchTerm && searchedBy === "loaded-rows" ? (
      <span role="note" data-slot="traces-search-note" className="tl:text-xs tl:text-muted">
        This PostHog has no trace search: matches come from the pages loaded so far.
      </span>
    ) : null;
  const cellContext = useMemo<TableCellContextValue>(
    () => ({ locale, now, highlight: searchTerm || undefined, sentimentRange, level: "trace" }),
    [locale, now, searchTerm, sentimentRange],
  );
  const filtering = view.sentimentFilter.length > 0;
  const ids = useMemo(() => (filtering && sentimentRange ? idsNeedingSentiment(traces) : []), [filtering, sentimentRange, traces]);
  return (
    <TracesTableSentimentLabels rows={traces} ids={ids} range={sentimentRange}>
      {(labels, pending) => (
        <LabelFilterLookups rows={traces} idOf={traceId} stored={traceLabelsFromProperties} filter={view.labelFilter} level="trace">
          {(loadedLabels) => (
        <TracesTableView
          loadedLabels={loadedLabels}
          {...view}
          ref={ref}
          traces={traces}
          serverSearch
          sentimentLabels={labels}
          sentimentPending={pending}
          implicitSort={SERVER_ORDER}
          {...dataTablePagingProps(paging, "traces", traces.length)}
          cellContext={cellContext}
          toolbarActions={searchNote ? <>{searchNote}{view.toolbarActions}</> : view.toolbarActions}
        />
          )}
        </LabelFilterLookups>
      )}
    </TracesTableSentimentLabels>
  );
});
TracesTableQuery.displayName = "TracesTableQuery";
