import fc from "fast-check";
import type { LLMTrace } from "../../src/core/eventsTrace";
import { propertyKeySuggestions, propertyValueSuggestions } from "../../src/core/filterSuggestions";
import { filterToPerson, isFilteredToPerson, personDisplay, personFilter, tracePerson } from "../../src/core/personDisplay";
import {
  DEFAULT_TRACE_FILTER_STATE,
  activeFilterCount,
  matchesSentimentFilter,
  readTraceFilterState,
  traceFilterStateFromParams,
  traceFilterStateToParams,
  type TraceFilterState,
} from "../../src/core/traceFilterState";
import { EMPTY_URL_STATE, urlStateFromSearchParams, urlStateToSearchParams, type TraceLensUrlState } from "../../src/core/urlState";

describe("filter state", () => {
  it("turns into TracesQuery fields and back", () => {
    const state: TraceFilterState = { ...DEFAULT_TRACE_FILTER_STATE, properties: [{ type: "event", key: "$ai_model", operator: "exact", value: "gpt-4o" }], filterTestAccounts: true, personId: "p1", search: " refund ", sentiment: { labels: ["negative"] } };
    const params = traceFilterStateToParams(state);
    expect(params).toEqual({ dateRange: { date_from: "-7d", date_to: null }, properties: state.properties, filterTestAccounts: true, personId: "p1", includeSentiment: true, searchTerm: "refund" });
    expect(traceFilterStateFromParams(params)).toMatchObject({ properties: state.properties, filterTestAccounts: true, personId: "p1", search: "refund" });
    expect(traceFilterStateToParams(DEFAULT_TRACE_FILTER_STATE)).toEqual({ dateRange: { date_from: "-7d", date_to: null } });
    expect(activeFilterCount(state)).toBe(5);
  });

  it("reads anything without throwing, keeping only what it understands", () => {
    const read = readTraceFilterState({ dateRange: { date_from: 7 }, properties: [1, { key: "a" }, null], filterTestAccounts: "yes", sentiment: { labels: ["angry", "positive"], minScore: 3 }, extra: true });
    expect(read).toEqual({ dateRange: {}, properties: [{ key: "a" }], filterTestAccounts: false, personId: null, sentiment: { labels: ["positive"], minScore: 1 }, search: "" });
    expect(readTraceFilterState(null)).toEqual(DEFAULT_TRACE_FILTER_STATE);
  });

  it("filters loaded rows by sentiment label and score", () => {
    const t = (label: string, score: number) => ({ id: label, createdAt: "", events: [], sentiment: { label, score, scores: {}, messages: {}, message_count: 1 } }) as unknown as LLMTrace;
    expect(matchesSentimentFilter(t("negative", 0.8), { labels: ["negative"], minScore: 0.7 })).toBe(true);
    expect(matchesSentimentFilter(t("negative", 0.6), { labels: ["negative"], minScore: 0.7 })).toBe(false);
    expect(matchesSentimentFilter({ id: "x", createdAt: "", events: [] }, { labels: ["neutral"] })).toBe(false);
    expect(matchesSentimentFilter({ id: "x", createdAt: "", events: [] }, null)).toBe(true);
  });
});

describe("persons", () => {
  it("names a person from properties in PostHog's order, then the host, then the distinct id", () => {
    expect(personDisplay({ properties: { name: "Ana Lima", email: "ana@acme.com" } })).toMatchObject({ label: "ana@acme.com", labelFrom: "property", email: "ana@acme.com", initials: "A" });
    expect(personDisplay({ properties: { name: "Ana  Lima" } })).toMatchObject({ label: "Ana  Lima", initials: "AL" });
    expect(personDisplay({ properties: { email: "jo.doe@x.io" } }).initials).toBe("JD");
    expect(personDisplay(null, { distinctId: "u-42", hostName: "Bo Diddley" })).toMatchObject({ label: "Bo Diddley", labelFrom: "host", initials: "BD", distinctId: "u-42" });
    expect(personDisplay(null, { distinctId: "u-42" })).toMatchObject({ label: "u-42", labelFrom: "distinct-id", initials: "U" });
    expect(personDisplay(undefined)).toMatchObject({ label: "Anonymous", labelFrom: "none", initials: "?" });
    expect(personDisplay({ properties: { name: "<img src=x onerror=alert(1)>\u0000" } }).label).toBe("<img src=x onerror=alert(1)>");
    expect(personDisplay(null, { distinctId: "a" }).hue).toBe(personDisplay(null, { distinctId: "a" }).hue);
  });

  it("finds a picture's address in the first avatar property that holds text, and nothing else", () => {
    expect(personDisplay({ properties: { avatar: 7, avatar_url: " https://a.example/p.png ", picture: "https://b.example/q.png" } }).avatarUrl).toBe("https://a.example/p.png");
    expect(personDisplay({ properties: { $avatar: "data:image/png;base64,AAAA" } }).avatarUrl).toBe("data:image/png;base64,AAAA");
    expect(personDisplay({ properties: { photo: "https://a.example/p.png" } }).avatarUrl).toBeNull();
    expect(personDisplay(null).avatarUrl).toBeNull();
  });

  it("filters to a person as PostHog's button does: email, else username, else distinct id", () => {
    expect(personFilter({ properties: { email: "ana@acme.com", username: "ana" } })).toEqual({ type: "person", key: "email", operator: "exact", value: "ana@acme.com" });
    expect(personFilter({ properties: { username: "ana" } })).toEqual({ type: "person", key: "username", operator: "exact", value: "ana" });
    expect(personFilter(tracePerson({ id: "t", createdAt: "", events: [], distinctId: "u-9" }))).toEqual({ type: "person", key: "distinct_id", operator: "exact", value: "u-9" });
    expect(personFilter(null)).toBeNull();
    const once = filterToPerson(DEFAULT_TRACE_FILTER_STATE, { properties: { email: "a@b.c" } });
    expect(filterToPerson(once, { properties: { email: "a@b.c" } })).toBe(once);
    expect(isFilteredToPerson(once, { properties: { email: "a@b.c" } })).toBe(true);
    expect(filterToPerson(once, { properties: { email: "a@b.c" } }, { toggle: true }).properties).toEqual([]);
  });
});

describe("suggestions from loaded data", () => {
  const traces = [
    { id: "1", createdAt: "", person: { uuid: "p", distinct_id: "d1", created_at: "", properties: { tier: "pro" } }, events: [{ id: "e1", event: "$ai_generation", createdAt: "", properties: { $ai_model: "gpt-4o", $ai_latency: 1.5, $ai_input: [{ role: "user" }] } }, { id: "e2", event: "$ai_generation", createdAt: "", properties: { $ai_model: "gpt-4o", $ai_latency: "2" } }] },
    { id: "2", createdAt: "", person: { uuid: "q", distinct_id: "d2", created_at: "", properties: { tier: "free" } }, events: [{ id: "e3", event: "$ai_generation", createdAt: "", properties: { $ai_model: "claude", $ai_is_error: true } }] },
  ] as LLMTrace[];

  it("lists keys with counts and types, and each key's distinct values most common first", () => {
    const keys = propertyKeySuggestions(traces);
    expect(keys.find((k) => k.key === "$ai_model")).toEqual({ type: "event", key: "$ai_model", count: 3, valueType: "string" });
    expect(keys.find((k) => k.key === "$ai_latency")?.valueType).toBe("number");
    expect(keys.find((k) => k.key === "$ai_is_error")?.valueType).toBe("boolean");
    expect(keys.find((k) => k.key === "tier")).toMatchObject({ type: "person", count: 2 });
    expect(propertyValueSuggestions(traces, "event", "$ai_model")).toEqual([{ value: "gpt-4o", count: 2 }, { value: "claude", count: 1 }]);
    expect(propertyValueSuggestions(traces, "event", "$ai_input")).toEqual([]);
    expect(propertyValueSuggestions(traces, "person", "distinct_id", { search: "2" })).toEqual([{ value: "d2", count: 1 }]);
    expect(propertyKeySuggestions(traces, { search: "LAT" }).map((k) => k.key)).toEqual(["$ai_latency"]);
  });
});

describe("URL state", () => {
  it("uses PostHog's parameter names and keeps the host's own parameters", () => {
    const state: TraceLensUrlState = { ...EMPTY_URL_STATE, trace: "t1", event: "e1", tab: "summary", line: 12, search: "refund", filters: { ...DEFAULT_TRACE_FILTER_STATE, dateRange: { date_from: "-30d", date_to: null }, filterTestAccounts: true } };
    const params = urlStateToSearchParams(state, {}, "?page=2&trace=old");
    expect(params.toString()).toBe("page=2&trace=t1&event=e1&tab=summary&line=12&search=refund&date_from=-30d&filter_test_accounts=true");
    expect(urlStateFromSearchParams(params)).toEqual(state);
    expect(urlStateToSearchParams(EMPTY_URL_STATE).toString()).toBe("");
    expect(urlStateFromSearchParams("?tl_trace=x&trace=y", { prefix: "tl_" }).trace).toBe("x");
  });

  it("never throws on hostile parameters", () => {
    const read = urlStateFromSearchParams("?line=-3&filters=%7Bnope&sentiment=angry&date_from=&trace=");
    expect(read).toMatchObject({ line: null, trace: null, filters: { properties: [], sentiment: null, dateRange: { date_from: null, date_to: null } } });
  });

  it("round-trips: reading what was written gives the same state (property)", () => {
    const id = fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null });
    const json = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }));
    const filter = fc.record({ type: fc.constantFrom("event", "person"), key: fc.string({ minLength: 1, maxLength: 8 }), operator: fc.constantFrom("exact", "icontains", "gt"), value: json });
    const state = fc.record({
      trace: id,
      event: id,
      tab: id,
      line: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
      search: fc.string({ maxLength: 10 }),
      session: id,
      timestamp: fc.option(fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()), { nil: null }),
      filters: fc.record({
        dateRange: fc.record({ date_from: fc.option(fc.constantFrom("-7d", "-24h", "mStart", "all", "2025-01-02"), { nil: null }), date_to: fc.option(fc.constantFrom("-1dEnd", "2025-02-01"), { nil: null }) }),
        properties: fc.array(filter, { maxLength: 3 }),
        filterTestAccounts: fc.boolean(),
        personId: id,
        sentiment: fc.option(fc.record({ labels: fc.subarray(["negative", "neutral", "positive"] as const, { minLength: 1 }).map((l) => [...l]), minScore: fc.constantFrom(0.25, 0.5, 0.9) }), { nil: null }),
        search: fc.string({ maxLength: 10 }),
      }),
    });
    fc.assert(
      fc.property(state, fc.constantFrom("", "tl_"), (s, prefix) => {
        const once = urlStateFromSearchParams(urlStateToSearchParams(s as TraceLensUrlState, { prefix }), { prefix });
        expect(once).toEqual({
          ...s,
          filters: { ...s.filters, dateRange: (s.filters.dateRange.date_from ?? null) === "-7d" && s.filters.dateRange.date_to === null ? DEFAULT_TRACE_FILTER_STATE.dateRange : s.filters.dateRange },
        });
        expect(urlStateFromSearchParams(urlStateToSearchParams(once, { prefix }), { prefix })).toEqual(once);
      }),
      { numRuns: 150 },
    );
  });
});
