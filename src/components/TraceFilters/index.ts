export { TraceFilters } from "./TraceFilters";
export type { TraceFiltersProps } from "./TraceFilters";
export { TraceFiltersView } from "./TraceFiltersView";
export type { TraceFiltersSection, TraceFiltersViewProps } from "./TraceFiltersView";
