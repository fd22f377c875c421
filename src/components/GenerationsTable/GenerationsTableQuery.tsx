import type { QueryClient } from "@tanstack/react-query";
import { forwardRef, useMemo, type Ref } from "react";
import type { TraceLensClient, TracesParams } from "../../client/clientTypes";
import { errorMessage } from "../ui/ErrorState";
import type { TableCellContextValue } from "../TracesTable/tracesTableContext";
import { useTracePages } from "../TracesTable/useTracePages";
import { generationRows } from "./generationsTableModel";
import { GenerationsTableView, type GenerationsTableViewProps } from "./GenerationsTableView";

interface GenerationsTableQueryProps {
  view: Omit<GenerationsTableViewProps, "rows" | "status" | "error" | "onRetry" | "cellContext">;
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
 * The drop-in path: pages of traces from the client, their generations as rows, more pages as the user
 * scrolls. TracesQuery lists a trace's direct children only, so generations nested under spans appear
 * when the host passes full traces instead.
 */
export const GenerationsTableQuery = forwardRef(function GenerationsTableQuery(
  { view, query, pageSize, client, queryClient, loadSentiment, locale, now }: GenerationsTableQueryProps,
  ref: Ref<HTMLDivElement>,
) {
  const pages = useTracePages(client, queryClient, query, pageSize);
  const rows = useMemo(() => generationRows(undefined, pages.traces), [pages.traces]);
  const dateFrom = query.dateRange?.date_from ?? null;
  const dateTo = query.dateRange?.date_to ?? null;
  const cellContext = useMemo<TableCellContextValue>(
    () => ({
      locale,
      now,
      sentiment: loadSentiment ? { client, queryClient, dateFrom, dateTo } : null,
      level: "generation",
    }),
    [locale, now, loadSentiment, client, queryClient, dateFrom, dateTo],
  );
  const footer = pages.loadingMore ? (
    <span role="status">Loading more generations…</span>
  ) : pages.moreError ? (
    <span role="alert" className="tl:inline-flex tl:items-center tl:gap-2 tl:text-danger">
      More generations could not be loaded: {errorMessage(pages.moreError)}
      <button type="button" onClick={pages.retry} className={BUTTON}>
        Try again
      </button>
    </span>
  ) : pages.hasMore ? (
    <button type="button" onClick={pages.loadMore} className={BUTTON}>
      Load more generations
    </button>
  ) : null;
  return (
    <GenerationsTableView
      {...view}
      ref={ref}
      rows={rows}
      status={pages.loading ? "loading" : pages.error ? "error" : "ready"}
      error={pages.error}
      onRetry={pages.retry}
      onEndReached={pages.hasMore ? pages.loadMore : undefined}
      footer={pages.traces.length > 0 ? footer : null}
      cellContext={cellContext}
    />
  );
});
GenerationsTableQuery.displayName = "GenerationsTableQuery";
