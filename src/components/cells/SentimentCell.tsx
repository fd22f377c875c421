import type { SentimentLevel, SentimentResult } from "../../core/sentiment/types";
import { useSentiment } from "../../hooks/useSentiment";
import { SentimentBar } from "../SentimentBar";
import { useTableCellContext, type CellSentimentRange } from "./cellContext";

function LoadedSentiment({ id, level, range, timestamp }: { id: string; level: SentimentLevel; range: CellSentimentRange; timestamp?: string }) {
  // Mounted only for rendered rows, so a virtual table asks only for what is on screen; every id asked
  // for in the same tick goes in one call (the PostHog client sends 5 a request, 2 in flight).
  const { data, error, isPending } = useSentiment({ id, level, dateFrom: range.dateFrom ?? null, dateTo: range.dateTo ?? null, timestamp: timestamp ?? null });
  // A failed id arrives as `{error}` and reads "unavailable" (the reason in the tooltip), distinct from "no user messages".
  return <SentimentBar size="full" focusable={false} loading={isPending && !error} error={error ?? undefined} sentiment={data ?? null} />;
}

/**
 * A row's sentiment: what the row carries (`trace.sentiment` / `event.sentiment`) when it has it, else
 * loaded through `useSentiment` when the table loads sentiment, else "–".
 */
export function SentimentCell({ id, inline, timestamp }: { id: string; inline: SentimentResult | null | undefined; timestamp?: string }) {
  const { sentimentRange, level } = useTableCellContext();
  if (inline !== undefined || !sentimentRange) return <SentimentBar size="full" focusable={false} sentiment={inline ?? null} />;
  // The row's time goes with the lookup, so PostHog reads the window the row is in.
  return <LoadedSentiment id={id} level={level} range={sentimentRange} timestamp={typeof timestamp === "string" ? timestamp : undefined} />;
}
