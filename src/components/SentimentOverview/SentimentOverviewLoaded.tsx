import { useMemo, type Ref } from "react";
import { isSentimentError } from "../../core/sentiment/guards";
import { useSentimentResults } from "../../hooks/useSentimentResults";
import type { SentimentItem } from "./sentimentOverviewDimensions";
import { lookupTimestamps, withLoadedSentiment } from "./sentimentOverviewItems";
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
}

/**
 * The overview of items that came without sentiment, once it is looked up through `useSentimentResults`
 * (one call for every id, the cache answering ids any table on the page already showed). The loaded
 * results are filled into the items when they arrive; a failed id counts as "without sentiment".
 */
export function SentimentOverviewLoaded({ view, ids, range, base }: LoadedProps) {
  const timestamps = useMemo(() => lookupTimestamps(base, ids), [base, ids]);
  const { data, pendingIds } = useSentimentResults({ ids, level: view.level, dateFrom: range?.dateFrom ?? null, dateTo: range?.dateTo ?? null, timestamps });
  const items = useMemo(() => {
    const entries = Object.entries(data);
    // Nothing loaded yet: the same items, so the view does not count them again.
    if (entries.length === 0) return base;
    return withLoadedSentiment(base, Object.fromEntries(entries.map(([id, entry]) => [id, isSentimentError(entry) ? null : entry])));
  }, [data, base]);
  return <SentimentOverviewView {...view} items={items} pending={pendingIds.length} />;
}
