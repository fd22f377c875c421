"use client";
import { forwardRef, useCallback, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { TracesParams } from "../../client/clientTypes";
import type { LLMTrace, LLMTraceEvent } from "../../core/eventsTrace";
import { generationClickDetails, generationModel, generationRows, type GenerationClickDetails, type GenerationRow } from "../../core/generationRows";
import { useTraceLensClient, type TraceLensHookOptions } from "../../hooks/context";
import { TraceLensScope } from "../../hooks/TraceLensScope";
import type { TableCellContextValue } from "../cells/cellContext";
import type { DataTableSorting } from "../ui/dataTableFeatures";
import { ErrorBoundary } from "../ui/ErrorState";
import { MediaPolicyScope, type MediaPolicyProps } from "../ui/mediaPolicyContext";
import { useControllableState } from "../ui/useControllableState";
import { useDataTableShell, type DataTableShellProps } from "../ui/useDataTableShell";
import { generationsTableColumns, type GenerationsTableColumn } from "./generationsTableColumns";
import { GenerationsTableQuery } from "./GenerationsTableQuery";
import { GenerationsTableLabelled } from "./GenerationsTableLabelled";
import type { LabelFilter } from "../../core/labelBreakdown";
import { useLabelsAvailable } from "../../hooks/useLabels";
import { generationsTableLabelColumns, generationRowLabels } from "./generationsTableLabelColumns";
import { isPropertyBag } from "../../core/eventsAccess";
import type { PropertyFilterSubject } from "../../core/filterPropertiesMatch";
import {
  PropertyFilterChips,
  PropertyFiltersContext,
  filterRowsByProperties,
  useTablePropertyFilters,
  withPropertyFilters,
  type TablePropertyFilterProps,
} from "../cells/tablePropertyFilters";

const generationOpenLabel = (row: GenerationRow) => `Open generation ${String(row.event.id ?? "")}${generationModel(row) ? ` (${generationModel(row)})` : ""}`;

export interface GenerationsTableProps extends DataTableShellProps, TraceLensHookOptions, TablePropertyFilterProps, MediaPolicyProps, Omit<ComponentPropsWithoutRef<"div">, "children" | "onChange"> {
  /** `$ai_generation` events (others are skipped); `$ai_trace_id` links each to its trace. */
  generations?: readonly LLMTraceEvent[];
  /** Traces whose `$ai_generation` events become rows (each row keeps its trace, for the person column). */
  traces?: readonly LLMTrace[];
  /**
   * Drop-in mode: every `$ai_generation` (at any depth) in this window and these filters, through the
   * provider's client, ordered and paged by the server (an EventsQuery).
   */
  query?: Omit<TracesParams, "limit" | "offset">;
  /** Generations per page on the query path. @default 50 */
  pageSize?: number;
  /** @default generationsTableColumns */
  columns?: readonly GenerationsTableColumn[];
  /** Emotion and toxicity to keep (rows without labels fail an active filter, and are counted). Controlled when given. */
  labelFilter?: LabelFilter | null;
  /** @default {} */
  defaultLabelFilter?: LabelFilter | null;
  onLabelFilterChange?: (filter: LabelFilter) => void;
  /**
   * Add the Emotion and Toxicity columns (and their toolbar filters) to the default columns.
   * @default true when the rows carry labels or the client classifies them (`labelClassifiers`)
   */
  labelColumns?: boolean;
  /** Row id → detail row open. Controlled when given. */
  expanded?: Record<string, boolean>;
  /** @default {} */
  defaultExpanded?: Record<string, boolean>;
  onExpandedChange?: (expanded: Record<string, boolean>) => void;
  /**
   * Enter or a click on a row: the generation's id, its trace id, time, event and trace. Without it,
   * Enter and clicks open and close the row's properties.
   */
  onGenerationClick?: (generationId: string, details: GenerationClickDetails) => void;
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
const ALL_TIME = {};

/** What a filter reads for a generation: its own properties, and its person (or its trace's). */
function generationFilterSubjects(row: GenerationRow): PropertyFilterSubject[] {
  const event = row.event as LLMTraceEvent & { distinctId?: unknown; person?: unknown };
  const distinctId = typeof event.distinctId === "string" && event.distinctId ? event.distinctId : (row.trace?.distinctId ?? row.trace?.person?.distinct_id ?? null);
  const person = isPropertyBag(event.person) ? (event.person as PropertyFilterSubject["person"]) : (row.trace?.person ?? null);
  return [{ properties: isPropertyBag(event.properties) ? event.properties : {}, distinctId: typeof distinctId === "string" ? distinctId : null, person }];
}

/**
 * PostHog's generations list: one row per `$ai_generation` with model, sentiment, error, latency,
 * tokens, cost and time; sortable (newest first by default), virtual, and each row opens to show the
 * generation's properties (Right/Left arrows, or the toggle).
 */
export const GenerationsTable = forwardRef(function GenerationsTable(props: GenerationsTableProps, ref: Ref<HTMLDivElement>) {
  return (
    <TraceLensScope client={props.client} queryClient={props.queryClient}>
      <ErrorBoundary title="The generations table could not be shown" resetKey={props.generations ?? props.traces ?? JSON.stringify(props.query ?? null)}>
        <MediaPolicyScope policy={props.mediaPolicy}>
          <GenerationsTableInner {...props} forwardedRef={ref} />
        </MediaPolicyScope>
      </ErrorBoundary>
    </TraceLensScope>
  );
});
GenerationsTable.displayName = "GenerationsTable";

function GenerationsTableInner({ forwardedRef, ...props }: GenerationsTableProps & { forwardedRef: Ref<HTMLDivElement> }) {
  const {
    generations, traces, query, pageSize = 50, loadSentiment = true, client: _client, queryClient: _queryClient, columns: columnsProp,
    labelFilter: labelFilterProp, defaultLabelFilter, onLabelFilterChange, labelColumns, expanded: expandedProp, defaultExpanded, onExpandedChange, onGenerationClick,
    propertyFilters, defaultPropertyFilters, onPropertyFiltersChange, mediaPolicy: _mediaPolicy, ...shellProps
  } = props;
  const hostRows = useMemo(() => (query && generations === undefined && traces === undefined ? [] : generationRows(generations, traces)), [generations, traces, query]);
  const labelsAvailable = useLabelsAvailable();
  const carried = useMemo(() => labelColumns === undefined && !labelsAvailable && hostRows.slice(0, 200).some((row) => generationRowLabels(row) !== null), [labelColumns, labelsAvailable, hostRows]);
  const showLabels = labelColumns ?? (labelsAvailable || carried);
  const columns = useMemo(() => columnsProp ?? (showLabels ? [...generationsTableColumns, ...generationsTableLabelColumns] : generationsTableColumns), [columnsProp, showLabels]);
  const [labelFilter, setLabelFilter] = useControllableState<LabelFilter | null>(labelFilterProp, () => defaultLabelFilter ?? null, onLabelFilterChange as ((next: LabelFilter | null) => void) | undefined);
  const shell = useDataTableShell(shellProps, columns, DEFAULTS);
  const connection = useTraceLensClient({ optional: true });
  const [expanded, setExpanded] = useControllableState(expandedProp, () => defaultExpanded ?? NONE, onExpandedChange);
  const person = useTablePropertyFilters({ propertyFilters, defaultPropertyFilters, onPropertyFiltersChange });
  const fullQuery = useMemo(() => withPropertyFilters(query ?? {}, person.filters), [query, person.filters]);
  // PostHog clears open rows whenever the data changes underneath them (date, filters).
  const dataKey = query ? JSON.stringify(fullQuery) : (generations ?? traces);
  const [expandedFor, setExpandedFor] = useState(dataKey);
  if (expandedFor !== dataKey) {
    setExpandedFor(dataKey);
    if (expandedProp === undefined) setExpanded(NONE);
  }
  const onRowOpen = useCallback(
    (row: GenerationRow) => {
      if (onGenerationClick) onGenerationClick(String(row.event.id ?? ""), generationClickDetails(row));
      else setExpanded((current) => ({ ...current, [row.rowId]: !current[row.rowId] }));
    },
    [onGenerationClick, setExpanded],
  );
  // An Open action only where opening goes somewhere: without onGenerationClick the row's toggle already shows its properties.
  const rowOpenLabel = onGenerationClick ? generationOpenLabel : undefined;
  const filtered = useMemo(() => filterRowsByProperties(hostRows, person.filters, generationFilterSubjects), [hostRows, person.filters]);
  // A host that owns the filters shows them (TraceFilters); the table's own filters show in its toolbar.
  const chips = !person.controlled && person.filters.length > 0 ? <PropertyFilterChips filters={person.filters} onChange={person.setFilters} /> : null;
  const view = {
    ...shell.rest, ...shell.frame, columns, expanded, onExpandedChange: setExpanded, onRowOpen, rowOpenLabel,
    labelFilter, onLabelFilterChange: setLabelFilter, labelControls: showLabels || columns.some((c) => c.id === "emotion" || c.id === "toxicity"),
    ...(chips ? { toolbarActions: <>{chips}{shell.frame.toolbarActions}</> } : {}),
  };

  const { locale, now } = shell;
  const sentimentRange = loadSentiment && connection ? ALL_TIME : null;
  const cellContext = useMemo<TableCellContextValue>(() => ({ locale, now, sentimentRange, level: "generation" }), [locale, now, sentimentRange]);

  if (generations === undefined && traces === undefined) {
    if (!connection) throw new Error("GenerationsTable needs `generations` or `traces`, or a `query` inside <TraceLensProvider client={...}> (or a `client` prop).");
    return (
      <PropertyFiltersContext.Provider value={person.context}>
        <GenerationsTableQuery ref={forwardedRef} view={view} query={fullQuery} pageSize={pageSize} loadSentiment={loadSentiment} locale={locale} now={now} />
      </PropertyFiltersContext.Provider>
    );
  }
  const { loading, onRetry } = shell.host;
  const error = shell.host.error ?? filtered.error;
  return (
    <PropertyFiltersContext.Provider value={person.context}>
      <GenerationsTableLabelled
        {...view}
        ref={forwardedRef}
        rows={filtered.rows}
        status={loading ? "loading" : error ? "error" : "ready"}
        error={error}
        onRetry={onRetry}
        cellContext={cellContext}
      />
    </PropertyFiltersContext.Provider>
  );
}
