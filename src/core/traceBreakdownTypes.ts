/**
 * Types of `traceBreakdown` / `tracesBreakdown`: where a trace's (or a set's) dollars, tokens and
 * seconds go, per tool, per model or per span name.
 */
import type { TraceEventRef } from "./traceInsightInput";
import type { UsageCoverage } from "./traceUsage";

/**
 * What the rows are:
 * - `tool`: tool spans (see `traceToolCalls`), one row per tool name;
 * - `model`: generations and embeddings, one row per `$ai_model` (`key: null` for none);
 * - `span`: `$ai_span` nodes, one row per display name.
 */
export type BreakdownDimension = "tool" | "model" | "span";

/** An occurrence picked out of a row (slowest, most expensive), with the figure that picked it. */
export interface BreakdownOccurrence extends TraceEventRef {
  /** Seconds (`slowest`: the node's own `$ai_latency`) or USD (`mostExpensive`: its subtree's known cost). */
  value: number;
}

/**
 * Figures of a row, of the rest, or of the whole. Costs and tokens stay `null` when no event in
 * scope reported them (never summed into 0); `coverage` says how many did, for `describeCost` /
 * `describeTokens`.
 */
export interface BreakdownFigures {
  /** Nodes in the row (rest: nodes in no row, root and evaluations excluded; whole: all such nodes). */
  count: number;
  /** Errored nodes among them. */
  errorCount: number;
  /**
   * USD reported by the generations/embeddings this row holds. A usage event belongs to the row of
   * its nearest ancestor-or-self node in a row, so nested rows never count the same dollar twice
   * and rows plus rest add up to the whole.
   */
  cost: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  totalTokens: number | null;
  /** Usage events held and how many reported a cost / tokens (names of up to 10 that did not). */
  coverage: UsageCoverage;
  /**
   * Seconds: sum of `$ai_latency` over the row's outermost timed occurrences (one nested in a
   * timed occurrence of the same row is inside its time already). Parallel calls each count, so this can
   * exceed the wall clock. `null` when no occurrence was timed. Whole: the sum of the traces'
   * `totalLatency`. Rest: `null`.
   */
  latency: number | null;
  /**
   * Seconds of wall clock during which at least one occurrence ran (union of intervals, clipped to
   * the trace), summed over traces; never more than the whole's. `null` when untimed. Rest: `null`.
   */
  wallTime: number | null;
  /**
   * Seconds: sum of the nodes' own `metrics.selfTime` (latency not covered by children; the root's
   * is the wall-clock time no child covers), exactly as the tree defines it. Rows, rest and whole
   * use the same nodes, so rows plus rest equal the whole. `null` when no node was timed.
   */
  selfTime: number | null;
}

/** Each figure as a fraction (0–1) of the whole; `null` where either side is unknown or the whole is 0. */
export interface BreakdownShares {
  /** Of the known cost. Rows plus rest sum to 1 when every usage event reported a cost. */
  cost: number | null;
  /** Of the known total tokens. */
  tokens: number | null;
  /** Of the whole self time; rows plus rest sum to 1. */
  selfTime: number | null;
  /** Of the traces' wall clock; rows may overlap, so these do not sum to 1. */
  wallTime: number | null;
}

/** One row: a tool name, a model or a span name. */
export interface BreakdownRow extends BreakdownFigures {
  dimension: BreakdownDimension;
  /** The tool name, model or span name; `null` for generations without `$ai_model`. */
  key: string | null;
  /** What to show: the key, or "(no model)". */
  label: string;
  share: BreakdownShares;
  /** `model` rows: the first `$ai_provider` seen; otherwise `null`. */
  provider: string | null;
  /** `tool` rows: calls of this tool that generations requested in their output (spans or not). */
  requestedCalls: number;
  /** Traces the row occurs in. */
  traceCount: number;
  /** Occurrence with the longest own `$ai_latency`; `null` when none was timed. */
  slowest: BreakdownOccurrence | null;
  /** Occurrence whose subtree reported the highest cost; `null` when none reported one. */
  mostExpensive: BreakdownOccurrence | null;
}

/** Result of `traceBreakdown` / `tracesBreakdown`. */
export interface TraceBreakdown {
  dimension: BreakdownDimension;
  /** Sorted by the `sortBy` option (default: cost, unknown last; then wall time, count, label). */
  rows: BreakdownRow[];
  /** Everything no row holds: usage outside any tool/span, self time of other nodes and the root. */
  rest: BreakdownFigures & { share: BreakdownShares };
  /** The whole the shares are taken of. */
  total: BreakdownFigures;
  traceCount: number;
}

/** Options of `traceBreakdown` / `tracesBreakdown`. */
export interface TraceBreakdownOptions {
  /** Row order. @default "cost" */
  sortBy?: "cost" | "tokens" | "selfTime" | "wallTime" | "latency" | "count";
}
