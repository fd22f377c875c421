/**
 * What TraceBreakdown shows, computed once per input: the core breakdown (never thrown out of a
 * render: a failure becomes an error state) and the words of each cell.
 */
import { formatCount, formatLatency, FORMAT_PLACEHOLDER } from "../../core/format";
import { tracesBreakdown } from "../../core/traceBreakdown";
import type { BreakdownDimension, BreakdownFigures, BreakdownRow, BreakdownShares, TraceBreakdown, TraceBreakdownOptions } from "../../core/traceBreakdownTypes";
import type { TraceInsightInput } from "../../core/traceInsightInput";
import { describeCost, describeTokens } from "../../core/traceUsage";

export type BreakdownSortBy = NonNullable<TraceBreakdownOptions["sortBy"]>;

/** The dimensions in switcher order, with their button and column labels. */
export const BREAKDOWN_DIMENSIONS: ReadonlyArray<{ dimension: BreakdownDimension; label: string; column: string; empty: string }> = [
  { dimension: "tool", label: "Tools", column: "Tool", empty: "No tool calls" },
  { dimension: "model", label: "Models", column: "Model", empty: "No generations or embeddings" },
  { dimension: "span", label: "Span names", column: "Span", empty: "No spans" },
];

/** Sortable columns: key, header, and what their share means. */
export const BREAKDOWN_COLUMNS: ReadonlyArray<{ sortBy: BreakdownSortBy; label: string; shareOf: string }> = [
  { sortBy: "count", label: "Calls", shareOf: "calls" },
  { sortBy: "cost", label: "Cost", shareOf: "cost" },
  { sortBy: "tokens", label: "Tokens", shareOf: "tokens" },
  { sortBy: "latency", label: "Latency", shareOf: "wall clock" },
  { sortBy: "selfTime", label: "Self time", shareOf: "self time" },
];

export type BreakdownResult = { breakdown: TraceBreakdown; error: null } | { breakdown: null; error: unknown };

/** The breakdown of `traces`, or the error computing it raised (a bug or a hostile getter; shown, not thrown). */
export function computeBreakdown(traces: readonly TraceInsightInput[], dimension: BreakdownDimension, sortBy: BreakdownSortBy): BreakdownResult {
  try {
    return { breakdown: tracesBreakdown(traces, dimension, { sortBy }), error: null };
  } catch (error) {
    return { breakdown: null, error };
  }
}

/** A share as "42%" ("< 1%" for a sliver, so it never reads as nothing), or the placeholder. */
export function formatShare(share: number | null, locale?: string): string {
  if (share === null || !Number.isFinite(share)) return FORMAT_PLACEHOLDER;
  if (share > 0 && share < 0.01) return "< 1%";
  try {
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
  } catch {
    return `${Math.round(share * 100)}%`;
  }
}

/** The share the Share column shows under the current sort: of what the table is ordered by. */
export function shareFor(figures: BreakdownFigures & { share: BreakdownShares }, whole: BreakdownFigures, sortBy: BreakdownSortBy): number | null {
  switch (sortBy) {
    case "cost":
      return figures.share.cost;
    case "tokens":
      return figures.share.tokens;
    case "selfTime":
      return figures.share.selfTime;
    case "latency":
    case "wallTime":
      return figures.share.wallTime;
    case "count":
      return whole.count > 0 ? Math.min(1, figures.count / whole.count) : null;
  }
}

/** One row's cells in words; notes (partial cost or tokens) go in tooltips and screen-reader text. */
export interface BreakdownCells {
  count: string;
  cost: { text: string; note: string };
  tokens: { text: string; note: string };
  latency: string;
  wallTime: string;
  selfTime: string;
  errors: string;
}

export function breakdownCells(figures: BreakdownFigures, locale?: string): BreakdownCells {
  const cost = describeCost(figures.cost, figures.coverage, locale);
  const tokens = describeTokens(figures.inputTokens, figures.outputTokens, figures.coverage, locale);
  return {
    count: formatCount(figures.count, { locale }),
    cost: { text: cost.text, note: cost.note },
    tokens: {
      text: figures.totalTokens === null ? FORMAT_PLACEHOLDER : `${tokens.status === "partial" ? "≥ " : ""}${formatCount(figures.totalTokens, { locale })}`,
      // The cell shows the total; input → output and what went unreported go in the note.
      note: tokens.status === "unknown" ? tokens.note : [`Input → output: ${tokens.text.replace(/^≥ /, "")}`, tokens.note].filter(Boolean).join(". "),
    },
    latency: formatLatency(figures.latency, { locale }),
    wallTime: formatLatency(figures.wallTime, { locale }),
    selfTime: formatLatency(figures.selfTime, { locale }),
    errors: figures.errorCount > 0 ? `${formatCount(figures.errorCount, { locale })} ${figures.errorCount === 1 ? "error" : "errors"}` : "",
  };
}

/** Rows shown before "Show all": a hostile set with thousands of distinct names stays responsive. */
export const BREAKDOWN_ROW_LIMIT = 100;

/** A stable React key for a row (labels can repeat: a `null` model and a model named "(no model)"). */
export function rowKey(row: BreakdownRow, index: number): string {
  return row.key === null ? `null:${index}` : `key:${row.key}`;
}
