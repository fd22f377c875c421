import { forwardRef, type ComponentPropsWithoutRef, type Ref } from "react";
import type { SentimentLabel } from "../../core/sentiment/types";
import { cn } from "./cn";

const OPTIONS: ReadonlyArray<{ label: SentimentLabel; text: string; dot: string }> = [
  { label: "positive", text: "Positive", dot: "tl:bg-positive" },
  { label: "neutral", text: "Neutral", dot: "tl:bg-neutral" },
  { label: "negative", text: "Negative", dot: "tl:bg-negative" },
];

export interface SentimentToggleGroupProps extends Omit<ComponentPropsWithoutRef<"div">, "onChange" | "defaultValue"> {
  /** Labels switched on; none means no filter. */
  value: readonly SentimentLabel[];
  onChange: (next: SentimentLabel[]) => void;
  /** Optional count shown on each button. */
  counts?: Partial<Record<SentimentLabel, number>>;
  /** @default "Filter by sentiment" */
  label?: string;
}

/** Three toggle buttons (Positive / Neutral / Negative), each `aria-pressed`; any combination may be on. */
export const SentimentToggleGroup = forwardRef(function SentimentToggleGroup(
  { value, onChange, counts, label = "Filter by sentiment", className, ...rest }: SentimentToggleGroupProps,
  ref: Ref<HTMLDivElement>,
) {
  return (
    <div {...rest} ref={ref} role="group" aria-label={label} data-slot="sentiment-toggle-group" className={cn("tl:inline-flex tl:gap-1", className)}>
      {OPTIONS.map((option) => {
        const pressed = value.includes(option.label);
        const count = counts?.[option.label];
        return (
          <button
            key={option.label}
            type="button"
            aria-pressed={pressed}
            data-label={option.label}
            data-state={pressed ? "on" : "off"}
            onClick={() => onChange(pressed ? value.filter((l) => l !== option.label) : [...value, option.label])}
            className={cn(
              "tl:inline-flex tl:cursor-pointer tl:items-center tl:gap-1 tl:rounded-tl tl:border tl:px-2 tl:py-0.5 tl:text-xs",
              "tl:focus-visible:outline-2 tl:focus-visible:outline-offset-1 tl:focus-visible:outline-focus",
              pressed ? "tl:border-accent tl:bg-(color:--tl-selected-bg) tl:text-fg" : "tl:border-border tl:bg-bg tl:text-fg tl:hover:bg-bg-subtle",
            )}
          >
            <span aria-hidden="true" className={cn("tl:inline-block tl:h-2 tl:w-2 tl:rounded-full", option.dot)} />
            {option.text}
            {count !== undefined && <span className="tl:tabular-nums tl:text-muted">{count.toLocaleString("en-US")}</span>}
          </button>
        );
      })}
    </div>
  );
});
SentimentToggleGroup.displayName = "SentimentToggleGroup";
