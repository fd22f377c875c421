"use client";
import { forwardRef, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { BreakdownDimension, BreakdownOccurrence } from "../../core/traceBreakdownTypes";
import type { TraceInsightInput } from "../../core/traceInsightInput";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { ErrorState } from "../ui/ErrorState";
import { Skeleton } from "../ui/Skeleton";
import { useControllableState } from "../ui/useControllableState";
import { TraceBreakdownTable, type BreakdownOccurrenceContext } from "./TraceBreakdownTable";
import { BREAKDOWN_DIMENSIONS, BREAKDOWN_ROW_LIMIT, computeBreakdown, type BreakdownSortBy } from "./traceBreakdownModel";

export interface TraceBreakdownViewProps extends Omit<ComponentPropsWithoutRef<"div">, "children" | "title"> {
  /** One trace (an `LLMTrace`, a built `TraceTree` or its events); `null` means not found. */
  trace?: TraceInsightInput | null;
  /** A set of traces, summed (full TraceQuery results: a TracesQuery row lists only top-level events). Wins over `trace`. */
  traces?: readonly TraceInsightInput[] | null;
  /** Shows a skeleton while there is nothing to show yet. @default false */
  loading?: boolean;
  /** Shows the error instead of the table. */
  error?: unknown;
  /** Adds "Try again" to the error state. */
  onRetry?: () => void;
  /** Rows per tool, model or span name (controlled). */
  dimension?: BreakdownDimension;
  /** @default "tool" */
  defaultDimension?: BreakdownDimension;
  onDimensionChange?: (dimension: BreakdownDimension) => void;
  /** Row order and what the Share column is a share of (controlled). */
  sortBy?: BreakdownSortBy;
  /** @default "cost" */
  defaultSortBy?: BreakdownSortBy;
  onSortByChange?: (sortBy: BreakdownSortBy) => void;
  /**
   * Opens a row's slowest or most expensive occurrence (its `traceId` and `eventKey` select it in a
   * TraceDetail). Without it the occurrences are shown as text.
   */
  onOpenOccurrence?: (occurrence: BreakdownOccurrence, context: BreakdownOccurrenceContext) => void;
  /** Heading above the table. @default "Where cost and time go" */
  title?: ReactNode;
  /** BCP 47 locale for numbers. */
  locale?: string;
}

function DimensionSwitch({ value, onChange }: { value: BreakdownDimension; onChange: (next: BreakdownDimension) => void }) {
  return (
    <div role="group" aria-label="Break down by" data-slot="breakdown-dimensions" className="tl:inline-flex tl:gap-1">
      {BREAKDOWN_DIMENSIONS.map((option) => (
        <button
          key={option.dimension}
          type="button"
          aria-pressed={option.dimension === value}
          data-state={option.dimension === value ? "on" : "off"}
          onClick={() => onChange(option.dimension)}
          className={cn(SMALL_BUTTON, option.dimension === value && "tl:border-accent tl:bg-(color:--tl-selected-bg)")}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/**
 * Where a trace's (or a set's) dollars, tokens and seconds go: one row per tool, model or span name
 * with cost, tokens, latency, self time and its share of the whole, and its slowest and most
 * expensive occurrence one click away. From plain data; it never fetches (see `TraceBreakdown`).
 */
export const TraceBreakdownView = forwardRef(function TraceBreakdownView(props: TraceBreakdownViewProps, ref: Ref<HTMLDivElement>) {
  const {
    trace, traces, loading = false, error, onRetry, dimension: dimensionProp, defaultDimension = "tool", onDimensionChange,
    sortBy: sortByProp, defaultSortBy = "cost", onSortByChange, onOpenOccurrence, title = "Where cost and time go", locale, className, ...rest
  } = props;
  const [dimension, setDimension] = useControllableState(dimensionProp, defaultDimension, onDimensionChange);
  const [sortBy, setSortBy] = useControllableState(sortByProp, defaultSortBy, onSortByChange);
  const [showAll, setShowAll] = useState(false);
  const inputs = useMemo(() => (traces ? [...traces] : trace ? [trace] : null), [trace, traces]);
  const result = useMemo(() => (inputs ? computeBreakdown(inputs, dimension, sortBy) : null), [inputs, dimension, sortBy]);
  const option = BREAKDOWN_DIMENSIONS.find((d) => d.dimension === dimension) ?? BREAKDOWN_DIMENSIONS[0]!;

  let body: ReactNode;
  if (error !== undefined && error !== null) body = <ErrorState title="The breakdown could not be loaded" error={error} onRetry={onRetry} />;
  else if (!result && loading) body = <Skeleton lines={5} label="Loading breakdown" />;
  else if (!result) body = <p className="tl:text-sm tl:text-muted">{trace === null || traces === null ? "Trace not found." : "No trace to break down."}</p>;
  else if (result.breakdown === null) body = <ErrorState title="The breakdown could not be computed" error={result.error} />;
  else if (result.breakdown.rows.length === 0) {
    body = (
      <p data-slot="breakdown-empty" className="tl:text-sm tl:text-muted">
        {option.empty} in {result.breakdown.traceCount === 1 ? "this trace" : `these ${result.breakdown.traceCount} traces`}.
      </p>
    );
  } else {
    const { rows } = result.breakdown;
    const shown = showAll ? rows : rows.slice(0, BREAKDOWN_ROW_LIMIT);
    body = (
      <>
        <div className="tl:overflow-x-auto">
          <TraceBreakdownTable breakdown={result.breakdown} rows={shown} sortBy={sortBy} onSortByChange={setSortBy} onOpenOccurrence={onOpenOccurrence} locale={locale} />
        </div>
        {shown.length < rows.length && (
          <button type="button" className={cn(SMALL_BUTTON, "tl:self-start")} onClick={() => setShowAll(true)}>
            Show all {rows.length.toLocaleString(locale)} rows
          </button>
        )}
      </>
    );
  }

  return (
    <div {...rest} ref={ref} data-slot="trace-breakdown" aria-busy={loading || undefined} className={cn("tl-root tl:flex tl:flex-col tl:gap-2 tl:text-fg", className)}>
      <div className="tl:flex tl:flex-wrap tl:items-center tl:justify-between tl:gap-2">
        <h3 className="tl:m-0 tl:text-sm tl:font-semibold">{title}</h3>
        <DimensionSwitch value={dimension} onChange={(next) => { setDimension(next); setShowAll(false); }} />
      </div>
      {body}
    </div>
  );
});
TraceBreakdownView.displayName = "TraceBreakdownView";
