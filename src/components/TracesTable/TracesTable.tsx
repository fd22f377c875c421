"use client";
import { forwardRef, useMemo, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { TracesParams } from "../../client/clientTypes";
import type { LLMTrace } from "../../core/eventsTrace";
import type { SentimentLabel } from "../../core/sentiment/types";
import type { TraceClickDetails } from "../../core/traceRows";
import { useTraceLensClient, type TraceLensHookOptions } from "../../hooks/context";
import { TraceLensScope } from "../../hooks/TraceLensScope";
import { ErrorBoundary } from "../ui/ErrorState";
import { MediaPolicyScope, type MediaPolicyProps } from "../ui/mediaPolicyContext";
import { useControllableState } from "../ui/useControllableState";
import { useDataTableShell, type DataTableShellProps } from "../ui/useDataTableShell";
import { tracesTableColumns, type TracesTableColumn } from "./tracesTableColumns";
import type { LabelFilter } from "../../core/labelBreakdown";
import { useLabelsAvailable } from "../../hooks/useLabels";
import { useLabelColumns } from "./tracesTableLabelColumns";
import { TracesTableQuery } from "./TracesTableQuery";
import { TracesTableHostData, type TracesTableSharedViewProps } from "./TracesTableHostData";
import {
  PropertyFilterChips,
  PropertyFiltersContext,
  filterRowsByProperties,
  traceFilterSubjects,
  useTablePropertyFilters,
  withPropertyFilters,
  type TablePropertyFilterProps,
} from "../cells/tablePropertyFilters";

export interface TracesTableProps extends DataTableShellProps, TraceLensHookOptions, TablePropertyFilterProps, MediaPolicyProps, Omit<ComponentPropsWithoutRef<"div">, "children" | "onChange"> {
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
  /** Show only outlier traces of the loaded rows (cost, latency, tokens, errors or loops; see `findTraceOutliers`). Controlled when given. */
  outliersOnly?: boolean;
  /** @default false */
  defaultOutliersOnly?: boolean;
  onOutliersOnlyChange?: (outliersOnly: boolean) => void;
  /** Search text. Host data is searched in the browser; the query path sends it as `searchTerm`. Controlled when given. */
  search?: string;
  /** @default "" */
  defaultSearch?: string;
  onSearchChange?: (search: string) => void;
  /** Enter on a focused row, or a click on it: the trace's id, when it happened and the row. */
  onTraceClick?: (traceId: string, details: TraceClickDetails) => void;
  /** Load sentiment for rendered rows that carry none, through `useSentiment`, when a client is available. @default true */
  loadSentiment?: boolean;
  /** Accessible name of the table. @default "Traces" */
  label?: string;
  /** Shows search, the sentiment filter and the column menu. @default true */
  toolbar?: boolean;
  /** @default "There were no traces in this period" */
  emptyTitle?: ReactNode;
}

const NO_LABELS: SentimentLabel[] = [];
const DEFAULTS = { label: "Traces", emptyTitle: "There were no traces in this period" };

/**
 * PostHog's traces list as a drop-in component: pass `traces`, or a `query` inside a TraceLensProvider.
 * Rows are virtual (100,000 stay smooth), sentiment loads only for rendered rows, and the keyboard moves
 * between rows (arrows, Home/End, Page Up/Down) and opens one with Enter.
 */
export const TracesTable = forwardRef(function TracesTable(props: TracesTableProps, ref: Ref<HTMLDivElement>) {
  return (
    <TraceLensScope client={props.client} queryClient={props.queryClient}>
      <ErrorBoundary title="The traces table could not be shown" resetKey={props.traces ?? JSON.stringify(props.query ?? null)}>
        <MediaPolicyScope policy={props.mediaPolicy}>
          <TracesTableInner {...props} forwardedRef={ref} />
        </MediaPolicyScope>
      </ErrorBoundary>
    </TraceLensScope>
  );
});
TracesTable.displayName = "TracesTable";

function TracesTableInner({ forwardedRef, ...props }: TracesTableProps & { forwardedRef: Ref<HTMLDivElement> }) {
  const {
    traces, query, pageSize = 50, loadSentiment = true, client: _client, queryClient: _queryClient, columns: columnsProp,
    labelFilter: labelFilterProp, defaultLabelFilter, onLabelFilterChange, labelColumns,
    sentimentFilter: sentimentFilterProp, defaultSentimentFilter, onSentimentFilterChange, search: searchProp, defaultSearch, onSearchChange,
    onTraceClick, outliersOnly: outliersOnlyProp, defaultOutliersOnly, onOutliersOnlyChange,
    propertyFilters, defaultPropertyFilters, onPropertyFiltersChange, mediaPolicy: _mediaPolicy, ...shellProps
  } = props;
  const labelsAvailable = useLabelsAvailable();
  const { columns, labelControls } = useLabelColumns(columnsProp, tracesTableColumns, traces, labelColumns, labelsAvailable);
  const [labelFilter, setLabelFilter] = useControllableState<LabelFilter | null>(labelFilterProp, () => defaultLabelFilter ?? null, onLabelFilterChange as ((next: LabelFilter | null) => void) | undefined);
  const shell = useDataTableShell(shellProps, columns, DEFAULTS);
  const connection = useTraceLensClient({ optional: true });
  const [sentimentFilter, setSentimentFilter] = useControllableState(sentimentFilterProp, () => defaultSentimentFilter ?? NO_LABELS, onSentimentFilterChange);
  const [search, setSearch] = useControllableState(searchProp, () => defaultSearch ?? "", onSearchChange);
  const [outliersOnly, setOutliersOnly] = useControllableState(outliersOnlyProp, () => defaultOutliersOnly ?? false, onOutliersOnlyChange);
  const view: TracesTableSharedViewProps = {
    ...shell.rest, ...shell.frame, columns, search, onSearchChange: setSearch, sentimentFilter, onSentimentFilterChange: setSentimentFilter, onTraceClick,
    labelFilter, onLabelFilterChange: setLabelFilter, labelControls,
    outliersOnly, onOutliersOnlyChange: setOutliersOnly,
  };
  const { locale, now } = shell;
  const person = useTablePropertyFilters({ propertyFilters, defaultPropertyFilters, onPropertyFiltersChange });
  const filtered = useMemo(() => (traces === undefined ? null : filterRowsByProperties(traces, person.filters, traceFilterSubjects)), [traces, person.filters]);
  const fullQuery = useMemo(() => withPropertyFilters(query ?? {}, person.filters), [query, person.filters]);
  // A host that owns the filters shows them (TraceFilters); the table's own filters show in its toolbar.
  if (!person.controlled && person.filters.length > 0) {
    view.toolbarActions = (
      <>
        <PropertyFilterChips filters={person.filters} onChange={person.setFilters} />
        {view.toolbarActions}
      </>
    );
  }

  let table;
  if (traces === undefined || filtered === null) {
    if (!connection) {
      throw new Error("TracesTable needs `traces`, or a `query` inside <TraceLensProvider client={...}> (or a `client` prop).");
    }
    table = <TracesTableQuery ref={forwardedRef} view={view} query={fullQuery} pageSize={pageSize} loadSentiment={loadSentiment} locale={locale} now={now} />;
  } else {
    const host = { ...shell.host, error: shell.host.error ?? filtered.error };
    table = <TracesTableHostData ref={forwardedRef} view={view} traces={filtered.rows} loadSentiment={loadSentiment && connection !== null} {...host} locale={locale} now={now} />;
  }
  return <PropertyFiltersContext.Provider value={person.context}>{table}</PropertyFiltersContext.Provider>;
}
