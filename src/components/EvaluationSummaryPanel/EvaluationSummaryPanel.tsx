"use client";
import { forwardRef, useContext, type Ref } from "react";
import type { EvaluationSummaryResponseBody } from "../../core/eventsApi";
import { TraceLensContext } from "../../hooks/context";
import { useEvaluationSummary } from "../../hooks/useEvaluationSummary";
import { useControllableState } from "../ui/useControllableState";
import { EvaluationSummaryPanelView, type EvaluationSummaryPanelViewProps } from "./EvaluationSummaryPanelView";

export interface EvaluationSummaryPanelProps extends EvaluationSummaryPanelViewProps {
  /** The evaluation (its `$ai_evaluation_id`, a UUID) whose runs to summarize through the provider's client. */
  evaluationId?: string;
  /** Only these generations' runs (at most 250). */
  generationIds?: readonly string[];
  /** Summarize on mount rather than on "Summarize"; each summary is an LLM call. @default false */
  autoGenerate?: boolean;
  /** A summary the host already has: shown as is, nothing is fetched. */
  summary?: EvaluationSummaryResponseBody | null;
}

type ConnectedProps = EvaluationSummaryPanelProps & { forwardedRef: Ref<HTMLDivElement> };

function EvaluationSummaryPanelConnected({ forwardedRef, evaluationId, generationIds, autoGenerate, filter, defaultFilter = "all", onFilterChange, ...view }: ConnectedProps) {
  const [current, setFilter] = useControllableState(filter, defaultFilter, onFilterChange);
  const fetching = view.summary === undefined && Boolean(evaluationId);
  const result = useEvaluationSummary({ evaluationId: fetching ? (evaluationId as string) : "", filter: current, generationIds }, { autoGenerate });
  const retry = () => (result.regeneration.error ? result.regenerate() : void result.query.refetch());
  return (
    <EvaluationSummaryPanelView
      {...view}
      ref={forwardedRef}
      filter={current}
      onFilterChange={setFilter}
      summary={fetching ? result.data : view.summary}
      loading={view.loading ?? (fetching && result.status === "loading")}
      error={view.error ?? (fetching ? (result.error ?? undefined) : undefined)}
      onRetry={view.onRetry ?? (fetching ? retry : undefined)}
      onGenerate={view.onGenerate ?? (fetching ? result.generate : undefined)}
      onRegenerate={view.onRegenerate ?? (fetching ? result.regenerate : undefined)}
    />
  );
}

/**
 * The drop-in evaluation summary. Inside a `<TraceLensProvider>`, pass `evaluationId`: "Summarize"
 * asks the client (PostHog's `evaluation_summary`, or the local client's host summarizer), and
 * switching the filter afterwards summarizes that filter, cache first. Or pass `summary` to show
 * one you already have. The filter is controllable (`filter` + `onFilterChange`).
 *
 * @example
 * <EvaluationSummaryPanel evaluationId={id} onGenerationClick={(generationId) => openTrace(generationId)} />
 */
export const EvaluationSummaryPanel = forwardRef(function EvaluationSummaryPanel(props: EvaluationSummaryPanelProps, ref: Ref<HTMLDivElement>) {
  const context = useContext(TraceLensContext);
  if (context) return <EvaluationSummaryPanelConnected {...props} forwardedRef={ref} />;
  const { evaluationId, generationIds: _ids, autoGenerate: _auto, ...view } = props;
  const missingProvider = view.summary === undefined && Boolean(evaluationId) && !view.error;
  return (
    <EvaluationSummaryPanelView
      {...view}
      ref={ref}
      error={missingProvider ? new Error("EvaluationSummaryPanel needs a <TraceLensProvider> to summarize an evaluation, or a `summary` prop.") : view.error}
    />
  );
});
EvaluationSummaryPanel.displayName = "EvaluationSummaryPanel";
