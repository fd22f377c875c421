"use client";
import { createContext, useCallback, useContext } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import { findTraceOutliers, OUTLIER_METRICS, outlierColumnsJob } from "../../core/traceOutliers";
import { traceOutlierInput } from "../../core/traceOutliersInput";
import type { OutlierMetric, TraceOutlier, TraceOutlierInput, TraceOutlierOptions, TraceOutliers } from "../../core/traceOutliersTypes";
import { isPropertyBag, readNumber } from "../../core/eventsAccess";
import { traceErrorCount } from "../../core/traceRows";
import { llmTraceUsage } from "../../core/traceUsage";
import { cn } from "../ui/cn";
import type { SlicedJob } from "../ui/slicedJob";
import type { TableRows } from "../ui/tableRows";
import { useSlicedJob } from "../ui/useSlicedJob";
import { useTooltip } from "../ui/Tooltip";

/** The outliers of the rows a table holds; cells of the outlier column read them. */
export const TraceOutliersContext = createContext<TraceOutliers | null>(null);

const METRIC_WORD: Record<OutlierMetric, string> = { cost: "cost", latency: "latency", tokens: "tokens", errors: "errors", loops: "loops" };

/** Rows above this skip loop counting (it builds each row's tree); cost, latency, tokens and errors still count. */
export const OUTLIER_LOOP_ROW_LIMIT = 5_000;

const WORK_EVENTS = new Set(["$ai_generation", "$ai_span", "$ai_embedding"]);
const rowInputs = new WeakMap<LLMTrace, { loops: boolean; input: TraceOutlierInput }>();

/**
 * One row's figures. PostHog's totals are read straight off the row (no tree); only a row that could
 * hold a loop (two calls or more) is built into a tree to count loops, and those figures are remembered
 * per row object, so a new page only costs its own rows (beyond the loop limit nothing is remembered:
 * 100,000 entries would only slow the garbage collector down).
 */
function rowOutlierInput(trace: LLMTrace, loops: boolean): TraceOutlierInput {
  const cached = rowInputs.get(trace);
  if (cached && cached.loops === loops) return cached.input;
  const events = Array.isArray(trace.events) ? trace.events : [];
  let calls = 0;
  for (const event of events) if (isPropertyBag(event) && WORK_EVENTS.has(String(event.event))) calls++;
  let input: TraceOutlierInput;
  if (loops && calls >= 2) input = traceOutlierInput(trace, { loops: true });
  else {
    const usage = llmTraceUsage(trace);
    const { coverage } = usage;
    // As describeCost reads it: a 0 nobody reported (PostHog sums a missing cost as 0) is unknown.
    const costKnown = usage.totalCost !== null && (usage.totalCost > 0 || coverage.costReported > 0 || coverage.costFromTrace);
    const tokens = (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
    const tokensKnown = tokens > 0 || coverage.tokensReported > 0 || coverage.tokensFromTrace;
    const latency = readNumber(trace.totalLatency);
    input = {
      traceId: String(trace.id),
      cost: costKnown ? usage.totalCost : null,
      latency: latency !== null && latency >= 0 ? latency : null,
      tokens: tokensKnown ? tokens : null,
      errors: traceErrorCount(trace),
      loops: loops ? 0 : null,
    };
  }
  if (loops) rowInputs.set(trace, { loops, input });
  return input;
}

/**
 * Outlier traces among the rows by cost, latency, tokens, errors and loops (median and MAD, modified
 * z > 3.5, with a 95th-percentile fallback where the MAD is 0; see `findTraceOutliers`). TracesQuery
 * rows carry PostHog's totals, which are used; loops are counted over the events a row carries, up
 * to {@link OUTLIER_LOOP_ROW_LIMIT} rows. Yields every few hundred rows so a runner can slice it.
 * Never throws: a failure flags nothing.
 */
export function* tableTraceOutliersJob(rows: TableRows<LLMTrace>, options: TraceOutlierOptions = {}): SlicedJob<TraceOutliers> {
  try {
    const count = rows.count;
    const loops = count <= OUTLIER_LOOP_ROW_LIMIT;
    // One typed column per metric (NaN: unknown) rather than an object per row.
    const figures = Object.fromEntries(OUTLIER_METRICS.map((metric) => [metric, new Float64Array(count)])) as Record<OutlierMetric, Float64Array>;
    for (let i = 0; i < count; i++) {
      const input = rowOutlierInput(rows.rowAt(i), loops);
      for (const metric of OUTLIER_METRICS) figures[metric][i] = input[metric] ?? Number.NaN;
      if (i % 200 === 199) yield;
    }
    yield;
    return yield* outlierColumnsJob({ count, traceIdAt: (index) => String(rows.rowAt(index).id), valueAt: (metric, index) => figures[metric][index] }, options);
  } catch {
    return findTraceOutliers([], options);
  }
}

const NONE = findTraceOutliers([]);
const AFTER_PAINT = { afterPaint: true };

/**
 * {@link tableTraceOutliersJob}, recomputed when the rows change. Up to a few thousand rows it runs in
 * the render; beyond, in slices between frames that start once the rows are painted (100,000 rows are
 * seconds of reading and statistics, which must neither freeze the page nor delay its first paint),
 * reading rows by position, so lazy host rows are read once each. Until a result is ready nothing is flagged.
 */
export function useTableTraceOutliers(rows: TableRows<LLMTrace>, options?: TraceOutlierOptions): TraceOutliers {
  const { value } = useSlicedJob(() => tableTraceOutliersJob(rows, options), [rows, options], rows.count, AFTER_PAINT);
  return value ?? NONE;
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
