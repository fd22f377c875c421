import fc from "fast-check";
import {
  PROPERTY_OPERATORS,
  PropertyFilterError,
  compileRe2,
  describePropertyFilter,
  operatorsFor,
  propertyFilterProblem,
} from "../../src/core/filterProperties";
import { hogqlPropertyText, matchPropertyFilter, matchPropertyFilters, propertyFiltersProblem } from "../../src/core/filterPropertiesMatch";

const NOW = Date.parse("2025-08-05T12:00:00Z");
const on = (value: unknown, operator: string, expected?: unknown, key = "x") =>
  matchPropertyFilter({ type: "event", key, operator, ...(expected === undefined ? {} : { value: expected }) }, { properties: value === undefined ? {} : { [key]: value } }, { now: NOW });

describe("values as HogQL reads them", () => {
  it("numbers and booleans are their JSON text, strings keep JSON escapes, null/missing are NULL", () => {
    expect(hogqlPropertyText(5)).toBe("5");
    expect(hogqlPropertyText(true)).toBe("true");
    expect(hogqlPropertyText({ a: [1] })).toBe('{"a":[1]}');
    expect(hogqlPropertyText('say "hi"')).toBe('say \\"hi\\"');
    expect(hogqlPropertyText(null)).toBeNull();
    expect(hogqlPropertyText(undefined)).toBeNull();
  });
});

describe("operators (posthog/hogql/property.py)", () => {
  it("exact / is_not: text compare; a list is any-of / none-of; true matches 'true'", () => {
    expect(on("gpt-4o", "exact", "gpt-4o")).toBe(true);
    expect(on("gpt-4o", "exact", "GPT-4o")).toBe(false);
    expect(on(5, "exact", "5")).toBe(true);
    expect(on(true, "exact", "true")).toBe(true);
    expect(on("true", "exact", true)).toBe(true);
    expect(on("b", "exact", ["a", "b"])).toBe(true);
    expect(on("c", "is_not", ["a", "b"])).toBe(true);
    expect(on("a", "is_not", ["a", "b"])).toBe(false);
  });

  it("an empty list drops the filter; a one-item list is that item", () => {
    expect(on("anything", "exact", [])).toBe(true);
    expect(on(undefined, "regex", [])).toBe(true);
    expect(on("abc", "regex", ["^a"])).toBe(true);
  });

  it("NULL fails positive operators and passes negative ones", () => {
    for (const op of ["exact", "icontains", "regex", "gt", "is_set", "between"]) expect(on(undefined, op, op === "between" ? [0, 1] : "a")).toBe(false);
    for (const op of ["is_not", "not_icontains", "not_regex", "is_not_set"]) expect(on(undefined, op, "a")).toBe(true);
    expect(on(null, "is_set")).toBe(false);
    expect(on("", "is_set")).toBe(true);
  });

  it("icontains is ILIKE '%v%': case-insensitive, % and _ are wildcards; several values are plain substrings", () => {
    expect(on("Hello World", "icontains", "WORLD")).toBe(true);
    expect(on("axb", "icontains", "a_b")).toBe(true);
    expect(on("a-long-b", "icontains", "a%b")).toBe(true);
    expect(on("a%b", "icontains", "a\\%b")).toBe(true);
    expect(on("axb", "icontains", "a\\%b")).toBe(false);
    expect(on("axb", "icontains", ["a_b", "zzz"])).toBe(false);
    expect(on("A_B", "icontains", ["a_b", "zzz"])).toBe(true);
    expect(on("hello", "not_icontains", ["x", "ELL"])).toBe(false);
  });

  it("regex is re2 match anywhere, with inline flags; a list ORs (not_regex ANDs)", () => {
    expect(on("Claude", "regex", "(?i)^claude$")).toBe(true);
    expect(on("gpt-4o", "regex", "4o")).toBe(true);
    expect(on("gpt-4o", "regex", ["^claude", "4o$"])).toBe(true);
    expect(on("gpt-4o", "not_regex", ["^claude", "4o$"])).toBe(false);
    expect(compileRe2("(")).toBeNull();
  });

  it("numeric operators compare numbers, numeric strings included; other text never matches", () => {
    expect(on("12", "gt", 3)).toBe(true);
    expect(on(12, "gt", "3")).toBe(true);
    expect(on("9", "lt", "10")).toBe(true);
    expect(on("abc", "gt", 1)).toBe(false);
    expect(on(2, "gte", 2)).toBe(true);
    expect(on(2, "min", 2)).toBe(true);
    expect(on(2, "max", 1)).toBe(false);
    expect(on(2, "between", [1, 2])).toBe(true);
    expect(on(3, "not_between", [1, 2])).toBe(true);
    expect(on(undefined, "not_between", [1, 2])).toBe(false);
  });

  it("in/not_in need a list of several values; date operators compare seconds, relative values against now", () => {
    expect(on("a", "in", ["a", "b"])).toBe(true);
    expect(on("c", "not_in", ["a", "b"])).toBe(true);
    expect(() => on("a", "in", ["a"])).toThrow(/require a list/);
    expect(() => on("a", "in", "a")).toThrow(PropertyFilterError);
    expect(on("2025-08-05T11:00:00.900Z", "is_date_exact", "2025-08-05 11:00:00")).toBe(true);
    expect(on("2025-08-04T00:00:00Z", "is_date_before", "-1d")).toBe(true);
    expect(on("2025-08-05T00:00:00Z", "is_date_after", "-1d")).toBe(true);
    expect(on("not a date", "is_date_after", "-1d")).toBe(false);
  });

  it("refuses what PostHog refuses, with its words", () => {
    expect(propertyFilterProblem({ key: "x", operator: "between", value: [3, 1] })?.message).toBe("between operator requires min value to be less than or equal to max value");
    expect(propertyFilterProblem({ key: "x", operator: "between", value: ["a", 1] })?.message).toBe("between operator requires numeric values");
    expect(propertyFilterProblem({ key: "x", operator: "regex", value: "a(?!b)" })?.code).toBe("invalid");
    expect(propertyFilterProblem({ key: "x", operator: "regex", value: "(a)\\1" })?.message).toMatch(/backreferences/);
    expect(propertyFilterProblem({ key: "x", operator: "nope" })?.message).toBe("PropertyOperator nope not implemented");
    expect(propertyFilterProblem({ type: "cohort", key: "id", value: [1] })?.message).toBe("Cohort property value must be a cohort ID");
  });
});

describe("filter types", () => {
  const subject = { properties: { $ai_model: "gpt-4o", $ai_is_error: true, $ai_error: "Rate limit 429 for req_abc" }, distinctId: "user-1", person: { uuid: "p1", properties: { email: "ana@acme.com" } } };
  it("person properties, distinct_id, cohorts, flags, empty filters", () => {
    expect(matchPropertyFilter({ type: "person", key: "email", operator: "icontains", value: "acme" }, subject)).toBe(true);
    expect(matchPropertyFilter({ type: "person", key: "distinct_id", value: "user-1" }, subject)).toBe(true);
    const inCohort = (id: string, who: { uuid: string | null }) => (id === "7" ? who.uuid === "p1" : undefined);
    expect(matchPropertyFilter({ type: "cohort", key: "id", value: 7 }, subject, { inCohort })).toBe(true);
    expect(matchPropertyFilter({ type: "cohort", key: "id", value: 7, operator: "not_in" }, subject, { inCohort })).toBe(false);
    expect(() => matchPropertyFilter({ type: "cohort", key: "id", value: 8 }, subject, { inCohort })).toThrow(/Unknown cohort/);
    expect(() => matchPropertyFilter({ type: "cohort", key: "id", value: 7 }, subject)).toThrow(expect.objectContaining({ code: "unsupported" }));
    expect(() => matchPropertyFilter({ type: "group", key: "x", value: 1, group_type_index: 0 }, subject)).toThrow(expect.objectContaining({ code: "unsupported" }));
    expect(matchPropertyFilter({ type: "flag", key: "f", operator: "flag_evaluates_to", value: true }, subject)).toBe(true);
    expect(matchPropertyFilter({}, subject)).toBe(true);
    expect(propertyFiltersProblem([{ type: "hogql", key: "1 = 1" }])?.code).toBe("unsupported");
  });

  it("$ai_error_normalized reads as PostHog's ingestion would have set it", () => {
    expect(matchPropertyFilter({ key: "$ai_error_normalized", value: "Rate limit <N> for <ID>" }, subject)).toBe(true);
  });

  it("a list of filters is ANDed", () => {
    expect(matchPropertyFilters([{ key: "$ai_model", value: "gpt-4o" }, { type: "person", key: "email", operator: "is_set" }], subject)).toBe(true);
    expect(matchPropertyFilters([{ key: "$ai_model", value: "gpt-4o" }, { key: "$ai_model", operator: "is_not", value: "gpt-4o" }], subject)).toBe(false);
  });

  it("negation laws hold for any value (property)", () => {
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(undefined), fc.constant(null));
    const needle = fc.string({ minLength: 1, maxLength: 4 }).filter((s) => !/[%_\\]/.test(s));
    fc.assert(
      fc.property(value, needle, (actual, expected) => {
        expect(on(actual, "exact", expected)).toBe(!on(actual, "is_not", expected));
        expect(on(actual, "icontains", expected)).toBe(!on(actual, "not_icontains", expected));
        expect(on(actual, "is_set")).toBe(!on(actual, "is_not_set"));
      }),
      { numRuns: 200 },
    );
  });
});

describe("builder helpers", () => {
  it("offers operators per value type and describes filters in words", () => {
    expect(operatorsFor("number")).toContain("between");
    expect(operatorsFor("date")).toEqual(["is_date_exact", "is_date_before", "is_date_after", "is_set", "is_not_set"]);
    for (const type of ["string", "number", "boolean", "date", "unknown"] as const) for (const op of operatorsFor(type)) expect(PROPERTY_OPERATORS).toContain(op);
    expect(describePropertyFilter({ type: "person", key: "email", operator: "icontains", value: "@acme.com" })).toBe('person email contains "@acme.com"');
    expect(describePropertyFilter({ key: "$ai_latency", operator: "between", value: [1, 2] })).toBe("$ai_latency between 1 and 2");
    expect(describePropertyFilter({ key: "$ai_model", value: ["a", "b"] })).toBe('$ai_model equals "a" or "b"');
    expect(describePropertyFilter({ type: "cohort", key: "id", value: 3, operator: "not_in", cohort_name: "Churned" })).toBe("Not in Churned");
  });
});
