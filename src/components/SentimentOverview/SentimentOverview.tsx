"use client";
import { forwardRef, useMemo, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { TracesParams } from "../../client/clientTypes";
import type { LLMTrace, LLMTraceEvent } from "../../core/eventsTrace";
import { useTraceLensClient, type TraceLensHookOptions } from "../../hooks/context";
import { TraceLensScope } from "../../hooks/TraceLensScope";
import { useTraces } from "../../hooks/useTraces";
import { ErrorBoundary } from "../ui/ErrorState";
import { useControllableState } from "../ui/useControllableState";
import { useSlicedJob } from "../ui/useSlicedJob";
import { sentimentDimensions, type SentimentItem, type SentimentOverviewDimension } from "./sentimentOverviewDimensions";
import { idsWithoutSentiment, sentimentItemsJob, type SentimentById } from "./sentimentOverviewItems";
import type { SentimentOverviewFilter } from "./sentimentOverviewModel";
import { SentimentOverviewLoaded, type SentimentRangeHint } from "./SentimentOverviewLoaded";
import { SentimentOverviewView } from "./SentimentOverviewView";

export interface SentimentOverviewProps extends TraceLensHookOptions, Omit<ComponentPropsWithoutRef<"section">, "children" | "title"> {
  /** Traces to aggregate (trace level), or whose generations to aggregate (generation level). */
  traces?: readonly LLMTrace[];
  /** `$ai_generation` events to aggregate (generation level). */
  generations?: readonly LLMTraceEvent[];
  /** Drop-in mode: one TracesQuery page (`limit` defaults to 200) through the provider's client. */
  query?: Omit<TracesParams, "offset">;
  /** What one item is. @default "generation" when `generations` is given, else "trace" */
  level?: "trace" | "generation";
  /** Sentiment results the host already has, by trace or generation id. */
  sentiments?: SentimentById;
  /** Load sentiment for items that have none, through the client (batched, cached). @default true */
  loadSentiment?: boolean;
  /** Most items whose sentiment is loaded. @default 500 */
  maxLookups?: number;
  /** Dimension to group by: an id from `dimensions`, or a dimension. Controlled when given. */
  groupBy?: string | SentimentOverviewDimension;
  /** @default "none" */
  defaultGroupBy?: string | SentimentOverviewDimension;
  onGroupByChange?: (id: string) => void;
  /** Choices in the group-by select. @default [sentimentDimensions.none, sentimentDimensions.model] */
  dimensions?: readonly SentimentOverviewDimension[];
  /** Time buckets (UTC). Controlled when given. */
  interval?: "day" | "hour";
  /** @default "day" */
  defaultInterval?: "day" | "hour";
  onIntervalChange?: (interval: "day" | "hour") => void;
  /** Charts or their table alternative. Controlled when given. */
  display?: "chart" | "table";
  /** @default "chart" */
  defaultDisplay?: "chart" | "table";
  onDisplayChange?: (display: "chart" | "table") => void;
  /** A chart segment (or a count in the table) was chosen: the matching filter, ready to drive TracesTable. */
  onSegmentClick?: (filter: SentimentOverviewFilter) => void;
  /**
   * Heading, and the region's accessible name; a second overview with the same title on the page is
   * named "Sentiment (2)". Pass `aria-label` (or `aria-labelledby`) to name the region yourself.
   * @default "Sentiment"
   */
  title?: ReactNode;
  /** Groups drawn before the rest are merged into "Other". @default 8 */
  maxGroups?: number;
  /** Host data is still loading. @default false */
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  locale?: string;
}

const DEFAULT_DIMENSIONS = [sentimentDimensions.none, sentimentDimensions.model];
const EMPTY: LLMTrace[] = [];
const NO_ITEMS: SentimentItem[] = [];

/** How many host records the items are read from (what the view counts while it reads them). */
const inputSize = (level: "trace" | "generation", traces: readonly LLMTrace[] | undefined, generations: readonly LLMTraceEvent[] | undefined) =>
  (level === "trace" || !Array.isArray(generations) ? 0 : generations.length) + (Array.isArray(traces) ? traces.length : 0);

/**
 * Sentiment for dashboards: label distribution and mean scores of traces or generations, grouped by a
 * dimension (model, a person property, any property path) and over time, as accessible SVG charts with a
 * table alternative. A click on a segment hands back the filter that selects those items.
 */
export const SentimentOverview = forwardRef(function SentimentOverview(props: SentimentOverviewProps, ref: Ref<HTMLElement>) {
  return (
    <TraceLensScope client={props.client} queryClient={props.queryClient}>
      <ErrorBoundary title="The sentiment overview could not be shown" resetKey={props.traces ?? props.generations ?? JSON.stringify(props.query ?? null)}>
        <SentimentOverviewInner {...props} forwardedRef={ref} />
      </ErrorBoundary>
    </TraceLensScope>
  );
});
SentimentOverview.displayName = "SentimentOverview";

type InnerProps = SentimentOverviewProps & { forwardedRef: Ref<HTMLElement> };

function SentimentOverviewInner(props: InnerProps) {
  const connection = useTraceLensClient({ optional: true });
  if (props.traces === undefined && props.generations === undefined) {
    if (!connection) throw new Error("SentimentOverview needs `traces` or `generations`, or a `query` inside <TraceLensProvider client={...}> (or a `client` prop).");
    return <SentimentOverviewQuery {...props} />;
  }
  return <SentimentOverviewData {...props} canLoad={connection !== null} />;
}

function SentimentOverviewQuery(props: InnerProps) {
  const { query } = props;
  const result = useTraces({ ...query, limit: query?.limit ?? 200 });
  const range = { dateFrom: query?.dateRange?.date_from ?? null, dateTo: query?.dateRange?.date_to ?? null };
  return (
    <SentimentOverviewData
      {...props}
      canLoad
      traces={result.data?.results ?? EMPTY}
      loading={result.isPending && !result.isError}
      error={result.isError ? result.error : undefined}
      onRetry={() => void result.refetch()}
      range={range}
    />
  );
}

function SentimentOverviewData(props: InnerProps & { canLoad: boolean; range?: SentimentRangeHint }) {
  const {
    forwardedRef, traces, generations, query: _query, level: levelProp, sentiments, loadSentiment = true, maxLookups = 500,
    groupBy: groupByProp, defaultGroupBy, onGroupByChange, dimensions: dimensionsProp = DEFAULT_DIMENSIONS, interval: intervalProp,
    defaultInterval, onIntervalChange, display: displayProp, defaultDisplay, onDisplayChange, onSegmentClick, title = "Sentiment",
    maxGroups = 8, client: _client, queryClient: _queryClient, canLoad, loading, error, onRetry, locale, range, ...rest
  } = props;
  const level = levelProp ?? (generations !== undefined ? "generation" : "trace");
  const idOf = (value: string | SentimentOverviewDimension | undefined) => (typeof value === "object" ? value.id : value);
  const [groupById, setGroupBy] = useControllableState(idOf(groupByProp), () => idOf(defaultGroupBy) ?? "none", onGroupByChange);
  const [interval, setInterval] = useControllableState(intervalProp, () => defaultInterval ?? "day", onIntervalChange);
  const [display, setDisplay] = useControllableState(displayProp, () => defaultDisplay ?? "chart", onDisplayChange);
  const dimensions = useMemo(() => {
    const extra = [groupByProp, defaultGroupBy].filter((d): d is SentimentOverviewDimension => typeof d === "object");
    const list = [...dimensionsProp];
    for (const d of extra) if (!list.some((known) => known.id === d.id)) list.push(d);
    return list;
  }, [dimensionsProp, groupByProp, defaultGroupBy]);
  const groupBy = dimensions.find((d) => d.id === groupById) ?? dimensions[0] ?? sentimentDimensions.none;

  // 100,000 traces are read into items in slices after the first paint; meanwhile the view says it is counting.
  const built = useSlicedJob(() => sentimentItemsJob(level, traces, generations, sentiments, undefined), [level, traces, generations, sentiments], inputSize(level, traces, generations), { afterPaint: true });
  const base = built.value ?? NO_ITEMS;
  const load = loadSentiment && canLoad && !built.pending;
  const ids = useMemo(() => (load ? idsWithoutSentiment(base, maxLookups) : []), [load, base, maxLookups]);
  const view = {
    ...rest, ref: forwardedRef, level, dimensions, groupBy, onGroupByChange: setGroupBy, interval, onIntervalChange: setInterval, display,
    onDisplayChange: setDisplay, onSegmentClick, status: loading ? ("loading" as const) : error ? ("error" as const) : ("ready" as const), error,
    onRetry, title, maxGroups, locale, preparing: built.pending ? inputSize(level, traces, generations) : 0,
  };
  if (ids.length === 0) return <SentimentOverviewView {...view} items={base} pending={0} />;
  return <SentimentOverviewLoaded view={view} ids={ids} range={range} base={base} />;
}
