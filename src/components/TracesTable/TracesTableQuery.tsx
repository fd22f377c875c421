import type { QueryClient } from "@tanstack/react-query";
import { forwardRef, useEffect, useMemo, useState, type Ref } from "react";
import type { TraceLensClient, TracesParams } from "../../client/clientTypes";
import { errorMessage } from "../ui/ErrorState";
import type { TableCellContextValue } from "./tracesTableContext";
import { idsNeedingSentiment, type SentimentLabels } from "./tracesTableFilter";
import type { TracesTableSharedViewProps } from "./TracesTableHostData";
import { SentimentLookups } from "./TracesTableSentimentLookups";
import { TracesTableView } from "./TracesTableView";
import { useTracePages } from "./useTracePages";

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
  client: TraceLensClient;
  queryClient: QueryClient;
  loadSentiment: boolean;
  locale?: string;
  now?: number;
}

const BUTTON =
  "tl:cursor-pointer tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-2 tl:py-0.5 tl:text-xs tl:text-fg tl:hover:bg-bg-subtle tl:focus-visible:outline-2 tl:focus-visible:outline-focus";

/**
 * The drop-in path: pages of traces from the provider's client, loaded as the user scrolls (or with the
 * "Load more" button). Search goes to the server as `searchTerm`; sorting reorders the loaded rows, and
 * with no sort the server's newest-first order stands.
 */
export const TracesTableQuery = forwardRef(function TracesTableQuery(
  { view, query, pageSize, client, queryClient, loadSentiment, locale, now }: TracesTableQueryProps,
  ref: Ref<HTMLDivElement>,
) {
  const searchTerm = useDebounced(view.search.trim(), SEARCH_DEBOUNCE_MS);
  const params = useMemo<TracesParams>(() => (searchTerm ? { ...query, searchTerm } : { ...query }), [query, searchTerm]);
  const pages = useTracePages(client, queryClient, params, pageSize);
  const dateFrom = query.dateRange?.date_from ?? null;
  const dateTo = query.dateRange?.date_to ?? null;
  const source = useMemo(
    () => (loadSentiment ? { client, queryClient, dateFrom, dateTo } : null),
    [loadSentiment, client, queryClient, dateFrom, dateTo],
  );
  const cellContext = useMemo<TableCellContextValue>(
    () => ({ locale, now, highlight: searchTerm || undefined, sentiment: source, level: "trace" }),
    [locale, now, searchTerm, source],
  );
  const filtering = view.sentimentFilter.length > 0;
  const ids = useMemo(() => (filtering && source ? idsNeedingSentiment(pages.traces) : []), [filtering, source, pages.traces]);

  const footer = pages.loadingMore ? (
    <span role="status">Loading more traces…</span>
  ) : pages.moreError ? (
    <span role="alert" className="tl:inline-flex tl:items-center tl:gap-2 tl:text-danger">
      More traces could not be loaded: {errorMessage(pages.moreError)}
      <button type="button" onClick={pages.retry} className={BUTTON}>
        Try again
      </button>
    </span>
  ) : pages.hasMore ? (
    <button type="button" onClick={pages.loadMore} className={BUTTON}>
      Load more traces
    </button>
  ) : null;

  const render = (labels?: SentimentLabels, pending = 0) => (
    <TracesTableView
      {...view}
      ref={ref}
      traces={pages.traces}
      serverSearch
      sentimentLabels={labels}
      sentimentPending={pending}
      status={pages.loading ? "loading" : pages.error ? "error" : "ready"}
      error={pages.error}
      onRetry={pages.retry}
      implicitSort={SERVER_ORDER}
      onEndReached={pages.hasMore ? pages.loadMore : undefined}
      footer={pages.traces.length > 0 ? footer : null}
      cellContext={cellContext}
    />
  );
  if (!source) return render();
  return (
    <SentimentLookups ids={ids} source={source}>
      {(labels, pending) => render(labels, pending)}
    </SentimentLookups>
  );
});
TracesTableQuery.displayName = "TracesTableQuery";
