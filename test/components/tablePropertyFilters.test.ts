// The tables' own property filters (what "Filter to this person" adds): merged into a query without
// repeats, and applied to host rows with PostHog's semantics, a filter that cannot be evaluated being an error.
import type { LLMTrace, QueryPropertyFilter } from "../../src/core";
import { filterRowsByProperties, traceFilterSubjects, withPropertyFilters } from "../../src/components/cells/tablePropertyFilters";
import { traceMatchesFilters } from "../../src/client/clientLocalFilters";

const ANA: QueryPropertyFilter = { type: "person", key: "email", operator: "exact", value: "ana@acme.com" };
const PRO: QueryPropertyFilter = { type: "event", key: "plan", operator: "exact", value: "pro" };

const trace = (id: string, email: string | null, events: LLMTrace["events"] = [], distinctId?: string): LLMTrace =>
  ({ id, createdAt: "2025-01-01T00:00:00Z", events, ...(distinctId ? { distinctId } : {}), person: email ? { uuid: id, distinct_id: `d-${id}`, created_at: "", properties: { email } } : null }) as LLMTrace;

describe("table property filters", () => {
  it("adds the table's filters to the query's, once each, leaving the query as it was when there are none", () => {
    const query = { dateRange: { date_from: "-7d" }, properties: [ANA] };
    expect(withPropertyFilters(query, [])).toBe(query);
    expect(withPropertyFilters(query, [{ ...ANA }])).toBe(query);
    expect(withPropertyFilters(query, [ANA, PRO])).toEqual({ dateRange: { date_from: "-7d" }, properties: [ANA, PRO] });
    expect(withPropertyFilters({}, [PRO])).toEqual({ properties: [PRO] });
    expect(query.properties).toEqual([ANA]);
  });

  it("keeps host traces whose person, or one of whose events, passes every filter", () => {
    const event = (plan: string) => ({ id: `e-${plan}`, event: "$ai_generation", createdAt: "2025-01-01T00:00:00Z", properties: { plan } });
    const rows = [trace("a", "ana@acme.com", [event("pro")]), trace("b", "bo@acme.com", [event("pro")]), trace("c", "ana@acme.com", [event("free")]), trace("d", "ana@acme.com")];
    expect(filterRowsByProperties(rows, [], traceFilterSubjects).rows).toBe(rows);
    expect(filterRowsByProperties(rows, [ANA], traceFilterSubjects).rows.map((t) => t.id)).toEqual(["a", "c", "d"]);
    expect(filterRowsByProperties(rows, [ANA, PRO], traceFilterSubjects).rows.map((t) => t.id)).toEqual(["a"]);
    const byId: QueryPropertyFilter = { type: "person", key: "distinct_id", operator: "exact", value: "u-9" };
    expect(filterRowsByProperties([trace("x", null, [], "u-9"), trace("y", null, [], "u-1")], [byId], traceFilterSubjects).rows.map((t) => t.id)).toEqual(["x"]);
  });

  it("gives an error, not a silently wrong list, for a filter it cannot evaluate, and survives junk rows", () => {
    const cohort = filterRowsByProperties([trace("a", "ana@acme.com")], [{ type: "cohort", key: "id", value: 3 }], traceFilterSubjects);
    expect(cohort.rows).toEqual([]);
    expect(String(cohort.error)).toMatch(/[Cc]ohort/);
    const junk = [null, { id: "z", events: "nope", person: 5 }] as unknown as LLMTrace[];
    expect(filterRowsByProperties(junk, [ANA], traceFilterSubjects)).toEqual({ rows: [], error: null });
  });

  it("reads a trace's distinct id as the local client does, so host data and the embedded default keep the same rows", () => {
    const event = { id: "e", event: "$ai_generation", createdAt: "2025-01-01T00:00:00Z", properties: {} };
    const rows = [trace("own", null, [event], "u-1"), trace("person", "ana@acme.com", [event]), trace("none", null, [event]), trace("empty", null, [event], "")];
    const filters: QueryPropertyFilter[][] = [
      [{ type: "person", key: "distinct_id", operator: "is_set" }],
      [{ type: "person", key: "distinct_id", operator: "is_not_set" }],
      [{ type: "person", key: "distinct_id", operator: "icontains", value: "anonymous" }],
    ];
    for (const filter of filters) {
      const local = rows.filter((row) => traceMatchesFilters(row, filter)).map((row) => row.id);
      expect(filterRowsByProperties(rows, filter, traceFilterSubjects).rows.map((row) => row.id)).toEqual(local);
    }
    expect(filterRowsByProperties(rows, filters[0]!, traceFilterSubjects).rows.map((row) => row.id)).toEqual(["own", "person"]);
    expect(filterRowsByProperties(rows, filters[2]!, traceFilterSubjects).rows).toEqual([]);
  });
});
