/**
 * On-read sentiment (`POST …/llm_analytics/sentiment/`) with a window for every id. PostHog reads only
 * generations newer than `date_from`, 7 days back when it is missing (posthog-contract.md F-S3), and
 * answers an old trace with a neutral, empty result, not an error. So ids whose time is known go in a
 * window that holds them, and the rest are asked in ever wider windows while they come back empty.
 * This is where sentiment keeps to PostHog's rules: 5 ids a request, 2 requests in flight, and every
 * id ends with a result or a `SentimentFailure` (the hooks only gather ids and read the answer).
 */
import type { SentimentRequestBody } from "../core/eventsApi";
import type { SentimentResult } from "../core/sentiment/types";
import { chunk, emptyResults, setResult, uniqueIds } from "./clientChunk";
import { isApiError } from "./clientErrors";
import { SENTIMENT_ALL_TIME_FROM, WIDENING_STEPS, windowAround } from "./clientLookupWindows";
import { knownTime, plain, postChecked, type PostHogContext } from "./clientPostHogContext";
import { isRecord, sentimentEntryProblem, sentimentResponse, shapeError } from "./clientResponses";
import { sentimentEntry, sentimentFailure } from "./clientSentimentResult";
import { SENTIMENT_MAX_IDS_PER_REQUEST, type SentimentRequestOptions, type SentimentResults } from "./clientTypes";

interface Window {
  date_from?: string | null;
  date_to?: string | null;
}

/** One request of at most 5 ids, in one of the client's 2 sentiment slots; every id ends with a result or a failure in `into`. */
async function ask(ctx: PostHogContext, base: SentimentRequestBody, ids: string[], window: Window, forceRefresh: boolean, into: SentimentResults, o?: SentimentRequestOptions) {
  const path = `${ctx.llm}/sentiment/`;
  const body: SentimentRequestBody = {
    ids,
    ...(base.analysis_level ? { analysis_level: base.analysis_level } : {}),
    ...(forceRefresh ? { force_refresh: true } : {}),
    // Sentiment parses date_from with relative_date_parse, which has no "all" (F-S3).
    ...(window.date_from ? { date_from: window.date_from === "all" ? SENTIMENT_ALL_TIME_FROM : window.date_from } : {}),
    ...(window.date_to ? { date_to: window.date_to } : {}),
  };
  const release = await ctx.sentimentSlots.acquire(o?.signal);
  try {
    const response = await postChecked<{ results: Record<string, unknown> }>(ctx, path, body, sentimentResponse, plain(o));
    for (const id of ids) {
      const entry = sentimentEntry<unknown>(response.results, id);
      const problem = sentimentEntryProblem(entry);
      // One malformed entry fails its own id, not the whole batch.
      if (problem) setResult(into, id, sentimentFailure(`Unusable sentiment result: ${problem}`, shapeError(path, 200, `results[${JSON.stringify(id)}]: ${problem}`, entry)));
      else if (typeof (entry as { error?: unknown }).error === "string") setResult(into, id, { error: (entry as { error: string }).error });
      else setResult(into, id, { ...(entry as SentimentResult), source: "on-read" });
    }
  } catch (error) {
    if (!isApiError(error)) throw error;
    for (const id of ids) setResult(into, id, sentimentFailure(error.message, error));
  } finally {
    release();
  }
}

/** Hands the caller these ids' final entries early (`onResults`). */
function report(into: SentimentResults, ids: readonly string[], o?: SentimentRequestOptions): void {
  if (!o?.onResults || ids.length === 0) return;
  const part = emptyResults();
  for (const id of ids) setResult(part, id, into[id]!);
  o.onResults(part);
}

/** An id answered neutral with no messages: nothing was read in that window (or there is nothing to read). */
function empty(entry: unknown): boolean {
  return isRecord(entry) && typeof entry.error !== "string" && entry.message_count === 0;
}

function stepWindow(step: (typeof WIDENING_STEPS)[number]): Window {
  return { date_from: step === "all" ? SENTIMENT_ALL_TIME_FROM : step };
}

export async function sentiment(ctx: PostHogContext, request: SentimentRequestBody, o?: SentimentRequestOptions): Promise<SentimentResults> {
  const ids = uniqueIds(request.ids);
  const results = emptyResults();
  const force = request.force_refresh === true;
  const jobs: Array<Promise<void>> = [];
  if (request.date_from || request.date_to) {
    // The caller chose the window.
    for (const part of chunk(ids, SENTIMENT_MAX_IDS_PER_REQUEST)) jobs.push(ask(ctx, request, part, request, force, results, o).then(() => report(results, part, o)));
    await Promise.all(jobs);
  } else {
    const known: Array<{ id: string; at: number }> = [];
    const unknown: string[] = [];
    for (const id of ids) {
      const at = knownTime(ctx, id, o);
      if (at === null) unknown.push(id);
      else known.push({ id, at });
    }
    // Close times share a request: ids sorted by time, each chunk's window spans its own ids.
    known.sort((a, b) => a.at - b.at);
    for (const part of chunk(known, SENTIMENT_MAX_IDS_PER_REQUEST)) {
      const partIds = part.map((p) => p.id);
      jobs.push(ask(ctx, request, partIds, windowAround(part[0]!.at, part[part.length - 1]!.at), force, results, o).then(() => report(results, partIds, o)));
    }
    jobs.push(widen(ctx, request, unknown, force, results, o));
    await Promise.all(jobs);
  }
  const ordered = emptyResults();
  for (const id of ids) setResult(ordered, id, results[id]!);
  return ordered;
}

/**
 * Ids with no known time: 7 days first, then wider while they come back empty. A wider retry forces a
 * refresh, because PostHog caches sentiment by id alone (llma_sentiment:{level}:{team}:{id}) and would
 * hand back the empty answer of the narrower window.
 */
async function widen(ctx: PostHogContext, request: SentimentRequestBody, ids: string[], force: boolean, into: SentimentResults, o?: SentimentRequestOptions) {
  let pending = ids;
  for (const [i, step] of WIDENING_STEPS.entries()) {
    if (pending.length === 0) return;
    await Promise.all(chunk(pending, SENTIMENT_MAX_IDS_PER_REQUEST).map((part) => ask(ctx, request, part, stepWindow(step), force || i > 0, into, o)));
    // An empty answer is final only in the widest window; anything else is final now.
    const last = i === WIDENING_STEPS.length - 1;
    report(into, last ? pending : pending.filter((id) => !empty(into[id])), o);
    pending = pending.filter((id) => empty(into[id]));
  }
}
