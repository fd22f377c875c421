"use client";
import { forwardRef, type ComponentPropsWithoutRef, type Ref } from "react";
import { cn } from "../ui/cn";
import { useComposedRefs } from "../ui/composeRefs";
import { useTooltip } from "../ui/Tooltip";
import { describeEntries, emotionChipModel, type ChipLabels } from "./labelChipsModel";

export interface EmotionChipsProps extends Omit<ComponentPropsWithoutRef<"span">, "children"> {
  /** One message's labels, a trace's or generation's summed labels, or `{error}`. */
  labels: ChipLabels;
  /** Emotions drawn as chips; the rest are counted ("+2") and listed in the tooltip. @default 2 */
  max?: number;
  /** Shows a chip-shaped skeleton while there are no labels yet. @default false */
  loading?: boolean;
  /** Keeps the chips in the tab order so keyboard users can open the tooltip. @default true */
  focusable?: boolean;
}

export const CHIP = "tl:inline-block tl:max-w-full tl:truncate tl:rounded-full tl:border tl:border-border tl:bg-bg-subtle tl:px-1.5 tl:text-[11px] tl:leading-4 tl:text-fg";
const FOCUS = "tl:rounded-sm tl:focus-visible:outline-2 tl:focus-visible:outline-focus";

/**
 * The top emotions of a user message or a trace as small chips (top first, `neutral` last), with each
 * one's score and message count in the tooltip and in the accessible name. "–" when nothing was
 * judged; a distinct state when the lookup failed.
 */
export const EmotionChips = forwardRef(function EmotionChips({ labels, max = 2, loading, focusable = true, className, ...rest }: EmotionChipsProps, ref: Ref<HTMLSpanElement>) {
  const model = emotionChipModel(labels, loading);
  const shown = model.entries.slice(0, Math.max(1, max));
  const hidden = model.entries.length - shown.length;
  const tip = model.state === "error" ? `Emotion unavailable: ${model.error}` : model.state === "ready" ? describeEntries(model.entries, model) : "";
  const { triggerRef, triggerProps, tooltip } = useTooltip(tip, model.state === "ready" || model.state === "error");
  const setRef = useComposedRefs<HTMLSpanElement>(triggerRef, ref);
  if (model.state === "loading") {
    return <span {...rest} ref={ref} data-slot="emotion-chips" data-state="loading" aria-label="Emotion loading" role="img" className={cn("tl:inline-block tl:h-4 tl:w-16 tl:animate-pulse tl:rounded-full tl:bg-bg-subtle", className)} />;
  }
  if (model.state === "none") {
    return (
      <span {...rest} ref={ref} data-slot="emotion-chips" data-state="empty" className={cn("tl:text-muted", className)}>
        <span aria-hidden="true">–</span>
        <span className="tl:sr-only">No emotion labels</span>
      </span>
    );
  }
  const name =
    model.state === "error"
      ? `Emotion unavailable: ${model.error}`
      : model.entries.length === 0
        ? "Emotion: none over threshold"
        : `Emotion: ${model.entries.map((entry) => `${entry.text}${entry.score === null ? "" : ` ${Math.round(entry.score * 100)}%`}`).join(", ")}`;
  return (
    <>
      <span
        {...rest}
        {...triggerProps}
        ref={setRef}
        role="img"
        aria-label={name}
        tabIndex={focusable ? 0 : -1}
        data-slot="emotion-chips"
        data-state={model.state}
        data-source={model.source ?? undefined}
        className={cn("tl:inline-flex tl:max-w-full tl:flex-wrap tl:items-center tl:gap-1", FOCUS, className)}
      >
        {model.state === "error" ? (
          <span aria-hidden="true" className={cn(CHIP, "tl:text-muted")}>
            unavailable
          </span>
        ) : model.entries.length === 0 ? (
          <span aria-hidden="true" className={cn(CHIP, "tl:text-muted")}>
            none
          </span>
        ) : (
          shown.map((entry) => (
            <span key={entry.label} aria-hidden="true" data-slot="emotion-chip" data-emotion={entry.label} className={CHIP}>
              {entry.text}
            </span>
          ))
        )}
        {hidden > 0 && (
          <span aria-hidden="true" className={cn(CHIP, "tl:text-muted")}>
            +{hidden}
          </span>
        )}
      </span>
      {tooltip}
    </>
  );
});
EmotionChips.displayName = "EmotionChips";
