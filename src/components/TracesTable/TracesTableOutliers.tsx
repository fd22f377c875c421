"use client";
import { createContext, useCallback, useContext, useMemo } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import { findTraceOutliers, OUTLIER_METRICS } from "../../core/traceOutliers";
import { traceOutlierInput } from "../../core/traceOutliersInput";
import type { OutlierMetric, TraceOutlier, TraceOutlierOptions, TraceOutliers } from "../../core/traceOutliersTypes";
import { cn } from "../ui/cn";
import { useTooltip } from "../ui/Tooltip";

/** The outliers of the rows a table holds; cells of the outlier column read them. */
export const TraceOutliersContext = createContext<TraceOutliers | null>(null);

const METRIC_WORD: Record<OutlierMetric, string> = { cost: "cost", latency: "latency", tokens: "tokens", errors: "errors", loops: "loops" };

/** Rows above this skip loop counting (it reads every row's events); cost, latency, tokens and errors still count. */
export const OUTLIER_LOOP_ROW_LIMIT = 20_000;

/**
 * Outlier traces among `traces` by cost, latency, tokens, errors and loops (median and MAD, modified
 * z > 3.5, with a 95th-percentile fallback where the MAD is 0; see `findTraceOutliers`). TracesQuery
 * rows carry PostHog's totals, which are used; loops are counted over the events a row carries.
 * Never throws: a failure flags nothing.
 */
export function tableTraceOutliers(traces: readonly LLMTrace[], options: TraceOutlierOptions = {}): TraceOutliers {
  try {
    const loops = traces.length <= OUTLIER_LOOP_ROW_LIMIT;
    return findTraceOutliers(traces.map((trace) => traceOutlierInput(trace, { loops })), options);
  } catch {
    return findTraceOutliers([], options);
  }
}

/** {@link tableTraceOutliers}, recomputed when the rows change. */
export function useTableTraceOutliers(traces: readonly LLMTrace[], options?: TraceOutlierOptions): TraceOutliers {
  return useMemo(() => tableTraceOutliers(traces, options), [traces, options]);
}

/** Keeps only outliers (on top of `predicate`), for the "Outliers only" filter. */
export function outlierPredicate(outliers: TraceOutliers, predicate: ((trace: LLMTrace) => boolean) | null): (trace: LLMTrace) => boolean {
  return (trace) => outliers.byTraceId.has(trace.id) && (predicate ? predicate(trace) : true);
}

/** "cost, latency": the metrics a trace stands out in. */
export function outlierMetricsText(outlier: TraceOutlier): string {
  return OUTLIER_METRICS.filter((metric) => outlier.reasons.some((r) => r.metric === metric))
    .map((metric) => METRIC_WORD[metric])
    .join(", ");
}

/** The outlier cell: a badge naming the metrics, the reasons in a tooltip (hover, or focus on the active row). */
export function OutlierCell({ traceId, active }: { traceId: string; active: boolean }) {
  const outliers = useContext(TraceOutliersContext);
  const outlier = outliers?.byTraceId.get(traceId);
  const { triggerRef, triggerProps, tooltip } = useTooltip(outlier?.text ?? "", Boolean(outlier));
  const setRef = useCallback((node: HTMLSpanElement | null) => void (triggerRef.current = node), [triggerRef]);
  if (!outlier) return <span className="tl:text-muted">–</span>;
  return (
    <>
      <span
        ref={setRef}
        {...triggerProps}
        tabIndex={active ? 0 : -1}
        data-slot="outlier-badge"
        data-metrics={outlier.reasons.map((r) => r.metric).join(" ")}
        className={cn(
          "tl:inline-block tl:max-w-full tl:truncate tl:rounded-sm tl:border tl:border-(color:--tl-critical-path) tl:px-1 tl:text-xs tl:text-(color:--tl-critical-path)",
          "tl:focus-visible:outline-2 tl:focus-visible:outline-focus",
        )}
      >
        <span aria-hidden="true">▲ </span>
        {outlierMetricsText(outlier)}
        <span className="tl:sr-only"> ({outlier.text})</span>
      </span>
      {tooltip}
    </>
  );
}

/** The "Outliers only" toggle for the toolbar, with how many the loaded rows hold. */
export function OutlierFilterToggle({ value, onChange, count }: { value: boolean; onChange: (next: boolean) => void; count: number }) {
  return (
    <button
      type="button"
      aria-pressed={value}
      data-slot="outlier-filter"
      onClick={() => onChange(!value)}
      className={cn(
        "tl:inline-flex tl:cursor-pointer tl:items-center tl:gap-1 tl:rounded-tl tl:border tl:px-2 tl:py-0.5 tl:text-xs",
        "tl:focus-visible:outline-2 tl:focus-visible:outline-offset-1 tl:focus-visible:outline-focus",
        value ? "tl:border-accent tl:bg-(color:--tl-selected-bg) tl:text-fg" : "tl:border-border tl:bg-bg tl:text-fg tl:hover:bg-bg-subtle",
      )}
    >
      Outliers only
      <span className="tl:tabular-nums tl:text-muted">{count.toLocaleString("en-US")}</span>
    </button>
  );
}
