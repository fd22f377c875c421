import type { SentimentLabel } from "../../core/sentiment";
import { cn } from "../ui/cn";
import type { SentimentBarModel } from "./sentimentBarModel";

const FILL_COLOUR: Record<SentimentLabel, string> = {
  positive: "tl:bg-positive",
  neutral: "tl:bg-neutral",
  negative: "tl:bg-negative",
};

/** Left to right, as the eye reads good → bad. */
const STACK_ORDER: SentimentLabel[] = ["positive", "neutral", "negative"];

const pct = (value: number) => `${(value * 100).toFixed(2)}%`;

/** The track and its fill (or stacked shares); called as a function, not a component: a bar in each row of a table draws it. */
export function sentimentBarSegments(model: SentimentBarModel, variant: "confidence" | "stacked") {
  const track = "tl:flex tl:h-1.5 tl:w-full tl:overflow-hidden tl:rounded-full tl:bg-track";
  if (variant === "stacked" && model.hasShares) {
    return (
      <span data-slot="sentiment-bar-track" className={track}>
        {STACK_ORDER.filter((label) => model.shares[label] > 0).map((label) => (
          <span
            key={label}
            data-slot="sentiment-bar-segment"
            data-label={label}
            className={cn("tl:block tl:h-full", FILL_COLOUR[label])}
            style={{ width: pct(model.shares[label]) }}
          />
        ))}
      </span>
    );
  }
  const label = model.label ?? "neutral";
  return (
    <span data-slot="sentiment-bar-track" className={track}>
      <span
        data-slot="sentiment-bar-fill"
        data-label={label}
        className={cn("tl:block tl:h-full tl:rounded-full", FILL_COLOUR[label])}
        style={{ width: pct(model.score) }}
      />
    </span>
  );
}

/** PostHog's triangles: strongest positive points down from above the track, strongest negative up from below. */
export function sentimentBarMarkers(model: SentimentBarModel) {
  return (
    <>
      {model.maxPositive !== undefined && (
        <span
          data-slot="sentiment-bar-marker"
          data-label="positive"
          className="tl:absolute tl:top-0 tl:h-0 tl:w-0 tl:-translate-x-1/2 tl:border-x-[3px] tl:border-t-[4px] tl:border-x-transparent tl:border-t-positive"
          style={{ left: pct(model.maxPositive) }}
        />
      )}
      {model.maxNegative !== undefined && (
        <span
          data-slot="sentiment-bar-marker"
          data-label="negative"
          className="tl:absolute tl:bottom-0 tl:h-0 tl:w-0 tl:-translate-x-1/2 tl:border-x-[3px] tl:border-b-[4px] tl:border-x-transparent tl:border-b-negative"
          style={{ left: pct(model.maxNegative) }}
        />
      )}
    </>
  );
}
