import { useMemo, type ReactNode } from "react";
import type { SentimentResult } from "../../core/sentiment/types";
import { useSentiments } from "../../hooks/useSentiments";
import type { LazySentimentSource } from "../TracesTable/tracesTableContext";
import type { SentimentById } from "./sentimentOverviewItems";

interface LoaderProps {
  ids: readonly string[];
  level: "trace" | "generation";
  source: LazySentimentSource;
  /** Each item's time, so PostHog is asked in a window that holds it. */
  timestamps?: Readonly<Record<string, number | null>>;
  children: (loaded: SentimentById, pending: number) => ReactNode;
}

/**
 * Sentiment for items that came without it, through `useSentiments`: the shared loader batches the ids
 * (5 per request, 2 in flight) and the cache answers ids any table on the page already showed.
 */
export function SentimentResultsLoader({ ids, level, source, timestamps, children }: LoaderProps) {
  const { byId } = useSentiments(
    { ids, level, dateFrom: source.dateFrom ?? null, dateTo: source.dateTo ?? null, timestamps },
    { client: source.client, queryClient: source.queryClient },
  );
  let pending = 0;
  const entries: Array<[string, SentimentResult | null]> = [];
  for (const id of ids) {
    const result = byId[id];
    if (!result || result.isPending) pending++;
    else entries.push([id, result.isError ? null : ((result.data as SentimentResult | undefined) ?? null)]);
  }
  // Results are cached objects, so their identities make a cheap key for "did anything arrive".
  const key = entries.map(([id, value]) => (value ? id : `${id}!`)).join("|");
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const loaded = useMemo<SentimentById>(() => Object.fromEntries(entries), [key]);
  return <>{children(loaded, pending)}</>;
}
