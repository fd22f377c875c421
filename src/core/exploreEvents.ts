/**
 * Traces as one flat table of events (what ClickHouse's `events` is to PostHog), and the `{filters}`
 * PostHog's HogQL queries apply to it (posthog/hogql/filters.py): the date window, the property
 * filters ANDed, and the team's test-account filters when `filterTestAccounts` is set. The sessions
 * and errors aggregations run over such a table, locally and in the strict mock alike.
 */
import { isPropertyBag } from "./eventsAccess";
import { traceCapturedDistinctId } from "./personDisplay";
import type { LLMTrace, LLMTracePerson, QueryDateRange, QueryPropertyFilter } from "./eventsTrace";
import { inDateWindow, resolveHogQLDateRange } from "./filterDates";
import { matchPropertyFilters, type PropertyFilterContext, type PropertyFilterSubject } from "./filterPropertiesMatch";

/** One event with what a query needs: its time, trace, distinct id and person. */
export interface FlatAiEvent {
  id: string;
  event: string;
  /** Epoch ms. */
  at: number;
  createdAt: string;
  properties: Record<string, unknown>;
  traceId: string;
  distinctId: string;
  person: LLMTracePerson | null;
}

/**
 * Who a trace counts as in explore's person figures: its captured distinct id, else one per trace (never
 * shared), so traces without one are not lumped into a single "person". Filters read the captured id only.
 */
export function traceDistinctId(trace: LLMTrace): string {
  return traceCapturedDistinctId(trace) ?? `anonymous-${trace.id}`;
}

/**
 * Every event of the traces with a readable timestamp; an event without `$ai_trace_id` belongs to the
 * trace it sits in. Malformed traces and events are skipped (they cannot be placed in time or in a trace).
 */
export function flattenTraceEvents(traces: readonly LLMTrace[]): FlatAiEvent[] {
  const out: FlatAiEvent[] = [];
  for (const trace of traces ?? []) {
    if (!isPropertyBag(trace) || typeof trace.id !== "string" || !Array.isArray(trace.events)) continue;
    const distinctId = traceDistinctId(trace);
    const person = isPropertyBag(trace.person) ? (trace.person as LLMTracePerson) : null;
    for (const event of trace.events) {
      if (!isPropertyBag(event) || typeof event.id !== "string") continue;
      const at = Date.parse(String(event.createdAt));
      if (!Number.isFinite(at)) continue;
      const properties = { ...(isPropertyBag(event.properties) ? event.properties : {}) };
      if (properties.$ai_trace_id === undefined || properties.$ai_trace_id === null) properties.$ai_trace_id = trace.id;
      out.push({ id: event.id, event: String(event.event), at, createdAt: new Date(at).toISOString(), properties, traceId: String(properties.$ai_trace_id), distinctId, person });
    }
  }
  return out;
}

/** The filters of a HogQL query (PostHog's HogQLFilters). */
export interface HogQLFiltersInput {
  dateRange?: QueryDateRange | null;
  properties?: readonly QueryPropertyFilter[] | null;
  filterTestAccounts?: boolean | null;
}

/** How test accounts are recognised: the team's filters (PostHog's `test_account_filters`), or a host check. */
export type TestAccountRule = readonly QueryPropertyFilter[] | ((event: PropertyFilterSubject) => boolean);

export interface ExploreFilterContext extends PropertyFilterContext {
  now: number;
  /** Recognises test accounts; without it `filterTestAccounts` leaves every event in, as for a team with none. */
  testAccounts?: TestAccountRule;
}

/** The subject a property filter reads for one flat event. */
export function flatEventSubject(event: FlatAiEvent): PropertyFilterSubject {
  return { properties: event.properties, distinctId: event.distinctId, person: event.person };
}

/** Whether an event is not a test account's (always true when no rule is known). */
export function passesTestAccounts(subject: PropertyFilterSubject, rule: TestAccountRule | undefined, context: PropertyFilterContext): boolean {
  if (!rule) return true;
  return typeof rule === "function" ? rule(subject) : matchPropertyFilters(rule, subject, context);
}

/**
 * A predicate for events that pass HogQL's `{filters}`: `timestamp >= date_from` (no bound for "all" or
 * none), `timestamp < date_to`, every property filter, and the test-account rule when asked. Throws
 * `PropertyFilterError` for filters PostHog refuses or that cannot be evaluated here.
 */
export function hogqlFiltersPredicate(filters: HogQLFiltersInput | null | undefined, context: ExploreFilterContext): (event: FlatAiEvent) => boolean {
  const bounds = resolveHogQLDateRange(filters?.dateRange, context.now);
  const properties = filters?.properties ?? [];
  const testAccounts = filters?.filterTestAccounts ? context.testAccounts : undefined;
  return (event) => {
    if (!inDateWindow(event.at, bounds)) return false;
    const subject = flatEventSubject(event);
    return matchPropertyFilters(properties, subject, context) && passesTestAccounts(subject, testAccounts, context);
  };
}
