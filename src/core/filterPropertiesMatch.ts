/**
 * Evaluating PostHog property filters on one event, with the semantics of PostHog's HogQL
 * (posthog/hogql/property.py property_to_expr and _expr_to_compare_op, and the printer's null handling):
 *
 * - A property is read as HogQL reads `properties.x` (JSONExtractRaw with the outer quotes stripped):
 *   missing or JSON null is NULL; a string is its JSON text without the quotes, so `"` and `\` stay
 *   escaped (PostHog's own UI escapes them in filter values for that reason); numbers and booleans are
 *   their JSON text ("5", "true"); objects and arrays compact JSON.
 * - A list value: empty → the filter is dropped (matches everything); one item → that item; several →
 *   `exact`/`in` any-of, `is_not`/`not_in` none-of, `icontains`/`not_icontains` substring any/none
 *   (multiSearchAnyCaseInsensitive), other operators OR over the items (AND for `not_regex`).
 * - `exact`/`is_not` compare text, case-sensitively; `true`/`false` values compare as "true"/"false".
 * - `icontains` is `ILIKE '%value%'`: case-insensitive, and `%` and `_` in the value are LIKE wildcards.
 * - `regex` is re2 `match` (anywhere in the text); `(?i)` and friends work.
 * - `gt`/`gte`/`lt`/`lte`/`min`/`max`/`between` compare numbers (PostHog types numeric properties as
 *   Numeric); numeric strings count, anything else never matches.
 * - `is_date_*` compare at second precision; relative values (`-7d`) are resolved against `now`.
 * - NULL never matches a positive operator and always matches a negative one (`is_not`, `not_icontains`,
 *   `not_regex`, `not_in`): "NULL NOT ILIKE pattern should be TRUE" (PostHog's printer).
 * - `distinct_id` as a person property is the event's distinct id (PostHog reads it from person_distinct_ids).
 * - `$ai_error_normalized` on an error event that lacks it reads as PostHog's ingestion would have set it.
 */
import { isPropertyBag } from "./eventsAccess";
import type { QueryPropertyFilter } from "./eventsTrace";
import { ingestedProperty } from "./errorGroups";
import { parsePostHogDate, relativeDateMs } from "./filterDates";
import { PropertyFilterError, compileRe2, isPropertyOperator, propertyFilterProblem, type PropertyOperator } from "./filterProperties";

/** What one filter is checked against: an event, with its person. */
export interface PropertyFilterSubject {
  properties?: Record<string, unknown> | null;
  distinctId?: string | null;
  person?: { uuid?: string | null; properties?: Record<string, unknown> | null } | null;
}

export interface PropertyFilterContext {
  /** Clock for relative `is_date_*` values. @default Date.now() */
  now?: number;
  /**
   * Cohort membership, for cohort filters: true when the person (uuid or distinct id) is in the cohort,
   * `undefined` when the cohort is unknown. Without it cohort filters throw an "unsupported" error.
   */
  inCohort?: (cohortId: string, person: { uuid: string | null; distinctId: string | null }) => boolean | undefined;
}

/** HogQL's text for `properties.x`, or null for NULL. */
export function hogqlPropertyText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return JSON.stringify(value).slice(1, -1);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "boolean") return value ? "true" : "false";
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/** A filter value as HogQL sends it: strings as given, everything else as its JSON text. */
function constantText(value: unknown): string {
  return typeof value === "string" ? value : hogqlPropertyText(value) ?? "";
}

/** A text escaped the way a string property reads in HogQL, for exact filters on stored text. */
export function hogqlEscape(text: string): string {
  return JSON.stringify(String(text)).slice(1, -1);
}

function toNumber(value: string | null | unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string" || value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

const likeCache = new Map<string, RegExp>();

/** `ILIKE '%value%'`: `%` any run, `_` any one character, `\` escapes. */
function likeContains(text: string, needle: string): boolean {
  let regex = likeCache.get(needle);
  if (!regex) {
    let source = "";
    for (let i = 0; i < needle.length; i += 1) {
      const ch = needle[i]!;
      if (ch === "\\" && i + 1 < needle.length) source += needle[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      else if (ch === "%") source += "[\\s\\S]*";
      else if (ch === "_") source += "[\\s\\S]";
      else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    }
    regex = new RegExp(source, "iu");
    if (likeCache.size > 500) likeCache.clear();
    likeCache.set(needle, regex);
  }
  return regex.test(text);
}

function secondsOf(text: string | null, now: number): number | null {
  if (text === null) return null;
  const numeric = toNumber(text);
  // parseDateTime64BestEffort reads a bare number as unix seconds.
  if (numeric !== null && /^\d+(\.\d+)?$/.test(text.trim())) return Math.floor(numeric);
  const date = parsePostHogDate(text.trim().replace(/^(\d{4}-\d{2}-\d{2}) /, "$1T"));
  if (date.kind === "absolute") return Math.floor(date.ms / 1000);
  if (date.kind === "relative" && /^-?\d+[sMhdwmqy]/.test(text.trim())) return Math.floor(relativeDateMs(date, now) / 1000);
  const parsed = Date.parse(text);
  return Number.isFinite(parsed) ? Math.floor(parsed / 1000) : null;
}

/** One operator against one (non-list) value. */
function compare(actual: string | null, operator: PropertyOperator, expected: unknown, now: number): boolean {
  switch (operator) {
    case "exact":
    case "is_cleaned_path_exact":
    case "flag_evaluates_to":
      return actual !== null && actual === constantText(expected);
    case "is_not":
      return actual === null || actual !== constantText(expected);
    case "icontains":
      return actual !== null && likeContains(actual, constantText(expected));
    case "not_icontains":
      return actual === null || !likeContains(actual, constantText(expected));
    case "regex":
    case "not_regex": {
      const regex = compileRe2(constantText(expected));
      if (!regex) throw new PropertyFilterError(`Invalid regular expression ${JSON.stringify(constantText(expected))}`, "invalid");
      if (actual === null) return operator === "not_regex";
      return regex.test(actual) === (operator === "regex");
    }
    case "gt":
    case "gte":
    case "lt":
    case "lte":
    case "min":
    case "max": {
      const a = toNumber(actual);
      const b = toNumber(expected);
      if (a === null || b === null) return false;
      if (operator === "gt") return a > b;
      if (operator === "gte" || operator === "min") return a >= b;
      if (operator === "lt") return a < b;
      return a <= b;
    }
    case "is_set":
      return actual !== null;
    case "is_not_set":
      return actual === null;
    case "is_date_exact":
    case "is_date_before":
    case "is_date_after": {
      const a = secondsOf(actual, now);
      const b = secondsOf(constantText(expected), now);
      if (a === null || b === null) return false;
      return operator === "is_date_exact" ? a === b : operator === "is_date_before" ? a < b : a > b;
    }
    case "between":
    case "not_between":
    case "in":
    case "not_in":
      // Reached only with a value PostHog refuses; propertyFilterProblem reports it first.
      throw new PropertyFilterError(`${operator} needs a list value`, "invalid");
  }
}

function evaluate(actual: string | null, operator: PropertyOperator, value: unknown, now: number): boolean {
  if (operator === "between" || operator === "not_between") {
    const [low, high] = (value as unknown[]).map((v) => toNumber(v)) as [number, number];
    const a = toNumber(actual);
    if (a === null) return false;
    return operator === "between" ? a >= low && a <= high : a < low || a > high;
  }
  if (!Array.isArray(value)) return compare(actual, operator, value, now);
  if (operator === "icontains" || operator === "not_icontains") {
    if (value.length === 1) return compare(actual, operator, value[0], now);
    // multiSearchAnyCaseInsensitive: plain substrings, no wildcards.
    const found = actual !== null && value.some((v) => actual.toLowerCase().includes(constantText(v).toLowerCase()));
    return operator === "icontains" ? found : actual === null || !found;
  }
  if (value.length === 0) return true;
  if (value.length === 1) return compare(actual, operator, value[0], now);
  if (operator === "exact" || operator === "in") return actual !== null && value.some((v) => constantText(v) === actual);
  if (operator === "is_not" || operator === "not_in") return actual === null || value.every((v) => constantText(v) !== actual);
  if (operator === "not_regex") return value.every((v) => compare(actual, operator, v, now));
  return value.some((v) => compare(actual, operator, v, now));
}

function cohortMatch(filter: QueryPropertyFilter, subject: PropertyFilterSubject, context: PropertyFilterContext): boolean {
  if (!context.inCohort) throw new PropertyFilterError("Cohort filters need cohort membership (a host-given `inCohort`)", "unsupported");
  const member = context.inCohort(String(filter.value), { uuid: subject.person?.uuid ?? null, distinctId: subject.distinctId ?? null });
  if (member === undefined) throw new PropertyFilterError(`Unknown cohort ${JSON.stringify(String(filter.value))}`, "invalid");
  const exclude = filter.operator === "not_in" || filter.negation === true;
  return exclude ? !member : member;
}

/**
 * Whether one event passes one filter. Throws `PropertyFilterError` for a filter PostHog refuses
 * ("invalid") or one tracelens cannot evaluate locally ("unsupported": group, session, HogQL… filters).
 */
export function matchPropertyFilter(filter: QueryPropertyFilter, subject: PropertyFilterSubject, context: PropertyFilterContext = {}): boolean {
  if (!isPropertyBag(filter) || Object.keys(filter).length === 0) return true;
  const type = filter.type ?? "event";
  // F-Q4 / property_to_expr: flag filters are evaluated elsewhere and are neutral in a query.
  if (type === "flag") return true;
  const problem = propertyFilterProblem(filter);
  if (problem) throw problem;
  if (type === "cohort") return cohortMatch(filter, subject, context);
  if (type !== "event" && type !== "person") throw new PropertyFilterError(`"${String(type)}" property filters are not evaluated locally`, "unsupported");
  const key = filter.key as string;
  const operator: PropertyOperator = isPropertyOperator(filter.operator) ? filter.operator : "exact";
  let raw: unknown;
  if (type === "person") raw = key === "distinct_id" ? subject.distinctId : subject.person?.properties?.[key];
  else raw = ingestedProperty(subject.properties, key);
  return evaluate(hogqlPropertyText(raw), operator, filter.value, context.now ?? Date.now());
}

/** Whether one event passes every filter (PostHog ANDs a property list). */
export function matchPropertyFilters(filters: readonly QueryPropertyFilter[] | null | undefined, subject: PropertyFilterSubject, context: PropertyFilterContext = {}): boolean {
  for (const filter of filters ?? []) if (!matchPropertyFilter(filter, subject, context)) return false;
  return true;
}

/** The first problem among filters (PostHog's refusal, or "unsupported" here), without evaluating them. */
export function propertyFiltersProblem(filters: readonly QueryPropertyFilter[] | null | undefined, context: PropertyFilterContext = {}): PropertyFilterError | null {
  for (const filter of filters ?? []) {
    if (!isPropertyBag(filter) || Object.keys(filter).length === 0) continue;
    const type = filter.type ?? "event";
    if (type === "flag") continue;
    const problem = propertyFilterProblem(filter);
    if (problem) return problem;
    if (type === "cohort" && !context.inCohort) return new PropertyFilterError("Cohort filters need cohort membership (a host-given `inCohort`)", "unsupported");
    if (type !== "event" && type !== "person" && type !== "cohort") return new PropertyFilterError(`"${String(type)}" property filters are not evaluated locally`, "unsupported");
  }
  return null;
}
