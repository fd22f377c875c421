// EvaluationSummaryPanel over the real PostHog client, through fetch, against the msw mock of PostHog's API.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { EvaluationSummaryPanel } from "../../src/all";
import { mockFaults } from "../../src/msw";
import { EVALUATION_ID, evaluationTraces, fixtureEvaluationSummarizer } from "../../stories/fixtures/evaluationFixtures";
import { harness, startMsw } from "../hooks/mswHarness";

startMsw();

const bodies = (h: ReturnType<typeof harness>) => h.backend.stats.requests.filter((r) => r.endpoint === "evaluation_summary").map((r) => r.body);

describe("EvaluationSummaryPanel against PostHog's API (msw)", () => {
  it("summarizes on demand, per filter, and regenerates with force_refresh", async () => {
    const user = userEvent.setup();
    const h = harness({ traces: evaluationTraces(), summarizeEvaluation: fixtureEvaluationSummarizer(0) });
    render(<EvaluationSummaryPanel evaluationId={EVALUATION_ID} />, { wrapper: h.wrapper });
    expect(h.backend.stats.count("evaluation_summary")).toBe(0);
    await user.click(screen.getByRole("button", { name: "Summarize" }));
    expect(await screen.findByText("11 passed, 4 failed, 1 N/A")).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Failing" }));
    expect(await screen.findByText("4 failing runs analyzed")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Regenerate" }));
    await screen.findByText("4 failing runs analyzed");
    expect(bodies(h)).toEqual([
      { evaluation_id: EVALUATION_ID, filter: "all", force_refresh: false },
      { evaluation_id: EVALUATION_ID, filter: "fail", force_refresh: false },
      { evaluation_id: EVALUATION_ID, filter: "fail", force_refresh: true },
    ]);
  });

  it("shows PostHog's failures readably, with a retry that works", async () => {
    const user = userEvent.setup();
    const h = harness({ traces: evaluationTraces(), summarizeEvaluation: fixtureEvaluationSummarizer(0) });
    h.backend.addFault({ endpoint: "evaluation_summary", fault: mockFaults.serverError(), times: 2 });
    render(<EvaluationSummaryPanel evaluationId={EVALUATION_ID} autoGenerate />, { wrapper: h.wrapper });
    expect(await screen.findByRole("alert")).toHaveTextContent("Failed to generate summary. An error occurred while generating the summary");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("11 passed, 4 failed, 1 N/A")).toBeInTheDocument();
  });

  it("explains a refusal for AI processing", async () => {
    const h = harness({ traces: evaluationTraces(), summarizeEvaluation: fixtureEvaluationSummarizer(0), aiProcessingApproved: false });
    render(<EvaluationSummaryPanel evaluationId={EVALUATION_ID} autoGenerate />, { wrapper: h.wrapper });
    expect(await screen.findByRole("alert")).toHaveTextContent(/AI data processing must be approved/);
  });
});
