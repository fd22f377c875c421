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
  /** Each row's time (`createdAt`), so PostHog is asked in a window that holds it. */
  timestamps?: Readonly<Record<string, string | number | null | undefined>>;
  children: (labels: SentimentLabels, pending: number) => ReactNode;
}

/**
 * Sentiment for rows that are not on screen, for the sentiment filter: the same batched, cached lookups
 * the cells make (so a row already shown costs nothing), asked for only while a filter is on.
 */
export function SentimentLookups({ ids, level = "trace", source, timestamps, children }: SentimentLookupsProps) {
  const { byId } = useSentiments(
    { ids, level, dateFrom: source.dateFrom ?? null, dateTo: source.dateTo ?? null, timestamps },
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

const times = new WeakMap<readonly unknown[], Record<string, string>>();

/** Each row's `createdAt` by id (computed once per rows array). */
export function rowTimes(rows: readonly { id: string; createdAt?: unknown }[]): Record<string, string> {
  let map = times.get(rows);
  if (!map) {
    map = {};
    for (const row of rows) if (row && typeof row.createdAt === "string") map[row.id] = row.createdAt;
    times.set(rows, map);
  }
  return map;
}
