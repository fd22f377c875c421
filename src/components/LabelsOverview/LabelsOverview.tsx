"use client";
import { forwardRef, useMemo, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { TracesParams } from "../../client/clientTypes";
import type { LLMTrace, LLMTraceEvent } from "../../core/eventsTrace";
import { labelBreakdown, type LabelFilter } from "../../core/labelBreakdown";
import { eventLabelsResult, traceLabelsFromProperties, type LabelsError, type LabelsResult } from "../../core/messageLabels";
import { useTraceLensClient, type TraceLensHookOptions } from "../../hooks/context";
import { useLabelResults, useLabelsAvailable } from "../../hooks/useLabels";
import { TraceLensScope } from "../../hooks/TraceLensScope";
import { useTraces } from "../../hooks/useTraces";
import { ErrorBoundary } from "../ui/ErrorState";
import { useControllableState } from "../ui/useControllableState";
import { LabelsOverviewView } from "./LabelsOverviewView";

export interface LabelsOverviewProps extends TraceLensHookOptions, Omit<ComponentPropsWithoutRef<"section">, "children" | "title"> {
  /** Traces to break down (trace level). */
  traces?: readonly LLMTrace[];
  /** `$ai_generation` events to break down (generation level). */
  generations?: readonly LLMTraceEvent[];
  /** Drop-in mode: one TracesQuery page (`limit` defaults to 200) through the provider's client. */
  query?: Omit<TracesParams, "offset">;
  /** Labels the host already has, by trace or generation id; they win over everything else. */
  labels?: Readonly<Record<string, LabelsResult | LabelsError | null>>;
  /**
   * Label items whose events carry none through the client's classifiers (the local client with
   * `labelClassifiers`), batched and cached. @default true
   */
  loadLabels?: boolean;
  /** Most items labelled through the client. @default 500 */
  maxLookups?: number;
  /** The label filter the host drives its tables with: its buckets show pressed. Controlled when given. */
  filter?: LabelFilter | null;
  defaultFilter?: LabelFilter | null;
  /** A bucket was toggled: the new filter, ready for TracesTable's `labelFilter`. */
  onFilterChange?: (filter: LabelFilter) => void;
  /** @default "Emotion and toxicity" */
  title?: ReactNode;
  emptyHint?: ReactNode;
  /** Host data is still loading. @default false */
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  locale?: string;
}

type Entry = { id: string; labels: LabelsResult | LabelsError | null };
const EMPTY_IDS: string[] = [];
const EMPTY_TRACES: LLMTrace[] = [];

function LoadedLabels({ ids, level, options, children }: { ids: readonly string[]; level: "trace" | "generation"; options: TraceLensHookOptions; children: (loaded: Readonly<Record<string, LabelsResult | LabelsError>>, pending: ReadonlySet<string>) => ReactNode }) {
  const { data, pendingIds } = useLabelResults({ ids, level }, options);
  const pending = useMemo(() => new Set(pendingIds), [pendingIds]);
  return <>{children(data, pending)}</>;
}

/**
 * Traces (or generations) broken down by the emotion of their user messages and by toxicity, beside
 * SentimentOverview. Labels come from the events (stored by the host at ingestion, under tracelens' or
 * PostHog-LLM's names) or, where they carry none, from the client's classifiers. A click on a bucket
 * hands back the filter that selects those items.
 */
export const LabelsOverview = forwardRef(function LabelsOverview(props: LabelsOverviewProps, ref: Ref<HTMLElement>) {
  return (
    <TraceLensScope client={props.client} queryClient={props.queryClient}>
      <ErrorBoundary title="The labels overview could not be shown" resetKey={props.traces ?? props.generations ?? JSON.stringify(props.query ?? null)}>
        <LabelsOverviewSource {...props} forwardedRef={ref} />
      </ErrorBoundary>
    </TraceLensScope>
  );
});
LabelsOverview.displayName = "LabelsOverview";

type InnerProps = LabelsOverviewProps & { forwardedRef: Ref<HTMLElement> };

/** Data the host gave, or one page of traces through the client when it gave none. */
function LabelsOverviewSource(props: InnerProps) {
  const connection = useTraceLensClient({ optional: true });
  if (props.traces !== undefined || props.generations !== undefined) return <LabelsOverviewInner {...props} />;
  if (!connection) throw new Error("LabelsOverview needs `traces` or `generations`, or a `query` inside <TraceLensProvider client={...}> (or a `client` prop).");
  return <LabelsOverviewQuery {...props} />;
}

function LabelsOverviewQuery(props: InnerProps) {
  const { query } = props;
  const result = useTraces({ ...query, limit: query?.limit ?? 200 });
  return (
    <LabelsOverviewInner
      {...props}
      traces={result.data?.results ?? EMPTY_TRACES}
      loading={props.loading || (result.isPending && !result.isError)}
      error={props.error ?? (result.isError ? result.error : undefined)}
      onRetry={props.onRetry ?? (() => void result.refetch())}
    />
  );
}

function LabelsOverviewInner(props: InnerProps) {
  const {
    forwardedRef, traces, generations, query: _query, labels, loadLabels = true, maxLookups = 500, filter: filterProp, defaultFilter, onFilterChange,
    client, queryClient, loading, error, onRetry, ...rest
  } = props;
  const level = generations !== undefined && traces === undefined ? "generation" : "trace";
  const [filter, setFilter] = useControllableState<LabelFilter | null>(filterProp, () => defaultFilter ?? null, onFilterChange as ((value: LabelFilter | null) => void) | undefined);
  const base = useMemo<Entry[]>(() => {
    const own = (id: string) => (labels && Object.prototype.hasOwnProperty.call(labels, id) ? labels[id] : undefined);
    if (level === "trace") return (traces ?? []).map((trace) => ({ id: trace.id, labels: own(trace.id) ?? traceLabelsFromProperties(trace) }));
    return (generations ?? []).map((event) => ({ id: event.id, labels: own(event.id) ?? eventLabelsResult(event) }));
  }, [level, traces, generations, labels]);
  const options = useMemo(() => ({ client, queryClient }), [client, queryClient]);
  const canLoad = useLabelsAvailable(options) && loadLabels;
  const ids = useMemo(() => (canLoad ? base.filter((entry) => entry.labels === null).slice(0, maxLookups).map((entry) => entry.id) : EMPTY_IDS), [canLoad, base, maxLookups]);
  const render = (loaded: Readonly<Record<string, LabelsResult | LabelsError>>, pending: ReadonlySet<string>) => {
    const entries = base.map((entry) => (entry.labels !== null ? entry.labels : pending.has(entry.id) ? undefined : (loaded[entry.id] ?? null)));
    return (
      <LabelsOverviewView
        {...rest}
        ref={forwardedRef}
        breakdown={labelBreakdown(entries)}
        level={level}
        status={error ? "error" : loading ? "loading" : "ready"}
        error={error}
        onRetry={onRetry}
        filter={filter}
        onFilterChange={onFilterChange ? (next) => setFilter(next) : undefined}
      />
    );
  };
  if (ids.length === 0) return render({}, new Set());
  return (
    <LoadedLabels ids={ids} level={level} options={options}>
      {render}
    </LoadedLabels>
  );
}
