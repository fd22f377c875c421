/**
 * PostHog property filters (frontend/src/types.ts PropertyOperator and PropertyFilterType, contract fact
 * F-Q4): the operators, which ones suit which value, how a filter reads in words, and what PostHog
 * refuses (posthog/hogql/property.py). Evaluating them is `filterPropertiesMatch.ts`.
 */
import type { QueryPropertyFilter } from "./eventsTrace";

/** F-Q4: PropertyOperator (the ones a property filter builder offers, plus PostHog's rarer ones). */
export const PROPERTY_OPERATORS = [
  "exact", "is_not", "icontains", "not_icontains", "regex", "not_regex", "gt", "gte", "lt", "lte", "is_set", "is_not_set",
  "is_date_exact", "is_date_before", "is_date_after", "between", "not_between", "min", "max", "in", "not_in",
  "is_cleaned_path_exact", "flag_evaluates_to",
] as const;

export type PropertyOperator = (typeof PROPERTY_OPERATORS)[number];

/** The filter types tracelens builds and evaluates locally; PostHog has more (F-Q4). */
export type PropertyFilterKind = "event" | "person" | "cohort";

/** What kind of values an operator compares, so a builder can offer the right ones for a property. */
export type OperatorValueKind = "any" | "string" | "number" | "date" | "none" | "range" | "list";

interface OperatorInfo {
  label: string;
  /** Short symbol-ish form for chips ("=", "≠", "~"). */
  short: string;
  value: OperatorValueKind;
}

export const PROPERTY_OPERATOR_INFO: Readonly<Record<PropertyOperator, OperatorInfo>> = {
  exact: { label: "equals", short: "=", value: "any" },
  is_not: { label: "doesn't equal", short: "≠", value: "any" },
  icontains: { label: "contains", short: "∋", value: "string" },
  not_icontains: { label: "doesn't contain", short: "∌", value: "string" },
  regex: { label: "matches regex", short: "~", value: "string" },
  not_regex: { label: "doesn't match regex", short: "≁", value: "string" },
  gt: { label: "greater than", short: ">", value: "number" },
  gte: { label: "greater than or equal to", short: "≥", value: "number" },
  lt: { label: "less than", short: "<", value: "number" },
  lte: { label: "less than or equal to", short: "≤", value: "number" },
  is_set: { label: "is set", short: "✓", value: "none" },
  is_not_set: { label: "is not set", short: "∅", value: "none" },
  is_date_exact: { label: "is on", short: "=", value: "date" },
  is_date_before: { label: "is before", short: "<", value: "date" },
  is_date_after: { label: "is after", short: ">", value: "date" },
  between: { label: "between", short: "∈", value: "range" },
  not_between: { label: "not between", short: "∉", value: "range" },
  min: { label: "at least", short: "≥", value: "number" },
  max: { label: "at most", short: "≤", value: "number" },
  in: { label: "is one of", short: "∈", value: "list" },
  not_in: { label: "is not one of", short: "∉", value: "list" },
  is_cleaned_path_exact: { label: "equals (cleaned path)", short: "=", value: "string" },
  flag_evaluates_to: { label: "evaluates to", short: "=", value: "any" },
};

/** The property's value type as a builder sees it (from loaded values, say). */
export type PropertyValueType = "string" | "number" | "boolean" | "date" | "unknown";

/** The operators a builder offers for a property of this type, commonest first. */
export function operatorsFor(type: PropertyValueType): PropertyOperator[] {
  const base: PropertyOperator[] = ["exact", "is_not"];
  const set: PropertyOperator[] = ["is_set", "is_not_set"];
  switch (type) {
    case "number":
      return [...base, "gt", "gte", "lt", "lte", "between", "not_between", ...set];
    case "boolean":
      return [...base, ...set];
    case "date":
      return ["is_date_exact", "is_date_before", "is_date_after", ...set];
    case "string":
      return [...base, "icontains", "not_icontains", "regex", "not_regex", ...set];
    default:
      return [...base, "icontains", "not_icontains", "regex", "not_regex", "gt", "gte", "lt", "lte", "between", "not_between", "is_date_exact", "is_date_before", "is_date_after", ...set];
  }
}

export function isPropertyOperator(value: unknown): value is PropertyOperator {
  return typeof value === "string" && (PROPERTY_OPERATORS as readonly string[]).includes(value);
}

/** An event or person property filter, PostHog's wire shape with the fields narrowed. */
export interface PropertyFilter extends QueryPropertyFilter {
  type: "event" | "person";
  key: string;
  operator?: PropertyOperator;
  value?: unknown;
}

/** A cohort filter: `key` is always "id", `value` the cohort id; `not_in` excludes the cohort. */
export interface CohortFilter extends QueryPropertyFilter {
  type: "cohort";
  key: "id";
  value: string | number;
  operator?: "in" | "not_in";
  cohort_name?: string;
}

/** Builds an event or person property filter. */
export function propertyFilter(type: "event" | "person", key: string, operator: PropertyOperator, value?: unknown): PropertyFilter {
  return { type, key, operator, ...(value === undefined || PROPERTY_OPERATOR_INFO[operator].value === "none" ? {} : { value }) };
}

/** Builds a cohort filter (`in` unless `exclude`). */
export function cohortFilter(cohortId: string | number, options: { exclude?: boolean; name?: string } = {}): CohortFilter {
  return { type: "cohort", key: "id", value: cohortId, ...(options.exclude ? { operator: "not_in" as const } : {}), ...(options.name ? { cohort_name: options.name } : {}) };
}

/** Why PostHog (or tracelens, locally) would refuse a filter. */
export class PropertyFilterError extends Error {
  override readonly name = "PropertyFilterError";
  constructor(
    message: string,
    /** "invalid": PostHog refuses it too; "unsupported": valid in PostHog, not evaluable here. */
    readonly code: "invalid" | "unsupported",
  ) {
    super(message);
  }
}

function numeric(value: unknown): boolean {
  return (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)));
}

/**
 * The problem with a filter, or null. The rules are PostHog's (posthog/hogql/property.py): between needs
 * `[min, max]` numbers with min ≤ max, in/not_in need at least two values, date operators need one text
 * value, regexes must compile under re2 (no lookaround, no backreferences).
 */
export function propertyFilterProblem(filter: QueryPropertyFilter): PropertyFilterError | null {
  if (Object.keys(filter ?? {}).length === 0) return null;
  const type = filter.type ?? "event";
  if (type === "cohort") {
    return typeof filter.value === "string" || typeof filter.value === "number" ? null : new PropertyFilterError("Cohort property value must be a cohort ID", "invalid");
  }
  if (typeof filter.key !== "string") return new PropertyFilterError("A property filter needs a key", "invalid");
  const operator = filter.operator ?? "exact";
  if (!isPropertyOperator(operator)) return new PropertyFilterError(`PropertyOperator ${String(operator)} not implemented`, "invalid");
  const value = filter.value;
  if (operator === "between" || operator === "not_between") {
    if (!Array.isArray(value) || value.length !== 2) return new PropertyFilterError(`${operator} operator requires a two-element array [min, max]`, "invalid");
    if (!numeric(value[0]) || !numeric(value[1])) return new PropertyFilterError(`${operator} operator requires numeric values`, "invalid");
    if (Number(value[0]) > Number(value[1])) return new PropertyFilterError(`${operator} operator requires min value to be less than or equal to max value`, "invalid");
  }
  const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if ((operator === "in" || operator === "not_in") && !(Array.isArray(value) && value.length !== 1)) {
    return new PropertyFilterError("IN and NOT IN operators require a list of values", "invalid");
  }
  if (operator.startsWith("is_date_") && !(Array.isArray(value) && value.length === 0) && typeof single !== "string") {
    return new PropertyFilterError(`${operator} operator requires a date text`, "invalid");
  }
  if (operator === "regex" || operator === "not_regex") {
    for (const pattern of Array.isArray(value) ? value : [value]) {
      const problem = re2Problem(String(pattern ?? ""));
      if (problem) return new PropertyFilterError(problem, "invalid");
    }
  }
  return null;
}

/** re2 (ClickHouse's `match`) refuses lookaround and backreferences that JavaScript accepts. */
function re2Problem(pattern: string): string | null {
  if (/\(\?<?[=!]/.test(pattern)) return `Invalid regular expression ${JSON.stringify(pattern)}: re2 has no lookaround`;
  if (/\\[1-9]/.test(pattern)) return `Invalid regular expression ${JSON.stringify(pattern)}: re2 has no backreferences`;
  return compileRe2(pattern) ? null : `Invalid regular expression ${JSON.stringify(pattern)}`;
}

/**
 * A JavaScript RegExp for a re2 pattern, or null when it does not compile. Leading inline flags
 * (`(?i)`, `(?s)`, `(?m)`, `(?is)`) become RegExp flags; re2 searches anywhere in the text, as `test` does.
 */
export function compileRe2(pattern: string): RegExp | null {
  const inline = /^\(\?([ims]+)\)/.exec(pattern);
  const flags = inline ? [...new Set(inline[1]!.split(""))].join("") : "";
  try {
    return new RegExp(inline ? pattern.slice(inline[0].length) : pattern, `${flags}u`);
  } catch {
    try {
      return new RegExp(inline ? pattern.slice(inline[0].length) : pattern, flags);
    } catch {
      return null;
    }
  }
}

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueText).join(" or ");
  if (typeof value === "string") return JSON.stringify(value);
  return value === undefined ? "" : String(value);
}

/** A filter in words ("person email contains "@acme.com""), for chips and screen readers. */
export function describePropertyFilter(filter: QueryPropertyFilter): string {
  if (Object.keys(filter ?? {}).length === 0) return "Any event";
  const type = filter.type ?? "event";
  if (type === "cohort") {
    const name = typeof filter.cohort_name === "string" && filter.cohort_name ? filter.cohort_name : `cohort ${String(filter.value)}`;
    return `${filter.operator === "not_in" ? "Not in" : "In"} ${name}`;
  }
  const operator = isPropertyOperator(filter.operator) ? filter.operator : "exact";
  const info = PROPERTY_OPERATOR_INFO[operator];
  const subject = `${type === "person" ? "person " : type === "event" ? "" : `${type} `}${String(filter.key ?? "")}`;
  if (info.value === "none") return `${subject} ${info.label}`;
  if (info.value === "range" && Array.isArray(filter.value)) return `${subject} ${info.label} ${valueText(filter.value[0])} and ${valueText(filter.value[1])}`;
  return `${subject} ${info.label} ${valueText(filter.value)}`;
}
