import { useMemo, type Ref } from "react";
import type { LLMTrace, LLMTraceEvent } from "../../core/eventsTrace";
import { isSentimentError } from "../../core/sentiment/guards";
import { useSentimentResults } from "../../hooks/useSentimentResults";
import type { SentimentItem } from "./sentimentOverviewDimensions";
import { sentimentItems, type SentimentById } from "./sentimentOverviewItems";
import { SentimentOverviewView, type SentimentOverviewViewProps } from "./SentimentOverviewView";

/** The query's dates, which bound the lookups as they bound the traces. */
export interface SentimentRangeHint {
  dateFrom: string | null;
  dateTo: string | null;
}

interface LoadedProps {
  view: Omit<SentimentOverviewViewProps, "items" | "pending"> & { ref: Ref<HTMLElement> };
  /** Items that came without sentiment, whose sentiment is looked up. */
  ids: readonly string[];
  range?: SentimentRangeHint;
  /** The items as the host gave them (each one's time goes with its lookup). */
  base: readonly SentimentItem[];
  source: {
    level: "trace" | "generation";
    traces: readonly LLMTrace[] | undefined;
    generations: readonly LLMTraceEvent[] | undefined;
    sentiments: SentimentById | undefined;
  };
}

/**
 * The overview of items that came without sentiment, once it is looked up through `useSentimentResults`
 * (one call for every id, the cache answering ids any table on the page already showed). Items are
 * rebuilt only when a result arrives; a failed id counts as "without sentiment".
 */
export function SentimentOverviewLoaded({ view, ids, range, base, source }: LoadedProps) {
  const timestamps = useMemo(() => Object.fromEntries(base.map((item) => [item.id, item.time])), [base]);
  const { data, pendingIds } = useSentimentResults({ ids, level: source.level, dateFrom: range?.dateFrom ?? null, dateTo: range?.dateTo ?? null, timestamps });
  const { level, traces, generations, sentiments } = source;
  const items = useMemo(() => {
    const loaded: Record<string, SentimentById[string]> = {};
    for (const [id, entry] of Object.entries(data)) loaded[id] = isSentimentError(entry) ? null : entry;
    return sentimentItems(level, traces, generations, sentiments, loaded);
  }, [data, level, traces, generations, sentiments]);
  return <SentimentOverviewView {...view} items={items} pending={pendingIds.length} />;
}
