import { QueryClientContext, type QueryClient } from "@tanstack/react-query";
import { forwardRef, useCallback, useContext, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { TraceLensClient, TracesParams } from "../../client/clientTypes";
import type { LLMTrace, LLMTraceEvent } from "../../core/eventsTrace";
import { TraceLensContext } from "../../hooks/context";
import { ErrorBoundary } from "../ui/ErrorState";
import { useControllableState } from "../ui/useControllableState";
import { useTableState, type TableStateProps } from "../ui/useTableState";
import type { DataTableSorting } from "../ui/dataTableFeatures";
import type { LazySentimentSource } from "../TracesTable/tracesTableContext";
import { generationsTableColumns, type GenerationsTableColumn } from "./generationsTableColumns";
import { GenerationsTableQuery } from "./GenerationsTableQuery";
import { GenerationsTableView } from "./GenerationsTableView";
import { generationRows, type GenerationRow } from "./generationsTableModel";

export interface GenerationsTableProps extends TableStateProps, Omit<ComponentPropsWithoutRef<"div">, "children" | "onChange"> {
  /** `$ai_generation` events (others are skipped); `$ai_trace_id` links each to its trace. */
  generations?: readonly LLMTraceEvent[];
  /** Traces whose `$ai_generation` events become rows (each row keeps its trace, for the person column). */
  traces?: readonly LLMTrace[];
  /** Drop-in mode: generations of the traces a TracesQuery returns, through the provider's client. */
  query?: Omit<TracesParams, "limit" | "offset">;
  /** Traces per page on the query path. @default 50 */
  pageSize?: number;
  /** @default generationsTableColumns */
  columns?: readonly GenerationsTableColumn[];
  /** Row id → detail row open. Controlled when given. */
  expanded?: Record<string, boolean>;
  /** @default {} */
  defaultExpanded?: Record<string, boolean>;
  onExpandedChange?: (expanded: Record<string, boolean>) => void;
  /** Enter or a click on a row. Without it, Enter and clicks open and close the row's properties. */
  onGenerationClick?: (generation: LLMTraceEvent, trace: LLMTrace | null) => void;
  /** Load generation-level sentiment for rendered rows that carry none. @default true */
  loadSentiment?: boolean;
  client?: TraceLensClient;
  queryClient?: QueryClient;
  /** Host data is still loading. @default false */
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** @default 560 */
  height?: number | string;
  /** @default "Generations" */
  label?: string;
  /** Shows the count and the column menu. @default true */
  toolbar?: boolean;
  toolbarActions?: ReactNode;
  locale?: string;
  now?: Date | number;
  /** @default "There were no generations in this period" */
  emptyTitle?: ReactNode;
  /** @default "Try changing the date range or filters." */
  emptyDescription?: ReactNode;
}

const NEWEST_FIRST: DataTableSorting = [{ id: "time", desc: true }];
const NONE: Record<string, boolean> = {};

/**
 * PostHog's generations list: one row per `$ai_generation` with model, sentiment, error, latency,
 * tokens, cost and time; sortable (newest first by default), virtual, and each row opens to show the
 * generation's properties (Right/Left arrows, or the toggle).
 */
export const GenerationsTable = forwardRef(function GenerationsTable(props: GenerationsTableProps, ref: Ref<HTMLDivElement>) {
  return (
    <ErrorBoundary title="The generations table could not be shown" resetKey={props.generations ?? props.traces ?? JSON.stringify(props.query ?? null)}>
      <GenerationsTableInner {...props} forwardedRef={ref} />
    </ErrorBoundary>
  );
});
GenerationsTable.displayName = "GenerationsTable";

function GenerationsTableInner({ forwardedRef, ...props }: GenerationsTableProps & { forwardedRef: Ref<HTMLDivElement> }) {
  const {
    generations, traces, query, pageSize = 50, columns = generationsTableColumns, expanded: expandedProp, defaultExpanded,
    onExpandedChange, onGenerationClick, loadSentiment = true, client: clientProp, queryClient: queryClientProp, loading, error,
    onRetry, height = 560, label = "Generations", toolbar = true, toolbarActions, locale, now,
    emptyTitle = "There were no generations in this period", emptyDescription = "Try changing the date range or filters.",
    sorting, defaultSorting = NEWEST_FIRST, onSortingChange, columnVisibility, defaultColumnVisibility, onColumnVisibilityChange,
    columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey, ...rest
  } = props;
  const columnIds = useMemo(() => columns.map((c) => c.id), [columns]);
  const table = useTableState(
    { sorting, defaultSorting, onSortingChange, columnVisibility, defaultColumnVisibility, onColumnVisibilityChange, columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey },
    columnIds,
  );
  const [expanded, setExpanded] = useControllableState(expandedProp, () => defaultExpanded ?? NONE, onExpandedChange);
  // PostHog clears open rows whenever the data changes underneath them (date, filters).
  const dataKey = query ? JSON.stringify(query) : (generations ?? traces);
  const [expandedFor, setExpandedFor] = useState(dataKey);
  if (expandedFor !== dataKey) {
    setExpandedFor(dataKey);
    if (expandedProp === undefined) setExpanded(NONE);
  }
  const onRowOpen = useCallback(
    (row: GenerationRow) => {
      if (onGenerationClick) onGenerationClick(row.event, row.trace);
      else setExpanded((current) => ({ ...current, [row.rowId]: !current[row.rowId] }));
    },
    [onGenerationClick, setExpanded],
  );

  const context = useContext(TraceLensContext);
  const hostQueryClient = useContext(QueryClientContext);
  const client = clientProp ?? context?.client;
  const queryClient = queryClientProp ?? context?.queryClient ?? hostQueryClient;
  const nowMs = now instanceof Date ? now.getTime() : now;
  const source = useMemo<LazySentimentSource | null>(
    () => (loadSentiment && client && queryClient ? { client, queryClient } : null),
    [loadSentiment, client, queryClient],
  );
  const view = {
    ...rest, columns, table, expanded, onExpandedChange: setExpanded, onRowOpen, height, label, toolbar, toolbarActions, emptyTitle, emptyDescription,
  };

  const hostRows = useMemo(() => (query && generations === undefined && traces === undefined ? [] : generationRows(generations, traces)), [generations, traces, query]);
  const cellContext = useMemo(() => ({ locale, now: nowMs, sentiment: source, level: "generation" as const }), [locale, nowMs, source]);

  if (generations === undefined && traces === undefined) {
    if (!client || !queryClient) {
      throw new Error("GenerationsTable needs `generations` or `traces`, or a `query` inside <TraceLensProvider client={...}>.");
    }
    return (
      <GenerationsTableQuery
        ref={forwardedRef}
        view={view}
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
    <GenerationsTableView
      {...view}
      ref={forwardedRef}
      rows={hostRows}
      status={loading ? "loading" : error ? "error" : "ready"}
      error={error}
      onRetry={onRetry}
      cellContext={cellContext}
    />
  );
}
