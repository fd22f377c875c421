"use client";
import { useCallback, useMemo, useRef, useState } from "react";
import type { ExploreFilters } from "../client/clientExploreTypes";
import type { LLMTrace, TracesQueryParams } from "../core/eventsTrace";
import {
  DEFAULT_TRACE_FILTER_STATE,
  activeFilterCount,
  matchesLoadedRowFilters,
  readTraceFilterState,
  traceFilterStateToParams,
  type TraceFilterState,
} from "../core/traceFilterState";

export interface UseTraceFiltersOptions {
  /** The filters, when the host owns them (controlled). */
  value?: TraceFilterState;
  /** Where uncontrolled filters start; missing fields from PostHog's defaults (last 7 days). */
  defaultValue?: Partial<TraceFilterState>;
  /** Every change, controlled or not. */
  onChange?: (next: TraceFilterState) => void;
}

export interface TraceFilterControls {
  state: TraceFilterState;
  setState: (next: TraceFilterState | ((previous: TraceFilterState) => TraceFilterState)) => void;
  /** Sets one field. */
  set: <K extends keyof TraceFilterState>(key: K, value: TraceFilterState[K]) => void;
  /** Back to the starting filters. */
  reset: () => void;
  /** TracesQuery fields (`useTraces`, `useInfiniteTraces`, a TracesTable's `query`). */
  params: TracesQueryParams;
  /**
   * The filters the sessions, errors and neighbours queries take. Their HogQL has no person uuid, so
   * `personId` applies to TracesQuery only; "filter to this person" adds a person property filter instead,
   * which applies everywhere.
   */
  exploreFilters: ExploreFilters;
  /** Filters that only loaded rows can answer (sentiment), for a page of traces. */
  matchesLoadedRow: (trace: LLMTrace) => boolean;
  activeCount: number;
}

/**
 * The state of an explore screen's filters and what it turns into, for `TraceFilters` and the queries
 * beside it. Uncontrolled unless `value` is given.
 *
 * @example
 * const filters = useTraceFilters({ defaultValue: { dateRange: { date_from: "-30d" } } });
 * <TraceFilters value={filters.state} onChange={filters.setState} />
 * <TracesTable query={filters.params} />
 */
export function useTraceFilters(options: UseTraceFiltersOptions = {}): TraceFilterControls {
  const [initial] = useState(() => readTraceFilterState(options.defaultValue ?? {}, DEFAULT_TRACE_FILTER_STATE));
  const [own, setOwn] = useState(initial);
  const controlled = options.value !== undefined;
  const state = controlled ? options.value! : own;
  // Functional updates read the newest value even between renders.
  const latest = useRef(state);
  latest.current = state;
  const onChange = useRef(options.onChange);
  onChange.current = options.onChange;
  const controlledRef = useRef(controlled);
  controlledRef.current = controlled;

  const setState = useCallback((next: TraceFilterState | ((previous: TraceFilterState) => TraceFilterState)) => {
    const resolved = typeof next === "function" ? next(latest.current) : next;
    if (Object.is(resolved, latest.current)) return;
    latest.current = resolved;
    if (!controlledRef.current) setOwn(resolved);
    onChange.current?.(resolved);
  }, []);
  const set = useCallback(<K extends keyof TraceFilterState>(key: K, value: TraceFilterState[K]) => setState((previous) => ({ ...previous, [key]: value })), [setState]);
  const reset = useCallback(() => setState(initial), [setState, initial]);

  const derived = useMemo(() => {
    const params = traceFilterStateToParams(state);
    const exploreFilters: ExploreFilters = {
      dateRange: params.dateRange ?? DEFAULT_TRACE_FILTER_STATE.dateRange,
      ...(params.properties ? { properties: params.properties } : {}),
      ...(params.filterTestAccounts ? { filterTestAccounts: true } : {}),
    };
    return {
      params,
      exploreFilters,
      matchesLoadedRow: (trace: LLMTrace) => matchesLoadedRowFilters(trace, state),
      activeCount: activeFilterCount(state),
    };
  }, [state]);
  return { state, setState, set, reset, ...derived };
}
