import { errorGroupKey, groupErrors, normalizeErrorMessage, sortErrorGroups, UNKNOWN_ERROR } from "../../src/core/errorGroups";
import { errorTrendSeries, trendWindow } from "../../src/core/errorTrends";
import type { LLMTrace } from "../../src/core/eventsTrace";
import { flattenTraceEvents, hogqlFiltersPredicate } from "../../src/core/exploreEvents";
import { aggregateSessions, sortSessionRows } from "../../src/core/sessionRows";
import { eventNeighbours, listNeighbours } from "../../src/core/traceNeighbours";

const T0 = Date.parse("2025-08-01T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function trace(id: string, session: string | null, events: Array<[string, number, Record<string, unknown>]>, distinctId = `d-${id}`): LLMTrace {
  return {
    id,
    createdAt: at(events[0]![1]),
    distinctId,
    events: events.map(([event, minute, properties], i) => ({ id: `${id}-${i}`, event, createdAt: at(minute), properties: { ...(session && event === "$ai_trace" ? { $ai_session_id: session } : {}), ...properties } })),
  };
}

describe("sessions (sessions.sql semantics)", () => {
  const traces = [
    trace("t1", "s1", [["$ai_generation", 0, { $ai_total_cost_usd: 0.01, $ai_latency: 1 }], ["$ai_span", 1, { $ai_latency: 0.5 }], ["$ai_trace", 2, { $ai_latency: 3 }]]),
    trace("t2", "s1", [["$ai_generation", 10, { $ai_latency: 2, $ai_is_error: "true" }], ["$ai_embedding", 11, { $ai_total_cost_usd: 0.00002 }], ["$ai_trace", 12, {}]]),
    trace("t3", "s2", [["$ai_generation", 20, { $ai_session_id: "s2" }], ["$ai_metric", 21, { $ai_session_id: "s2" }]]),
    trace("t4", null, [["$ai_generation", 30, { $ai_total_cost_usd: 1 }]]),
  ];
  const rows = aggregateSessions(flattenTraceEvents(traces), { withTraceIds: true });

  it("groups by trace then session, with PostHog's latency and cost rules", () => {
    const s1 = rows.find((r) => r.sessionId === "s1")!;
    expect(s1).toMatchObject({ traces: 2, spans: 1, generations: 2, embeddings: 1, errors: 1, totalCost: 0.01, totalLatency: 5, firstSeen: at(0), lastSeen: at(12), traceIds: ["t1", "t2"] });
    expect(s1.costCoverage).toEqual({ usageEvents: 3, costReported: 2 });
    // The session id on a child event counts; $ai_metric is not read; unknown cost and latency stay unknown.
    expect(rows.find((r) => r.sessionId === "s2")).toMatchObject({ traces: 1, generations: 1, totalCost: null, totalLatency: null, lastSeen: at(20) });
    expect(rows.map((r) => r.sessionId).sort()).toEqual(["s1", "s2"]);
  });

  it("sorts like ORDER BY with a tie-break on the session id", () => {
    expect(sortSessionRows(rows, { column: "traces", direction: "DESC" }).map((r) => r.sessionId)).toEqual(["s1", "s2"]);
    expect(sortSessionRows(rows, { column: "total_cost", direction: "ASC" }).map((r) => r.sessionId)).toEqual(["s2", "s1"]);
    expect(sortSessionRows(rows, { column: "last_seen", direction: "DESC" }).map((r) => r.sessionId)).toEqual(["s2", "s1"]);
  });

  it("only events through {filters} count", () => {
    const keep = hogqlFiltersPredicate({ properties: [{ key: "$ai_latency", operator: "gt", value: 1.5 }] }, { now: T0 });
    const filtered = aggregateSessions(flattenTraceEvents(traces).filter(keep));
    // t1 keeps only its $ai_trace event (latency 3); t2 keeps its generation, which carries no session id.
    expect(filtered.map((r) => [r.sessionId, r.traces, r.generations])).toEqual([["s1", 1, 0]]);
    const byWindow = hogqlFiltersPredicate({ dateRange: { date_from: at(10), date_to: at(12) } }, { now: T0 });
    expect(aggregateSessions(flattenTraceEvents(traces).filter(byWindow)).map((r) => [r.sessionId, r.generations, r.embeddings])).toEqual([]);
    const withTrace = hogqlFiltersPredicate({ dateRange: { date_from: at(10), date_to: at(13) } }, { now: T0 });
    expect(aggregateSessions(flattenTraceEvents(traces).filter(withTrace)).map((r) => [r.sessionId, r.generations, r.embeddings])).toEqual([["s1", 1, 1]]);
  });
});

describe("error normalisation (PostHog's ingestion rules)", () => {
  it.each([
    ["Request req_abc123 failed with status 500", "Request <ID> failed with status <N>"],
    ["Error 550e8400-e29b-41d4-a716-446655440000 occurred", "Error <ID> occurred"],
    ["Timeout at 2025-11-08T14:25:51.767Z", "Timeout at <TIMESTAMP>"],
    ["Model projects/123/locations/us-west2/publishers/google/models/gemini-pro not found", "Model projects/<PATH> not found"],
    ['{"responseId":"h2sPacmZI4","id": "abc-1"}', '{"responseId":"<RESPONSE_ID>","id": "<ID>"}'],
    ["tool_call_id='toolu_01LCbNr' failed; toolu_99XY missing", "tool_call_id='<TOOL_CALL_ID>' failed; <TOOL_ID> missing"],
    ["No tool output found for function call call_edLii.", "No tool output found for function call call_<CALL_ID>."],
    ["'user_id': 'user_32yQoB' denied", "'user_id': 'user_<USER_ID>' denied"],
    ["<object object at 0xfffced405130>", "<object object at <OBJECT_ID>>"],
    ["row with ID=\"s1\" gone", "row with id='<ID>' gone"],
    ['limit: "tokenCount": 7125', 'limit: "tokenCount":<TOKEN_COUNT>'],
    ["project 1234567890 port 8080", "project <ID> port <N>"],
    ["  many\n\tspaces   here ", "many spaces here"],
    ["user_input and call_function stay", "user_input and call_function stay"],
  ])("%s", (input, expected) => {
    expect(normalizeErrorMessage(input)).toBe(expected);
  });

  it("cuts long messages, quotes values only when asked, and keys errors like ingestion does", () => {
    const long = normalizeErrorMessage(`Error: ${"x".repeat(2000)}`);
    expect(long.length).toBe(1003);
    expect(long.endsWith("...")).toBe(true);
    expect(normalizeErrorMessage("model 'gpt-4o' not found")).toBe("model 'gpt-<N>o' not found");
    expect(normalizeErrorMessage("model 'gpt-4o' not found", { quotedValues: true })).toBe("model '<VALUE>' not found");
    expect(errorGroupKey({ $ai_error: { status: 400, requestId: "req_abc" } })).toBe('{"status":<N>,"requestId":"<ID>"}');
    expect(errorGroupKey({ $ai_error: "   " })).toBe(UNKNOWN_ERROR);
    expect(errorGroupKey({})).toBe(UNKNOWN_ERROR);
    expect(errorGroupKey({ $ai_error: "x 1", $ai_error_normalized: "Mine" })).toBe("Mine");
  });
});

describe("error groups and trends", () => {
  const traces = [
    trace("t1", "s1", [["$ai_generation", 0, { $ai_is_error: true, $ai_error: "Rate limit for req_a1, retry in 3s", $ai_trace_id: "t1", $ai_session_id: "s1" }], ["$ai_trace", 1, { $ai_is_error: true, $ai_error: "boom 1" }]], "u1"),
    trace("t2", "s2", [["$ai_span", 60 * 24 + 5, { $ai_is_error: "true", $ai_error: "Rate limit for req_b2, retry in 9s", $ai_session_id: "s2" }], ["$ai_generation", 60 * 24 + 6, { $ai_error: "not flagged" }]], "u2"),
  ];
  const events = flattenTraceEvents(traces);

  it("groups by normalised message with PostHog's columns, plus an example and trace ids", () => {
    const groups = sortErrorGroups(groupErrors(events));
    expect(groups.map((g) => [g.error, g.traces, g.sessions, g.users, g.generations, g.spans, g.occurrences, g.daysSeen])).toEqual([
      ["Rate limit for <ID>, retry in <N>s", 2, 2, 2, 1, 1, 2, 2],
      ["boom <N>", 1, 1, 1, 0, 0, 0, 1],
    ]);
    expect(groups[0]).toMatchObject({ example: "Rate limit for req_b2, retry in 9s", traceIds: ["t2", "t1"], firstSeen: at(0), lastSeen: at(60 * 24 + 5) });
    expect(groupErrors(events, { orMessage: true }).map((g) => g.error)).toContain("not flagged");
  });

  it("counts per day bucket of a trends window", () => {
    const now = Date.parse("2025-08-03T08:00:00Z");
    const window = trendWindow({ date_from: "-3d" }, now, "day", null)!;
    expect(window.starts.map((ms) => new Date(ms).toISOString().slice(0, 10))).toEqual(["2025-07-31", "2025-08-01", "2025-08-02", "2025-08-03"]);
    const series = errorTrendSeries(events, window, { errors: ["Rate limit for <ID>, retry in <N>s"] });
    expect([...series.entries()]).toEqual([["Rate limit for <ID>, retry in <N>s", [0, 1, 1, 0]]]);
    expect(trendWindow({ date_from: "-2h" }, now, "hour", null)!.starts.length).toBe(3);
    expect(trendWindow({ date_from: "nonsense" }, now, "day", null)).toBeNull();
  });
});

describe("neighbours", () => {
  it("from a loaded list, newest first", () => {
    const list = [{ id: "c" }, { id: "b" }, { id: "a" }];
    expect(listNeighbours(list, "b")).toEqual({ newer: { id: "c" }, older: { id: "a" }, index: 1 });
    expect(listNeighbours(list, "c")).toMatchObject({ newer: null, older: { id: "b" } });
    expect(listNeighbours(list, "zzz")).toEqual({ newer: null, older: null, index: -1 });
  });

  it("from events, by (latest event time, trace id) with ties broken by id", () => {
    const traces = [
      trace("a", null, [["$ai_generation", 0, {}]]),
      trace("b", null, [["$ai_generation", 10, {}]]),
      trace("c", null, [["$ai_generation", 10, {}]]),
      trace("d", null, [["$ai_generation", 20, {}], ["$ai_generation", 22, {}]]),
    ];
    const events = flattenTraceEvents(traces);
    expect(eventNeighbours(events, "c", Date.parse(at(10)))).toEqual({ olderTraceId: "b", olderTimestamp: at(10), newerTraceId: "d", newerTimestamp: at(22) });
    expect(eventNeighbours(events, "b", Date.parse(at(10)))).toMatchObject({ olderTraceId: "a", newerTraceId: "c", newerTimestamp: at(10) });
    // A trace's time on each side counts only its events on that side of the timestamp (PostHog's WHERE).
    expect(eventNeighbours(events, "c", Date.parse(at(21)))).toMatchObject({ olderTraceId: "d", olderTimestamp: at(20), newerTraceId: "d", newerTimestamp: at(22) });
  });
});
