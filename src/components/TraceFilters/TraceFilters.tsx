"use client";
import { forwardRef, type Ref } from "react";
import { DEFAULT_TRACE_FILTER_STATE, type TraceFilterState } from "../../core/traceFilterState";
import { useControllableState } from "../ui/useControllableState";
import { TraceFiltersView, type TraceFiltersViewProps } from "./TraceFiltersView";

export interface TraceFiltersProps extends Omit<TraceFiltersViewProps, "value" | "onChange"> {
  /** The filters, when the host owns them (`useTraceFilters().state`). */
  value?: TraceFilterState;
  /** Where uncontrolled filters start. @default last 7 days, nothing else */
  defaultValue?: TraceFilterState;
  /** Every change (`useTraceFilters().setState`). */
  onChange?: (next: TraceFilterState) => void;
}

/**
 * A drop-in filter bar for an explore screen: PostHog's date range (relative and absolute), event and
 * person property filters with suggested values, the test-accounts toggle and a sentiment filter.
 * Controlled with `value`/`onChange` (pair it with `useTraceFilters`), uncontrolled otherwise.
 *
 * @example
 * const filters = useTraceFilters();
 * <TraceFilters value={filters.state} onChange={filters.setState} traces={loadedTraces} />
 * <TracesTable query={filters.params} />
 */
export const TraceFilters = forwardRef(function TraceFilters({ value, defaultValue, onChange, ...rest }: TraceFiltersProps, ref: Ref<HTMLDivElement>) {
  const [state, setState] = useControllableState(value, defaultValue ?? DEFAULT_TRACE_FILTER_STATE, onChange);
  return <TraceFiltersView {...rest} ref={ref} value={state} onChange={setState} />;
});
TraceFilters.displayName = "TraceFilters";
