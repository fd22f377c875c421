/**
 * Evaluating property filters on stored events. The schema check (mockQuerySchema) already refused
 * what PostHog refuses; what is left here is which valid filters this mock can evaluate. Those it
 * cannot are answered with a 501 that says so, never with a silently wrong result.
 */
import { matchesOperator } from "../client/clientLocalFilters";
import type { StoredEvent } from "./mockStore";

export class MockLimitation extends Error {
  override readonly name = "MockLimitation";
}

interface Filter {
  key?: unknown;
  type?: unknown;
  operator?: unknown;
  value?: unknown;
}

/** One filter against one event: event properties, or the event's person's properties. */
export function eventMatches(event: StoredEvent, filter: Filter): boolean {
  if (Object.keys(filter).length === 0) return true;
  const type = (filter.type as string | undefined) ?? "event";
  const key = String(filter.key);
  const operator = typeof filter.operator === "string" ? filter.operator : "exact";
  let actual: unknown;
  if (type === "event") actual = event.properties[key];
  else if (type === "person") actual = event.person?.properties?.[key];
  else throw new MockLimitation(`tracelens' mock PostHog does not evaluate "${type}" property filters`);
  try {
    return matchesOperator(actual, operator, filter.value);
  } catch {
    throw new MockLimitation(`tracelens' mock PostHog does not evaluate the "${operator}" operator`);
  }
}

export function eventMatchesAll(event: StoredEvent, filters: readonly Filter[] | null | undefined): boolean {
  return (filters ?? []).every((filter) => eventMatches(event, filter));
}
