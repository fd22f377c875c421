// @vitest-environment node
/**
 * Every PostHog client method against the strict mock, weeks after the data: lookups by id carry a
 * window that holds their data (given, remembered, or found by widening), the client adapts to an older
 * server, and batch_check with a personal key ends in a typed state.
 */
import { isApiError } from "../../src/client/clientErrors";
import { createPostHogClient, type PostHogClientOptions } from "../../src/client/clientPostHog";
import { isPersonalApiKeyUnsupported } from "../../src/client/clientPostHogSummary";
import { isSentimentFailure } from "../../src/client/clientSentimentResult";
import { eventTextReprRequest } from "../../src/client/clientTraceData";
import type { PostHogMockBackend } from "../../src/msw/mockBackend";
import { AGED, NOW, strictMock } from "../msw/strictMockHelpers";
import { IDS, fixtureTrace } from "./helpers";

function clientFor(backend: PostHogMockBackend, options: Partial<PostHogClientOptions> = {}) {
  return createPostHogClient({
    host: "https://posthog.test",
    projectId: 2,
    retry: { retries: 0 },
    fetch: async (input, init) => {
      const outcome = await backend.handle(new Request(input, init));
      if (outcome.type === "network-error") throw new TypeError("fetch failed");
      return outcome.response;
    },
    ...options,
  });
}

const bodies = (backend: PostHogMockBackend, endpoint: string) =>
  backend.stats.requests.filter((r) => r.endpoint === endpoint).map((r) => r.body as Record<string, unknown>);
const queries = (backend: PostHogMockBackend) => bodies(backend, "query").map((b) => b.query as Record<string, unknown>);

const OLD = AGED.fortyFiveDays;

describe("lookups by id, 45 days after the trace", () => {
  it("getTrace widens 7 → 30 → 90 days without a hint, and asks once with one", async () => {
    const backend = strictMock();
    const client = clientFor(backend);
    const found = await client.getTrace({ traceId: OLD.id });
    expect(found?.id).toBe(OLD.id);
    expect(queries(backend).map((q) => (q.dateRange as { date_from: string }).date_from)).toEqual(["-7d", "-30d", "-90d"]);
    backend.stats.reset();
    const hinted = await clientFor(backend).getTrace({ traceId: OLD.id }, { timestamp: OLD.createdAt });
    expect(hinted?.id).toBe(OLD.id);
    expect(backend.stats.count("query")).toBe(1);
    // Nothing anywhere: every window, then null.
    backend.stats.reset();
    expect(await client.getTrace({ traceId: "no-such-trace" })).toBeNull();
    expect(queries(backend).map((q) => (q.dateRange as { date_from: string }).date_from)).toEqual(["-7d", "-30d", "-90d", "all"]);
  });

  it("remembers the times of listed traces, so a later lookup needs no hint", async () => {
    const backend = strictMock();
    const client = clientFor(backend);
    await client.listTraces({ dateRange: { date_from: "-60d" } });
    backend.stats.reset();
    expect((await client.getTrace({ traceId: OLD.id }))?.id).toBe(OLD.id);
    expect(backend.stats.count("query")).toBe(1);
    const sentiment = await client.sentiment({ ids: [OLD.id] });
    expect(sentiment[OLD.id]).toMatchObject({ label: "positive", message_count: 1, source: "on-read" });
    expect(bodies(backend, "sentiment")).toHaveLength(1);
    expect(bodies(backend, "sentiment")[0]!.date_from).toBe("2025-06-20T00:00:00.000Z");
  });

  it("sentiment of an old trace is never a silent neutral: empty answers are asked again in wider windows, forcing a refresh", async () => {
    const backend = strictMock();
    const results = await clientFor(backend).sentiment({ ids: [OLD.id, AGED.sixDays.id, "never-seen"] });
    expect(results[OLD.id]).toMatchObject({ label: "positive", message_count: 1 });
    expect(results[AGED.sixDays.id]).toMatchObject({ label: "positive", message_count: 1 });
    expect(results["never-seen"]).toMatchObject({ label: "neutral", message_count: 0 });
    const sent = bodies(backend, "sentiment").map((b) => [b.ids, b.date_from ?? null, b.force_refresh ?? false]);
    expect(sent).toEqual([
      [[OLD.id, AGED.sixDays.id, "never-seen"], "-7d", false],
      [[OLD.id, "never-seen"], "-30d", true],
      [[OLD.id, "never-seen"], "-90d", true],
      [["never-seen"], "2000-01-01T00:00:00Z", true],
    ]);
  });

  it("per-id times group ids by time, each request with a window that holds its own ids", async () => {
    const backend = strictMock();
    const support = fixtureTrace("support-chatbot");
    const results = await clientFor(backend).sentiment(
      { ids: [OLD.id, support.id], analysis_level: "trace" },
      { timestamps: { [OLD.id]: OLD.createdAt, [support.id]: support.createdAt } },
    );
    expect(isSentimentFailure(results[support.id]!)).toBe(false);
    expect((results[support.id] as { message_count: number }).message_count).toBeGreaterThan(0);
    expect(results[OLD.id]).toMatchObject({ message_count: 1 });
    expect(bodies(backend, "sentiment")).toHaveLength(1);
  });

  it("summarize by trace or generation id past PostHog's 30 days: a hint's window, else 30 d → 90 d", async () => {
    const backend = strictMock();
    const client = clientFor(backend);
    expect((await client.summarize({ trace_id: OLD.id })).metadata.summarize_type).toBe("trace");
    expect(bodies(backend, "summarization").map((b) => b.date_from ?? null)).toEqual([null, "-90d"]);
    backend.stats.reset();
    await clientFor(backend).summarize({ generation_id: OLD.events[0]!.id, mode: "detailed" }, { timestamp: OLD.createdAt });
    expect(bodies(backend, "summarization").map((b) => b.date_from)).toEqual(["2025-06-20T00:00:00.000Z"]);
    const missing = await clientFor(backend).summarize({ trace_id: "nope" }).catch((e: unknown) => e);
    expect(isApiError(missing) && missing.status).toBe(404);
  });

  it("listEvents reaches generations at every depth, and a trace's evaluation runs", async () => {
    const backend = strictMock();
    const client = clientFor(backend);
    const deep = fixtureTrace("deep-nested-agent");
    const nested = deep.events.filter((e) => e.event === "$ai_generation" && e.properties.$ai_parent_id !== deep.id);
    expect(nested.length).toBeGreaterThan(0);
    const list = await client.listTraces({ dateRange: { date_from: "all" }, properties: [{ type: "event", key: "$ai_trace_id", operator: "exact", value: deep.id }] });
    const listed = new Set(list.results[0]!.events.map((e) => e.id));
    expect(nested.some((e) => listed.has(e.id))).toBe(false);
    const generations = await client.listEvents({
      event: "$ai_generation",
      dateRange: { date_from: "all" },
      properties: [{ type: "event", key: "$ai_trace_id", operator: "exact", value: deep.id }],
      limit: 500,
    });
    expect(new Set(generations.results.map((e) => e.id))).toEqual(new Set(deep.events.filter((e) => e.event === "$ai_generation").map((e) => e.id)));
    expect(generations.results[0]).toMatchObject({ event: "$ai_generation", distinctId: expect.any(String), properties: expect.any(Object) });
    const runs = await client.listEvents({ event: "$ai_evaluation", dateRange: { date_from: "all" }, properties: [{ type: "event", key: "$ai_trace_id", operator: "exact", value: IDS.evalBatch }] });
    expect(runs.results).toHaveLength(4);
    const byLatency = await client.listEvents({ event: "$ai_generation", dateRange: { date_from: "all" }, orderBy: ["toFloat(properties.$ai_latency) DESC"], limit: 3 });
    const latencies = byLatency.results.map((e) => Number(e.properties.$ai_latency));
    expect(latencies).toEqual([...latencies].sort((a, b) => b - a));
    expect(byLatency.hasMore).toBe(true);
  });

  it("sends an evaluation event to text_repr as a generation (PostHog has no $ai_evaluation event_type)", async () => {
    const backend = strictMock();
    const run = (await clientFor(backend).getTrace({ traceId: IDS.evalBatch, dateRange: { date_from: "all" } }))?.events ?? [];
    expect(run).toEqual([]); // TraceQuery leaves evaluation runs out
    const evaluation = { id: "ev-1", event: "$ai_evaluation", createdAt: new Date(NOW).toISOString(), properties: { $ai_evaluation_result: true, $ai_evaluation_reasoning: "fine" } };
    const text = await clientFor(backend).textRepr(eventTextReprRequest(evaluation));
    expect(bodies(backend, "text_repr")[0]!.event_type).toBe("$ai_generation");
    expect(text.text.length).toBeGreaterThan(0);
  });
});

describe("adapting to the server it meets", () => {
  it("an older PostHog refuses includeSentiment: dropped once, remembered, and the rows still load (with their person)", async () => {
    const backend = strictMock({ profile: "legacy" });
    const client = clientFor(backend);
    const first = await client.listTraces({ dateRange: { date_from: "-7d" } });
    expect(first.results.length).toBeGreaterThan(0);
    expect(first.results[0]!.person).toBeTruthy();
    await client.listTraces({ dateRange: { date_from: "-7d" }, limit: 2 });
    await client.getTrace({ traceId: AGED.sixDays.id });
    const sent = queries(backend).map((q) => [q.kind, "includeSentiment" in q]);
    expect(sent).toEqual([
      ["TracesQuery", true],
      ["TracesQuery", false],
      ["TracesQuery", false],
      ["TraceQuery", true],
      ["TraceQuery", false],
    ]);
    // Another client instance learns on its own.
    await clientFor(backend).listTraces({ dateRange: { date_from: "-7d" } });
    expect(queries(backend).at(-2)!.includeSentiment).toBe(true);
  });

  it("searchTerm on a server without trace search: a trace id becomes a filter, other text is matched on the loaded rows", async () => {
    const backend = strictMock();
    const client = clientFor(backend);
    const byId = await client.listTraces({ dateRange: { date_from: "all" }, searchTerm: IDS.support });
    expect([byId.searchedBy, byId.results.map((t) => t.id)]).toEqual(["trace-id", [IDS.support]]);
    const byText = await client.listTraces({ dateRange: { date_from: "all" }, searchTerm: "trip_planner" });
    expect(byText.searchedBy).toBe("loaded-rows");
    expect(byText.results.map((t) => t.traceName)).toEqual(["trip_planner"]);
    expect(queries(backend).filter((q) => "searchTerm" in q)).toHaveLength(1);
  });

  it("a server with trace search gets the term itself", async () => {
    const latest = strictMock();
    const backend = strictMock({ profile: { ...latest.profile, name: "search", tracesQueryFields: [...latest.profile.tracesQueryFields, "searchTerm"] } });
    const page = await clientFor(backend).listTraces({ dateRange: { date_from: "all" }, searchTerm: "trip_planner" });
    expect([page.searchedBy, page.results.map((t) => t.traceName)]).toEqual(["server", ["trip_planner"]]);
  });

  it("batch_check with a scoped personal key: one 403, then a typed 'unsupported' error at once, never retried", async () => {
    const backend = strictMock({ auth: { required: true, apiKeys: [{ key: "phx_scoped_key", scopes: ["query:read", "llm_analytics:write"] }] } });
    const client = clientFor(backend, { apiKey: "phx_scoped_key", retry: { retries: 3, baseDelayMs: 1 } });
    const first = await client.summaryBatchCheck({ trace_ids: [IDS.support] }).catch((e: unknown) => e);
    expect(isPersonalApiKeyUnsupported(first)).toBe(true);
    expect(isApiError(first) && [first.kind, first.status, first.retryable]).toEqual(["unsupported", 403, false]);
    expect((first as Error).message).toMatch(/not available with a personal API key/);
    expect((first as Error).message).not.toContain("phx_scoped_key");
    const second = await client.summaryBatchCheck({ trace_ids: [IDS.rag] }).catch((e: unknown) => e);
    expect(isPersonalApiKeyUnsupported(second)).toBe(true);
    expect(backend.stats.count("batch_check")).toBe(1);
    // Everything else still works with that key.
    expect((await client.summarize({ trace_id: IDS.support, date_from: "all" })).summary.title).toBeTruthy();
  });

  it("batch_check with a legacy (unscoped) key works", async () => {
    const backend = strictMock({ auth: { required: true, apiKeys: [{ key: "phx_legacy", scopes: [] }] } });
    await expect(clientFor(backend, { apiKey: "phx_legacy" }).summaryBatchCheck({ trace_ids: [IDS.support] })).resolves.toEqual({ summaries: [] });
  });
});
