/** Helpers of the EvaluationSummaryPanel stories (a stories file may export only stories). */
import { useMemo, type ComponentProps } from "react";
import { EvaluationSummaryPanel, createLocalClient } from "../src/all";
import type { MockFaultRule } from "../src/msw";
import { evaluationTraces, fixtureEvaluationSummarizer } from "./fixtures/evaluationFixtures";
import { postHogMockClient } from "./fixtures/postHogMockClient";
import { LocalProvider } from "./TracesTableStoryParts";

type PanelProps = ComponentProps<typeof EvaluationSummaryPanel>;

/** The panel inside a provider whose local client summarizes through a host function (no backend). */
export function LocalEvaluationPanel(props: PanelProps) {
  const client = useMemo(() => createLocalClient({ traces: evaluationTraces(), summarizeEvaluation: fixtureEvaluationSummarizer(400) }), []);
  return (
    <LocalProvider client={client}>
      <EvaluationSummaryPanel {...props} />
    </LocalProvider>
  );
}

/** The panel on PostHog's evaluation_summary endpoint (the real client against the mock API). */
export function PostHogEvaluationPanel({ faults, aiProcessingApproved, ...props }: PanelProps & { faults?: MockFaultRule[]; aiProcessingApproved?: boolean }) {
  const { client } = useMemo(
    () => postHogMockClient({ traces: evaluationTraces(), summarizeEvaluation: fixtureEvaluationSummarizer(300), faults, aiProcessingApproved }),
    [faults, aiProcessingApproved],
  );
  return (
    <LocalProvider client={client}>
      <EvaluationSummaryPanel {...props} />
    </LocalProvider>
  );
}
