import { useId, useState } from "react";
import type { QueryDateRange } from "../../core/eventsTrace";
import { ISO_DATE_ONLY, parsePostHogDate } from "../../core/filterDates";
import { DATE_RANGE_PRESETS, describeDateRange, matchDateRangePreset } from "../../core/filterDatesDescribe";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { PopoverButton } from "../ui/PopoverButton";

export interface TraceFiltersDateRangeProps {
  value: QueryDateRange;
  onChange: (next: QueryDateRange) => void;
}

const UNITS = [
  { unit: "M", label: "minutes" },
  { unit: "h", label: "hours" },
  { unit: "d", label: "days" },
  { unit: "w", label: "weeks" },
  { unit: "m", label: "months" },
  { unit: "q", label: "quarters" },
  { unit: "y", label: "years" },
] as const;

const INPUT = "tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-1.5 tl:py-0.5 tl:text-xs tl:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-focus";

/** The relative form's starting values: the range's own when it is "-N<unit>", else 7 days. */
function relativeParts(range: QueryDateRange): { amount: string; unit: string } {
  const from = parsePostHogDate(range.date_from ?? "");
  if (!range.date_to && from.kind === "relative" && from.position === null && from.amount) return { amount: String(from.amount), unit: from.unit };
  return { amount: "7", unit: "d" };
}

function dayOf(text: string | null | undefined): string {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(text ?? "");
  return match ? match[1]! : "";
}

/**
 * PostHog's date picker: its presets, "last N units" (relative, `-Nd`) and a from/to pair of days
 * (absolute, `YYYY-MM-DD`, the end day inclusive as PostHog reads it). Every value is PostHog's syntax.
 */
export function TraceFiltersDateRange({ value, onChange }: TraceFiltersDateRangeProps) {
  const id = useId();
  const selected = matchDateRangePreset(value);
  const [relative, setRelative] = useState(() => relativeParts(value));
  const [from, setFrom] = useState(() => dayOf(value.date_from));
  const [to, setTo] = useState(() => dayOf(value.date_to));
  const amount = Number(relative.amount);
  const relativeOk = Number.isInteger(amount) && amount > 0 && amount <= 100_000;
  const absoluteProblem = !ISO_DATE_ONLY.test(from) ? "Choose a start day" : to !== "" && to < from ? "The end day is before the start day" : null;
  const described = describeDateRange(value);
  return (
    <PopoverButton slot="trace-filters-date" label={described} ariaLabel={`Date range: ${described}`} panelLabel="Date range">
      {(close) => {
        const choose = (range: QueryDateRange) => {
          onChange(range);
          close();
        };
        return (
          <>
            <div role="group" aria-label="Presets" className="tl:grid tl:grid-cols-2 tl:gap-1">
              {DATE_RANGE_PRESETS.map((preset) => (
                <button
                  key={preset.key}
                  type="button"
                  aria-pressed={selected?.key === preset.key}
                  onClick={() => choose({ ...preset.dateRange })}
                  className={cn(SMALL_BUTTON, "tl:text-left", selected?.key === preset.key && "tl:border-accent tl:bg-(color:--tl-selected-bg)")}
                >
                  {preset.label}
                </button>
              ))}
            </div>
            <form
              aria-label="Relative range"
              className="tl:flex tl:flex-wrap tl:items-center tl:gap-1"
              onSubmit={(event) => {
                event.preventDefault();
                if (relativeOk) choose({ date_from: `-${amount}${relative.unit}`, date_to: null });
              }}
            >
              <label htmlFor={`${id}-amount`}>Last</label>
              <input
                id={`${id}-amount`}
                type="number"
                min={1}
                max={100000}
                value={relative.amount}
                aria-invalid={!relativeOk || undefined}
                onChange={(event) => setRelative({ ...relative, amount: event.target.value })}
                className={cn(INPUT, "tl:w-16")}
              />
              <select aria-label="Unit" value={relative.unit} onChange={(event) => setRelative({ ...relative, unit: event.target.value })} className={INPUT}>
                {UNITS.map((u) => (
                  <option key={u.unit} value={u.unit}>
                    {u.label}
                  </option>
                ))}
              </select>
              <button type="submit" disabled={!relativeOk} className={SMALL_BUTTON}>
                Apply
              </button>
            </form>
            <form
              aria-label="Between days"
              className="tl:flex tl:flex-col tl:gap-1"
              onSubmit={(event) => {
                event.preventDefault();
                if (!absoluteProblem) choose({ date_from: from, date_to: to === "" ? null : to });
              }}
            >
              <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-1">
                <label htmlFor={`${id}-from`}>From</label>
                <input id={`${id}-from`} type="date" value={from} onChange={(event) => setFrom(event.target.value)} className={INPUT} />
                <label htmlFor={`${id}-to`}>to</label>
                <input id={`${id}-to`} type="date" value={to} onChange={(event) => setTo(event.target.value)} className={INPUT} />
                <button type="submit" disabled={absoluteProblem !== null} className={SMALL_BUTTON}>
                  Apply
                </button>
              </div>
              {absoluteProblem && from !== "" && (
                <span role="alert" className="tl:text-danger">
                  {absoluteProblem}
                </span>
              )}
            </form>
          </>
        );
      }}
    </PopoverButton>
  );
}
