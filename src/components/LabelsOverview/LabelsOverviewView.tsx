"use client";
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { LabelBreakdown, LabelFilter, ToxicityClass } from "../../core/labelBreakdown";
import { TOXICITY_BIAS_NOTE } from "../LabelChips";
import { cn } from "../ui/cn";
import { ErrorState } from "../ui/ErrorState";
import { Skeleton } from "../ui/Skeleton";
import { useLandmarkOrdinal } from "../ui/useLandmarkOrdinal";
import { LabelsOverviewBars } from "./LabelsOverviewBars";

export interface LabelsOverviewViewProps extends Omit<ComponentPropsWithoutRef<"section">, "children" | "title"> {
  breakdown: LabelBreakdown;
  level: "trace" | "generation";
  status: "loading" | "error" | "ready";
  error?: unknown;
  onRetry?: () => void;
  /** The host's current label filter: its buckets are shown pressed. */
  filter?: LabelFilter | null;
  /** A bucket was chosen: the filter that selects its traces, ready to drive TracesTable's `labelFilter`. */
  onFilterChange?: (filter: LabelFilter) => void;
  /** @default "Emotion and toxicity" */
  title?: ReactNode;
  /** What to say when nothing is labelled (how to get labels). */
  emptyHint?: ReactNode;
  locale?: string;
}

const CLASS_TEXT: Record<ToxicityClass, string> = { severe: "severe (hate speech)", toxic: "toxic", clean: "not toxic" };
const CLASS_TINT: Partial<Record<string, string>> = { severe: "tl:bg-negative", toxic: "tl:bg-negative/60" };

function toggle<T>(list: readonly T[] | null | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
}

/** The pure half of LabelsOverview: a breakdown in, two bar tables (emotion, toxicity) and the counts out. */
export const LabelsOverviewView = forwardRef(function LabelsOverviewView(
  { breakdown, level, status, error, onRetry, filter, onFilterChange, title = "Emotion and toxicity", emptyHint, locale, className, ...rest }: LabelsOverviewViewProps,
  ref: Ref<HTMLElement>,
) {
  const titleId = useId();
  const noun = level === "generation" ? "generations" : "traces";
  const hostNamed = rest["aria-label"] !== undefined || rest["aria-labelledby"] !== undefined;
  // Same-titled overviews on one page get numbered names ("Emotion and toxicity (2)"); a host's name wins.
  const ordinal = useLandmarkOrdinal(hostNamed ? null : typeof title === "string" ? title : titleId);
  const labelled = breakdown.emotionLabelled > 0 || breakdown.toxicityLabelled > 0;
  const notes = [
    breakdown.pending > 0 ? `${breakdown.pending} loading` : null,
    breakdown.unlabelled > 0 ? `${breakdown.unlabelled} without labels` : null,
    breakdown.failed > 0 ? `${breakdown.failed} could not be labelled` : null,
  ].filter(Boolean);
  return (
    <section
      {...rest}
      ref={ref}
      aria-labelledby={hostNamed ? rest["aria-labelledby"] : ordinal > 1 ? `${titleId} ${titleId}-ordinal` : titleId}
      aria-busy={status === "loading" || breakdown.pending > 0 || undefined}
      data-slot="labels-overview"
      data-state={status}
      className={cn("tl:flex tl:flex-col tl:gap-3 tl:font-sans tl:text-fg", className)}
    >
      <h2 id={titleId} className="tl:m-0 tl:text-sm tl:font-semibold">
        {title}
        {ordinal > 1 && (
          <span id={`${titleId}-ordinal`} className="tl:sr-only">
            {" "}({ordinal})
          </span>
        )}
      </h2>
      {status === "loading" && <Skeleton className="tl:h-24 tl:w-full" aria-label={`Loading ${noun}`} />}
      {status === "error" && <ErrorState title={`The ${noun} could not be loaded`} error={error} onRetry={onRetry} />}
      {status === "ready" && (
        <>
          <p role="status" className="tl:m-0 tl:text-xs tl:text-muted">
            {breakdown.total} {noun}
            {notes.length > 0 ? `: ${notes.join(", ")}` : ""}
          </p>
          {!labelled && breakdown.pending === 0 && (
            <p data-slot="labels-overview-empty" className="tl:m-0 tl:text-xs tl:text-muted">
              {emptyHint ?? `No emotion or toxicity labels on these ${noun}. Label events at ingestion (createEventLabeler) or give the local client labelClassifiers.`}
            </p>
          )}
          {breakdown.emotionLabelled > 0 && (
            <LabelsOverviewBars
              caption={`${noun[0]!.toUpperCase()}${noun.slice(1)} by emotion (most frequent in their user messages)`}
              buckets={breakdown.emotions}
              total={breakdown.emotionLabelled}
              noun={noun}
              selected={filter?.emotions ?? []}
              onSelect={onFilterChange ? (label) => onFilterChange({ ...filter, emotions: toggle(filter?.emotions, label) }) : undefined}
              locale={locale}
            />
          )}
          {breakdown.toxicityLabelled > 0 && (
            <div className="tl:flex tl:flex-col tl:gap-1">
              <LabelsOverviewBars
                caption={`${noun[0]!.toUpperCase()}${noun.slice(1)} by toxicity (their most toxic user message)`}
                buckets={breakdown.toxicity}
                total={breakdown.toxicityLabelled}
                noun={noun}
                selected={filter?.toxicity ?? []}
                onSelect={onFilterChange ? (label) => onFilterChange({ ...filter, toxicity: toggle(filter?.toxicity, label as ToxicityClass) }) : undefined}
                tint={(label) => CLASS_TINT[label]}
                bucketText={(label) => CLASS_TEXT[label as ToxicityClass] ?? label}
                locale={locale}
              />
              <p data-slot="labels-overview-bias-note" className="tl:m-0 tl:text-[11px] tl:text-muted">
                {TOXICITY_BIAS_NOTE}
              </p>
            </div>
          )}
        </>
      )}
    </section>
  );
});
LabelsOverviewView.displayName = "LabelsOverviewView";
