// @vitest-environment node
/**
 * Every answer is checked: a 200 whose body is null or of the wrong shape is a typed `parse` error
 * (which a panel can retry), never an empty list, a "not found", an untitled summary or a wrong
 * sentiment; one malformed sentiment entry fails only its own id.
 */
import { isApiError } from "../../src/client/clientErrors";
import { createPostHogClient } from "../../src/client/clientPostHog";
import { isSentimentFailure } from "../../src/client/clientSentimentResult";
import type { PostHogMockBackend } from "../../src/msw/mockBackend";
import { mockFaults, type MockEndpoint } from "../../src/msw/mockFaults";
import { strictMock } from "../msw/strictMockHelpers";
import { IDS } from "./helpers";

function clientFor(backend: PostHogMockBackend, retries = 0) {
  return createPostHogClient({
    host: "https://posthog.test",
    projectId: 2,
    retry: { retries, baseDelayMs: 1, maxDelayMs: 2 },
    fetch: async (input, init) => {
      const outcome = await backend.handle(new Request(input, init));
      if (outcome.type === "network-error") throw new TypeError("fetch failed");
      return outcome.response;
    },
  });
}

async function parseErrorFor(endpoint: MockEndpoint, body: unknown, call: (c: ReturnType<typeof clientFor>) => Promise<unknown>) {
  const backend = strictMock();
  backend.addFault({ endpoint, fault: mockFaults.body(body), times: 1 });
  const error = await call(clientFor(backend)).then(
    () => null,
    (e: unknown) => e,
  );
  return error;
}

const ALL = { date_from: "all" };

describe("wrong shapes become parse errors", () => {
  const cases: Array<[string, MockEndpoint, unknown, (c: ReturnType<typeof clientFor>) => Promise<unknown>]> = [
    ["TracesQuery: null", "query", null, (c) => c.listTraces({ dateRange: ALL })],
    ["TracesQuery: results not a list", "query", { results: { a: 1 } }, (c) => c.listTraces({ dateRange: ALL })],
    ["TracesQuery: a trace without id", "query", { results: [{ createdAt: "2025-06-01", events: [] }] }, (c) => c.listTraces({ dateRange: ALL })],
    ["TracesQuery: an event without createdAt", "query", { results: [{ id: "t", createdAt: "x", events: [{ id: "e", event: "$ai_span" }] }] }, (c) => c.listTraces({ dateRange: ALL })],
    ["TraceQuery: empty object", "query", {}, (c) => c.getTrace({ traceId: IDS.rag, dateRange: ALL })],
    ["EventsQuery: rows not lists", "query", { results: [{ uuid: "x" }] }, (c) => c.listEvents({ event: "$ai_generation" })],
    ["text_repr: no text", "text_repr", { metadata: {} }, (c) => c.textRepr({ event_type: "$ai_generation", data: { id: "e", properties: {} } })],
    ["summarization: summary is a string", "summarization", { summary: "A trace", text_repr: "L1: x", metadata: {} }, (c) => c.summarize({ trace_id: IDS.rag, date_from: "all" })],
    ["summarization: bullets not a list", "summarization", { summary: { title: "t", flow_diagram: "", summary_bullets: "x", interesting_notes: [] }, text_repr: "" }, (c) => c.summarize({ trace_id: IDS.rag, date_from: "all" })],
    ["batch_check: no summaries", "batch_check", {}, (c) => c.summaryBatchCheck({ trace_ids: [IDS.rag] })],
    ["evaluation_summary: no statistics", "evaluation_summary", { overall_assessment: "x", pass_patterns: [], fail_patterns: [], na_patterns: [], recommendations: [] }, (c) => c.evaluationSummary({ evaluation_id: IDS.evaluation })],
  ];

  it.each(cases)("%s", async (_name, endpoint, body, call) => {
    const error = await parseErrorFor(endpoint, body, call);
    expect(isApiError(error) && [error.kind, error.status, error.retryable]).toEqual(["parse", 200, false]);
    expect((error as Error).message).toMatch(/body tracelens cannot use/);
  });

  it("a wrong-shaped answer is not retried by the client but succeeds when asked again", async () => {
    const backend = strictMock();
    backend.addFault({ endpoint: "query", fault: mockFaults.body(null), times: 1 });
    const client = clientFor(backend, 3);
    await expect(client.listTraces({ dateRange: ALL })).rejects.toMatchObject({ kind: "parse" });
    expect(backend.stats.count("query")).toBe(1);
    await expect(client.listTraces({ dateRange: ALL })).resolves.toMatchObject({ hasMore: false });
  });

  it("a malformed sentiment entry fails its own id only; the envelope's shape fails them all", async () => {
    const backend = strictMock();
    const good = { label: "positive", score: 0.9, scores: { positive: 0.9, neutral: 0.1, negative: 0 }, messages: {}, message_count: 1 };
    backend.addFault({ endpoint: "sentiment", fault: mockFaults.body({ results: { a: good, b: { label: "great", score: 2 }, c: "positive", d: { error: "Failed to compute sentiment" } } }), times: 1 });
    const results = await clientFor(backend).sentiment({ ids: ["a", "b", "c", "d", "e"], date_from: "-7d" });
    expect(results.a).toMatchObject({ label: "positive", source: "on-read" });
    for (const id of ["b", "c"]) {
      const entry = results[id]!;
      expect(isSentimentFailure(entry) && entry.cause?.kind).toBe("parse");
    }
    expect(results.d).toEqual({ error: "Failed to compute sentiment" });
    expect(isSentimentFailure(results.e!) && results.e.error).toBe("Missing from the sentiment response");
    backend.addFault({ endpoint: "sentiment", fault: mockFaults.body({ results: [] }), times: 1 });
    const broken = await clientFor(backend).sentiment({ ids: ["x", "y"], date_from: "-7d" });
    expect(Object.values(broken).every((entry) => isSentimentFailure(entry) && entry.cause?.kind === "parse")).toBe(true);
  });
});

describe("Retry-After", () => {
  it("a negative or unreadable Retry-After is ignored: the client backs off and retries as usual", async () => {
    for (const header of ["-5", "soon", ""]) {
      const backend = strictMock();
      backend.addFault({ endpoint: "text_repr", fault: mockFaults.body({ detail: "throttled" }, 429, { "Retry-After": header }), times: 1 });
      const text = await clientFor(backend, 1).textRepr({ event_type: "$ai_generation", data: { id: "e", properties: {} } });
      expect(text.metadata).toMatchObject({ event_id: "e" });
      expect(backend.stats.count("text_repr")).toBe(2);
    }
  });

  it("a wait longer than the client will sit through surfaces at once, with retryAfterMs for the UI's countdown", async () => {
    const backend = strictMock();
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.throttle(120), times: 1 });
    const error = await clientFor(backend, 3).textRepr({ event_type: "$ai_generation", data: { id: "e", properties: {} } }).catch((e: unknown) => e);
    expect(isApiError(error) && [error.status, error.retryAfterMs]).toEqual([429, 120_000]);
    expect(backend.stats.count("text_repr")).toBe(1);
  });
});
