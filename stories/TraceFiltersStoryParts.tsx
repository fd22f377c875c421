/** Helpers for the TraceFilters and Explore stories (a stories file may export only stories). */
import { TraceFilters, useTraceFilters, type TraceFiltersProps } from "../src/all";
import type { TraceFilterState } from "../src/core";

/** TraceFilters over `useTraceFilters`, with the TracesQuery fields it turns into shown beside it. */
export function ControlledFilters(props: Omit<TraceFiltersProps, "value" | "onChange" | "defaultValue"> & { defaultValue?: Partial<TraceFilterState> }) {
  const { defaultValue, ...rest } = props;
  const filters = useTraceFilters({ defaultValue });
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12, minHeight: 420 }}>
      <TraceFilters {...rest} value={filters.state} onChange={filters.setState} />
      <pre data-testid="params" style={{ margin: 0, fontSize: 11, whiteSpace: "pre-wrap", wordBreak: "break-all", maxHeight: 160, overflow: "auto" }} tabIndex={0} aria-label="TracesQuery fields">
        {JSON.stringify(filters.params, null, 1).slice(0, 4000)}
      </pre>
    </div>
  );
}
