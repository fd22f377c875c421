"use client";
import { forwardRef, useCallback, useMemo, type ComponentPropsWithoutRef, type Ref } from "react";
import { generationClickDetails, type GenerationClickDetails } from "../../core/generationRows";
import type { EvaluationSummaryFilter, EvaluationSummaryResponseBody } from "../../core/eventsApi";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { ErrorBoundary, ErrorState, retryAfterOf } from "../ui/ErrorState";
import { MediaPolicyScope, type MediaPolicyProps } from "../ui/mediaPolicyContext";
import { useControllableState } from "../ui/useControllableState";
import { EvaluationSummaryPanelFilter } from "./EvaluationSummaryPanelFilter";
import { EvaluationSummaryPanelResult } from "./EvaluationSummaryPanelResult";
import { readableError } from "../ui/readableError";
import { analyzingLine, isNoRunsError, summarizePrompt } from "./evaluationSummaryPanelModel";

export interface EvaluationSummaryPanelViewProps extends Omit<ComponentPropsWithoutRef<"div">, "children">, MediaPolicyProps {
  /** PostHog's evaluation_summary response for the current filter. */
  summary?: EvaluationSummaryResponseBody | null;
  /** Shows "Analyzing N evaluation results..." instead of the summary. @default false */
  loading?: boolean;
  /** The failure to show; PostHog's 400 "No evaluation runs found" is shown as an empty state instead. */
  error?: unknown;
  /** Adds "Try again" to the error state. */
  onRetry?: () => void;
  /** Shows "Summarize" while there is no summary. */
  onGenerate?: () => void;
  /** Shows "Regenerate" once there is one. */
  onRegenerate?: () => void;
  /** Which runs (controlled). */
  filter?: EvaluationSummaryFilter;
  /** @default "all" */
  defaultFilter?: EvaluationSummaryFilter;
  onFilterChange?: (filter: EvaluationSummaryFilter) => void;
  /** Offer the N/A filter (for evaluations that allow N/A). @default true */
  showNaFilter?: boolean;
  /** Runs matching the filter, when known: worded into the prompts; 0 disables "Summarize". */
  runCount?: number;
  /** Whether the summary body is open (controlled). */
  expanded?: boolean;
  /** @default true */
  defaultExpanded?: boolean;
  onExpandedChange?: (expanded: boolean) => void;
  /**
   * Called with an example generation's id (PostHog opens its trace on the evals tab). The details hold
   * nothing more here (an evaluation summary names generations by id only), but have the same shape as
   * GenerationsTable's.
   */
  onGenerationClick?: (generationId: string, details: GenerationClickDetails) => void;
  /** Each run's reasoning, for the example tooltips; falls back to the pattern's `example_reasoning`. */
  reasoningByGenerationId?: Readonly<Record<string, string>>;
  /** The generations of the loaded runs; example ids outside it are shown as text, not buttons. */
  knownGenerationIds?: readonly string[];
  /** BCP 47 locale for numbers. */
  locale?: string;
}

/**
 * An evaluation's AI summary from plain data: the All / Passing / Failing / N/A filter, the overall
 * assessment, statistics, pass / fail / N/A pattern cards with example generations, and
 * recommendations; with loading, error, empty and idle states. Model text is rendered as safe
 * markdown or plain text, never as HTML. It never fetches; see `EvaluationSummaryPanel`.
 */
export const EvaluationSummaryPanelView = forwardRef(function EvaluationSummaryPanelView({ mediaPolicy, ...props }: EvaluationSummaryPanelViewProps, ref: Ref<HTMLDivElement>) {
  // Model output is untrusted: a response this view cannot draw fails here, not in the host's page.
  return (
    <MediaPolicyScope policy={mediaPolicy}>
      <ErrorBoundary title="The evaluation summary could not be shown" resetKey={props.summary}>
        <EvaluationSummaryPanelViewInner {...props} forwardedRef={ref} />
      </ErrorBoundary>
    </MediaPolicyScope>
  );
});
EvaluationSummaryPanelView.displayName = "EvaluationSummaryPanelView";

function EvaluationSummaryPanelViewInner({ forwardedRef: ref, ...props }: EvaluationSummaryPanelViewProps & { forwardedRef: Ref<HTMLDivElement> }) {
  const {
    summary,
    loading = false,
    error,
    onRetry,
    onGenerate,
    onRegenerate,
    filter,
    defaultFilter = "all",
    onFilterChange,
    showNaFilter = true,
    runCount,
    expanded,
    defaultExpanded = true,
    onExpandedChange,
    onGenerationClick,
    reasoningByGenerationId,
    knownGenerationIds,
    locale,
    className,
    ...rest
  } = props;
  const [current, setFilter] = useControllableState(filter, defaultFilter, onFilterChange);
  const [open, setOpen] = useControllableState(expanded, defaultExpanded, onExpandedChange);
  // Only clickable examples consult it: without a click handler 100,000 known ids are not indexed.
  const known = useMemo(
    () => (onGenerationClick && Array.isArray(knownGenerationIds) ? new Set(knownGenerationIds.map(String)) : undefined),
    [onGenerationClick, knownGenerationIds],
  );
  const openGeneration = useCallback((id: string) => onGenerationClick?.(id, generationClickDetails(null)), [onGenerationClick]);
  const failed = error !== undefined && error !== null && error !== false;
  const state = loading ? "loading" : failed ? (isNoRunsError(error) ? "empty" : "error") : summary ? "success" : "idle";
  const action = summary && state !== "idle" ? onRegenerate : onGenerate;

  return (
    <div
      {...rest}
      ref={ref}
      aria-busy={loading || undefined}
      data-slot="evaluation-summary-panel"
      data-state={state}
      className={cn("tl-root tl:flex tl:flex-col tl:gap-3 tl:font-body tl:text-sm tl:text-fg", className)}
    >
      <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-2">
        <EvaluationSummaryPanelFilter value={current} onChange={setFilter} showNa={showNaFilter} />
        {action && (
          <button type="button" className={SMALL_BUTTON} disabled={loading || runCount === 0} onClick={action}>
            {summary && state !== "idle" ? "Regenerate" : "Summarize"}
          </button>
        )}
      </div>
      {state === "loading" && (
        <div role="status" className="tl:flex tl:items-center tl:gap-2 tl:rounded-tl tl:border tl:border-solid tl:border-border tl:p-3">
          <span
            aria-hidden="true"
            className="tl:inline-block tl:h-4 tl:w-4 tl:animate-spin tl:rounded-full tl:border-2 tl:border-solid tl:border-border tl:border-t-accent tl:motion-reduce:animate-none"
          />
          {analyzingLine(current, runCount, locale)}
        </div>
      )}
      {state === "error" && <ErrorState title="Failed to generate summary" error={readableError(error)} onRetry={onRetry} retryAfterMs={retryAfterOf(error)} />}
      {(state === "empty" || state === "idle") && (
        <p data-slot="evaluation-summary-empty" className="tl:m-0 tl:rounded-tl tl:border tl:border-dashed tl:border-border tl:p-3 tl:text-muted">
          {summarizePrompt(current, state === "empty" ? 0 : runCount, locale)}
        </p>
      )}
      {state === "success" && summary && (
        <EvaluationSummaryPanelResult
          summary={summary}
          filter={current}
          expanded={open}
          onExpandedChange={setOpen}
          locale={locale}
          onOpenGeneration={onGenerationClick ? openGeneration : undefined}
          reasoningByGenerationId={reasoningByGenerationId}
          knownGenerationIds={known}
        />
      )}
    </div>
  );
}
