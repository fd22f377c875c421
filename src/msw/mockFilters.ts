/**
 * Evaluating property filters on stored events, with core's HogQL semantics (posthog/hogql/property.py;
 * the local client uses the same code). The schema check (mockQuerySchema) already refused what pydantic
 * refuses; a filter PostHog's query layer refuses (between without [min, max], in with one value, a regex
 * re2 cannot compile…) is PostHog's 400; a valid filter this mock cannot evaluate (group, session, HogQL,
 * a cohort it was not told about) is a 501 that says so, never a silently wrong result.
 */
import type { QueryPropertyFilter } from "../core/eventsTrace";
import { PropertyFilterError } from "../core/filterProperties";
import { matchPropertyFilter, type PropertyFilterContext } from "../core/filterPropertiesMatch";
import type { StoredEvent } from "./mockStore";

export class MockLimitation extends Error {
  override readonly name = "MockLimitation";
}

/** PostHog's QueryError, answered as a 400 (posthog/hogql/errors.py, surfaced by the query endpoint). */
export class MockQueryError extends Error {
  override readonly name = "MockQueryError";
}

type Filter = Record<string, unknown>;

/** Core's filter errors as the mock's answers: PostHog's 400, or the mock's own 501. */
export function mockFilterError(error: unknown): unknown {
  if (!(error instanceof PropertyFilterError)) return error;
  return error.code === "invalid" ? new MockQueryError(error.message) : new MockLimitation(`tracelens' mock PostHog: ${error.message}`);
}

/** One filter against one event: event properties, or the event's person's properties. */
export function eventMatches(event: StoredEvent, filter: Filter, context: PropertyFilterContext = {}): boolean {
  try {
    return matchPropertyFilter(filter as QueryPropertyFilter, { properties: event.properties, distinctId: event.distinctId, person: event.person }, context);
  } catch (error) {
    throw mockFilterError(error);
  }
}

export function eventMatchesAll(event: StoredEvent, filters: readonly Filter[] | null | undefined, context: PropertyFilterContext = {}): boolean {
  return (filters ?? []).every((filter) => eventMatches(event, filter, context));
}
