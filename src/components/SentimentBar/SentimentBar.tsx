"use client";
import { forwardRef, type ComponentPropsWithoutRef, type CSSProperties, type Ref } from "react";
import type { PostHogSentimentEntry, SentimentError, SentimentLabel, SentimentResult, SentimentScores } from "../../core/sentiment";
import { cn } from "../ui/cn";
import { useComposedRefs } from "../ui/composeRefs";
import { useTooltip } from "../ui/Tooltip";
import { describeShares, resolveSentimentBar, type SentimentBarModel } from "./sentimentBarModel";
import { sentimentBarMarkers, sentimentBarSegments } from "./SentimentBarParts";

export interface SentimentBarProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /**
   * A PostHog sentiment result as the API returns it: one entry of the sentiment endpoint's `results`
   * (generation or trace level, or `{ error }`; see `PostHogSentimentEntry`), a trace's inline
   * `sentiment`, or a tracelens client's result.
   */
  sentiment?: SentimentResult | SentimentError | PostHogSentimentEntry | null;
  /** The winning label; overrides `sentiment.label`. */
  label?: SentimentLabel;
  /** The winning label's confidence, 0–1 (the fill width); overrides `sentiment.score`. */
  score?: number;
  /** Per-label scores, used by `variant="stacked"`; overrides `sentiment.scores`. */
  scores?: Partial<SentimentScores>;
  /** Strongest positive message score; computed from `sentiment.messages` when omitted. */
  maxPositive?: number;
  /** Strongest negative message score; computed from `sentiment.messages` when omitted. */
  maxNegative?: number;
  /** `sm` is 40 px wide (trees, headers); `full` fills 75% of its container (table cells). @default "sm" */
  size?: "sm" | "full";
  /** `confidence` draws the winning label's score, as PostHog does; `stacked` draws all three shares. @default "confidence" */
  variant?: "confidence" | "stacked";
  /** Shows a bar-shaped skeleton. @default false */
  loading?: boolean;
  /** Any truthy value shows the error state; a string or Error message goes into the tooltip. */
  error?: unknown;
  /** Shows the percentage as text beside the bar. @default false */
  showValue?: boolean;
  /** Keeps the bar in the tab order so keyboard users can open its tooltip. @default true */
  focusable?: boolean;
  /** @default true */
  tooltip?: boolean;
}

/** A non-colour cue for the label, so meaning never rests on green versus red. */
const LABEL_GLYPH: Record<SentimentLabel, string> = { positive: "+", neutral: "=", negative: "−" };

const GLYPH_COLOUR: Record<SentimentLabel, string> = {
  positive: "tl:text-positive",
  neutral: "tl:text-muted",
  negative: "tl:text-negative",
};

function content(model: SentimentBarModel, variant: "confidence" | "stacked") {
  if (variant !== "stacked" || !model.hasShares) return { tooltip: model.tooltip, name: model.accessibleName };
  const split = describeShares(model.shares);
  return { tooltip: `${model.tooltip}\n${split}`, name: `${model.accessibleName}; ${split}` };
}

/**
 * User-message sentiment of a trace or generation, as a bar. Meets PostHog's bar (confidence fill,
 * strongest-message markers, tooltip) and adds a stacked variant, a text alternative, a label glyph and
 * distinct loading, no-data and error states.
 */
export const SentimentBar = forwardRef(function SentimentBar(
  {
    sentiment,
    label,
    score,
    scores,
    maxPositive,
    maxNegative,
    size = "sm",
    variant = "confidence",
    loading,
    error,
    showValue = false,
    focusable = true,
    tooltip: tooltipEnabled = true,
    className,
    style,
    ...rest
  }: SentimentBarProps,
  ref: Ref<HTMLDivElement>,
) {
  const model = resolveSentimentBar({ sentiment, label, score, scores, maxPositive, maxNegative, loading, error });
  const text = content(model, variant);
  const { triggerRef, triggerProps, tooltip } = useTooltip(text.tooltip, tooltipEnabled && model.state !== "loading");
  const setRefs = useComposedRefs<HTMLDivElement>(triggerRef, ref);
  const full = size === "full";
  const trackStyle: CSSProperties = full ? { flex: "0 0 75%" } : { width: 40 };

  return (
    <>
      <div
        {...rest}
        {...triggerProps}
        ref={setRefs}
        role="img"
        aria-label={text.name}
        aria-busy={model.state === "loading" || undefined}
        tabIndex={focusable && model.state !== "loading" ? 0 : undefined}
        data-slot="sentiment-bar"
        data-state={model.state}
        data-label={model.label}
        data-sentiment-source={model.source}
        data-size={size}
        data-variant={variant}
        className={cn(
          "tl-root tl:items-center tl:gap-1 tl:align-middle tl:text-xs tl:leading-none tl:rounded-sm",
          "tl:focus-visible:outline-2 tl:focus-visible:outline-offset-2 tl:focus-visible:outline-focus",
          full ? "tl:flex tl:w-full" : "tl:inline-flex",
          className,
        )}
        style={style}
      >
        {model.state === "loading" && (
          <span
            data-slot="sentiment-bar-skeleton"
            className="tl:block tl:h-1.5 tl:rounded-full tl:bg-skeleton tl:animate-pulse"
            style={trackStyle}
          />
        )}
        {model.state === "empty" && (
          <span data-slot="sentiment-bar-empty" className="tl:text-muted" style={trackStyle}>
            –
          </span>
        )}
        {model.state === "error" && (
          <span
            data-slot="sentiment-bar-error"
            className="tl:inline-flex tl:h-3.5 tl:w-3.5 tl:items-center tl:justify-center tl:rounded-full tl:border tl:border-warning tl:font-bold tl:leading-none tl:text-warning tl:text-[10px]"
          >
            !
          </span>
        )}
        {model.state === "ready" && model.label && (
          <>
            <span data-slot="sentiment-bar-glyph" className={cn("tl:w-2 tl:text-center tl:font-bold", GLYPH_COLOUR[model.label])}>
              {LABEL_GLYPH[model.label]}
            </span>
            <span data-slot="sentiment-bar-track-area" className="tl:relative tl:block tl:py-[5px]" style={trackStyle}>
              {sentimentBarSegments(model, variant)}
              {sentimentBarMarkers(model)}
            </span>
            {showValue && (
              <span data-slot="sentiment-bar-value" className="tl:tabular-nums tl:text-muted">
                {Math.round(model.score * 100)}%
              </span>
            )}
          </>
        )}
      </div>
      {tooltip}
    </>
  );
});
SentimentBar.displayName = "SentimentBar";
