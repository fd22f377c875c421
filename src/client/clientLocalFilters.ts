/**
 * PostHog's query filtering as the local client applies it, on core's rules (the strict mock applies the
 * same ones): date windows (`resolveTraceDateRange`), event/person/cohort property filters with HogQL's
 * semantics (`matchPropertyFilter`), and test accounts. A filter PostHog refuses, or one that cannot be
 * evaluated locally, is a 400 with PostHog's message, never a silently wrong list.
 */
import type { QueryDateRange, QueryPropertyFilter, LLMTrace } from "../core/eventsTrace";
import { passesTestAccounts, type TestAccountRule } from "../core/exploreEvents";
import { traceCapturedDistinctId } from "../core/personDisplay";
import { ISO_DATE_ONLY, inDateWindow, resolveTraceDateRange, traceDateBoundMs } from "../core/filterDates";
import { PropertyFilterError } from "../core/filterProperties";
import { matchPropertyFilter, matchPropertyFilters, propertyFiltersProblem, type PropertyFilterContext, type PropertyFilterSubject } from "../core/filterPropertiesMatch";
import { ApiError } from "./clientErrors";

/** What the local client knows beyond the data: cohorts and test accounts. */
export interface LocalFilterContext extends PropertyFilterContext {
  testAccounts?: TestAccountRule;
}

/**
 * A PostHog date string as epoch ms (see core `traceDateBoundMs`); a date-only `date_to` means the end of
 * that day. `null` for an open bound or an unreadable one.
 */
export function parsePostHogDate(value: string | null | undefined, now: number, bound: "from" | "to"): number | null {
  if (value === null || value === undefined || value === "") return null;
  const ms = traceDateBoundMs(value, now);
  return ms !== null && bound === "to" && ISO_DATE_ONLY.test(value.trim()) ? ms + 86_400_000 - 1 : ms;
}

/** Whether `atMs` falls inside the range; no range (or an unreadable one) accepts everything. */
export function inDateRange(atMs: number | null, range: QueryDateRange | undefined, now: number): boolean {
  if (!range) return true;
  const window = resolveTraceDateRange(range, now);
  if (!window || (window.from === null && !range.date_to)) return true;
  return inDateWindow(atMs, window);
}

/** A core filter error as PostHog's 400. */
export function filterError(error: unknown): unknown {
  if (error instanceof PropertyFilterError) return new ApiError({ kind: "http", status: 400, path: "local:query", body: { type: "validation_error", code: "query_error", detail: error.message, attr: null } });
  return error;
}

/** One property value against one operator, with PostHog's operator names and semantics. */
export function matchesOperator(actual: unknown, operator: string, expected: unknown): boolean {
  try {
    return matchPropertyFilter({ type: "event", key: "value", operator, value: expected }, { properties: { value: actual } });
  } catch (error) {
    throw filterError(error);
  }
}

/** Rejects, in PostHog's 400 shape, any filter PostHog refuses or the local client cannot evaluate. */
export function checkPropertyFilters(filters: readonly QueryPropertyFilter[] | undefined, context: LocalFilterContext = {}): void {
  const problem = propertyFiltersProblem(filters, context);
  if (problem) throw filterError(problem);
}

/** What a filter reads for one event of a trace (its person is the trace's). */
export function traceEventSubject(trace: LLMTrace, properties: Record<string, unknown> | undefined): PropertyFilterSubject {
  return { properties: properties ?? {}, distinctId: traceCapturedDistinctId(trace), person: trace.person ?? null };
}

/**
 * Whether a trace passes the filters as TracesQuery applies them (`max(And(filters))` over its events):
 * one event must pass every filter at once. With `filterTestAccounts`, only events that pass the test-account
 * rule count.
 */
export function traceMatchesFilters(trace: LLMTrace, filters: readonly QueryPropertyFilter[] | undefined, context: LocalFilterContext & { filterTestAccounts?: boolean } = {}): boolean {
  const rule = context.filterTestAccounts ? context.testAccounts : undefined;
  if ((filters ?? []).length === 0 && !rule) return true;
  try {
    return trace.events.some((event) => {
      const subject = traceEventSubject(trace, event?.properties as Record<string, unknown> | undefined);
      return passesTestAccounts(subject, rule, context) && matchPropertyFilters(filters, subject, context);
    });
  } catch (error) {
    throw filterError(error);
  }
}
