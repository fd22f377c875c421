import { useRef, type KeyboardEvent } from "react";
import type { EvaluationSummaryFilter } from "../../core/eventsApi";
import { cn } from "../ui/cn";
import { EVALUATION_FILTER_OPTIONS } from "./evaluationSummaryPanelModel";

export interface EvaluationSummaryPanelFilterProps {
  value: EvaluationSummaryFilter;
  onChange: (filter: EvaluationSummaryFilter) => void;
  /** Offer N/A (only evaluations that allow N/A have such runs). */
  showNa: boolean;
  disabled?: boolean;
}

/**
 * The All / Passing / Failing / N/A switch as a radio group (WAI-ARIA radio pattern): one tab
 * stop, arrows move and select, so it reads as "one of four" to screen readers.
 */
export function EvaluationSummaryPanelFilter({ value, onChange, showNa, disabled }: EvaluationSummaryPanelFilterProps) {
  const options = EVALUATION_FILTER_OPTIONS.filter((o) => showNa || o.value !== "na");
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = options.some((o) => o.value === value) ? value : "all";

  const onKeyDown = (event: KeyboardEvent) => {
    const index = options.findIndex((o) => o.value === current);
    let next: number | null = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (index + 1) % options.length;
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = (index - 1 + options.length) % options.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = options.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = options[next]!;
    onChange(target.value);
    refs.current.get(target.value)?.focus();
  };

  return (
    <div
      role="radiogroup"
      aria-label="Evaluation results to summarize"
      aria-disabled={disabled || undefined}
      onKeyDown={disabled ? undefined : onKeyDown}
      data-slot="evaluation-filter"
      className="tl:inline-flex tl:rounded-tl tl:border tl:border-solid tl:border-border tl:bg-bg-subtle tl:p-0.5"
    >
      {options.map((option) => {
        const checked = option.value === current;
        return (
          <button
            key={option.value}
            ref={(node) => {
              if (node) refs.current.set(option.value, node);
              else refs.current.delete(option.value);
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            disabled={disabled}
            data-value={option.value}
            data-state={checked ? "on" : "off"}
            onClick={() => onChange(option.value)}
            className={cn(
              "tl:cursor-pointer tl:rounded-tl tl:border-0 tl:px-2.5 tl:py-0.5 tl:text-xs",
              "tl:focus-visible:outline-2 tl:focus-visible:outline-offset-1 tl:focus-visible:outline-focus",
              "tl:disabled:cursor-not-allowed tl:disabled:opacity-60",
              checked ? "tl:bg-bg tl:font-semibold tl:text-fg tl:shadow-sm" : "tl:bg-transparent tl:text-muted tl:hover:text-fg",
            )}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
