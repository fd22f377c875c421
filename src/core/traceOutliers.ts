/**
 * Outlier traces in a loaded set, by cost, latency, tokens, error count and loop count.
 *
 * Method, per metric, over the traces whose value is known (unknown values are left out, never
 * read as 0):
 * 1. With fewer than `minSamples` (5) known values nothing is flagged.
 * 2. Median m and MAD = median(|x − m|). When MAD > 0, the modified z-score
 *    M = 0.6745 · (x − m) / MAD (Iglewicz & Hoaglin, 1993) flags x when M > 3.5 (and M < −3.5 with
 *    `direction: "both"`). The reported threshold is m + 3.5 · MAD / 0.6745.
 * 3. When MAD = 0 (at least half the set shares the median, typical for error and loop counts),
 *    z-scores are undefined; x is flagged when it is strictly above the 95th percentile (linear
 *    interpolation, type 7), or below the 5th with `direction: "both"`. This never flags more than
 *    about 5% of the set per side, and nothing when all values are equal.
 * The result does not depend on the order of the input.
 */
import { isPropertyBag, readNumber } from "./eventsAccess";
import { formatCost, formatLatency } from "./format";
import { numberFormat, withDefaultLocale } from "./intlFormatters";
import { modifiedZScore, MODIFIED_Z_SCALE, sortedMedian, sortedPercentile } from "./traceOutliersStats";
import type { OutlierMetric, OutlierMetricStats, OutlierReason, TraceOutlier, TraceOutlierInput, TraceOutlierOptions, TraceOutliers } from "./traceOutliersTypes";
import { finishJob } from "./jobSteps";

/** Every metric, in the order reasons are listed. */
export const OUTLIER_METRICS: readonly OutlierMetric[] = ["cost", "latency", "tokens", "errors", "loops"];

function known(value: unknown): number | null {
  const n = readNumber(value);
  return n !== null && n >= 0 ? n : null;
}

function decimal(n: number, digits: number, locale?: string): string {
  return withDefaultLocale(locale, (tag) => numberFormat(tag, { maximumFractionDigits: digits })).format(n);
}

function plural(n: number, one: string, many: string, digits: number, locale?: string): string {
  return `${decimal(n, digits, locale)} ${n === 1 ? one : many}`;
}

/** A metric's value in words: "$1.20", "42.10 s", "1,234 tokens", "3 errors", "2 loops". */
export function formatOutlierValue(metric: OutlierMetric, value: number, locale?: string): string {
  switch (metric) {
    case "cost":
      return formatCost(value, { locale });
    case "latency":
      return formatLatency(value, { locale });
    case "tokens":
      return plural(value, "token", "tokens", 0, locale);
    case "errors":
      return plural(value, "error", "errors", 1, locale);
    case "loops":
      return plural(value, "loop", "loops", 1, locale);
  }
}

function subject(metric: OutlierMetric, text: string): string {
  return metric === "cost" || metric === "latency" ? `${metric === "cost" ? "Cost" : "Latency"} ${text}` : `${metric === "tokens" ? "Token usage" : metric === "errors" ? "Error count" : "Loop count"} (${text})`;
}

function reasonText(r: Omit<OutlierReason, "text">, percentile: number, locale?: string): string {
  const f = (v: number) => formatOutlierValue(r.metric, v, locale);
  const dir = r.direction === "high" ? "high" : "low";
  const side = r.direction === "high" ? "above" : "below";
  if (r.method === "mad") {
    const score = decimal(r.score ?? 0, 1, locale);
    return `${subject(r.metric, f(r.value))} is unusually ${dir}: the median is ${f(r.median)} and outliers start ${side} ${f(r.threshold)} (modified z-score ${score}).`;
  }
  const rank = Math.round((r.direction === "high" ? percentile : 1 - percentile) * 100);
  return `${subject(r.metric, f(r.value))} is unusually ${dir}: most traces have ${f(r.median)}, and this is ${side} the ${rank}th percentile (${f(r.threshold)}).`;
}

function option(value: unknown, fallback: number, ok: (n: number) => boolean): number {
  return typeof value === "number" && Number.isFinite(value) && ok(value) ? value : fallback;
}

/** Items handled between two yields of {@link traceOutliersJob}. */
const CHUNK = 4096;
/** Flagged traces described (each reason is formatted text) between two yields. */
const REASON_CHUNK = 256;

/**
 * Flags outlier traces; see the module comment for the exact method. Input order does not
 * matter; malformed figures count as unknown. O(n log n) per metric.
 */
export function findTraceOutliers(inputs: readonly TraceOutlierInput[], options: TraceOutlierOptions = {}): TraceOutliers {
  return finishJob(traceOutliersJob(inputs, options));
}

/**
 * Figures read by position, for callers that hold many traces and would rather not build an object per
 * trace: `valueAt` answers a metric's raw value (read as {@link findTraceOutliers} reads an input's).
 */
export interface OutlierColumns {
  count: number;
  traceIdAt(index: number): string;
  valueAt(metric: OutlierMetric, index: number): unknown;
}

/**
 * {@link findTraceOutliers} as a job that yields every few thousand values (and every few hundred
 * flagged traces), so a page can spread 100,000 traces over several tasks; the result is the same.
 */
export function traceOutliersJob(inputs: readonly TraceOutlierInput[], options: TraceOutlierOptions = {}): Generator<void, TraceOutliers, void> {
  const list = Array.isArray(inputs) ? inputs : [];
  return outlierColumnsJob(
    {
      count: list.length,
      traceIdAt: (index) => String((list[index] as TraceOutlierInput).traceId ?? ""),
      valueAt: (metric, index) => {
        const input = list[index];
        return isPropertyBag(input) ? input[metric] : null;
      },
    },
    options,
  );
}

/** {@link traceOutliersJob} over figures read by position. */
export function* outlierColumnsJob(columns: OutlierColumns, options: TraceOutlierOptions = {}): Generator<void, TraceOutliers, void> {
  const z = option(options.zThreshold, 3.5, (n) => n > 0);
  const percentile = option(options.fallbackPercentile, 0.95, (n) => n >= 0.5 && n < 1);
  const minSamples = Math.max(1, Math.floor(option(options.minSamples, 5, (n) => n >= 1)));
  const both = options.direction === "both";
  const metrics = options.metrics ?? OUTLIER_METRICS;
  const count = columns.count;
  const reasons = new Map<number, OutlierReason[]>();
  const stats = {} as Record<OutlierMetric, OutlierMetricStats>;

  for (const metric of OUTLIER_METRICS) {
    // Typed and sized once: 100,000 traces leave no per-value garbage behind.
    const indexes = new Int32Array(metrics.includes(metric) ? count : 0);
    const values = new Float64Array(indexes.length);
    let size = 0;
    for (let index = 0; index < indexes.length; index++) {
      const value = known(columns.valueAt(metric, index));
      if (value !== null) {
        indexes[size] = index;
        values[size++] = value;
      }
      if (index % CHUNK === CHUNK - 1) yield;
    }
    const entry: OutlierMetricStats = { metric, count: size, median: null, mad: null, method: "too-few", high: null, low: null };
    stats[metric] = entry;
    if (size === 0) continue;
    const sorted = values.slice(0, size).sort();
    const median = sortedMedian(sorted);
    yield;
    const deviations = new Float64Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) deviations[i] = Math.abs(sorted[i]! - median);
    const mad = sortedMedian(deviations.sort());
    yield;
    entry.median = median;
    entry.mad = mad;
    if (size < minSamples) continue;
    entry.method = mad > 0 ? "mad" : "percentile";
    entry.high = mad > 0 ? median + (z * mad) / MODIFIED_Z_SCALE : sortedPercentile(sorted, percentile);
    if (both) entry.low = mad > 0 ? median - (z * mad) / MODIFIED_Z_SCALE : sortedPercentile(sorted, 1 - percentile);
    let described = 0;
    for (let k = 0; k < size; k++) {
      if (k % CHUNK === CHUNK - 1) yield;
      const value = values[k]!;
      const index = indexes[k]!;
      const score = mad > 0 ? modifiedZScore(value, median, mad) : null;
      const high = score !== null ? score > z : value > (entry.high as number);
      const low = both && (score !== null ? score < -z : value < (entry.low as number));
      if (!high && !low) continue;
      const direction = high ? "high" : "low";
      const base = { metric, value, median, threshold: (high ? entry.high : entry.low) as number, direction, method: entry.method, score } as const;
      const reason: OutlierReason = { ...base, text: reasonText(base, percentile, options.locale) };
      const existing = reasons.get(index);
      if (existing) existing.push(reason);
      else reasons.set(index, [reason]);
      if (++described % REASON_CHUNK === 0) yield;
    }
  }

  const outliers: TraceOutlier[] = [...reasons.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, list_]) => ({ traceId: columns.traceIdAt(index), index, reasons: list_, text: list_.map((r) => r.text).join("\n") }));
  const byTraceId = new Map<string, TraceOutlier>();
  for (const outlier of outliers) if (!byTraceId.has(outlier.traceId)) byTraceId.set(outlier.traceId, outlier);
  return { outliers, byTraceId, stats };
}
