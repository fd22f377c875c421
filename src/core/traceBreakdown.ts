/**
 * Where each dollar and second goes: cost, tokens, latency and self time per tool, per model and
 * per span name, for one trace or a set, with each row's share of the whole and its slowest and
 * most expensive occurrence.
 *
 * Rules (see `BreakdownFigures` for each figure):
 * - Unknown stays unknown: a row whose usage events reported no cost has `cost: null`, never 0;
 *   a partly reported row is a lower bound (`coverage` says how many reported).
 * - No part exceeds its whole: cost and tokens are attributed to one row each (nearest enclosing),
 *   self time is per node, wall time is a union clipped to the trace.
 * - The whole is what the events reported. A cost set only on the `$ai_trace` event (an SDK
 *   aggregate) cannot be attributed to rows and is not part of it.
 */
import { accumulateTree, newFigures, type BreakdownState, type FiguresAcc, type RowAcc } from "./traceBreakdownAccumulate";
import type { BreakdownDimension, BreakdownFigures, BreakdownRow, BreakdownShares, TraceBreakdown, TraceBreakdownOptions } from "./traceBreakdownTypes";
import { asTraceTree, type TraceInsightInput } from "./traceInsightInput";
import type { UsageCoverage } from "./traceUsage";

function coverageOf(acc: FiguresAcc): UsageCoverage {
  return {
    usageEvents: acc.usageEvents,
    costReported: acc.costReported,
    tokensReported: acc.tokensReported,
    costFromTrace: false,
    tokensFromTrace: false,
    costMissingNames: [...acc.costMissing],
    tokensMissingNames: [...acc.tokensMissing],
  };
}

function figuresOf(acc: FiguresAcc): BreakdownFigures {
  const tokens = acc.tokensReported > 0;
  return {
    count: acc.count,
    errorCount: acc.errorCount,
    cost: acc.costReported > 0 ? acc.cost : null,
    inputTokens: tokens ? acc.inputTokens : null,
    outputTokens: tokens ? acc.outputTokens : null,
    totalTokens: tokens ? acc.inputTokens + acc.outputTokens : null,
    coverage: coverageOf(acc),
    latency: acc.latencyTimed ? acc.latency : null,
    wallTime: acc.wallTimed ? acc.wallSeconds : null,
    selfTime: acc.selfTimed ? acc.selfTime : null,
  };
}

function share(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || !(whole > 0)) return null;
  return Math.min(1, Math.max(0, part / whole));
}

function sharesOf(part: BreakdownFigures, whole: BreakdownFigures): BreakdownShares {
  return {
    cost: share(part.cost, whole.cost),
    tokens: share(part.totalTokens, whole.totalTokens),
    selfTime: share(part.selfTime, whole.selfTime),
    wallTime: share(part.wallTime, whole.wallTime),
  };
}

type SortKey = NonNullable<TraceBreakdownOptions["sortBy"]>;

function sortValue(row: BreakdownRow, by: SortKey): number | null {
  switch (by) {
    case "cost":
      return row.cost;
    case "tokens":
      return row.totalTokens;
    case "selfTime":
      return row.selfTime;
    case "wallTime":
      return row.wallTime;
    case "latency":
      return row.latency;
    case "count":
      return row.count;
  }
}

function compareRows(by: SortKey) {
  return (a: BreakdownRow, b: BreakdownRow): number => {
    for (const key of [by, "wallTime", "count"] as const) {
      const x = sortValue(a, key);
      const y = sortValue(b, key);
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return y - x;
      }
    }
    if (a.label !== b.label) return a.label < b.label ? -1 : 1;
    return 0;
  };
}

function rowOut(dimension: BreakdownDimension, acc: RowAcc, whole: BreakdownFigures): BreakdownRow {
  const figures = figuresOf(acc);
  return {
    ...figures,
    dimension,
    key: acc.key,
    label: acc.key ?? (dimension === "model" ? "(no model)" : "(unnamed)"),
    share: sharesOf(figures, whole),
    provider: acc.provider,
    requestedCalls: acc.requestedCalls,
    traceCount: acc.traceCount,
    slowest: acc.slowest,
    mostExpensive: acc.mostExpensive,
  };
}

/**
 * The breakdown of a set of traces along one dimension (tool, model or span name): rows summed
 * over every trace, shares of the set's whole, slowest and most expensive occurrence across the
 * set (each with its trace id). Accepts built trees, `LLMTrace`s (TraceQuery results; a
 * TracesQuery row only lists top-level events, so its figures would be partial) or event lists.
 * O(total nodes); never throws on malformed input.
 */
export function tracesBreakdown(traces: Iterable<TraceInsightInput>, dimension: BreakdownDimension, options: TraceBreakdownOptions = {}): TraceBreakdown {
  const state: BreakdownState = { dimension, rows: new Map(), rest: newFigures(), total: newFigures(), traceCount: 0 };
  for (const trace of traces) accumulateTree(state, asTraceTree(trace));
  const total = figuresOf(state.total);
  const restFigures = figuresOf(state.rest);
  const rows = [...state.rows.values()].map((acc) => rowOut(dimension, acc, total));
  rows.sort(compareRows(options.sortBy ?? "cost"));
  return {
    dimension,
    rows,
    rest: { ...restFigures, latency: null, wallTime: null, share: sharesOf({ ...restFigures, wallTime: null }, total) },
    total,
    traceCount: state.traceCount,
  };
}

/** The breakdown of one trace along one dimension; see {@link tracesBreakdown}. */
export function traceBreakdown(trace: TraceInsightInput, dimension: BreakdownDimension, options: TraceBreakdownOptions = {}): TraceBreakdown {
  return tracesBreakdown([trace], dimension, options);
}
