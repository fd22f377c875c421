import { useId } from "react";
import { cn } from "../ui/cn";
import type { SentimentOverviewDimension } from "./sentimentOverviewDimensions";

const FIELD =
  "tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-1.5 tl:py-0.5 tl:text-xs tl:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-offset-1 tl:focus-visible:outline-focus";

interface ControlsProps {
  dimensions: readonly SentimentOverviewDimension[];
  groupBy: string;
  onGroupByChange: (id: string) => void;
  interval: "day" | "hour";
  onIntervalChange: (interval: "day" | "hour") => void;
  display: "chart" | "table";
  onDisplayChange: (display: "chart" | "table") => void;
}

/** Group-by and interval selects, and the chart/table switch. */
export function SentimentOverviewControls(props: ControlsProps) {
  const groupId = useId();
  const intervalId = useId();
  return (
    <div data-slot="sentiment-overview-controls" className="tl:flex tl:flex-wrap tl:items-center tl:gap-3 tl:text-xs">
      {props.dimensions.length > 1 && (
        <span className="tl:inline-flex tl:items-center tl:gap-1">
          <label htmlFor={groupId}>Group by</label>
          <select id={groupId} value={props.groupBy} onChange={(e) => props.onGroupByChange(e.target.value)} className={FIELD}>
            {props.dimensions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </span>
      )}
      <span className="tl:inline-flex tl:items-center tl:gap-1">
        <label htmlFor={intervalId}>Interval</label>
        <select id={intervalId} value={props.interval} onChange={(e) => props.onIntervalChange(e.target.value === "hour" ? "hour" : "day")} className={FIELD}>
          <option value="day">Day</option>
          <option value="hour">Hour</option>
        </select>
      </span>
      <span role="group" aria-label="Show as" className="tl:inline-flex tl:gap-1">
        {(["chart", "table"] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            aria-pressed={props.display === mode}
            onClick={() => props.onDisplayChange(mode)}
            className={cn(FIELD, "tl:cursor-pointer", props.display === mode && "tl:border-accent tl:bg-(color:--tl-selected-bg)")}
          >
            {mode === "chart" ? "Chart" : "Table"}
          </button>
        ))}
      </span>
    </div>
  );
}

/** Colour key with the label words, so colour is never the only cue. */
export function SentimentOverviewLegend() {
  const items = [
    ["Positive", "tl:bg-positive"],
    ["Neutral", "tl:bg-neutral"],
    ["Negative", "tl:bg-negative"],
  ] as const;
  return (
    <ul data-slot="sentiment-overview-legend" className="tl:m-0 tl:flex tl:list-none tl:gap-3 tl:p-0 tl:text-xs tl:text-muted">
      {items.map(([text, swatch]) => (
        <li key={text} className="tl:inline-flex tl:items-center tl:gap-1">
          <span aria-hidden="true" className={cn("tl:inline-block tl:h-2.5 tl:w-2.5 tl:rounded-sm", swatch)} />
          {text}
        </li>
      ))}
      <li className="tl:inline-flex tl:items-center tl:gap-1">
        <span aria-hidden="true" className="tl:inline-block tl:h-0.5 tl:w-3 tl:bg-accent" />
        Net score (mean positive − negative)
      </li>
    </ul>
  );
}
