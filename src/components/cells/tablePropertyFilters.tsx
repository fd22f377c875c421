"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { cutText } from "../../core/boundedText";
import { isPropertyBag } from "../../core/eventsAccess";
import type { LLMTrace, QueryPropertyFilter } from "../../core/eventsTrace";
import { describePropertyFilter } from "../../core/filterProperties";
import { matchPropertyFilters, propertyFiltersProblem, type PropertyFilterSubject } from "../../core/filterPropertiesMatch";
import { samePropertyFilter, traceCapturedDistinctId } from "../../core/personDisplay";
import { useControllableState } from "../ui/useControllableState";

/** The props a table takes for the property filters its person cells add. */
export interface TablePropertyFilterProps {
  /**
   * Property filters on the table's rows (PostHog's AnyPropertyFilter[]), ANDed with the `query`'s;
   * "Filter to this person" in a person's popover adds (or removes) one. The query path sends them
   * with the request; host data is filtered in the browser with PostHog's semantics. Controlled when
   * given (with `useTraceFilters`: `propertyFilters={filters.state.properties}` and
   * `onPropertyFiltersChange={(next) => filters.set("properties", next)}`); uncontrolled, the toolbar
   * shows them, each removable.
   */
  propertyFilters?: QueryPropertyFilter[];
  /** @default [] */
  defaultPropertyFilters?: QueryPropertyFilter[];
  onPropertyFiltersChange?: (filters: QueryPropertyFilter[]) => void;
}

export interface PropertyFiltersContextValue {
  filters: readonly QueryPropertyFilter[];
  onChange: (next: QueryPropertyFilter[]) => void;
}

/** The table's property filters, for its person cells; absent, they offer no filter. */
export const PropertyFiltersContext = createContext<PropertyFiltersContextValue | null>(null);

export function usePropertyFiltersContext(): PropertyFiltersContextValue | null {
  return useContext(PropertyFiltersContext);
}

const NONE: QueryPropertyFilter[] = [];

/** A table's property filters, controlled or its own, and the context its cells read them from. */
export function useTablePropertyFilters({ propertyFilters, defaultPropertyFilters, onPropertyFiltersChange }: TablePropertyFilterProps) {
  const [filters, setFilters] = useControllableState(propertyFilters, () => defaultPropertyFilters ?? NONE, onPropertyFiltersChange);
  const context = useMemo<PropertyFiltersContextValue>(() => ({ filters, onChange: setFilters }), [filters, setFilters]);
  return { filters, setFilters, context, controlled: propertyFilters !== undefined };
}

/** The query with the table's filters added to its own (an identical one is not sent twice). */
export function withPropertyFilters<Q extends { properties?: QueryPropertyFilter[] }>(query: Q, filters: readonly QueryPropertyFilter[]): Q {
  if (filters.length === 0) return query;
  const own = query.properties ?? [];
  const added = filters.filter((filter) => !own.some((existing) => samePropertyFilter(existing, filter)));
  return added.length === 0 ? query : { ...query, properties: [...own, ...added] };
}

/** What a filter reads for each event of a host trace, as TracesQuery does: one event must pass them all. */
export function traceFilterSubjects(trace: LLMTrace): PropertyFilterSubject[] {
  const person = isPropertyBag(trace?.person) ? trace.person : null;
  const distinctId = traceCapturedDistinctId(trace);
  const events = Array.isArray(trace?.events) ? trace.events : [];
  const subject = (properties: unknown): PropertyFilterSubject => ({ properties: isPropertyBag(properties) ? properties : {}, distinctId, person });
  // A trace the host gave without events is still one person's: person filters can read it.
  return events.length === 0 ? [subject(undefined)] : events.map((event) => subject(event?.properties));
}

/**
 * Host rows the filters keep, or the rows untouched when there are none. A filter that cannot be
 * evaluated here (a cohort, a malformed one) is an error for the table to show, never a silent pass.
 */
export function filterRowsByProperties<T>(rows: readonly T[], filters: readonly QueryPropertyFilter[], subjectsOf: (row: T) => PropertyFilterSubject[]): { rows: readonly T[]; error: unknown } {
  if (filters.length === 0) return { rows, error: null };
  const problem = propertyFiltersProblem(filters);
  if (problem) return { rows: [], error: problem };
  try {
    return { rows: rows.filter((row) => subjectsOf(row).some((subject) => matchPropertyFilters(filters, subject))), error: null };
  } catch (error) {
    return { rows: [], error };
  }
}

const CHIP = "tl:inline-flex tl:max-w-80 tl:items-center tl:gap-1 tl:rounded-tl tl:border tl:border-border tl:bg-bg-subtle tl:px-1.5 tl:py-0.5 tl:text-xs";
const REMOVE = "tl:cursor-pointer tl:border-0 tl:bg-transparent tl:p-0 tl:leading-none tl:text-muted tl:hover:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-focus";

/** The table's own filters in its toolbar, each removable, so rows a person filter hid are never a mystery. */
export function PropertyFilterChips({ filters, onChange }: { filters: readonly QueryPropertyFilter[]; onChange: (next: QueryPropertyFilter[]) => void }): ReactNode {
  if (filters.length === 0) return null;
  return (
    <ul aria-label="Table filters" data-slot="table-filter-chips" className="tl:m-0 tl:flex tl:list-none tl:flex-wrap tl:gap-1 tl:p-0">
      {filters.map((filter, index) => {
        const text = cutText(describePropertyFilter(filter), 200);
        return (
          <li key={`${index}:${text}`} className={CHIP}>
            <span className="tl:truncate" title={text}>
              {text}
            </span>
            <button type="button" aria-label={`Remove filter: ${text}`} className={REMOVE} onClick={() => onChange(filters.filter((_, i) => i !== index))}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
