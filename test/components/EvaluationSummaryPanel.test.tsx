import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError, EvaluationSummaryPanel, EvaluationSummaryPanelView, TraceLensProvider, createLocalClient, preloadSafeMarkdown } from "../../src/all";
import {
  EVALUATION_GENERATION_IDS as GEN,
  EVALUATION_ID,
  EVALUATION_REASONING,
  evaluationTraces,
  fixtureEvaluationSummarizer,
  groundednessSummary,
  hostileEvaluationSummary,
} from "../../stories/fixtures/evaluationFixtures";
import { axeViolations } from "../axe";

const cards = (kind?: string) => [...document.querySelectorAll(`[data-slot="evaluation-pattern"]${kind ? `[data-kind="${kind}"]` : ""}`)];
const radio = (name: string) => screen.getByRole("radio", { name });

// Markdown is formatted from the first render (its parser chunk loaded up front).
beforeAll(() => preloadSafeMarkdown());

describe("EvaluationSummaryPanelView", () => {
  it("shows the assessment, statistics, pass and fail patterns side by side, N/A and recommendations", async () => {
    const { container } = render(<EvaluationSummaryPanelView summary={groundednessSummary} />);
    expect(screen.getByRole("button", { name: /AI Summary · 16 runs analyzed/ })).toHaveAttribute("aria-expanded", "true");
    expect(container.querySelector('[data-slot="evaluation-assessment"] strong')).toHaveTextContent("grounded");
    expect(container.querySelector('[data-slot="evaluation-statistics"]')).toHaveTextContent("11 passed, 4 failed, 1 N/A");
    expect(cards("pass")).toHaveLength(2);
    expect(cards("fail")).toHaveLength(2);
    expect(cards("na")).toHaveLength(1);
    const card = screen.getByRole("article", { name: "Invents policy details" });
    expect(within(card).getByText("common")).toBeInTheDocument();
    expect(within(screen.getByRole("group", { name: "Recommendations" })).getAllByRole("listitem")).toHaveLength(3);
    expect(await axeViolations(container)).toEqual([]);
  });

  it("switches filters as a radio group (click and arrow keys), showing only that kind of pattern", async () => {
    const user = userEvent.setup();
    const onFilterChange = vi.fn();
    render(<EvaluationSummaryPanelView summary={groundednessSummary} onFilterChange={onFilterChange} />);
    expect(radio("All")).toHaveAttribute("aria-checked", "true");
    expect(radio("Failing")).toHaveAttribute("tabindex", "-1");
    await user.click(radio("Failing"));
    expect(onFilterChange).toHaveBeenLastCalledWith("fail");
    expect(cards("fail")).toHaveLength(2);
    expect(cards("pass")).toHaveLength(0);
    expect(screen.getByText("4 failing runs analyzed")).toBeInTheDocument();
    await user.keyboard("{ArrowRight}");
    expect(radio("N/A")).toHaveFocus();
    expect(radio("N/A")).toHaveAttribute("aria-checked", "true");
    expect(cards("na")).toHaveLength(1);
    await user.keyboard("{Home}");
    expect(radio("All")).toHaveAttribute("aria-checked", "true");
    await user.keyboard("{ArrowLeft}");
    expect(onFilterChange).toHaveBeenLastCalledWith("na");
  });

  it("says so when a filter has no patterns, and hides N/A when the evaluation has none", async () => {
    const user = userEvent.setup();
    render(<EvaluationSummaryPanelView summary={{ ...groundednessSummary, fail_patterns: [] }} showNaFilter={false} />);
    expect(screen.queryByRole("radio", { name: "N/A" })).toBeNull();
    await user.click(radio("Failing"));
    expect(screen.getByText("No failing patterns identified")).toBeInTheDocument();
  });

  it("calls onGenerationClick with an example id; unknown ids stay text; reasoning shows on focus", async () => {
    const user = userEvent.setup();
    const onGenerationClick = vi.fn();
    render(
      <EvaluationSummaryPanelView
        summary={groundednessSummary}
        onGenerationClick={onGenerationClick}
        reasoningByGenerationId={EVALUATION_REASONING}
        knownGenerationIds={GEN.filter((id) => id !== GEN[5])}
      />,
    );
    const example = screen.getByRole("button", { name: `Open generation ${GEN[2]}` });
    expect(example).toHaveTextContent(GEN[2]!.slice(0, 8));
    await user.click(example);
    expect(onGenerationClick).toHaveBeenCalledWith(GEN[2], { traceId: null, timestamp: null, event: null, trace: null });
    expect(screen.queryByRole("button", { name: `Open generation ${GEN[5]}` })).toBeNull();
    expect(screen.getByText(`Generation ${GEN[5]}`)).toBeInTheDocument();
    act(() => screen.getByRole("button", { name: `Open generation ${GEN[9]}` }).focus());
    expect(screen.getByRole("tooltip")).toHaveTextContent(EVALUATION_REASONING[GEN[9]!]!);
    expect(screen.getByRole("button", { name: `Open generation ${GEN[9]}` })).toHaveAccessibleDescription(EVALUATION_REASONING[GEN[9]!]!);
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(screen.queryByRole("tooltip")).toBeNull();
  });

  it("shows a long section's first 25 patterns in order, then pages with Show more", async () => {
    const user = userEvent.setup();
    const many = { ...groundednessSummary, pass_patterns: Array.from({ length: 40 }, (_, i) => ({ title: `Pass pattern ${i}`, description: `Cites source ${i}.`, frequency: "common" as const, example_generation_ids: [] })) };
    render(<EvaluationSummaryPanelView summary={many} />);
    await waitFor(() => expect(cards("pass")).toHaveLength(25));
    expect(cards("pass").map((card) => card.querySelector("strong")?.textContent)).toEqual(Array.from({ length: 25 }, (_, i) => `Pass pattern ${i}`));
    await user.click(screen.getByRole("button", { name: /Show 15 more passing patterns/ }));
    await waitFor(() => expect(cards("pass")).toHaveLength(40));
  });

  it("collapses the summary body from its header", async () => {
    const user = userEvent.setup();
    const { container } = render(<EvaluationSummaryPanelView summary={groundednessSummary} />);
    await user.click(screen.getByRole("button", { name: /AI Summary/ }));
    expect(screen.getByRole("button", { name: /AI Summary/ })).toHaveAttribute("aria-expanded", "false");
    expect(container.querySelector('[data-slot="evaluation-statistics"]')).not.toBeVisible();
  });

  it("has idle, loading, empty and error states", async () => {
    const user = userEvent.setup();
    const onGenerate = vi.fn();
    const onRetry = vi.fn();
    const { rerender } = render(<EvaluationSummaryPanelView filter="fail" runCount={4} onGenerate={onGenerate} />);
    expect(screen.getByText("Use AI to analyze patterns in 4 failing evaluation results.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Summarize" }));
    expect(onGenerate).toHaveBeenCalledOnce();
    rerender(<EvaluationSummaryPanelView filter="fail" runCount={0} onGenerate={onGenerate} />);
    expect(screen.getByRole("button", { name: "Summarize" })).toBeDisabled();
    rerender(<EvaluationSummaryPanelView filter="fail" runCount={4} loading />);
    expect(screen.getByRole("status")).toHaveTextContent("Analyzing 4 failing evaluation results...");
    const noRuns = new ApiError({ kind: "http", status: 400, body: { error: "No evaluation runs found for the specified criteria" } });
    rerender(<EvaluationSummaryPanelView filter="na" error={noRuns} />);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByText("No N/A evaluation results to summarize.")).toBeInTheDocument();
    const serverError = new ApiError({ kind: "http", status: 500, path: "/api/x", body: { error: "Failed to generate summary", detail: "An error occurred while generating the summary" } });
    rerender(<EvaluationSummaryPanelView error={serverError} onRetry={onRetry} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Failed to generate summary. An error occurred while generating the summary");
    expect(screen.getByRole("alert")).not.toHaveTextContent("/api/x");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
    rerender(<EvaluationSummaryPanelView error={new ApiError({ kind: "http", status: 429, body: { detail: "Request was throttled." } })} />);
    expect(screen.getByRole("alert")).toHaveTextContent(/Too many requests/);
  });

  it("never renders model text as HTML, and javascript: links never become links", () => {
    const { container } = render(<EvaluationSummaryPanelView summary={hostileEvaluationSummary} onGenerationClick={() => undefined} />);
    expect(screen.getByRole("article", { name: `<b onmouseover="window.__tlPwned=1">Bold claim</b>` })).toBeInTheDocument();
    expect(screen.getByRole("article", { name: `<script>window.__tlPwned=1</script>` })).toBeInTheDocument();
    expect(container.querySelector("script, iframe, img, b, i, [onerror], [onmouseover]")).toBeNull();
    expect(container.querySelectorAll("a")).toHaveLength(0);
    expect(container.querySelectorAll('[data-slot="markdown-blocked-link"]').length).toBeGreaterThan(0);
    expect((window as { __tlPwned?: number }).__tlPwned).toBeUndefined();
  });
});

function localWrapper(summarize = fixtureEvaluationSummarizer(0)) {
  const client = createLocalClient({ traces: evaluationTraces(), summarizeEvaluation: summarize });
  const queryClient = new QueryClient();
  return ({ children }: { children?: ReactNode }) => (
    <TraceLensProvider client={client} queryClient={queryClient}>
      {children}
    </TraceLensProvider>
  );
}

describe("EvaluationSummaryPanel (local client)", () => {
  it("summarizes on demand, then summarizes each filter it is switched to, with statistics counted from the runs", async () => {
    const user = userEvent.setup();
    const summarize = fixtureEvaluationSummarizer(0);
    render(<EvaluationSummaryPanel evaluationId={EVALUATION_ID} />, { wrapper: localWrapper(summarize) });
    expect(summarize.calls).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Summarize" }));
    await screen.findByText("11 passed, 4 failed, 1 N/A");
    await user.click(radio("Failing"));
    await screen.findByText("4 failing runs analyzed");
    expect(summarize.calls).toEqual(["all", "fail"]);
    expect(cards("pass")).toHaveLength(0);
    expect(screen.getByRole("button", { name: "Regenerate" })).toBeEnabled();
  });

  it("shows a host summary without fetching, and explains a missing provider", () => {
    const { unmount } = render(<EvaluationSummaryPanel summary={groundednessSummary} />);
    expect(cards()).toHaveLength(5);
    unmount();
    render(<EvaluationSummaryPanel evaluationId={EVALUATION_ID} />);
    expect(screen.getByRole("alert")).toHaveTextContent(/needs a <TraceLensProvider>/);
  });

  it("reports a summarizer failure readably and retries", async () => {
    const user = userEvent.setup();
    let fail = true;
    const base = fixtureEvaluationSummarizer(0);
    const flaky = Object.assign(async (request: Parameters<typeof base>[0]) => {
      if (fail) throw new Error("model timed out");
      return base(request);
    }, { calls: base.calls });
    render(<EvaluationSummaryPanel evaluationId={EVALUATION_ID} autoGenerate />, { wrapper: localWrapper(flaky) });
    expect(await screen.findByRole("alert")).toHaveTextContent("Failed to generate summary. An error occurred while generating the summary");
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(cards().length).toBeGreaterThan(0));
  });
});
