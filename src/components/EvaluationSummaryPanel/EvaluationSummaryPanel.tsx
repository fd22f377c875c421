"use client";
import { forwardRef, type Ref } from "react";
import type { EvaluationSummaryResponseBody } from "../../core/eventsApi";
import { useTraceLensClient, type TraceLensHookOptions } from "../../hooks/context";
import { TraceLensScope } from "../../hooks/TraceLensScope";
import { useEvaluationSummary } from "../../hooks/useEvaluationSummary";
import { useControllableState } from "../ui/useControllableState";
import { EvaluationSummaryPanelView, type EvaluationSummaryPanelViewProps } from "./EvaluationSummaryPanelView";

export interface EvaluationSummaryPanelProps extends TraceLensHookOptions, EvaluationSummaryPanelViewProps {
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

function EvaluationSummaryPanelConnected({
  forwardedRef, evaluationId, generationIds, autoGenerate, filter, defaultFilter = "all", onFilterChange, client: _client, queryClient: _queryClient, ...view
}: ConnectedProps) {
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
 * <EvaluationSummaryPanel evaluationId={id} onGenerationClick={(generationId) => openGeneration(generationId)} />
 */
export const EvaluationSummaryPanel = forwardRef(function EvaluationSummaryPanel(props: EvaluationSummaryPanelProps, ref: Ref<HTMLDivElement>) {
  return (
    <TraceLensScope client={props.client} queryClient={props.queryClient}>
      <EvaluationSummaryPanelInner {...props} forwardedRef={ref} />
    </TraceLensScope>
  );
});
EvaluationSummaryPanel.displayName = "EvaluationSummaryPanel";

function EvaluationSummaryPanelInner({ forwardedRef: ref, ...props }: ConnectedProps) {
  const connection = useTraceLensClient({ optional: true });
  if (connection) return <EvaluationSummaryPanelConnected {...props} forwardedRef={ref} />;
  const { evaluationId, generationIds: _ids, autoGenerate: _auto, client: _client, queryClient: _queryClient, ...view } = props;
  const missingProvider = view.summary === undefined && Boolean(evaluationId) && !view.error;
  return (
    <EvaluationSummaryPanelView
      {...view}
      ref={ref}
      error={missingProvider ? new Error("EvaluationSummaryPanel needs a <TraceLensProvider> to summarize an evaluation, or a `summary` prop.") : view.error}
    />
  );
}
