// @vitest-environment node
import type { SentimentRequestBody } from "../../src/core/eventsApi";
import type { SentimentRequestOptions, SentimentResults, TraceLensClient } from "../../src/client/clientTypes";
import { ApiError } from "../../src/client/clientErrors";
import { SentimentLoader } from "../../src/hooks/sentimentLoader";

interface Call {
  body: SentimentRequestBody;
  options?: SentimentRequestOptions;
  answer: (results?: SentimentResults) => void;
  fail: (error: unknown) => void;
}

const neutral = (id: string) => ({ trace_id: id, label: "neutral" as const, score: 0, scores: { positive: 0, neutral: 0, negative: 0 }, generations: {}, generation_count: 0, message_count: 0 });

function fakeClient() {
  const calls: Call[] = [];
  const client = {
    scope: "fake",
    sentiment: (body: SentimentRequestBody, options?: SentimentRequestOptions) =>
      new Promise<SentimentResults>((resolve, reject) => {
        calls.push({
          body,
          options,
          answer: (results) => resolve(results ?? Object.fromEntries(body.ids.map((id) => [id, neutral(id)]))),
          fail: reject,
        });
        options?.signal?.addEventListener("abort", () => reject(options.signal!.reason));
      }),
  } as unknown as TraceLensClient;
  return { client, calls };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

it("gathers every id asked for in one tick into one call, with each id's time, and resolves ids as their part of the answer arrives", async () => {
  const { client, calls } = fakeClient();
  const loader = new SentimentLoader(client);
  const ids = Array.from({ length: 12 }, (_, i) => `t${i}`);
  const settled = new Map<string, unknown>();
  ids.forEach((id, i) => void loader.load({ id, level: "trace", timestamp: `2025-06-${String(i + 1).padStart(2, "0")}` }).then((r) => settled.set(id, r)));
  void loader.load({ id: "t3", level: "trace" });
  await tick();
  expect(calls.map((c) => c.body)).toEqual([{ ids, analysis_level: "trace" }]);
  expect(calls[0]!.options?.timestamps?.t11).toBe("2025-06-12");
  calls[0]!.options!.onResults!({ t5: neutral("t5"), t6: { error: "Failed to compute sentiment" } });
  await tick();
  expect([...settled.keys()].sort()).toEqual(["t5", "t6"]);
  expect(settled.get("t6")).toEqual({ error: "Failed to compute sentiment" });
  calls[0]!.answer();
  await tick();
  expect(settled.size).toBe(12);
});

it("keeps levels, date bounds and forced refreshes in separate calls", async () => {
  const { client, calls } = fakeClient();
  const loader = new SentimentLoader(client);
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

it("leaves out ids abandoned before the call left, and aborts a call nobody waits for", async () => {
  const { client, calls } = fakeClient();
  const loader = new SentimentLoader(client);
  const controllers = Array.from({ length: 7 }, () => new AbortController());
  const outcomes = controllers.map((c, i) => loader.load({ id: `t${i}`, level: "trace" }, c.signal).catch((e: unknown) => e));
  controllers[0]!.abort(new DOMException("gone", "AbortError"));
  controllers[3]!.abort(new DOMException("gone", "AbortError"));
  await tick();
  expect(calls.map((c) => c.body.ids)).toEqual([["t1", "t2", "t4", "t5", "t6"]]);
  expect(await outcomes[0]).toMatchObject({ name: "AbortError" });
  for (const i of [1, 2, 4, 5]) controllers[i]!.abort(new DOMException("gone", "AbortError"));
  await tick();
  expect(calls[0]!.options?.signal?.aborted).toBe(false);
  controllers[6]!.abort(new DOMException("gone", "AbortError"));
  await tick();
  expect(calls[0]!.options?.signal?.aborted).toBe(true);
  expect(await outcomes[6]).toMatchObject({ name: "AbortError" });
});

it("answers a per-id error, an id left out and a failed call as failures of their own ids, never as thrown errors", async () => {
  const { client, calls } = fakeClient();
  const loader = new SentimentLoader(client);
  const failed = loader.load({ id: "bad", level: "trace" });
  const missing = loader.load({ id: "gone", level: "trace" });
  await tick();
  calls[0]!.answer({ bad: { error: "Failed to compute sentiment" } });
  expect(await failed).toEqual({ error: "Failed to compute sentiment" });
  expect(await missing).toEqual({ error: "Missing from the sentiment response" });
  const broken = loader.load({ id: "x", level: "trace" });
  await tick();
  const error = new ApiError({ kind: "http", status: 503, method: "POST", path: "/sentiment/" });
  calls[1]!.fail(error);
  expect(await broken).toEqual({ error: error.message, cause: error });
});
