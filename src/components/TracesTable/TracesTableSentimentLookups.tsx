import { useMemo, type ReactNode } from "react";
import type { SentimentLabel } from "../../core/sentiment/types";
import type { SentimentLevel } from "../../hooks/keys";
import { useSentiments } from "../../hooks/useSentiments";
import type { LazySentimentSource } from "../ui/tableCellContext";
import { sentimentLabelOf } from "./tracesTableModel";
import type { SentimentLabels } from "./tracesTableFilter";

interface SentimentLookupsProps {
  ids: readonly string[];
  level?: SentimentLevel;
  source: LazySentimentSource;
  children: (labels: SentimentLabels, pending: number) => ReactNode;
}

/**
 * Sentiment for rows that are not on screen, for the sentiment filter: the same batched, cached lookups
 * the cells make (so a row already shown costs nothing), asked for only while a filter is on.
 */
export function SentimentLookups({ ids, level = "trace", source, children }: SentimentLookupsProps) {
  const { byId } = useSentiments(
    { ids, level, dateFrom: source.dateFrom ?? null, dateTo: source.dateTo ?? null },
    { client: source.client, queryClient: source.queryClient },
  );
  let pending = 0;
  const entries: Array<[string, SentimentLabel | null]> = [];
  for (const id of ids) {
    const result = byId[id];
    if (!result || result.isPending) pending++;
    else entries.push([id, result.isError ? null : sentimentLabelOf(result.data)]);
  }
  // Keyed on content, so the (possibly 100,000-row) filter reruns only when a label actually arrives.
  const signature = entries.map(([id, label]) => `${id}=${label ?? ""}`).join("|");
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const labels = useMemo<SentimentLabels>(() => new Map(entries), [signature]);
  return <>{children(labels, pending)}</>;
}

/** Both data paths: lookups only when sentiment can be loaded; without a source nothing is pending. */
export function WithSentimentLabels({ source, ...rest }: Omit<SentimentLookupsProps, "source" | "children"> & {
  source: LazySentimentSource | null;
  children: (labels: SentimentLabels | undefined, pending: number) => ReactNode;
}) {
  return source ? <SentimentLookups {...rest} source={source} /> : rest.children(undefined, 0);
}
