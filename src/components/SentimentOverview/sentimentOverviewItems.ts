import type { LLMTrace, LLMTraceEvent } from "../../core/eventsTrace";
import type { SentimentResult } from "../../core/sentiment/types";
import { generationRows, generationTimeMs, inlineGenerationSentiment } from "../../core/generationRows";
import { inlineTraceSentiment, normalizeTraces, traceTimeMs } from "../../core/traceRows";
import type { SentimentItem } from "./sentimentOverviewDimensions";

/** Host-supplied or loaded results by id; `null` means known to have none. */
export type SentimentById = Readonly<Record<string, SentimentResult | null | undefined>>;

/**
 * Items to aggregate. Sentiment per item: the host's `sentiments` map first, then what the item carries
 * inline, then what was loaded. Items still without any are counted as "without sentiment".
 */
export function sentimentItems(
  level: "trace" | "generation",
  traces: readonly LLMTrace[] | undefined,
  generations: readonly LLMTraceEvent[] | undefined,
  given: SentimentById | undefined,
  loaded: SentimentById | undefined,
): SentimentItem[] {
  const pick = (id: string, inline: SentimentResult | null | undefined): SentimentResult | null =>
    given?.[id] ?? inline ?? loaded?.[id] ?? null;
  if (level === "trace") {
    return normalizeTraces(traces ?? []).map((trace) => ({
      id: trace.id,
      level,
      time: traceTimeMs(trace) ?? null,
      trace,
      event: null,
      sentiment: pick(trace.id, inlineTraceSentiment(trace)),
    }));
  }
  return generationRows(generations, traces).map((row) => ({
    // The event id, which is what the sentiment endpoint knows (row ids may carry a de-duplication suffix).
    id: typeof row.event.id === "string" && row.event.id ? row.event.id : row.rowId,
    level,
    time: generationTimeMs(row) ?? null,
    trace: row.trace,
    event: row.event,
    sentiment: pick(typeof row.event.id === "string" && row.event.id ? row.event.id : row.rowId, inlineGenerationSentiment(row)),
  }));
}

/** Ids that have no sentiment from the host or inline, capped, for lazy loading. */
export function idsWithoutSentiment(items: readonly SentimentItem[], limit: number): string[] {
  const ids: string[] = [];
  for (const item of items) {
    if (ids.length >= limit) break;
    if (!item.sentiment) ids.push(item.id);
  }
  return ids;
}
