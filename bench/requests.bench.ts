/**
 * npm run bench:requests
 *
 * 50 table rows ask for trace sentiment at once, against a mock PostHog on 127.0.0.1 that takes a
 * fixed time per request. Two ways of asking:
 *   - tracelens: each row runs the query `useSentiment` runs (sentimentQueryOptions through a
 *     QueryClient); the shared loader batches ids asked in the same tick, 5 per request, 2 in flight;
 *   - one request per row, the approach PostHog's sentiment docs describe for visible rows.
 * Both go through the same fetch, capped at 6 connections per origin as browsers do over HTTP/1.1.
 */
import { QueryClient } from "@tanstack/react-query";
import { createLimiter } from "../src/client/clientConcurrency";
import { createPostHogClient } from "../src/client/clientPostHog";
import type { SentimentClassifier } from "../src/client/clientLocalClassify";
import type { LLMTrace } from "../src/core/eventsTrace";
import { sentimentQueryOptions } from "../src/hooks/sentimentQueryOptions";
import { createPostHogMockBackend } from "../src/msw/mockBackend";
import { startLoopbackServer } from "../test/client/loopbackServer";

const ROWS = 50;
const LATENCY_MS = 80;
const BROWSER_CONNECTIONS_PER_ORIGIN = 6;
const RUNS = 5;

function traces(): LLMTrace[] {
  const moods = ["This is great, thanks!", "It keeps failing, this is useless.", "Can you check my order status?"];
  return Array.from({ length: ROWS }, (_, i) => {
    const id = `bench-trace-${String(i).padStart(3, "0")}`;
    return {
      id,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      events: [0, 1].map((g) => ({
        id: `${id}-gen-${g}`,
        event: "$ai_generation",
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i, g)).toISOString(),
        properties: { $ai_trace_id: id, $ai_parent_id: id, $ai_input: [{ role: "user", content: moods[(i + g) % moods.length] }] },
      })),
    };
  });
}

// Instant and deterministic, so the server's fixed latency is the only cost being compared.
const classifier: SentimentClassifier = {
  classify: async (texts) =>
    texts.map((t) =>
      /great|thanks/.test(t)
        ? { label: "positive", score: 0.9, scores: { positive: 0.9, neutral: 0.08, negative: 0.02 } }
        : { label: "neutral", score: 0.7, scores: { positive: 0.1, neutral: 0.7, negative: 0.2 } },
    ),
};

function browserLikeFetch(): typeof fetch {
  const limiter = createLimiter(BROWSER_CONNECTIONS_PER_ORIGIN);
  return async (input, init) => {
    const release = await limiter.acquire();
    try {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      release();
    }
  };
}

interface Measurement {
  requests: number;
  wallMs: number;
  answered: number;
}

async function measure(run: (url: string, fetchImpl: typeof fetch, ids: string[]) => Promise<number>): Promise<Measurement> {
  const data = traces();
  const backend = createPostHogMockBackend({ traces: data, classifier, latencyMs: LATENCY_MS });
  const server = await startLoopbackServer(backend);
  try {
    const started = performance.now();
    const answered = await run(server.url, browserLikeFetch(), data.map((t) => t.id));
    return { requests: server.received, wallMs: performance.now() - started, answered };
  } finally {
    await server.close();
  }
}

async function tracelens(url: string, fetchImpl: typeof fetch, ids: string[]): Promise<number> {
  const client = createPostHogClient({ host: url, projectId: 1, fetch: fetchImpl, maxConcurrency: BROWSER_CONNECTIONS_PER_ORIGIN });
  const queryClient = new QueryClient();
  // Every row's query starts in the same tick, as when a table mounts its rows.
  try {
    const results = await Promise.all(ids.map((id) => queryClient.fetchQuery(sentimentQueryOptions(client, { id }))));
    return results.filter((r) => typeof (r as { label?: unknown }).label === "string").length;
  } finally {
    // Sentiment queries are kept for 24 h; their garbage-collection timers would hold the process open.
    queryClient.clear();
  }
}

async function oneRequestPerRow(url: string, fetchImpl: typeof fetch, ids: string[]): Promise<number> {
  const results = await Promise.all(
    ids.map(async (id) => {
      const response = await fetchImpl(`${url}/api/environments/1/llm_analytics/sentiment/`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ids: [id], analysis_level: "trace" }),
      });
      const body = (await response.json()) as { results: Record<string, { label?: string }> };
      return body.results[id];
    }),
  );
  return results.filter((r) => typeof r?.label === "string").length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const ours: Measurement[] = [];
  const naive: Measurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(await measure(tracelens));
    naive.push(await measure(oneRequestPerRow));
  }
  for (const m of [...ours, ...naive]) if (m.answered !== ROWS) throw new Error(`only ${m.answered} of ${ROWS} rows got sentiment`);
  const row = (name: string, ms: Measurement[]) => {
    const requests = ms[0]!.requests;
    if (ms.some((m) => m.requests !== requests)) throw new Error(`${name}: request count varied between runs`);
    return { name, requests, wallMs: median(ms.map((m) => m.wallMs)) };
  };
  const a = row("tracelens (batched: 5 ids/request, 2 in flight)", ours);
  const b = row("one request per row", naive);
  console.log(`${ROWS} rows, ${LATENCY_MS} ms per request on 127.0.0.1, ${BROWSER_CONNECTIONS_PER_ORIGIN} connections per origin, median of ${RUNS} runs`);
  console.log("");
  console.log(`${"approach".padEnd(50)} ${"HTTP requests".padStart(13)} ${"wall time".padStart(11)}`);
  for (const r of [a, b]) console.log(`${r.name.padEnd(50)} ${String(r.requests).padStart(13)} ${`${r.wallMs.toFixed(0)} ms`.padStart(11)}`);
  console.log("");
  console.log(`requests: one-per-row / tracelens = ${(b.requests / a.requests).toFixed(2)}x`);
  console.log(`wall time: one-per-row / tracelens = ${(b.wallMs / a.wallMs).toFixed(2)}x`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
