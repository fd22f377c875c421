// @vitest-environment node
/**
 * The strict mock's request validation, fact by fact: DRF serializers on the llm_analytics endpoints
 * (F-D*, F-S1, F-T1, F-M1, F-M3, F-E1) and pydantic models with extra="forbid" on the query endpoint
 * (F-Q1 … F-Q4), with the two server profiles.
 */
import { IDS } from "../client/helpers";
import { call, detailOf, query, strictMock } from "./strictMockHelpers";

const UUID = "11111111-2222-4333-8444-555555555555";

describe("DRF serializers (F-D1 … F-D4)", () => {
  it("F-D1: unknown keys are ignored, including inside the nested text_repr options", async () => {
    const backend = strictMock();
    const answer = await call(backend, "llm_analytics/text_repr/", { event_type: "$ai_generation", data: { id: "e", properties: {} }, colour: "red", options: { max_length: 50, bogus: 1 } });
    expect(answer.status).toBe(200);
  });

  it("F-D2: a body that is not a dict, or not JSON, is refused whole", async () => {
    const backend = strictMock();
    expect(await call(backend, "llm_analytics/sentiment/", [1, 2])).toEqual({ status: 400, body: { non_field_errors: ["Invalid data. Expected a dictionary, but got list."] } });
    const broken = await call(backend, "llm_analytics/sentiment/", "{nope");
    expect([broken.status, detailOf(broken).startsWith("JSON parse error")]).toEqual([400, true]);
  });

  it("F-D3: missing required fields and nulls where null is not allowed", async () => {
    const backend = strictMock();
    expect((await call(backend, "llm_analytics/text_repr/", {})).body).toEqual({ event_type: ["This field is required."], data: ["This field is required."] });
    expect((await call(backend, "llm_analytics/sentiment/", { ids: ["a"], force_refresh: null })).body).toEqual({ force_refresh: ["This field may not be null."] });
    // date_from allows null.
    expect((await call(backend, "llm_analytics/sentiment/", { ids: ["a"], date_from: null })).status).toBe(200);
  });

  it("F-D4: CharField, BooleanField, ChoiceField, ListField and UUIDField as DRF reads them", async () => {
    const backend = strictMock();
    expect((await call(backend, "llm_analytics/sentiment/", { ids: [true] })).body).toEqual({ ids: { 0: ["Not a valid string."] } });
    expect((await call(backend, "llm_analytics/sentiment/", { ids: [" "] })).body).toEqual({ ids: { 0: ["This field may not be blank."] } });
    expect((await call(backend, "llm_analytics/sentiment/", { ids: "abc" })).body).toEqual({ ids: ['Expected a list of items but got type "str".'] });
    expect((await call(backend, "llm_analytics/sentiment/", { ids: [1, 2] })).status).toBe(200);
    expect((await call(backend, "llm_analytics/sentiment/", { ids: ["a"], force_refresh: "yes" })).status).toBe(200);
    expect((await call(backend, "llm_analytics/sentiment/", { ids: ["a"], force_refresh: "maybe" })).body).toEqual({ force_refresh: ["Must be a valid boolean."] });
    expect((await call(backend, "llm_analytics/sentiment/", { ids: ["a"], analysis_level: true })).body).toEqual({ analysis_level: ['"True" is not a valid choice.'] });
    expect((await call(backend, "llm_analytics/evaluation_summary/", { evaluation_id: `{${UUID.toUpperCase()}}` })).status).toBe(200);
    expect((await call(backend, "llm_analytics/evaluation_summary/", { evaluation_id: "1234" })).body).toEqual({ evaluation_id: ["Must be a valid UUID."] });
    expect((await call(backend, "llm_analytics/text_repr/", { event_type: "$ai_generation", data: { id: "e", properties: {} }, options: { max_length: "12.0" } })).status).toBe(200);
    expect((await call(backend, "llm_analytics/text_repr/", { event_type: "$ai_generation", data: { id: "e", properties: {} }, options: { max_length: true } })).body).toEqual({
      options: { max_length: ["A valid integer is required."] },
    });
    expect((await call(backend, "llm_analytics/text_repr/", { event_type: "$ai_generation", data: { id: "e", properties: {} }, options: "short" })).body).toEqual({
      options: { non_field_errors: ["Invalid data. Expected a dictionary, but got str."] },
    });
  });
});

describe("endpoint serializers and view checks", () => {
  it("F-S1/F-S2: ids are required, 1 to 5; the old {trace_ids}/{trace_id}/{generation_ids} bodies are gone", async () => {
    const backend = strictMock();
    for (const old of [{ trace_ids: ["a"] }, { trace_id: "a" }, { generation_ids: ["a"] }]) {
      expect(await call(backend, "llm_analytics/sentiment/", old)).toEqual({ status: 400, body: { ids: ["This field is required."] } });
    }
    expect((await call(backend, "llm_analytics/sentiment/", { ids: ["1", "2", "3", "4", "5", "6"], analysis_level: "generation" })).body).toEqual({
      ids: ["Ensure this field has no more than 5 elements."],
    });
  });

  it('F-T1: event_type has four choices ("$ai_evaluation" is not one); create() checks the data', async () => {
    const backend = strictMock();
    const evaluation = await call(backend, "llm_analytics/text_repr/", { event_type: "$ai_evaluation", data: { id: "e", event: "$ai_evaluation", properties: {} } });
    expect(evaluation).toEqual({ status: 400, body: { event_type: ['"$ai_evaluation" is not a valid choice.'] } });
    // The same event sent the accepted way: as a generation, rendered by its own `event`.
    expect((await call(backend, "llm_analytics/text_repr/", { event_type: "$ai_generation", data: { id: "e", event: "$ai_evaluation", properties: {} } })).status).toBe(200);
    expect((await call(backend, "llm_analytics/text_repr/", { event_type: "$ai_trace", data: { trace: { id: "t" } } })).body).toEqual([
      "Trace events require 'trace' object and 'hierarchy' array in data field",
    ]);
    expect((await call(backend, "llm_analytics/text_repr/", { event_type: "$ai_span", data: { id: "s" } })).body).toEqual(["$ai_span events require 'properties' object in data field"]);
    expect((await call(backend, "llm_analytics/text_repr/", { event_type: "$ai_span", data: { properties: {} } })).body).toEqual(["$ai_span events require an 'id' field"]);
    expect((await call(backend, "llm_analytics/text_repr/", { event_type: "$ai_span", data: "text" })).status).toBe(500);
  });

  it("F-M1: summarization's either/or rules and the data checks", async () => {
    const backend = strictMock();
    const body = async (b: unknown) => (await call(backend, "llm_analytics/summarization/", b)).body;
    expect(await body({})).toEqual({ non_field_errors: ["Provide either 'data' or a trace_id/generation_id."] });
    expect(await body({ trace_id: "a", data: { event: { id: "e" } } })).toEqual({ non_field_errors: ["Provide either 'data' or a trace_id/generation_id, not both."] });
    expect(await body({ trace_id: "a", generation_id: "b" })).toEqual({ non_field_errors: ["Provide either trace_id or generation_id, not both."] });
    expect(await body({ data: { event: { id: "e" } } })).toEqual({ non_field_errors: ["summarize_type is required when using 'data'."] });
    expect(await body({ summarize_type: "trace", data: { trace: { id: "t" } } })).toEqual(["Trace summarization requires 'trace' object and 'hierarchy' array in data"]);
    expect(await body({ trace_id: "" })).toEqual({ trace_id: ["This field may not be blank."] });
    expect(await body({ trace_id: "a", mode: "huge" })).toEqual({ mode: ['"huge" is not a valid choice.'] });
  });

  it("F-M3/F-E1: batch_check takes at most 100 ids (none is fine); evaluation_summary at most 250 UUIDs, and 404 for an unknown evaluation", async () => {
    const backend = strictMock();
    expect((await call(backend, "llm_analytics/summarization/batch_check/", { trace_ids: [] })).body).toEqual({ summaries: [] });
    expect((await call(backend, "llm_analytics/summarization/batch_check/", {})).body).toEqual({ trace_ids: ["This field is required."] });
    expect((await call(backend, "llm_analytics/summarization/batch_check/", { trace_ids: Array.from({ length: 101 }, (_, i) => `t${i}`) })).status).toBe(400);
    const many = Array.from({ length: 251 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect((await call(backend, "llm_analytics/evaluation_summary/", { evaluation_id: UUID, generation_ids: many })).body).toEqual({
      generation_ids: ["Ensure this field has no more than 250 elements."],
    });
    expect(await call(backend, "llm_analytics/evaluation_summary/", { evaluation_id: "99999999-2222-4333-8444-555555555555" })).toEqual({
      status: 404,
      body: { error: "Evaluation 99999999-2222-4333-8444-555555555555 not found" },
    });
  });
});

describe("query schemas: pydantic, extra=forbid (F-Q1 … F-Q4)", () => {
  const refused = (answer: { status: number; body: unknown }, loc: string) => {
    expect(answer.status).toBe(400);
    const detail = detailOf(answer);
    expect(detail.startsWith("JSON parse error - ")).toBe(true);
    expect(detail).toContain(`\n${loc}\n`);
  };

  it("F-Q2: an unknown key anywhere is a 400 naming it: the request, the query, a DateRange, a property filter, tags", async () => {
    const backend = strictMock();
    refused(await call(backend, "query/", query({ kind: "TracesQuery" }, { colour: 1 })), "colour");
    refused(await call(backend, "query/", query({ kind: "TracesQuery", searchTerm: "refund" })), "query.TracesQuery.searchTerm");
    refused(await call(backend, "query/", query({ kind: "TraceQuery", traceId: IDS.rag, limit: 5 })), "query.TraceQuery.limit");
    refused(await call(backend, "query/", query({ kind: "TracesQuery", dateRange: { date_from: "-7d", period: "day" } })), "query.TracesQuery.dateRange.period");
    refused(
      await call(backend, "query/", query({ kind: "TracesQuery", properties: [{ type: "event", key: "$ai_model", value: "x", operator: "exact", negate: true }] })),
      "query.TracesQuery.properties.0.EventPropertyFilter.negate",
    );
    refused(await call(backend, "query/", query({ kind: "TracesQuery", tags: { scene: "x", team: 1 } })), "query.TracesQuery.tags.team");
    // The old traceId field is gone from TracesQuery (F-Q3).
    refused(await call(backend, "query/", query({ kind: "TracesQuery", traceId: IDS.rag })), "query.TracesQuery.traceId");
  });

  it("F-Q1/F-Q3: the wrong type, a missing required field, an unknown kind, a long name, and null where optional", async () => {
    const backend = strictMock();
    refused(await call(backend, "query/", query({ kind: "TracesQuery", limit: "many" })), "query.TracesQuery.limit");
    refused(await call(backend, "query/", query({ kind: "TraceQuery" })), "query.TraceQuery.traceId");
    refused(await call(backend, "query/", query({ kind: "EventsQuery" })), "query.EventsQuery.select");
    refused(await call(backend, "query/", query({ kind: "HogQLishQuery" })), "query");
    refused(await call(backend, "query/", query({ kind: "TracesQuery" }, { name: "x".repeat(129) })), "name");
    refused(await call(backend, "query/", query({ kind: "TracesQuery" }, { refresh: true })), "refresh");
    refused(await call(backend, "query/", {}), "query");
    expect((await call(backend, "query/", query({ kind: "TracesQuery", dateRange: { date_from: null, date_to: null }, personId: null, limit: "2" }, { refresh: "blocking" }))).status).toBe(200);
  });

  it("F-Q4: property filter types and operators from the lists; {} is an empty filter; hogql has no operator", async () => {
    const backend = strictMock();
    const withFilter = (filter: unknown) => call(backend, "query/", query({ kind: "TracesQuery", dateRange: { date_from: "all" }, properties: [filter] }));
    expect((await withFilter({})).status).toBe(200);
    refused(await withFilter({ type: "event", key: "$ai_model", operator: "equals", value: "x" }), "query.TracesQuery.properties.0.EventPropertyFilter.operator");
    refused(await withFilter({ type: "trace", key: "x" }), "query.TracesQuery.properties.0.type");
    refused(await withFilter({ type: "hogql", key: "1 = 1", operator: "exact" }), "query.TracesQuery.properties.0.HogQLPropertyFilter.operator");
    refused(await withFilter({ type: "flag", key: "f", operator: "exact" }), "query.TracesQuery.properties.0.FlagPropertyFilter.operator");
    refused(await withFilter({ type: "person", operator: "exact", value: "x" }), "query.TracesQuery.properties.0.PersonPropertyFilter.key");
    // Valid, but beyond what the mock evaluates: said so (501), never answered wrongly.
    const cohort = await withFilter({ type: "cohort", key: "id", value: 3, operator: "in" });
    expect([cohort.status, (cohort.body as { mock_limitation?: boolean }).mock_limitation]).toEqual([501, true]);
  });

  it("profiles: latest takes includeSentiment and not searchTerm; legacy refuses includeSentiment on both query kinds", async () => {
    const latest = strictMock();
    expect((await call(latest, "query/", query({ kind: "TracesQuery", includeSentiment: true }))).status).toBe(200);
    expect((await call(latest, "query/", query({ kind: "TraceQuery", traceId: IDS.rag, includeSentiment: true }))).status).toBe(200);
    const legacy = strictMock({ profile: "legacy" });
    refused(await call(legacy, "query/", query({ kind: "TracesQuery", includeSentiment: true })), "query.TracesQuery.includeSentiment");
    refused(await call(legacy, "query/", query({ kind: "TraceQuery", traceId: IDS.rag, includeSentiment: false })), "query.TraceQuery.includeSentiment");
    refused(await call(legacy, "query/", query({ kind: "TracesQuery", searchTerm: "x" })), "query.TracesQuery.searchTerm");
    const search = strictMock({ profile: { ...latest.profile, name: "search", tracesQueryFields: [...latest.profile.tracesQueryFields, "searchTerm"] } });
    expect((await call(search, "query/", query({ kind: "TracesQuery", searchTerm: "x" }))).status).toBe(200);
  });
});
