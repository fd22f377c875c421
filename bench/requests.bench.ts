/**
 * npm run bench:requests
 *
 * A 50-row traces table gets its page and every row's sentiment from a mock PostHog (the strict mock,
 * src/msw/mockBackend) behind a real HTTP server on 127.0.0.1, through a fetch capped at 6 connections
 * per origin as browsers do over HTTP/1.1. tracelens (its client and sentiment loader) against PostHog's
 * own loading strategies, written from its frontend's behaviour (bench/requestsStrategies.ts), in the same
 * run, order rotating per round:
 *   - stored sentiment (the server has `$ai_evaluation` results): tracelens vs PostHog's TracesQuery with
 *     `includeSentiment`;
 *   - sentiment computed on read (nothing stored): tracelens vs PostHog's on-read loader (5 ids per
 *     request, 2 in flight) vs one request per row.
 * The server's cost model: every request waits REQUESTS_BENCH_BASE_MS (default 80), and an on-read
 * sentiment request also REQUESTS_BENCH_PER_ID_MS per id it classifies (default 0 and 20, both printed).
 * These costs are assumptions, not PostHog's measured figures; the request counts do not depend on them.
 * Prints medians (min–max) over REQUESTS_BENCH_RUNS runs (default 5) after one untimed round; nothing here
 * asserts a time.
 */
import { createLimiter } from "../src/client/clientConcurrency";
import type { SentimentClassifier } from "../src/client/clientLocalClassify";
import type { LLMTrace, LLMTraceEvent } from "../src/core/eventsTrace";
import { sentimentEvaluationProperties } from "../src/core/sentiment/stored";
import { createPostHogMockBackend, type PostHogMockBackend } from "../src/msw/mockBackend";
import { startLoopbackServer } from "../test/client/loopbackServer";
import { machineLine, sampleStats } from "./benchUtil";
import { fmtMsOf, fmtX, summaryRow } from "./benchSummary";
import { ROWS, oneRequestPerRow, posthogInline, posthogOnRead, tracelens, type Strategy } from "./requestsStrategies";

const BASE_MS = Number(process.env.REQUESTS_BENCH_BASE_MS ?? 80);
const PER_ID_MS = process.env.REQUESTS_BENCH_PER_ID_MS ? [Number(process.env.REQUESTS_BENCH_PER_ID_MS)] : [0, 20];
const RUNS = Number(process.env.REQUESTS_BENCH_RUNS ?? 5);
const BROWSER_CONNECTIONS_PER_ORIGIN = 6;
const MOODS = ["This is great, thanks!", "It keeps failing, this is useless.", "Can you check my order status?"];

// Instant and deterministic: the server's cost model is the only cost being compared.
const classifier: SentimentClassifier = {
  classify: async (texts) =>
    texts.map((t) =>
      /great|thanks/.test(t)
        ? { label: "positive", score: 0.9, scores: { positive: 0.9, neutral: 0.08, negative: 0.02 } }
        : { label: "neutral", score: 0.7, scores: { positive: 0.1, neutral: 0.7, negative: 0.2 } },
    ),
};

/** Traces of the last few days (inside PostHog's default windows), with or without stored sentiment. */
function traces(stored: boolean): LLMTrace[] {
  const now = Date.now();
  return Array.from({ length: ROWS }, (_, i) => {
    const id = `bench-trace-${String(i).padStart(3, "0")}`;
    const at = (offset: number) => new Date(now - (i + 1) * 3_600_000 + offset).toISOString();
    const events: LLMTraceEvent[] = [0, 1].map((g) => ({
      id: `${id}-gen-${g}`,
      event: "$ai_generation",
      createdAt: at(g * 1000),
      properties: { $ai_trace_id: id, $ai_parent_id: id, $ai_input: [{ role: "user", content: MOODS[(i + g) % MOODS.length] }] },
    }));
    if (stored) {
      for (const g of [0, 1]) {
        const positive = (i + g) % 3 === 0;
        const scores = positive ? { positive: 0.9, neutral: 0.08, negative: 0.02 } : { positive: 0.1, neutral: 0.7, negative: 0.2 };
        const result = { label: positive ? ("positive" as const) : ("neutral" as const), score: positive ? 0.9 : 0.7, scores, messages: {}, message_count: 1 };
        events.push({ id: `${id}-eval-${g}`, event: "$ai_evaluation", createdAt: at(5000 + g), properties: sentimentEvaluationProperties(id, `${id}-gen-${g}`, result) });
      }
    }
    return { id, createdAt: at(0), events };
  });
}

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The backend behind the cost model: a fixed cost per request, plus a cost per id classified on read. */
function costed(backend: PostHogMockBackend, perIdMs: number): PostHogMockBackend {
  return {
    ...backend,
    async handle(request, cookies) {
      let ids = 0;
      if (perIdMs > 0 && new URL(request.url).pathname.endsWith("/llm_analytics/sentiment/")) {
        const body = (await request.clone().json().catch(() => null)) as { ids?: unknown } | null;
        ids = Array.isArray(body?.ids) ? body.ids.length : 0;
      }
      await sleep(BASE_MS + ids * perIdMs);
      return backend.handle(request, cookies);
    },
  };
}

interface Measurement {
  requests: number;
  wallMs: number;
}

async function measure(strategy: Strategy, stored: boolean, perIdMs: number): Promise<Measurement> {
  const server = await startLoopbackServer(costed(createPostHogMockBackend({ traces: traces(stored), classifier }), perIdMs));
  try {
    const started = performance.now();
    const answered = await strategy(server.url, browserLikeFetch());
    const wallMs = performance.now() - started;
    if (answered !== ROWS) throw new Error(`${strategy.name}: only ${answered} of ${ROWS} rows got sentiment`);
    return { requests: server.received, wallMs };
  } finally {
    await server.close();
  }
}

interface Contender {
  name: string;
  strategy: Strategy;
  stored: boolean;
  peer: boolean;
}

const CONTENDERS: Contender[] = [
  { name: "tracelens (stored sentiment inline)", strategy: tracelens, stored: true, peer: false },
  { name: "PostHog: TracesQuery with includeSentiment", strategy: posthogInline, stored: true, peer: true },
  { name: "tracelens (on read: 5 ids/request, 2 in flight)", strategy: tracelens, stored: false, peer: false },
  { name: "PostHog on-read loader (5 ids/request, 2 in flight)", strategy: posthogOnRead, stored: false, peer: true },
  { name: "one request per row", strategy: oneRequestPerRow, stored: false, peer: true },
];

async function main(): Promise<void> {
  console.log(`bench:requests — ${await machineLine()}`);
  console.log(`${ROWS} rows, ${BROWSER_CONNECTIONS_PER_ORIGIN} connections per origin, ${BASE_MS} ms per request; median (min–max) of ${RUNS} runs, order rotating`);
  for (const perIdMs of PER_ID_MS) {
    const results = new Map<Contender, Measurement[]>(CONTENDERS.map((c) => [c, []]));
    // One untimed round, so no contender pays for the JIT and module warm-up of the others.
    for (const contender of CONTENDERS) await measure(contender.strategy, contender.stored, perIdMs);
    for (let run = 0; run < RUNS; run++) {
      for (let k = 0; k < CONTENDERS.length; k++) {
        const contender = CONTENDERS[(k + run) % CONTENDERS.length]!;
        results.get(contender)!.push(await measure(contender.strategy, contender.stored, perIdMs));
      }
    }
    console.log(`\nServer cost: ${BASE_MS} ms per request + ${perIdMs} ms per id classified on read`);
    console.log(`${"approach".padEnd(54)} ${"stored".padEnd(7)} ${"requests".padStart(8)} ${"wall time, ms".padStart(22)}`);
    const medians = new Map<Contender, { requests: number; wall: number }>();
    for (const [contender, ms] of results) {
      const requests = sampleStats(ms.map((m) => m.requests));
      const wall = sampleStats(ms.map((m) => m.wallMs));
      medians.set(contender, { requests: requests.median, wall: wall.median });
      const count = requests.min === requests.max ? String(requests.median) : `${requests.median} (${requests.min}–${requests.max})`;
      const time = `${wall.median.toFixed(0)} (${wall.min.toFixed(0)}–${wall.max.toFixed(0)})`;
      console.log(`${contender.name.padEnd(54)} ${(contender.stored ? "yes" : "no").padEnd(7)} ${count.padStart(8)} ${time.padStart(22)}`);
    }
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    const [ours, inline, onRead, peerOnRead, perRow] = CONTENDERS.map((c) => medians.get(c)!);
    console.log(`stored: tracelens / PostHog includeSentiment — requests ${ratio(ours!.requests, inline!.requests)}, wall time ${ratio(ours!.wall, inline!.wall)}`);
    console.log(`on read: tracelens / PostHog loader — requests ${ratio(onRead!.requests, peerOnRead!.requests)}, wall time ${ratio(onRead!.wall, peerOnRead!.wall)}`);
    console.log(`on read: tracelens / one request per row — requests ${ratio(onRead!.requests, perRow!.requests)}, wall time ${ratio(onRead!.wall, perRow!.wall)}`);
    console.log(`tracelens stored / tracelens on read — wall time ${ratio(ours!.wall, onRead!.wall)}`);
    const cost = `${BASE_MS} ms/request + ${perIdMs} ms/id`;
    const pair = (figure: string, a: { requests: number; wall: number }, b: { requests: number; wall: number }, peerName: string) => {
      summaryRow({ bench: "requests", figure: `${figure}: HTTP requests`, tracelens: String(a.requests), peerName, peer: String(b.requests), ratio: fmtX(a.requests / b.requests) });
      summaryRow({ bench: "requests", figure: `${figure}: wall time (${cost})`, tracelens: fmtMsOf(a.wall), peerName, peer: fmtMsOf(b.wall), ratio: fmtX(a.wall / b.wall) });
    };
    pair("stored sentiment, 50 rows", ours!, inline!, "PostHog TracesQuery + includeSentiment");
    pair("on read, 50 rows", onRead!, peerOnRead!, "PostHog on-read loader");
    pair("on read, 50 rows", onRead!, perRow!, "one request per row");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
