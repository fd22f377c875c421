import { QueryClientContext, type QueryClient } from "@tanstack/react-query";
import { forwardRef, useContext, useMemo, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { TraceLensClient, TracesParams } from "../../client/clientTypes";
import type { LLMTrace } from "../../core/eventsTrace";
import type { SentimentLabel } from "../../core/sentiment/types";
import { TraceLensContext } from "../../hooks/context";
import { ErrorBoundary } from "../ui/ErrorState";
import { useControllableState } from "../ui/useControllableState";
import { useTableState, type TableStateProps } from "../ui/useTableState";
import { tracesTableColumns, type TracesTableColumn } from "./tracesTableColumns";
import { TracesTableQuery } from "./TracesTableQuery";
import { TracesTableHostData, type TracesTableSharedViewProps } from "./TracesTableHostData";

export interface TracesTableProps extends TableStateProps, Omit<ComponentPropsWithoutRef<"div">, "children" | "onChange"> {
  /** The host's own traces (PostHog `LLMTrace` shape). When given, nothing is fetched but lazy sentiment. */
  traces?: readonly LLMTrace[];
  /** Drop-in mode: a TracesQuery (date range, filters, person) run through the provider's client. Paging is the table's. */
  query?: Omit<TracesParams, "limit" | "offset">;
  /** Traces per page on the query path. @default 50 */
  pageSize?: number;
  /** Column definitions. @default tracesTableColumns (PostHog's default set) */
  columns?: readonly TracesTableColumn[];
  /** Sentiment labels to show; empty shows all. Controlled when given. */
  sentimentFilter?: SentimentLabel[];
  /** @default [] */
  defaultSentimentFilter?: SentimentLabel[];
  onSentimentFilterChange?: (labels: SentimentLabel[]) => void;
  /** Search text. Host data is searched in the browser; the query path sends it as `searchTerm`. Controlled when given. */
  search?: string;
  /** @default "" */
  defaultSearch?: string;
  onSearchChange?: (search: string) => void;
  /** Enter on a focused row, or a click on it. */
  onTraceClick?: (trace: LLMTrace) => void;
  /** Load sentiment for rendered rows that carry none, through `useSentiment`, when a client is available. @default true */
  loadSentiment?: boolean;
  /** Client for lazy sentiment (and, on the query path, the traces); the provider's by default. */
  client?: TraceLensClient;
  queryClient?: QueryClient;
  /** Host data is still loading (shows the skeleton). @default false */
  loading?: boolean;
  /** Host data failed; shown with a retry button when `onRetry` is given. */
  error?: unknown;
  onRetry?: () => void;
  /** Height of the scrolling rows area. @default 560 */
  height?: number | string;
  /** Accessible name of the table. @default "Traces" */
  label?: string;
  /** Shows search, the sentiment filter and the column menu. @default true */
  toolbar?: boolean;
  /** Extra controls at the end of the toolbar. */
  toolbarActions?: ReactNode;
  /** BCP 47 locale for numbers and times. */
  locale?: string;
  /** The instant relative times count from. @default the current time */
  now?: Date | number;
  /** @default "There were no traces in this period" */
  emptyTitle?: ReactNode;
  /** @default "Try changing the date range or filters." */
  emptyDescription?: ReactNode;
}

const NO_LABELS: SentimentLabel[] = [];

/**
 * PostHog's traces list as a drop-in component: pass `traces`, or a `query` inside a TraceLensProvider.
 * Rows are virtual (100,000 stay smooth), sentiment loads only for rendered rows, and the keyboard moves
 * between rows (arrows, Home/End, Page Up/Down) and opens one with Enter.
 */
export const TracesTable = forwardRef(function TracesTable(props: TracesTableProps, ref: Ref<HTMLDivElement>) {
  return (
    <ErrorBoundary title="The traces table could not be shown" resetKey={props.traces ?? JSON.stringify(props.query ?? null)}>
      <TracesTableInner {...props} forwardedRef={ref} />
    </ErrorBoundary>
  );
});
TracesTable.displayName = "TracesTable";

function TracesTableInner({ forwardedRef, ...props }: TracesTableProps & { forwardedRef: Ref<HTMLDivElement> }) {
  const {
    traces, query, pageSize = 50, columns = tracesTableColumns, sentimentFilter: sentimentFilterProp, defaultSentimentFilter,
    onSentimentFilterChange, search: searchProp, defaultSearch, onSearchChange, onTraceClick, loadSentiment = true,
    client: clientProp, queryClient: queryClientProp, loading, error, onRetry, height = 560, label = "Traces", toolbar = true,
    toolbarActions, locale, now, emptyTitle = "There were no traces in this period",
    emptyDescription = "Try changing the date range or filters.",
    sorting, defaultSorting, onSortingChange, columnVisibility, defaultColumnVisibility, onColumnVisibilityChange,
    columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey, ...rest
  } = props;
  const columnIds = useMemo(() => columns.map((c) => c.id), [columns]);
  const table = useTableState(
    { sorting, defaultSorting, onSortingChange, columnVisibility, defaultColumnVisibility, onColumnVisibilityChange, columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey },
    columnIds,
  );
  const [sentimentFilter, setSentimentFilter] = useControllableState(sentimentFilterProp, () => defaultSentimentFilter ?? NO_LABELS, onSentimentFilterChange);
  const [search, setSearch] = useControllableState(searchProp, () => defaultSearch ?? "", onSearchChange);

  const context = useContext(TraceLensContext);
  const hostQueryClient = useContext(QueryClientContext);
  const client = clientProp ?? context?.client;
  const queryClient = queryClientProp ?? context?.queryClient ?? hostQueryClient;
  const nowMs = now instanceof Date ? now.getTime() : now;

  const source = useMemo(
    () => (loadSentiment && client && queryClient ? { client, queryClient } : null),
    [loadSentiment, client, queryClient],
  );
  const shared: TracesTableSharedViewProps = {
    ...rest, columns, table, search, onSearchChange: setSearch, sentimentFilter, onSentimentFilterChange: setSentimentFilter,
    onTraceClick, height, label, toolbar, toolbarActions, emptyTitle, emptyDescription,
  };

  if (traces === undefined) {
    if (!client || !queryClient) {
      throw new Error("TracesTable needs `traces`, or a `query` inside <TraceLensProvider client={...}> (or `client` and `queryClient` props).");
    }
    return (
      <TracesTableQuery
        ref={forwardedRef}
        view={shared}
        query={query ?? {}}
        pageSize={pageSize}
        client={client}
        queryClient={queryClient}
        loadSentiment={loadSentiment}
        locale={locale}
        now={nowMs}
      />
    );
  }
  return (
    <TracesTableHostData
      ref={forwardedRef}
      view={shared}
      traces={traces}
      source={source}
      loading={Boolean(loading)}
      error={error}
      onRetry={onRetry}
      locale={locale}
      now={nowMs}
    />
  );
}
