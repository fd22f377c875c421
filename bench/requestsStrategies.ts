/**
 * The ways bench:requests fills a 50-row traces table with sentiment. tracelens runs its own client and
 * the loader `useSentiment` uses; the peers are PostHog's loading strategies as its frontend runs them
 * (shared/spec/posthog-ui.md §2c), written here as plain fetches:
 *   - newest: one TracesQuery with `includeSentiment`, stored results inline, no other request;
 *   - on-read: the page, then ids gathered in one zero-delay tick, 5 per POST /sentiment/ (the server's
 *     limit), 2 requests in flight, each with a window from its rows' times;
 *   - one request per row: the naive way, as a floor to compare against.
 * Every strategy returns how many of the rows got a sentiment label.
 */
import { QueryClient } from "@tanstack/react-query";
import { createPostHogClient } from "../src/client/clientPostHog";
import type { LLMTrace } from "../src/core/eventsTrace";
import { sentimentQueryOptions } from "../src/hooks/sentimentQueryOptions";

export const ROWS = 50;
const ENV = "/api/environments/1";
const PEER_CHUNK = 5;
const PEER_IN_FLIGHT = 2;

export type Strategy = (url: string, fetchImpl: typeof fetch) => Promise<number>;

const hasLabel = (value: unknown) => typeof (value as { label?: unknown } | null | undefined)?.label === "string";

/** tracelens as a TracesTable in drop-in mode runs it: the page (stored sentiment asked inline), then on-read lookups for rows without one. */
export const tracelens: Strategy = async (url, fetchImpl) => {
  const client = createPostHogClient({ host: url, projectId: 1, fetch: fetchImpl, maxConcurrency: 6 });
  const queryClient = new QueryClient();
  try {
    const page = await client.listTraces({ limit: ROWS });
    const lacking = page.results.filter((t) => !hasLabel(t.sentiment));
    // Every visible row's cell asks in the same tick, with its row's time, as the table's cells do.
    const loaded = await Promise.all(lacking.map((t) => queryClient.fetchQuery(sentimentQueryOptions(client, { id: t.id, timestamp: t.createdAt }))));
    return page.results.length - lacking.length + loaded.filter(hasLabel).length;
  } finally {
    // Sentiment queries are kept for 24 h; their garbage-collection timers would hold the process open.
    queryClient.clear();
  }
};

async function postJson<T>(fetchImpl: typeof fetch, url: string, body: unknown): Promise<T> {
  const response = await fetchImpl(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as T;
}

const tracesPage = (url: string, fetchImpl: typeof fetch, includeSentiment: boolean) =>
  postJson<{ results: LLMTrace[] }>(fetchImpl, `${url}${ENV}/query/`, { query: { kind: "TracesQuery", limit: ROWS, ...(includeSentiment ? { includeSentiment: true } : {}) } });

/** PostHog's newest design: trace sentiment comes inline with the page. */
export const posthogInline: Strategy = async (url, fetchImpl) => (await tracesPage(url, fetchImpl, true)).results.filter((t) => hasLabel(t.sentiment)).length;

const DAY = 86_400_000;
/** A window holding every row of a chunk: from its oldest row's day to two days after its newest. */
function chunkWindow(rows: readonly LLMTrace[]): { date_from: string; date_to: string } {
  const times = rows.map((t) => Date.parse(t.createdAt));
  return { date_from: new Date(Math.min(...times) - DAY).toISOString(), date_to: new Date(Math.max(...times) + 2 * DAY).toISOString() };
}

async function sentimentOf(url: string, fetchImpl: typeof fetch, rows: readonly LLMTrace[]): Promise<number> {
  const body = await postJson<{ results: Record<string, unknown> }>(fetchImpl, `${url}${ENV}/llm_analytics/sentiment/`, {
    ids: rows.map((t) => t.id),
    analysis_level: "trace",
    ...chunkWindow(rows),
  });
  return rows.filter((t) => hasLabel(body.results[t.id])).length;
}

/** PostHog's on-read loader: chunks of 5, at most 2 in flight (`runWithConcurrency`). */
export const posthogOnRead: Strategy = async (url, fetchImpl) => {
  const { results } = await tracesPage(url, fetchImpl, false);
  const chunks: LLMTrace[][] = [];
  for (let i = 0; i < results.length; i += PEER_CHUNK) chunks.push(results.slice(i, i + PEER_CHUNK));
  let next = 0;
  let answered = 0;
  const worker = async () => {
    while (next < chunks.length) {
      // Awaited first: `answered += await …` would read `answered` before the other worker adds to it.
      const got = await sentimentOf(url, fetchImpl, chunks[next++]!);
      answered += got;
    }
  };
  await Promise.all(Array.from({ length: PEER_IN_FLIGHT }, worker));
  return answered;
};

/** One POST /sentiment/ per row, all at once (the browser's connection limit still applies). */
export const oneRequestPerRow: Strategy = async (url, fetchImpl) => {
  const { results } = await tracesPage(url, fetchImpl, false);
  const answered = await Promise.all(results.map((t) => sentimentOf(url, fetchImpl, [t])));
  return answered.reduce((a, b) => a + b, 0);
};
