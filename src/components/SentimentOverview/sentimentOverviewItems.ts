import type { LLMTrace, LLMTraceEvent } from "../../core/eventsTrace";
import type { SentimentResult } from "../../core/sentiment/types";
import { generationRows, generationTimeMs, inlineGenerationSentiment } from "../../core/generationRows";
import { inlineTraceSentiment, normalizeTracesSteps, traceTimeMs } from "../../core/traceRows";
import { finishJob, type SlicedJob } from "../ui/slicedJob";
import type { SentimentItem } from "./sentimentOverviewDimensions";

/** Host-supplied or loaded results by id; `null` means known to have none. */
export type SentimentById = Readonly<Record<string, SentimentResult | null | undefined>>;

/** A map's own entry: an id such as "constructor" must not read Object's prototype. */
const own = (map: SentimentById | undefined, id: string) => (map && Object.hasOwn(map, id) ? map[id] : undefined);

/** Items built between two yields of {@link sentimentItemsJob}. */
const CHUNK = 4096;

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
  return finishJob(sentimentItemsJob(level, traces, generations, given, loaded));
}

/** {@link sentimentItems} as a job that yields every few thousand items (100,000 traces are read in slices). */
export function* sentimentItemsJob(
  level: "trace" | "generation",
  traces: readonly LLMTrace[] | undefined,
  generations: readonly LLMTraceEvent[] | undefined,
  given: SentimentById | undefined,
  loaded: SentimentById | undefined,
): SlicedJob<SentimentItem[]> {
  const pick = (id: string, inline: SentimentResult | null | undefined): SentimentResult | null =>
    own(given, id) ?? inline ?? own(loaded, id) ?? null;
  const items: SentimentItem[] = [];
  if (level === "trace") {
    const rows = yield* normalizeTracesSteps(traces ?? []);
    for (let i = 0; i < rows.length; i++) {
      const trace = rows[i]!;
      items.push({ id: trace.id, level, time: traceTimeMs(trace) ?? null, trace, event: null, sentiment: pick(trace.id, inlineTraceSentiment(trace)) });
      if (i % CHUNK === CHUNK - 1) yield;
    }
    return items;
  }
  const rows = generationRows(generations, traces);
  yield;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    // The event id, which is what the sentiment endpoint knows (row ids may carry a de-duplication suffix).
    const id = typeof row.event.id === "string" && row.event.id ? row.event.id : row.rowId;
    items.push({ id, level, time: generationTimeMs(row) ?? null, trace: row.trace, event: row.event, sentiment: pick(id, inlineGenerationSentiment(row)) });
    if (i % CHUNK === CHUNK - 1) yield;
  }
  return items;
}

/**
 * `items` (built without loaded results) with the loaded ones filled in: the same items
 * {@link sentimentItems} builds when given `loaded` too, since a loaded result only counts where the host's
 * and the inline one are both missing. One pass, no rebuild: each arriving batch of results costs
 * milliseconds at 100,000 items.
 */
export function withLoadedSentiment(items: readonly SentimentItem[], loaded: SentimentById): SentimentItem[] {
  const out = items.slice();
  for (let i = 0; i < out.length; i++) {
    const item = out[i]!;
    if (item.sentiment) continue;
    const result = own(loaded, item.id);
    if (result) out[i] = { ...item, sentiment: result };
  }
  return out;
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

/**
 * The time that goes with each looked-up id (the last item's with that id): only the ids looked up, not a
 * map of all 100,000 items.
 */
export function lookupTimestamps(items: readonly SentimentItem[], ids: readonly string[]): Record<string, number | null> {
  const wanted = new Set(ids);
  return Object.fromEntries(items.filter((item) => wanted.has(item.id)).map((item) => [item.id, item.time]));
}
