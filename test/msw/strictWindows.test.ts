// @vitest-environment node
/**
 * The strict mock's date windows (F-Q5, F-Q6, F-S3, F-M2, events_query_runner.py) and what the query
 * endpoint returns (stored sentiment, trace rows per profile, EventsQuery): the rules that make a lookup
 * by id come back empty unless it carries a window that holds its data.
 */
import type { LLMTrace } from "../../src/core/eventsTrace";
import { sentimentEvaluationProperties } from "../../src/core/sentiment/stored";
import { AGED, NOW, call, datedTrace, detailOf, iso, query, strictMock } from "./strictMockHelpers";

const DAY = 86_400_000;
const MINUTE = 60_000;
type Rows = { results: LLMTrace[] };

const traceQuery = async (backend: ReturnType<typeof strictMock>, traceId: string, dateRange?: Record<string, unknown>) =>
  ((await call(backend, "query/", query({ kind: "TraceQuery", traceId, ...(dateRange ? { dateRange } : {}) }))).body as Rows).results;

describe("date windows", () => {
  it("F-Q6: TraceQuery without dateRange searches from the start of the day 7 days back", async () => {
    const backend = strictMock();
    expect((await traceQuery(backend, AGED.sixDays.id)).map((t) => t.id)).toEqual([AGED.sixDays.id]);
    expect(await traceQuery(backend, AGED.eightDays.id)).toEqual([]);
    expect(await traceQuery(backend, AGED.fortyFiveDays.id)).toEqual([]);
    expect((await traceQuery(backend, AGED.fortyFiveDays.id, { date_from: "-90d" })).map((t) => t.id)).toEqual([AGED.fortyFiveDays.id]);
    expect((await traceQuery(backend, AGED.fortyFiveDays.id, { date_from: "all" })).map((t) => t.id)).toEqual([AGED.fortyFiveDays.id]);
  });

  it("F-Q5: events are read 10 minutes either side, then a trace whose first timestamp is outside the window is dropped", async () => {
    const from = NOW - 2 * DAY;
    const to = NOW - DAY;
    // Begins half an hour before the window, pauses, and goes on inside it.
    const straddling = datedTrace("starts-30-min-early", from - 30 * MINUTE, 2);
    straddling.events[1]!.createdAt = iso(from + MINUTE);
    const traces = [
      datedTrace("starts-inside", from + MINUTE),
      datedTrace("starts-5-min-early", from - 5 * MINUTE, 10),
      straddling,
      datedTrace("starts-after", to + 5 * MINUTE),
    ];
    const backend = strictMock({ traces });
    const range = { date_from: iso(from), date_to: iso(to) };
    expect((await traceQuery(backend, "starts-inside", range)).length).toBe(1);
    expect(await traceQuery(backend, "starts-5-min-early", range)).toEqual([]);
    expect(await traceQuery(backend, "starts-after", range)).toEqual([]);
    // Read only from 10 minutes before the window: its first event read is inside, so it comes back, cut short.
    const partial = await traceQuery(backend, "starts-30-min-early", range);
    expect(partial.map((t) => [t.createdAt, t.events.length])).toEqual([[iso(from + MINUTE), 1]]);
    const list = (await call(backend, "query/", query({ kind: "TracesQuery", dateRange: range }))).body as Rows;
    expect(list.results.map((t) => t.id).sort()).toEqual(["starts-30-min-early", "starts-inside"]);
  });

  it("F-S3: sentiment without date_from reads 7 days back and answers an older trace neutral and empty, silently", async () => {
    const backend = strictMock();
    const results = async (body: Record<string, unknown>) => ((await call(backend, "llm_analytics/sentiment/", body)).body as { results: Record<string, { label: string; message_count: number }> }).results;
    const without = await results({ ids: [AGED.fortyFiveDays.id, AGED.sixDays.id] });
    expect(without[AGED.fortyFiveDays.id]).toMatchObject({ label: "neutral", message_count: 0 });
    expect(without[AGED.sixDays.id]).toMatchObject({ label: "positive", message_count: 1 });
    const unreadable = await results({ ids: [AGED.fortyFiveDays.id], date_from: "last spring", force_refresh: true });
    expect(unreadable[AGED.fortyFiveDays.id]).toMatchObject({ message_count: 0 });
    const windowed = await results({ ids: [AGED.fortyFiveDays.id], date_from: "-60d", force_refresh: true });
    expect(windowed[AGED.fortyFiveDays.id]).toMatchObject({ label: "positive", message_count: 1 });
  });

  it('F-M2: summarization by id looks in date_from or "-30d", then answers 404', async () => {
    const backend = strictMock();
    const byTrace = await call(backend, "llm_analytics/summarization/", { trace_id: AGED.fortyFiveDays.id });
    expect([byTrace.status, detailOf(byTrace)]).toEqual([404, `Trace '${AGED.fortyFiveDays.id}' not found in the given date range.`]);
    expect((await call(backend, "llm_analytics/summarization/", { trace_id: AGED.fortyFiveDays.id, date_from: "-60d" })).status).toBe(200);
    const generation = AGED.fortyFiveDays.events[0]!.id;
    const byEvent = await call(backend, "llm_analytics/summarization/", { generation_id: generation });
    expect([byEvent.status, detailOf(byEvent)]).toEqual([404, `Event '${generation}' not found in the given date range.`]);
    const found = await call(backend, "llm_analytics/summarization/", { generation_id: generation, date_from: iso(NOW - 50 * DAY) });
    expect([found.status, (found.body as { metadata: { summarize_type: string } }).metadata.summarize_type]).toEqual([200, "event"]);
  });

  it("EventsQuery: `after` defaults to the last 24 hours, 'all' drops it, `before` is strict", async () => {
    const traces = [datedTrace("recent", NOW - 2 * 3_600_000), datedTrace("older", NOW - 3 * DAY)];
    const backend = strictMock({ traces });
    const ids = async (extra: Record<string, unknown>) =>
      ((await call(backend, "query/", query({ kind: "EventsQuery", select: ["uuid", "timestamp"], event: "$ai_generation", ...extra }))).body as { results: string[][] }).results.map((r) => r[0]);
    expect(await ids({})).toEqual(["recent-g0"]);
    expect(await ids({ after: "all" })).toEqual(["recent-g0", "older-g0"]);
    expect(await ids({ after: "all", orderBy: ["timestamp ASC"] })).toEqual(["older-g0", "recent-g0"]);
    expect(await ids({ after: "all", before: iso(NOW - 3 * DAY) })).toEqual([]);
  });
});

describe("what the query endpoint returns", () => {
  it("latest rows carry distinctId and no person; legacy rows carry the person object", async () => {
    const list = async (profile: "latest" | "legacy") =>
      ((await call(strictMock({ profile }), "query/", query({ kind: "TracesQuery", dateRange: { date_from: "-7d" } }))).body as Rows).results;
    const latest = (await list("latest")).find((t) => t.id === AGED.sixDays.id)!;
    expect([latest.distinctId, latest.person]).toEqual([`d-${AGED.sixDays.id}`, undefined]);
    const legacy = (await list("legacy")).find((t) => t.id === AGED.sixDays.id)!;
    expect(legacy.person).toMatchObject({ distinct_id: `d-${AGED.sixDays.id}`, properties: { email: `${AGED.sixDays.id}@example.com` } });
  });

  it("includeSentiment joins stored $ai_evaluation sentiment: newest per generation, a flat mean per trace, no trace_id or generations", async () => {
    const trace = datedTrace("stored", NOW - DAY, 2);
    const [g0, g1] = trace.events;
    const stored = (generationId: string, at: number, scores: Record<string, number>, messages: Record<string, unknown>, label = "positive") => ({
      id: `${generationId}-eval-${at}`,
      event: "$ai_evaluation",
      createdAt: iso(at),
      properties: sentimentEvaluationProperties(trace.id, generationId, { label: label as "positive", score: scores[label]!, scores: scores as never, messages: messages as never, message_count: Object.keys(messages).length }),
    });
    const m = (positive: number, neutral: number, negative: number) => ({ label: "positive", score: positive, scores: { positive, neutral, negative } });
    trace.events.push(
      stored(g0!.id, NOW - DAY + 1000, { positive: 0.1, neutral: 0.1, negative: 0.8 }, { "0": m(0.1, 0.1, 0.8) }, "negative"),
      // Newer evaluation of the same generation wins.
      stored(g0!.id, NOW - DAY + 5000, { positive: 0.9, neutral: 0.1, negative: 0 }, { "0": m(0.9, 0.1, 0), "2": m(0.5, 0.5, 0) }),
      stored(g1!.id, NOW - DAY + 6000, { positive: 0.2, neutral: 0.7, negative: 0.1 }, { "1": m(0.2, 0.7, 0.1) }, "neutral"),
    );
    const backend = strictMock({ traces: [trace] });
    const [row] = ((await call(backend, "query/", query({ kind: "TraceQuery", traceId: trace.id, includeSentiment: true }))).body as Rows).results;
    expect(row!.sentiment).toEqual({
      label: "positive",
      score: 0.5333,
      scores: { positive: 0.5333, neutral: 0.4333, negative: 0.0333 },
      messages: { [`${g0!.id}:0`]: m(0.9, 0.1, 0), [`${g0!.id}:2`]: m(0.5, 0.5, 0), [`${g1!.id}:1`]: m(0.2, 0.7, 0.1) },
      message_count: 3,
    });
    expect(row!.events.find((e) => e.id === g1!.id)!.sentiment).toMatchObject({ label: "neutral", message_count: 1 });
    // TraceQuery leaves the evaluation runs out; without includeSentiment there is no sentiment at all.
    expect(row!.events.some((e) => e.event === "$ai_evaluation")).toBe(false);
    const [plain] = ((await call(backend, "query/", query({ kind: "TraceQuery", traceId: trace.id }))).body as Rows).results;
    expect(plain!.sentiment).toBeUndefined();
  });
});
