import { QueryClientContext, type QueryClient } from "@tanstack/react-query";
import { useContext, useMemo, type ReactNode } from "react";
import type { TraceLensClient, TracesParams } from "../../client/clientTypes";
import { TraceLensContext } from "../../hooks/context";
import type { DataTableViewProps } from "./DataTableFrame";
import type { DataTableSorting } from "./dataTableFeatures";
import type { LazySentimentSource } from "./tableCellContext";
import { useTableState, type TableStateProps } from "./useTableState";

/** Props every connected table takes besides its rows and columns. */
export interface ConnectedTableProps extends TableStateProps {
  /**
   * Below this width (px) of the table's container, only the priority columns stay (name, sentiment, time)
   * and the others show in each row's detail. @default 640
   */
  compactBelow?: number;
  /** Drop-in mode: a TracesQuery (date range, filters, person) run through the provider's client. Paging is the table's. */
  query?: Omit<TracesParams, "limit" | "offset">;
  /** Traces per page on the query path. @default 50 */
  pageSize?: number;
  /** Load sentiment for rendered rows that carry none, when a client is available. @default true */
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
  /** Accessible name of the table. */
  label?: string;
  /** Shows the toolbar (count and column menu, plus each table's own controls). @default true */
  toolbar?: boolean;
  /** Extra controls in the toolbar. */
  toolbarActions?: ReactNode;
  /** BCP 47 locale for numbers and times. */
  locale?: string;
  /** The instant relative times count from. @default the current time */
  now?: Date | number;
  emptyTitle?: ReactNode;
  /** @default "Try changing the date range or filters." */
  emptyDescription?: ReactNode;
}

/** What the query path needs once a client is known to exist. */
export interface TraceQueryConnection {
  query: Omit<TracesParams, "limit" | "offset">;
  pageSize: number;
  client: TraceLensClient;
  queryClient: QueryClient;
  loadSentiment: boolean;
  locale?: string;
  now?: number;
}

/** Props the table's view takes as they are, whichever path the rows come from. */
export type ConnectedTableFrame = Pick<DataTableViewProps, "table" | "height" | "label" | "toolbar" | "toolbarActions" | "emptyTitle" | "emptyDescription">;

export interface ConnectedTable<Rest> {
  /** The host's own div props (class, style, data-*), with every table prop taken out. */
  rest: Rest;
  frame: ConnectedTableFrame;
  host: { loading: boolean; error: unknown; onRetry?: () => void };
  locale?: string;
  now?: number;
  /** Lazy sentiment through the client; null when turned off or no client is reachable. */
  sentiment: LazySentimentSource | null;
  /** The query path's inputs; throws `missing` when no client is reachable. */
  queryConnection: (missing: string) => TraceQueryConnection;
}

export interface ConnectedTableDefaults {
  label: string;
  emptyTitle: ReactNode;
  defaultSorting?: DataTableSorting;
}

/**
 * The shell both data tables share: table state (controlled or not), the client and query client from
 * props, then the provider, then a host QueryClientProvider, and lazy sentiment through them.
 */
export function useConnectedTable<P extends ConnectedTableProps>(
  props: P,
  columns: ReadonlyArray<{ id: string }>,
  defaults: ConnectedTableDefaults,
): ConnectedTable<Omit<P, keyof ConnectedTableProps>> {
  const {
    query, pageSize = 50, loadSentiment = true, client: clientProp, queryClient: queryClientProp, loading = false, error, onRetry,
    height = 560, label = defaults.label, toolbar = true, toolbarActions, locale, now, emptyTitle = defaults.emptyTitle,
    emptyDescription = "Try changing the date range or filters.",
    sorting, defaultSorting = defaults.defaultSorting, onSortingChange, columnVisibility, defaultColumnVisibility, onColumnVisibilityChange,
    columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey, ...rest
  } = props;
  const columnIds = useMemo(() => columns.map((c) => c.id), [columns]);
  const table = useTableState(
    { sorting, defaultSorting, onSortingChange, columnVisibility, defaultColumnVisibility, onColumnVisibilityChange, columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey },
    columnIds,
  );
  const context = useContext(TraceLensContext);
  const hostQueryClient = useContext(QueryClientContext);
  const client = clientProp ?? context?.client;
  const queryClient = queryClientProp ?? context?.queryClient ?? hostQueryClient;
  const nowMs = now instanceof Date ? now.getTime() : now;
  const sentiment = useMemo(
    () => (loadSentiment && client && queryClient ? { client, queryClient } : null),
    [loadSentiment, client, queryClient],
  );
  const queryConnection = (missing: string): TraceQueryConnection => {
    if (!client || !queryClient) throw new Error(missing);
    return { query: query ?? {}, pageSize, client, queryClient, loadSentiment, locale, now: nowMs };
  };
  return {
    rest: rest as Omit<P, keyof ConnectedTableProps>,
    frame: { table, height, label, toolbar, toolbarActions, emptyTitle, emptyDescription },
    host: { loading: Boolean(loading), error, onRetry },
    locale,
    now: nowMs,
    sentiment,
    queryConnection,
  };
}
