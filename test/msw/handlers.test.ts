// @vitest-environment node
import { setupServer } from "msw/node";
import { createPostHogHandlers } from "../../src/msw/mockHandlers";
import { mockFaults } from "../../src/msw/mockFaults";
import type { PostHogMockBackend } from "../../src/msw/mockBackend";
import { IDS, allTraces, fakeClassifier, fakeSummarize } from "../client/helpers";

const HOST = "https://eu.posthog.test";
const server = setupServer();
let backend: PostHogMockBackend;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function use(options: Parameters<typeof createPostHogHandlers>[0] = {}) {
  const made = createPostHogHandlers({
    baseUrl: HOST, traces: allTraces(), classifier: fakeClassifier(), summarize: fakeSummarize(), projectId: 3,
    // The day after the newest fixture trace.
    now: () => Date.parse("2025-06-19T12:00:00Z"),
    ...options,
  });
  backend = made.backend;
  server.use(...made.handlers);
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${HOST}/api/environments/3/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null };
}

describe("validation, as PostHog answers it", () => {
  beforeEach(() => use());

  it("refuses more than 5 sentiment ids, and missing or empty ids", async () => {
    const six = await post("llm_analytics/sentiment/", { ids: ["1", "2", "3", "4", "5", "6"] });
    expect(six).toMatchObject({ status: 400, body: { ids: ["Ensure this field has no more than 5 elements."] } });
    expect(await post("llm_analytics/sentiment/", {})).toMatchObject({ status: 400, body: { ids: ["This field is required."] } });
    // F-S1/F-D4: ListField(min_length=1).
    expect(await post("llm_analytics/sentiment/", { ids: [] })).toMatchObject({ status: 400, body: { ids: ["Ensure this field has at least 1 elements."] } });
    const level = await post("llm_analytics/sentiment/", { ids: ["a"], analysis_level: "session" });
    expect(level).toMatchObject({ status: 400, body: { analysis_level: ['"session" is not a valid choice.'] } });
  });

  it("answers sentiment with every id as a key, per-id errors as {error}", async () => {
    const ok = await post("llm_analytics/sentiment/", { ids: [IDS.frustrated, IDS.poison, IDS.silent], date_from: "2025-01-01" });
    expect(ok.status).toBe(200);
    const results = (ok.body as { results: Record<string, unknown> }).results;
    expect(Object.keys(results)).toEqual([IDS.frustrated, IDS.poison, IDS.silent]);
    expect(results[IDS.poison]).toEqual({ error: "Failed to compute sentiment" });
    expect(results[IDS.silent]).toMatchObject({ label: "neutral", message_count: 0 });
  });

  it("refuses more than 100 batch_check ids, bad text_repr and summarization bodies", async () => {
    const many = await post("llm_analytics/summarization/batch_check/", { trace_ids: Array.from({ length: 101 }, (_, i) => `t${i}`) });
    expect(many).toMatchObject({ status: 400, body: { trace_ids: ["Ensure this field has no more than 100 elements."] } });
    const type = await post("llm_analytics/text_repr/", { event_type: "$ai_metric", data: {} });
    expect(type).toMatchObject({ status: 400, body: { event_type: ['"$ai_metric" is not a valid choice.'] } });
    const trace = await post("llm_analytics/text_repr/", { event_type: "$ai_trace", data: { trace: {}, hierarchy: [] } });
    expect(trace).toMatchObject({ status: 400, body: ["Trace events require 'trace' object and 'hierarchy' array in data field"] });
    const both = await post("llm_analytics/summarization/", { trace_id: "a", generation_id: "b" });
    expect(both).toMatchObject({ status: 400, body: { non_field_errors: ["Provide either trace_id or generation_id, not both."] } });
    const uuid = await post("llm_analytics/evaluation_summary/", { evaluation_id: IDS.evaluation, generation_ids: ["nope"] });
    expect(uuid).toMatchObject({ status: 400, body: { generation_ids: { 0: ["Must be a valid UUID."] } } });
  });

  it("answers 404 for unknown traces, routes and projects, 405 for other methods, 400 for broken JSON", async () => {
    expect(await post("llm_analytics/summarization/", { trace_id: "nope" })).toMatchObject({ status: 404, body: { detail: "Trace 'nope' not found in the given date range." } });
    expect(await post("query", { query: { kind: "TracesQuery" } })).toMatchObject({ status: 200 });
    expect(await post("llm_analytics/nothing/", {})).toMatchObject({ status: 404 });
    const other = await fetch(`${HOST}/api/environments/99/query/`, { method: "POST", body: "{}" });
    expect(other.status).toBe(404);
    const get = await fetch(`${HOST}/api/projects/3/llm_analytics/text_repr/`);
    expect(get.status).toBe(405);
    expect(await post("query/", "{not json")).toMatchObject({ status: 400 });
  });

  it("answers TracesQuery and TraceQuery on the query endpoint", async () => {
    const list = await post("query/", { query: { kind: "TracesQuery", limit: 2 } });
    expect(list).toMatchObject({ status: 200, body: { hasMore: true, limit: 2, offset: 0 } });
    const one = await post("query/", { query: { kind: "TraceQuery", traceId: IDS.rag, dateRange: { date_from: "all" } } });
    expect((one.body as { results: Array<{ id: string }> }).results.map((t) => t.id)).toEqual([IDS.rag]);
    expect(await post("query/", { query: { kind: "HogQLQuery" } })).toMatchObject({ status: 400 });
  });
});

describe("behind a proxy prefix", () => {
  it("serves PostHog's paths under the prefix the client is pointed at", async () => {
    const made = createPostHogHandlers({ baseUrl: `${HOST}/posthog`, traces: allTraces() });
    server.use(...made.handlers);
    const response = await fetch(`${HOST}/posthog/api/environments/5/query/`, { method: "POST", body: JSON.stringify({ query: { kind: "TracesQuery", limit: 1 } }) });
    expect(response.status).toBe(200);
    expect(made.backend.stats.count("query")).toBe(1);
  });
});

describe("auth and consent", () => {
  it("answers 401 when auth is required and missing or wrong", async () => {
    use({ auth: { required: true, apiKeys: ["phx_good_key_1"] } });
    expect(await post("query/", { query: { kind: "TracesQuery" } })).toMatchObject({ status: 401, body: { detail: "Authentication credentials were not provided." } });
    expect(await post("query/", { query: { kind: "TracesQuery" } }, { Authorization: "Bearer phx_bad" })).toMatchObject({ status: 401 });
    expect(await post("query/", { query: { kind: "TracesQuery" } }, { Authorization: "Bearer phx_good_key_1" })).toMatchObject({ status: 200 });
  });

  it("answers 403 on the AI endpoints when AI processing is not approved", async () => {
    use({ aiProcessingApproved: false });
    const detail = "AI data processing must be approved by your organization before using summarization";
    for (const path of ["llm_analytics/summarization/", "llm_analytics/summarization/batch_check/", "llm_analytics/evaluation_summary/"]) {
      expect(await post(path, {})).toMatchObject({ status: 403, body: { detail } });
    }
    expect((await post("llm_analytics/text_repr/", { event_type: "$ai_generation", data: { id: "x", properties: {} } })).status).toBe(200);
  });

  it("answers 501 when the local client behind it has no summarizer", async () => {
    use({ summarize: undefined });
    expect(await post("llm_analytics/summarization/", { trace_id: IDS.rag })).toMatchObject({ status: 501, body: { error: "No summarizer configured" } });
  });
});

describe("faults and latency", () => {
  beforeEach(() => use());

  it("throttles with 429 and Retry-After, fails with the endpoint's 500 body, then recovers", async () => {
    backend.addFault({ endpoint: "sentiment", fault: mockFaults.throttle(3), times: 1 });
    backend.addFault({ endpoint: "sentiment", fault: mockFaults.serverError(), times: 1 });
    const throttled = await post("llm_analytics/sentiment/", { ids: ["a"] });
    expect(throttled).toMatchObject({ status: 429, body: { detail: "Request was throttled. Expected available in 3 seconds." } });
    expect(throttled.headers.get("Retry-After")).toBe("3");
    expect(await post("llm_analytics/sentiment/", { ids: ["a"] })).toMatchObject({ status: 500, body: { error: "Failed to compute sentiment" } });
    expect((await post("llm_analytics/sentiment/", { ids: ["a"] })).status).toBe(200);
  });

  it("drops connections and sends broken JSON on request", async () => {
    backend.addFault({ endpoint: "query", fault: mockFaults.networkError(), times: 1 });
    backend.addFault({ endpoint: "query", fault: mockFaults.malformedJson(), times: 1 });
    await expect(post("query/", { query: { kind: "TracesQuery" } })).rejects.toThrow();
    const broken = await fetch(`${HOST}/api/environments/3/query/`, { method: "POST", body: JSON.stringify({ query: { kind: "TracesQuery" } }) });
    expect(broken.status).toBe(200);
    await expect(broken.json()).rejects.toThrow();
  });

  it("applies only to the endpoint, the number of hits and the condition given", async () => {
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.status(503), when: ({ body }) => JSON.stringify(body).includes("bad") });
    expect((await post("llm_analytics/text_repr/", { event_type: "$ai_generation", data: { id: "good", properties: {} } })).status).toBe(200);
    expect((await post("llm_analytics/text_repr/", { event_type: "$ai_generation", data: { id: "bad", properties: {} } })).status).toBe(503);
    backend.clearFaults();
    expect((await post("llm_analytics/text_repr/", { event_type: "$ai_generation", data: { id: "bad", properties: {} } })).status).toBe(200);
  });

  it("adds the configured latency and counts what it saw", async () => {
    backend.setLatency(60);
    const started = Date.now();
    await Promise.all([post("query/", { query: { kind: "TracesQuery" } }), post("query/", { query: { kind: "TracesQuery" } })]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(backend.stats.count("query")).toBe(2);
    expect(backend.stats.maxInFlightFor("query")).toBe(2);
  });
});
