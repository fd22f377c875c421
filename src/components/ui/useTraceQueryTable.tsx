import { useMemo, type ReactNode } from "react";
import type { TracesParams } from "../../client/clientTypes";
import type { LLMTrace } from "../../core/eventsTrace";
import { errorMessage } from "./ErrorState";
import type { TableStatus } from "./DataTableFrame";
import type { LazySentimentSource } from "./tableCellContext";
import type { TraceQueryConnection } from "./useConnectedTable";
import { useTracePages, type TracePages } from "./useTracePages";

/** What a view takes from the pages: its state, retry, loading as the user scrolls, and the footer. */
export interface PagedViewProps {
  status: TableStatus;
  error: unknown;
  onRetry: () => void;
  onEndReached?: () => void;
  footer: ReactNode;
}

export interface TraceQueryTable {
  traces: readonly LLMTrace[];
  /** How the server applied a search, when one was asked for. */
  searchedBy?: TracePages["searchedBy"];
  /** Lazy sentiment within the query's date window; null when turned off. */
  sentiment: LazySentimentSource | null;
  paging: PagedViewProps;
}

const BUTTON =
  "tl:cursor-pointer tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-2 tl:py-0.5 tl:text-xs tl:text-fg tl:hover:bg-bg-subtle tl:focus-visible:outline-2 tl:focus-visible:outline-focus";

/** The paging state a footer reads (trace pages or event pages). */
export type PagingState = Pick<TracePages, "loadingMore" | "moreError" | "hasMore" | "loadMore" | "retry">;

/** Under the last row: later pages loading, their error with a retry, or the button that asks for more. */
export function pagesFooter(pages: PagingState, noun: string): ReactNode {
  if (pages.loadingMore) return <span role="status">{`Loading more ${noun}…`}</span>;
  if (pages.moreError) {
    return (
      <span role="alert" className="tl:inline-flex tl:items-center tl:gap-2 tl:text-danger">
        {`More ${noun} could not be loaded: `}
        {errorMessage(pages.moreError)}
        <button type="button" onClick={pages.retry} className={BUTTON}>
          Try again
        </button>
      </span>
    );
  }
  if (!pages.hasMore) return null;
  return (
    <button type="button" onClick={pages.loadMore} className={BUTTON}>
      {`Load more ${noun}`}
    </button>
  );
}

/**
 * The drop-in path both tables share: pages of traces from the client (more as the user scrolls), lazy
 * sentiment bounded by the query's dates, and the view props that follow from the pages. `noun` names
 * the rows in the footer ("traces", "generations").
 */
export function useTraceQueryTable(connection: TraceQueryConnection, params: TracesParams, noun: string): TraceQueryTable {
  const { query, pageSize, client, queryClient, loadSentiment } = connection;
  const pages = useTracePages(client, queryClient, params, pageSize);
  const dateFrom = query.dateRange?.date_from ?? null;
  const dateTo = query.dateRange?.date_to ?? null;
  const sentiment = useMemo(
    () => (loadSentiment ? { client, queryClient, dateFrom, dateTo } : null),
    [loadSentiment, client, queryClient, dateFrom, dateTo],
  );
  const paging: PagedViewProps = {
    status: pages.loading ? "loading" : pages.error ? "error" : "ready",
    error: pages.error,
    onRetry: pages.retry,
    onEndReached: pages.hasMore ? pages.loadMore : undefined,
    footer: pages.traces.length > 0 ? pagesFooter(pages, noun) : null,
  };
  return { traces: pages.traces, searchedBy: pages.searchedBy, sentiment, paging };
}
