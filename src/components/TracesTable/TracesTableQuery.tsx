import { forwardRef, useEffect, useMemo, useState, type Ref } from "react";
import type { TracesParams } from "../../client/clientTypes";
import type { TableCellContextValue } from "../ui/tableCellContext";
import type { TraceQueryConnection } from "../ui/useConnectedTable";
import { useTraceQueryTable } from "../ui/useTraceQueryTable";
import { idsNeedingSentiment } from "./tracesTableFilter";
import type { TracesTableSharedViewProps } from "./TracesTableHostData";
import { WithSentimentLabels, rowTimes } from "./TracesTableSentimentLookups";
import { TracesTableView } from "./TracesTableView";

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
  connection: TraceQueryConnection;
}

/**
 * The drop-in path: pages of traces from the provider's client, loaded as the user scrolls (or with the
 * "Load more" button). Search goes to the server as `searchTerm`; sorting reorders the loaded rows, and
 * with no sort the server's newest-first order stands.
 */
export const TracesTableQuery = forwardRef(function TracesTableQuery({ view, connection }: TracesTableQueryProps, ref: Ref<HTMLDivElement>) {
  const { query, locale, now } = connection;
  const searchTerm = useDebounced(view.search.trim(), SEARCH_DEBOUNCE_MS);
  const params = useMemo<TracesParams>(() => (searchTerm ? { ...query, searchTerm } : { ...query }), [query, searchTerm]);
  const { traces, sentiment, paging, searchedBy } = useTraceQueryTable(connection, params, "traces");
  // A PostHog without trace search: the client matched the loaded pages only, and the table says so.
  const searchNote =
    searchTerm && searchedBy === "loaded-rows" ? (
      <span role="note" data-slot="traces-search-note" className="tl:text-xs tl:text-muted">
        This PostHog has no trace search: matches come from the pages loaded so far.
      </span>
    ) : null;
  const cellContext = useMemo<TableCellContextValue>(
    () => ({ locale, now, highlight: searchTerm || undefined, sentiment, level: "trace" }),
    [locale, now, searchTerm, sentiment],
  );
  const filtering = view.sentimentFilter.length > 0;
  const ids = useMemo(() => (filtering && sentiment ? idsNeedingSentiment(traces) : []), [filtering, sentiment, traces]);
  return (
    <WithSentimentLabels ids={ids} timestamps={rowTimes(traces)} source={sentiment}>
      {(labels, pending) => (
        <TracesTableView
          {...view}
          ref={ref}
          traces={traces}
          serverSearch
          sentimentLabels={labels}
          sentimentPending={pending}
          implicitSort={SERVER_ORDER}
          {...paging}
          cellContext={cellContext}
          toolbarActions={searchNote ? <>{searchNote}{view.toolbarActions}</> : view.toolbarActions}
        />
      )}
    </WithSentimentLabels>
  );
});
TracesTableQuery.displayName = "TracesTableQuery";
