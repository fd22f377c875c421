// @vitest-environment node
/**
 * The same data, the same filters, two paths: the PostHog client through the strict mock (PostHog's wire
 * rules, its queries validated) and the local client. Trace lists, sessions, error groups, error trends
 * and neighbours must give the same rows, for a fixed battery of filters and for random ones.
 */
import fc from "fast-check";
import { createLocalClient } from "../../src/client/clientLocal";
import { createPostHogClient } from "../../src/client/clientPostHog";
import type { TraceLensClient, TracesParams } from "../../src/client/clientTypes";
import type { QueryPropertyFilter } from "../../src/core/eventsTrace";
import type { SessionRow } from "../../src/core/sessionRows";
import type { ErrorGroup } from "../../src/core/errorGroups";
import { createPostHogMockBackend, type PostHogMockBackend } from "../../src/msw/mockBackend";
import { EXPLORE_NOW, TEST_ACCOUNT_FILTERS, exploreTraces } from "./exploreData";

function pair(seed = 7) {
  const traces = exploreTraces({ seed });
  const backend = createPostHogMockBackend({ traces, now: () => EXPLORE_NOW, testAccountFilters: TEST_ACCOUNT_FILTERS, projectId: 2 });
  const posthog = createPostHogClient({
    host: "https://posthog.test",
    projectId: 2,
    retry: { retries: 0 },
    fetch: async (input, init) => {
      const outcome = await backend.handle(new Request(input, init));
      if (outcome.type === "network-error") throw new TypeError("fetch failed");
      return outcome.response;
    },
  });
  const local = createLocalClient({ traces, now: () => EXPLORE_NOW, testAccounts: TEST_ACCOUNT_FILTERS });
  return { traces, backend, posthog, local };
}

const ev = (key: string, operator: string, value?: unknown): QueryPropertyFilter => ({ type: "event", key, operator, ...(value === undefined ? {} : { value }) });
const person = (key: string, operator: string, value?: unknown): QueryPropertyFilter => ({ type: "person", key, operator, ...(value === undefined ? {} : { value }) });

/** Filters a person would build, one per PostHog operator family. */
const BATTERY: Array<{ name: string; params: TracesParams }> = [
  { name: "last 7 days", params: { dateRange: { date_from: "-7d" } } },
  { name: "last 24 hours", params: { dateRange: { date_from: "-24h" } } },
  { name: "absolute window", params: { dateRange: { date_from: "2025-07-28", date_to: "2025-08-01" } } },
  { name: "all time, test accounts out", params: { dateRange: { date_from: "all" }, filterTestAccounts: true } },
  { name: "model equals", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_model", "exact", "gpt-4o")] } },
  { name: "model any of", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_model", "exact", ["gpt-4o", "claude-sonnet-4"])] } },
  { name: "model is not", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_model", "is_not", "gpt-4o-mini")] } },
  { name: "model contains, any case", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_model", "icontains", "GPT")] } },
  { name: "model does not contain", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_model", "not_icontains", "mini")] } },
  { name: "model regex", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_model", "regex", "^gpt-4o$")] } },
  { name: "model not regex", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_model", "not_regex", "(?i)CLAUDE")] } },
  { name: "latency above 2 s", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_latency", "gt", 2)] } },
  { name: "temperature at most 0.2 (numeric strings)", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_temperature", "lte", "0.2")] } },
  { name: "cost between", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_total_cost_usd", "between", [0.01, 0.03])] } },
  { name: "cost not between", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_total_cost_usd", "not_between", [0.01, 0.03])] } },
  { name: "errored", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_is_error", "exact", "true")] } },
  { name: "session set", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_session_id", "is_set")] } },
  { name: "span name not set", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_span_name", "is_not_set")] } },
  { name: "tier in", params: { dateRange: { date_from: "all" }, properties: [person("tier", "in", ["pro", "enterprise"])] } },
  { name: "email contains, with a LIKE wildcard", params: { dateRange: { date_from: "all" }, properties: [person("email", "icontains", "%@acme")] } },
  { name: "person by distinct id", params: { dateRange: { date_from: "all" }, properties: [person("distinct_id", "exact", "user-2")] } },
  { name: "person uuid", params: { dateRange: { date_from: "all" }, personId: "person-1" } },
  { name: "one event must pass both", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_model", "exact", "gpt-4o"), ev("$ai_is_error", "exact", "true")] } },
  { name: "error group click-through", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_is_error", "exact", "true"), ev("$ai_error_normalized", "exact", "Upstream timeout")] } },
  { name: "date after (relative value)", params: { dateRange: { date_from: "all" }, properties: [ev("$ai_span_name", "is_set"), person("email", "is_date_after", "-1d")] } },
];

async function ids(client: TraceLensClient, params: TracesParams): Promise<string[]> {
  return (await client.listTraces({ ...params, limit: 1000 })).results.map((t) => t.id).sort();
}

/** What PostHog's sessions query can tell: the local client's extras (trace ids, sentiment, coverage) left out. */
function comparableSession(row: SessionRow) {
  return { id: row.sessionId, n: [row.traces, row.spans, row.generations, row.embeddings, row.errors], cost: row.totalCost || null, latency: row.totalLatency || null, first: row.firstSeen, last: row.lastSeen };
}

function comparableError(group: ErrorGroup) {
  return [group.error, group.traces, group.generations, group.spans, group.embeddings, group.sessions, group.users, group.occurrences, group.daysSeen, group.firstSeen, group.lastSeen];
}

describe("PostHog (through the strict mock) and local give the same rows", () => {
  it("trace lists, for a battery of filters", async () => {
    const { posthog, local } = pair();
    for (const { name, params } of BATTERY) {
      const expected = await ids(local, params);
      expect([name, await ids(posthog, params)]).toEqual([name, expected]);
    }
    // The battery is not vacuous: filters keep some traces and drop others.
    const all = (await ids(local, { dateRange: { date_from: "all" } })).length;
    const sizes = await Promise.all(BATTERY.map(({ params }) => ids(local, params).then((x) => x.length)));
    expect(sizes.filter((n) => n > 0 && n < all).length).toBeGreaterThan(BATTERY.length * 0.7);
  });

  it("sessions, every sort, with filters, paged", async () => {
    const { posthog, local, backend } = pair();
    for (const column of ["last_seen", "traces", "errors", "total_cost", "total_latency", "first_seen", "session_id"] as const) {
      for (const direction of ["ASC", "DESC"] as const) {
        const params = { dateRange: { date_from: "-30d" }, sort: { column, direction } };
        const [a, b] = await Promise.all([posthog.listSessions!(params), local.listSessions!(params)]);
        expect(a.results.map(comparableSession)).toEqual(b.results.map(comparableSession));
      }
    }
    const filters = { dateRange: { date_from: "-7d" }, filterTestAccounts: true, properties: [ev("$ai_model", "exact", ["gpt-4o", "gpt-4o-mini"])] };
    const [a, b] = await Promise.all([posthog.listSessions!(filters), local.listSessions!(filters)]);
    expect(a.results.length).toBeGreaterThan(0);
    expect(a.results.map(comparableSession)).toEqual(b.results.map(comparableSession));
    // Pages of 3 add up to the whole list, with PostHog's "a full page means maybe more".
    const pages: SessionRow[] = [];
    for (let offset = 0; ; offset += 3) {
      const page = await posthog.listSessions!({ ...filters, limit: 3, offset });
      pages.push(...page.results);
      if (!page.hasMore) break;
    }
    expect(pages.map(comparableSession)).toEqual(a.results.map(comparableSession));
    const sent = backend.stats.requests.filter((r) => r.endpoint === "query").map((r) => (r.body as { query: { kind: string } }).query.kind);
    expect(new Set(sent)).toEqual(new Set(["HogQLQuery"]));
  });

  it("error groups, trends and neighbours", async () => {
    const { posthog, local } = pair();
    const params = { dateRange: { date_from: "-14d" } };
    const [a, b] = await Promise.all([posthog.listErrors!(params), local.listErrors!(params)]);
    expect(a.results.length).toBeGreaterThan(2);
    expect(a.results.map(comparableError)).toEqual(b.results.map(comparableError));
    const errors = a.results.map((g) => g.error);
    for (const interval of ["day", "hour"] as const) {
      const trendParams = { dateRange: { date_from: "-3d" }, errors, interval };
      expect(await posthog.errorTrends!(trendParams)).toEqual(await local.errorTrends!(trendParams));
    }
    const traces = (await local.listTraces({ dateRange: { date_from: "all" }, limit: 1000 })).results;
    for (const trace of traces.slice(0, 12)) {
      const query = { traceId: trace.id, timestamp: trace.createdAt, properties: [ev("$ai_model", "is_set")] };
      expect(await posthog.traceNeighbours!(query)).toEqual(await local.traceNeighbours!(query));
    }
  });

  it("random data and random filters", async () => {
    const filter = fc.oneof(
      fc.constantFrom("gpt-4o", "gpt-4o-mini", "claude-sonnet-4").map((m) => ev("$ai_model", "exact", m)),
      fc.constantFrom("exact", "is_not", "icontains", "not_icontains", "regex", "not_regex").chain((op) => fc.constantFrom("gpt", "GPT", "4o", "mini", "^claude").map((v) => ev("$ai_model", op, v))),
      fc.tuple(fc.constantFrom("gt", "gte", "lt", "lte"), fc.double({ min: 0, max: 4, noNaN: true })).map(([op, v]) => ev("$ai_latency", op, Math.round(v * 100) / 100)),
      fc.constantFrom("pro", "free", "enterprise").map((tier) => person("tier", "exact", tier)),
      fc.constantFrom("is_set", "is_not_set").map((op) => ev("$ai_is_error", op)),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.array(filter, { maxLength: 2 }), fc.constantFrom("-2d", "-7d", "all"), fc.boolean(), async (seed, properties, from, testAccounts) => {
        const { posthog, local } = pair(seed);
        const params = { dateRange: { date_from: from }, properties, filterTestAccounts: testAccounts };
        expect(await ids(posthog, params)).toEqual(await ids(local, params));
        const [a, b] = await Promise.all([posthog.listSessions!(params), local.listSessions!(params)]);
        expect(a.results.map(comparableSession)).toEqual(b.results.map(comparableSession));
        const [c, d] = await Promise.all([posthog.listErrors!(params), local.listErrors!(params)]);
        expect(c.results.map(comparableError)).toEqual(d.results.map(comparableError));
      }),
      { numRuns: 25 },
    );
  });
});

describe("the strict mock enforces what it accepts", () => {
  let backend: PostHogMockBackend;
  beforeEach(() => {
    backend = pair().backend;
  });
  const post = async (query: unknown) => {
    const outcome = await backend.handle(new Request("https://posthog.test/api/environments/2/query/", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ query }) }));
    if (outcome.type !== "response") throw new Error("network error");
    return { status: outcome.response.status, body: (await outcome.response.json()) as { detail?: string; mock_limitation?: boolean } };
  };

  it("HogQL other than tracelens' own queries is a 501 that says so", async () => {
    const answer = await post({ kind: "HogQLQuery", query: "SELECT count() FROM events" });
    expect(answer.status).toBe(501);
    expect(answer.body).toMatchObject({ mock_limitation: true });
    expect(answer.body.detail).toMatch(/runs only the HogQL tracelens sends/);
  });

  it("F-Q2: unknown keys in HogQLQuery or its filters are 400 extra_forbidden", async () => {
    const extra = await post({ kind: "HogQLQuery", query: "SELECT 1", filters: { dateRange: {}, searchTerm: "x" } });
    expect(extra.status).toBe(400);
    expect(extra.body.detail).toMatch(/query\.HogQLQuery\.filters\.searchTerm\n\s+Extra inputs are not permitted/);
  });

  it("ORDER BY a column the query does not select is PostHog's 400", async () => {
    const { sessionsHogQL } = await import("../../src/client/clientExploreQueries");
    const answer = await post({ kind: "HogQLQuery", query: sessionsHogQL({ column: "cost" as never, direction: "DESC" }, 50, 0) });
    expect([answer.status, answer.body.detail]).toEqual([400, "Unable to resolve field: cost"]);
  });

  it("property filters PostHog refuses are 400; ones the mock cannot evaluate are 501", async () => {
    const { sessionsHogQL } = await import("../../src/client/clientExploreQueries");
    const query = (properties: unknown[]) => ({ kind: "HogQLQuery", query: sessionsHogQL({ column: "last_seen", direction: "DESC" }, 50, 0), filters: { properties } });
    const between = await post(query([ev("$ai_latency", "between", [3, 1])]));
    expect([between.status, between.body.detail]).toEqual([400, "between operator requires min value to be less than or equal to max value"]);
    const lookaround = await post(query([ev("$ai_model", "regex", "gpt(?=-4)")]));
    expect(lookaround.status).toBe(400);
    const cohort = await post(query([{ type: "cohort", key: "id", value: 3 }]));
    expect([cohort.status, cohort.body.mock_limitation]).toEqual([501, true]);
  });

  it("TrendsQuery beyond plain totals, and TraceNeighborsQuery on an older server, are refused", async () => {
    const dau = await post({ kind: "TrendsQuery", series: [{ kind: "EventsNode", event: "$ai_generation", math: "dau" }] });
    expect([dau.status, dau.body.mock_limitation]).toEqual([501, true]);
    backend.setProfile("legacy");
    const neighbours = await post({ kind: "TraceNeighborsQuery", traceId: "t", timestamp: "2025-08-01T00:00:00Z" });
    expect(neighbours.status).toBe(400);
    expect(neighbours.body.detail).toMatch(/Input tag 'TraceNeighborsQuery' found using 'kind' does not match/);
  });
});
