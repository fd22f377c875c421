// @vitest-environment node
import type { SentimentRequestBody } from "../../src/core/eventsApi";
import type { SentimentResults, TraceLensClient } from "../../src/client/clientTypes";
import { SentimentLoader, SentimentUnavailableError } from "../../src/hooks/sentimentLoader";

interface Call {
  body: SentimentRequestBody;
  answer: (results?: SentimentResults) => void;
  fail: (error: unknown) => void;
  signal?: AbortSignal;
}

function fakeClient() {
  const calls: Call[] = [];
  let active = 0;
  let maxActive = 0;
  const client = {
    scope: "fake",
    sentiment: (body: SentimentRequestBody, options?: { signal?: AbortSignal }) =>
      new Promise<SentimentResults>((resolve, reject) => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        const done = () => (active -= 1);
        const neutral = (id: string) => ({ trace_id: id, label: "neutral" as const, score: 0, scores: { positive: 0, neutral: 0, negative: 0 }, generations: {}, generation_count: 0, message_count: 0 });
        calls.push({
          body,
          signal: options?.signal,
          answer: (results) => {
            done();
            resolve(results ?? Object.fromEntries(body.ids.map((id) => [id, neutral(id)])));
          },
          fail: (error) => {
            done();
            reject(error);
          },
        });
        options?.signal?.addEventListener("abort", () => {
          done();
          reject(options.signal!.reason);
        });
      }),
  } as unknown as TraceLensClient;
  return { client, calls, maxActive: () => maxActive };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

it("sends one chunk of 5 per request, 2 at a time, and resolves each id when its own chunk answers", async () => {
  const { client, calls, maxActive } = fakeClient();
  const loader = new SentimentLoader(client);
  const ids = Array.from({ length: 12 }, (_, i) => `t${i}`);
  const settled = new Map<string, string>();
  ids.forEach((id) => void loader.load({ id, level: "trace" }).then((r) => settled.set(id, r.label)));
  await tick();
  expect(calls.map((c) => c.body.ids)).toEqual([ids.slice(0, 5), ids.slice(5, 10)]);
  calls[1]!.answer();
  await tick();
  expect([...settled.keys()].sort()).toEqual(ids.slice(5, 10).sort());
  expect(calls.map((c) => c.body.ids.length)).toEqual([5, 5, 2]);
  calls[0]!.answer();
  calls[2]!.answer();
  await tick();
  expect(settled.size).toBe(12);
  expect(maxActive()).toBe(2);
});

it("keeps levels, date bounds and forced refreshes in separate requests", async () => {
  const { client, calls } = fakeClient();
  const loader = new SentimentLoader(client, { maxInFlight: 5 });
  void loader.load({ id: "a", level: "trace" });
  void loader.load({ id: "b", level: "generation" });
  void loader.load({ id: "c", level: "trace", forceRefresh: true });
  void loader.load({ id: "d", level: "trace", dateFrom: "-1d" });
  void loader.load({ id: "e", level: "trace" });
  await tick();
  expect(calls.map((c) => c.body)).toEqual([
    { ids: ["a", "e"], analysis_level: "trace" },
    { ids: ["b"], analysis_level: "generation" },
    { ids: ["c"], analysis_level: "trace", force_refresh: true },
    { ids: ["d"], analysis_level: "trace", date_from: "-1d" },
  ]);
});

it("drops ids abandoned before the batch left, and aborts a request nobody waits for", async () => {
  const { client, calls } = fakeClient();
  const loader = new SentimentLoader(client);
  const controllers = Array.from({ length: 7 }, () => new AbortController());
  const outcomes = controllers.map((c, i) => loader.load({ id: `t${i}`, level: "trace" }, c.signal).catch((e: unknown) => e));
  controllers[0]!.abort(new DOMException("gone", "AbortError"));
  controllers[3]!.abort(new DOMException("gone", "AbortError"));
  await tick();
  expect(calls.map((c) => c.body.ids)).toEqual([["t1", "t2", "t4", "t5", "t6"]]);
  expect(await outcomes[0]).toMatchObject({ name: "AbortError" });
  for (const i of [1, 2, 4, 5, 6]) controllers[i]!.abort(new DOMException("gone", "AbortError"));
  await tick();
  expect(calls[0]!.signal?.aborted).toBe(true);
});

it("rejects per-id errors, ids left out of the answer, and failed requests, each for its own ids", async () => {
  const { client, calls } = fakeClient();
  const loader = new SentimentLoader(client);
  const failed = loader.load({ id: "bad", level: "trace" }).catch((e: unknown) => e);
  const missing = loader.load({ id: "gone", level: "trace" }).catch((e: unknown) => e);
  await tick();
  calls[0]!.answer({ bad: { error: "Failed to compute sentiment" } });
  expect(await failed).toBeInstanceOf(SentimentUnavailableError);
  expect(await missing).toMatchObject({ message: "No sentiment for gone: missing from the response" });
  const broken = loader.load({ id: "x", level: "trace" }).catch((e: unknown) => e);
  await tick();
  const error = new Error("network down");
  calls[1]!.fail(error);
  expect(await broken).toBe(error);
});
