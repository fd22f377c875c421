"use client";
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import { describePropertyFilter, propertyFilterProblem } from "../../core/filterProperties";
import { activeFilterCount, DEFAULT_TRACE_FILTER_STATE, type TraceFilterState } from "../../core/traceFilterState";
import { cutText } from "../../core/boundedText";
import { LINK_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { SentimentToggleGroup } from "../ui/SentimentToggleGroup";
import { TraceFiltersDateRange } from "./TraceFiltersDateRange";
import { TraceFiltersProperty } from "./TraceFiltersProperty";

export type TraceFiltersSection = "date" | "properties" | "testAccounts" | "sentiment";

export interface TraceFiltersViewProps extends Omit<ComponentPropsWithoutRef<"div">, "onChange" | "defaultValue"> {
  value: TraceFilterState;
  onChange: (next: TraceFilterState) => void;
  /** Loaded traces, for suggested property keys and values. */
  traces?: readonly LLMTrace[];
  /** The parts shown. @default all four */
  sections?: readonly TraceFiltersSection[];
  /** Where "Clear all" goes. @default PostHog's defaults (last 7 days, nothing else) */
  resetTo?: TraceFilterState;
  /** Extra controls at the end of the bar. */
  actions?: ReactNode;
}

const ALL: readonly TraceFiltersSection[] = ["date", "properties", "testAccounts", "sentiment"];
const NO_TRACES: readonly LLMTrace[] = [];
const CHIP = "tl:inline-flex tl:max-w-80 tl:items-center tl:gap-1 tl:rounded-tl tl:border tl:border-border tl:bg-bg-subtle tl:px-1.5 tl:py-0.5 tl:text-xs";
const REMOVE = "tl:cursor-pointer tl:border-0 tl:bg-transparent tl:p-0 tl:leading-none tl:text-muted tl:hover:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-focus";

/** The pure half of TraceFilters: a controlled filter bar. It never fetches. */
export const TraceFiltersView = forwardRef(function TraceFiltersView(
  { value, onChange, traces = NO_TRACES, sections = ALL, resetTo = DEFAULT_TRACE_FILTER_STATE, actions, className, ...rest }: TraceFiltersViewProps,
  ref: Ref<HTMLDivElement>,
) {
  const id = useId();
  const show = (section: TraceFiltersSection) => sections.includes(section);
  const patch = (change: Partial<TraceFilterState>) => onChange({ ...value, ...change });
  const count = activeFilterCount(value);
  return (
    <div
      {...rest}
      ref={ref}
      role="group"
      aria-label={rest["aria-label"] ?? "Filters"}
      data-slot="trace-filters"
      data-active-count={count}
      className={cn("tl-root tl:flex tl:flex-wrap tl:items-center tl:gap-2 tl:font-body tl:text-xs tl:text-fg", className)}
    >
      {show("date") && <TraceFiltersDateRange value={value.dateRange} onChange={(dateRange) => patch({ dateRange })} />}
      {show("properties") && (
        <>
          <ul aria-label="Property filters" className="tl:m-0 tl:flex tl:list-none tl:flex-wrap tl:gap-1 tl:p-0" data-slot="trace-filters-chips">
            {value.properties.map((filter, index) => {
              const text = cutText(describePropertyFilter(filter), 200);
              // A filter from a URL or a host may be one PostHog refuses: say so on the chip, keep it removable.
              const problem = propertyFilterProblem(filter);
              return (
                <li key={`${index}:${text}`} className={cn(CHIP, problem && "tl:border-danger")} data-slot="trace-filters-chip" data-invalid={problem ? true : undefined}>
                  <span className="tl:truncate" title={problem ? `${text}: ${problem.message}` : text}>
                    {text}
                  </span>
                  {problem && <span className="tl:text-danger">{`(${cutText(problem.message, 120)})`}</span>}
                  <button
                    type="button"
                    aria-label={`Remove filter: ${text}`}
                    className={REMOVE}
                    onClick={() => patch({ properties: value.properties.filter((_, i) => i !== index) })}
                  >
                    ×
                  </button>
                </li>
              );
            })}
            {value.personId && (
              <li className={CHIP} data-slot="trace-filters-chip">
                <span className="tl:truncate">{`Person ${cutText(value.personId, 60)}`}</span>
                <button type="button" aria-label="Remove person filter" className={REMOVE} onClick={() => patch({ personId: null })}>
                  ×
                </button>
              </li>
            )}
          </ul>
          <TraceFiltersProperty traces={traces} onAdd={(filter) => patch({ properties: [...value.properties, filter] })} />
        </>
      )}
      {show("testAccounts") && (
        <span className="tl:inline-flex tl:items-center tl:gap-1">
          <input
            id={`${id}-test`}
            type="checkbox"
            checked={value.filterTestAccounts}
            onChange={(event) => patch({ filterTestAccounts: event.target.checked })}
            className="tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
          />
          <label htmlFor={`${id}-test`}>Filter out internal and test users</label>
        </span>
      )}
      {show("sentiment") && (
        <SentimentToggleGroup
          value={value.sentiment?.labels ?? []}
          onChange={(labels) => patch({ sentiment: labels.length === 0 ? null : { ...value.sentiment, labels } })}
        />
      )}
      {count > 0 && (
        <button type="button" className={LINK_BUTTON} onClick={() => onChange({ ...resetTo, dateRange: value.dateRange })}>
          {`Clear ${count === 1 ? "filter" : `${count} filters`}`}
        </button>
      )}
      {actions}
    </div>
  );
});
TraceFiltersView.displayName = "TraceFiltersView";
