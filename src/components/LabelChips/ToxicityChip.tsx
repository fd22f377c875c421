"use client";
import { forwardRef, type ComponentPropsWithoutRef, type Ref } from "react";
import { cn } from "../ui/cn";
import { useComposedRefs } from "../ui/composeRefs";
import { useTooltip } from "../ui/Tooltip";
import { CHIP } from "./EmotionChips";
import { TOXICITY_BIAS_NOTE, describeEntries, toxicityChipModel, type ChipLabels } from "./labelChipsModel";

export interface ToxicityChipProps extends Omit<ComponentPropsWithoutRef<"span">, "children"> {
  /** One message's labels, a trace's or generation's summed labels, or `{error}`. */
  labels: ChipLabels;
  /** Shows a skeleton while there are no labels yet. @default false */
  loading?: boolean;
  /**
   * What a clean (or unjudged) text shows: nothing (message headers, where only a toxic label is worth
   * the space) or a muted "–" (table cells, where an empty cell would read as missing). @default "hidden"
   */
  clean?: "hidden" | "dash";
  /** @default true */
  focusable?: boolean;
}

/**
 * A toxicity label, only when one applies ("offensive language", "hate speech"), with scores and the
 * model's known bias in its tooltip. A severe label is marked with a glyph as well as colour.
 */
export const ToxicityChip = forwardRef(function ToxicityChip({ labels, loading, clean = "hidden", focusable = true, className, ...rest }: ToxicityChipProps, ref: Ref<HTMLSpanElement>) {
  const model = toxicityChipModel(labels, loading);
  const toxic = model.state === "ready" && model.entries.length > 0;
  const tip = model.state === "error" ? `Toxicity unavailable: ${model.error}` : toxic ? `${describeEntries(model.entries, model)}\n\n${TOXICITY_BIAS_NOTE}` : "";
  const { triggerRef, triggerProps, tooltip } = useTooltip(tip, toxic || model.state === "error");
  const setRef = useComposedRefs<HTMLSpanElement>(triggerRef, ref);
  if (model.state === "loading") {
    return <span {...rest} ref={ref} data-slot="toxicity-chip" data-state="loading" aria-label="Toxicity loading" role="img" className={cn("tl:inline-block tl:h-4 tl:w-12 tl:animate-pulse tl:rounded-full tl:bg-bg-subtle", className)} />;
  }
  if (!toxic && model.state !== "error") {
    if (clean === "hidden") return null;
    return (
      <span {...rest} ref={ref} data-slot="toxicity-chip" data-state={model.state === "ready" ? "clean" : "empty"} className={cn("tl:text-muted", className)}>
        <span aria-hidden="true">–</span>
        <span className="tl:sr-only">{model.state === "ready" ? "Not toxic" : "No toxicity labels"}</span>
      </span>
    );
  }
  const text = model.state === "error" ? "unavailable" : model.entries.map((entry) => entry.text).join(", ");
  return (
    <>
      <span
        {...rest}
        {...triggerProps}
        ref={setRef}
        role="img"
        aria-label={model.state === "error" ? `Toxicity unavailable: ${model.error}` : `Toxicity: ${text}${model.severe ? " (severe)" : ""}`}
        tabIndex={focusable ? 0 : -1}
        data-slot="toxicity-chip"
        data-state={model.state === "error" ? "error" : model.severe ? "severe" : "toxic"}
        data-source={model.source ?? undefined}
        className={cn(
          CHIP,
          "tl:rounded-sm tl:focus-visible:outline-2 tl:focus-visible:outline-focus",
          model.state === "error" ? "tl:text-muted" : "tl:border-negative tl:bg-bg tl:font-medium tl:text-fg",
          className,
        )}
      >
        <span aria-hidden="true">
          {model.state !== "error" && (model.severe ? "⚠⚠ " : "⚠ ")}
          {text}
        </span>
      </span>
      {tooltip}
    </>
  );
});
ToxicityChip.displayName = "ToxicityChip";
