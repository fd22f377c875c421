import { useSentiment } from "../../hooks/useSentiment";
import type { SentimentLevel } from "../../hooks/keys";
import type { SentimentResult } from "../../core/sentiment/types";
import { SentimentBar } from "../SentimentBar";
import { useTableCellContext, type LazySentimentSource } from "../ui/tableCellContext";

function LazySentiment({ id, level, source, timestamp }: { id: string; level: SentimentLevel; source: LazySentimentSource; timestamp?: string }) {
  // Mounted only for rendered rows, so a virtual table asks only for what is on screen; the loader batches
  // every id asked for in the same tick (5 per request, 2 in flight).
  const { data, error, isPending } = useSentiment(
    { id, level, dateFrom: source.dateFrom ?? null, dateTo: source.dateTo ?? null, timestamp: timestamp ?? null },
    { client: source.client, queryClient: source.queryClient },
  );
  // A failed id reads as "unavailable" (with the reason in the tooltip), distinct from "no user messages".
  return <SentimentBar size="full" focusable={false} loading={isPending && !error} error={error ?? undefined} sentiment={data ?? null} />;
}

/**
 * A row's sentiment: what the row carries (`trace.sentiment` / `event.sentiment`) when it has it, else
 * loaded lazily through `useSentiment` when a client is available, else "–".
 */
export function SentimentCell({ id, inline, timestamp }: { id: string; inline: SentimentResult | null | undefined; timestamp?: string }) {
  const { sentiment: source, level } = useTableCellContext();
  if (inline !== undefined || !source) return <SentimentBar size="full" focusable={false} sentiment={inline ?? null} />;
  // The row's time goes with the lookup, so PostHog reads the window the row is in.
  return <LazySentiment id={id} level={level} source={source} timestamp={typeof timestamp === "string" ? timestamp : undefined} />;
}
