import { useMemo, type ReactNode } from "react";
import { isSentimentError } from "../../core/sentiment/guards";
import type { SentimentLabel } from "../../core/sentiment/types";
import { sentimentLabelOf } from "../../core/traceRows";
import { useSentimentResults } from "../../hooks/useSentimentResults";
import type { CellSentimentRange } from "../cells/cellContext";
import type { SentimentLabels } from "./tracesTableFilter";

interface LabelsProps {
  /** The table's rows, for each one's time (`createdAt`), so PostHog is asked in a window that holds it. */
  rows: readonly { id: string; createdAt?: unknown }[];
  /** Ids whose label the sentiment filter still needs. */
  ids: readonly string[];
  /** `null`: nothing is loaded, and no label is pending. */
  range: CellSentimentRange | null;
  children: (labels: SentimentLabels | undefined, pending: number) => ReactNode;
}

const times = new WeakMap<readonly unknown[], Record<string, string>>();

/** Each row's `createdAt` by id (computed once per rows array). */
function rowTimes(rows: readonly { id: string; createdAt?: unknown }[]): Record<string, string> {
  let map = times.get(rows);
  if (!map) {
    map = {};
    for (const row of rows) if (row && typeof row.createdAt === "string") map[row.id] = row.createdAt;
    times.set(rows, map);
  }
  return map;
}

/**
 * Sentiment labels of rows that are not on screen, for the sentiment filter: the same lookups the cells
 * make (so a row already shown costs nothing), asked for only while a filter is on. A failed id has no
 * label, as one without user messages.
 */
function LoadedLabels({ rows, ids, range, children }: LabelsProps & { range: CellSentimentRange }) {
  const { data, pendingIds } = useSentimentResults({ ids, dateFrom: range.dateFrom ?? null, dateTo: range.dateTo ?? null, timestamps: rowTimes(rows) });
  // `data` and `pendingIds` stay the same objects until a result arrives, so the (possibly 100,000-row)
  // filter reruns only then.
  const labels = useMemo<SentimentLabels>(() => {
    const pending = new Set(pendingIds);
    const known = new Map<string, SentimentLabel | null>();
    for (const id of ids) {
      if (pending.has(id)) continue;
      const entry = data[id];
      known.set(id, isSentimentError(entry) ? null : sentimentLabelOf(entry));
    }
    return known;
  }, [ids, data, pendingIds]);
  return <>{children(labels, pendingIds.length)}</>;
}

/** Both data paths: lookups only when the table loads sentiment; otherwise nothing is pending. */
export function TracesTableSentimentLabels({ range, ...rest }: LabelsProps) {
  return range ? <LoadedLabels {...rest} range={range} /> : <>{rest.children(undefined, 0)}</>;
}
