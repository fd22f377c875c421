import type { LLMTrace } from "../../core/eventsTrace";
import type { SentimentLabel } from "../../core/sentiment/types";
import type { TracesTableColumn } from "./tracesTableColumns";
import { inlineTraceSentiment, sentimentLabelOf, traceSearchText } from "../../core/traceRows";

/** Known sentiment labels by trace id (`null`: known to have none), beyond what traces carry inline. */
export type SentimentLabels = ReadonlyMap<string, SentimentLabel | null>;

/** The label a row is filtered by: inline sentiment first, then what was loaded; `undefined` while unknown. */
export function rowSentimentLabel(trace: LLMTrace, loaded: SentimentLabels | undefined): SentimentLabel | null | undefined {
  const inline = inlineTraceSentiment(trace);
  if (inline !== undefined) return sentimentLabelOf(inline);
  return loaded?.has(trace.id) ? loaded.get(trace.id)! : undefined;
}

export interface TraceFilter {
  /** Case-insensitive text; empty means no text filter. */
  search: string;
  /** Labels to keep; empty means no sentiment filter. */
  sentiment: readonly SentimentLabel[];
  /** Columns whose `searchText` also counts. */
  columns: readonly TracesTableColumn[];
  sentimentLabels?: SentimentLabels;
}

export function isFiltering(filter: Pick<TraceFilter, "search" | "sentiment">): boolean {
  return filter.search.trim() !== "" || filter.sentiment.length > 0;
}

/**
 * The row test for a filter: the search (id, name, person, previews, tools, models and any column's
 * `searchText`) and the sentiment labels. Rows whose sentiment is still unknown fail a sentiment filter.
 * `null` when nothing filters.
 */
export function tracePredicate(filter: TraceFilter): ((trace: LLMTrace) => boolean) | null {
  const needle = filter.search.trim().toLowerCase();
  const labels = filter.sentiment.length ? new Set(filter.sentiment) : null;
  if (!needle && !labels) return null;
  const extra = filter.columns.filter((c) => c.searchText);
  return (trace) => {
    if (labels) {
      const label = rowSentimentLabel(trace, filter.sentimentLabels);
      if (!label || !labels.has(label)) return false;
    }
    if (!needle) return true;
    if (traceSearchText(trace).includes(needle)) return true;
    return extra.some((column) => {
      try {
        return (column.searchText!(trace) ?? "").toLowerCase().includes(needle);
      } catch {
        return false;
      }
    });
  };
}

/** Most ids the sentiment filter looks up at once; beyond it, rows without sentiment stay out. */
export const SENTIMENT_FILTER_LOOKUP_LIMIT = 1000;

/** Ids whose sentiment the filter still needs, capped. */
export function idsNeedingSentiment(traces: readonly LLMTrace[], limit = SENTIMENT_FILTER_LOOKUP_LIMIT): string[] {
  const ids: string[] = [];
  for (const trace of traces) {
    if (ids.length >= limit) break;
    if (inlineTraceSentiment(trace) === undefined) ids.push(trace.id);
  }
  return ids;
}
