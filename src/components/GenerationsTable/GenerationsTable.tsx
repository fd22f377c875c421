import { forwardRef, useCallback, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { TracesParams } from "../../client/clientTypes";
import type { LLMTrace, LLMTraceEvent } from "../../core/eventsTrace";
import type { DataTableSorting } from "../ui/dataTableFeatures";
import { ErrorBoundary } from "../ui/ErrorState";
import { useConnectedTable, type ConnectedTableProps } from "../ui/useConnectedTable";
import { useControllableState } from "../ui/useControllableState";
import { generationsTableColumns, type GenerationsTableColumn } from "./generationsTableColumns";
import { GenerationsTableQuery } from "./GenerationsTableQuery";
import { GenerationsTableView } from "./GenerationsTableView";
import { generationRows, type GenerationRow } from "../../core/generationRows";

export interface GenerationsTableProps extends ConnectedTableProps, Omit<ComponentPropsWithoutRef<"div">, "children" | "onChange"> {
  /** `$ai_generation` events (others are skipped); `$ai_trace_id` links each to its trace. */
  generations?: readonly LLMTraceEvent[];
  /** Traces whose `$ai_generation` events become rows (each row keeps its trace, for the person column). */
  traces?: readonly LLMTrace[];
  /** Drop-in mode: generations of the traces a TracesQuery returns, through the provider's client. */
  query?: Omit<TracesParams, "limit" | "offset">;
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
  /** @default "Generations" */
  label?: string;
  /** Shows the count and the column menu. @default true */
  toolbar?: boolean;
  /** @default "There were no generations in this period" */
  emptyTitle?: ReactNode;
}

const NEWEST_FIRST: DataTableSorting = [{ id: "time", desc: true }];
const DEFAULTS = { label: "Generations", emptyTitle: "There were no generations in this period", defaultSorting: NEWEST_FIRST };
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
    generations, traces, columns = generationsTableColumns, expanded: expandedProp, defaultExpanded, onExpandedChange, onGenerationClick,
    ...connected
  } = props;
  const { query } = connected;
  const shell = useConnectedTable(connected, columns, DEFAULTS);
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
  const view = { ...shell.rest, ...shell.frame, columns, expanded, onExpandedChange: setExpanded, onRowOpen };

  const hostRows = useMemo(() => (query && generations === undefined && traces === undefined ? [] : generationRows(generations, traces)), [generations, traces, query]);
  const { locale, now, sentiment } = shell;
  const cellContext = useMemo(() => ({ locale, now, sentiment, level: "generation" as const }), [locale, now, sentiment]);

  if (generations === undefined && traces === undefined) {
    const connection = shell.queryConnection("GenerationsTable needs `generations` or `traces`, or a `query` inside <TraceLensProvider client={...}>.");
    return <GenerationsTableQuery ref={forwardedRef} view={view} connection={connection} />;
  }
  const { loading, error, onRetry } = shell.host;
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
