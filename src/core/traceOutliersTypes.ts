/**
 * Types of `findTraceOutliers`.
 */

/** What a trace can be an outlier in. */
export type OutlierMetric = "cost" | "latency" | "tokens" | "errors" | "loops";

/**
 * One trace's figures. `null`/missing means unknown: that trace is left out of that metric's
 * statistics (an unreported cost is not $0). Build one with `traceOutlierInput`.
 */
export interface TraceOutlierInput {
  traceId: string;
  /** USD. */
  cost?: number | null;
  /** Seconds. */
  latency?: number | null;
  /** Input plus output tokens. */
  tokens?: number | null;
  errors?: number | null;
  /** Loops found by `detectTraceLoops`. */
  loops?: number | null;
}

/** Why a trace was flagged in one metric. */
export interface OutlierReason {
  metric: OutlierMetric;
  value: number;
  median: number;
  /** The bound it passed: median ± z·MAD/0.6745 (`mad`) or the percentile (`percentile`). */
  threshold: number;
  direction: "high" | "low";
  /** `mad`: modified z-score; `percentile`: the fallback used when the MAD is 0. */
  method: "mad" | "percentile";
  /** The modified z-score (`mad` only). */
  score: number | null;
  /** One sentence for a tooltip. */
  text: string;
}

/** A flagged trace. */
export interface TraceOutlier {
  traceId: string;
  /** Position in the input list. */
  index: number;
  reasons: OutlierReason[];
  /** The reasons' sentences, one per line. */
  text: string;
}

/** How one metric was judged over the set. */
export interface OutlierMetricStats {
  metric: OutlierMetric;
  /** Traces with a known value. */
  count: number;
  median: number | null;
  mad: number | null;
  /** `too-few`: fewer than `minSamples` known values, nothing flagged. */
  method: "mad" | "percentile" | "too-few";
  /** Values above this are flagged (null: none can be). */
  high: number | null;
  /** Values below this are flagged (null unless `direction: "both"`). */
  low: number | null;
}

/** Result of `findTraceOutliers`. */
export interface TraceOutliers {
  /** Flagged traces, in input order. */
  outliers: TraceOutlier[];
  /** Flagged traces by id (the first, if an id repeats). */
  byTraceId: ReadonlyMap<string, TraceOutlier>;
  stats: Record<OutlierMetric, OutlierMetricStats>;
}

/** Options of `findTraceOutliers`. */
export interface TraceOutlierOptions {
  /** @default all five */
  metrics?: readonly OutlierMetric[];
  /** Flag only unusually high values, or low ones too. @default "high" */
  direction?: "high" | "both";
  /** Modified z-score cut-off. @default 3.5 (Iglewicz & Hoaglin) */
  zThreshold?: number;
  /** Percentile of the fallback when the MAD is 0 (low side: 1 − this). @default 0.95 */
  fallbackPercentile?: number;
  /** Known values a metric needs before anything is flagged. @default 5 */
  minSamples?: number;
  /** Locale for numbers in the sentences. */
  locale?: string;
}
