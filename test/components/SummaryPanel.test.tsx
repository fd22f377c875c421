import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SummaryPanelView, summaryToMarkdown, itemLineRanges, preloadSafeMarkdown } from "../../src/all";
import type { SummarizationSummary } from "../../src/core";
import { hostileSummary, storySummaryResponse } from "../../stories/fixtures/summaryFixtures";
import { fixtureTraces as t } from "../../stories/TraceDetailStoryParts";

const summary: SummarizationSummary = {
  title: "Refund handled in two steps",
  flow_diagram: "ask (L1)\n  ↓\nanswer ✓ [L3-4]",
  summary_bullets: [
    { text: "The user asks for a **refund**, see L2 and [L3-4].", line_refs: "L2" },
    { text: "Checked lines L10, L12-14 together.", line_refs: "[L10, L12-14]" },
  ],
  interesting_notes: [{ text: "Nothing odd", line_refs: "" }],
};
const text = Array.from({ length: 20 }, (_, i) => `L${String(i + 1).padStart(2, "0")}: line ${i + 1}`).join("\n");

// Markdown is formatted from the first render (its parser chunk loaded up front).
beforeAll(() => preloadSafeMarkdown());

describe("SummaryPanelView states", () => {
  it("offers Generate with a mode switch before there is a summary", async () => {
    const onGenerate = vi.fn();
    const onModeChange = vi.fn();
    render(<SummaryPanelView status="idle" subject="span" onGenerate={onGenerate} onModeChange={onModeChange} />);
    expect(screen.getByText("Generate an AI-powered summary of this span.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: /^Detailed/ }));
    expect(onModeChange).toHaveBeenCalledWith("detailed");
    expect(screen.getByRole("button", { name: /^Detailed/ })).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(screen.getByRole("button", { name: "Generate summary" }));
    expect(onGenerate).toHaveBeenCalledTimes(1);
  });

  it("shows checking, generating, regenerating and unsupported states", () => {
    const { rerender } = render(<SummaryPanelView status="checking" />);
    expect(screen.getByRole("status", { name: "Looking for a saved summary" })).toBeInTheDocument();
    rerender(<SummaryPanelView status="loading" onGenerate={() => {}} />);
    expect(screen.getByRole("status")).toHaveTextContent("Generating summary…");
    expect(screen.queryByRole("button", { name: "Generate summary" })).toBeNull();
    rerender(<SummaryPanelView status="loading" summary={summary} onRegenerate={() => {}} />);
    expect(screen.getByRole("status")).toHaveTextContent("Regenerating summary…");
    expect(screen.getByRole("button", { name: "Regenerate" })).toBeDisabled();
    expect(screen.getByRole("heading", { name: summary.title })).toBeInTheDocument();
    rerender(<SummaryPanelView status="unsupported" />);
    expect(screen.getByText("Summary is only available for traces, generations, and spans.")).toBeInTheDocument();
  });

  it("shows the error's message and retries", async () => {
    const onRetry = vi.fn();
    render(<SummaryPanelView status="error" error={new Error("Trace 'x' not found in the given date range.")} onRetry={onRetry} />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Failed to generate summary");
    expect(alert).toHaveTextContent("Trace 'x' not found in the given date range.");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("renders title, a closed flow diagram, points and notes, and regenerates", async () => {
    const onRegenerate = vi.fn();
    const { container } = render(<SummaryPanelView status="success" summary={summary} onRegenerate={onRegenerate} />);
    expect(screen.getByRole("heading", { name: summary.title })).toBeInTheDocument();
    expect(container.querySelector('[data-slot="summary-flow"]')).not.toHaveAttribute("open");
    expect(container.querySelector('[data-slot="summary-flow"] pre')).toHaveTextContent("answer ✓");
    expect(within(screen.getByRole("list", { name: "Summary points" })).getAllByRole("listitem")).toHaveLength(2);
    expect(screen.getByRole("list", { name: "Interesting notes" })).toHaveTextContent("Nothing odd");
    expect(screen.getByRole("list", { name: "Summary points" }).querySelector("li strong")).toHaveTextContent("refund");
    await userEvent.click(screen.getByRole("button", { name: "Regenerate" }));
    expect(onRegenerate).toHaveBeenCalledTimes(1);
  });

  it("asks for feedback once per summary", async () => {
    const onFeedback = vi.fn();
    render(<SummaryPanelView status="success" summary={summary} onFeedback={onFeedback} />);
    await userEvent.click(screen.getByRole("button", { name: "Not helpful" }));
    expect(onFeedback).toHaveBeenCalledWith("down", summary);
    expect(screen.getByRole("status")).toHaveTextContent("Thanks for the feedback!");
  });

  it("copies the summary as markdown", async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(<SummaryPanelView status="success" summary={summary} />);
    fireEvent.click(screen.getByRole("button", { name: /Copy as markdown/ }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(summaryToMarkdown(summary)));
    expect(summaryToMarkdown(summary)).toBe(
      "## Refund handled in two steps\n\n### Flow\n\n```\nask (L1)\n  ↓\nanswer ✓ [L3-4]\n```\n\n### Summary\n\n" +
        "- The user asks for a **refund**, see L2 and [L3-4]. [L2]\n- Checked lines L10, L12-14 together. [L10, L12-14]\n\n### Interesting notes\n\n- Nothing odd\n",
    );
  });
});

describe("SummaryPanelView line references", () => {
  it("makes every reference in the text and in line_refs a button", () => {
    render(<SummaryPanelView status="success" summary={summary} textRepr={text} showTextRepr />);
    const points = screen.getByRole("list", { name: "Summary points" });
    const names = within(points).getAllByRole("button").map((b) => b.textContent?.replace(/, show.*$/, ""));
    expect(names).toEqual(["L2", "[L3-4]", "[L2]", "L10", "L12-14", "[L10, L12-14]"]);
  });

  it("marks the lines, reports them with their event, and selects the event", async () => {
    const onLineRefClick = vi.fn();
    const onSelectEvent = vi.fn();
    const response = storySummaryResponse(t.supportChatbot, "minimal");
    const { container } = render(
      <SummaryPanelView status="success" summary={response.summary} textRepr={response.text_repr} events={t.supportChatbot.events} showTextRepr onLineRefClick={onLineRefClick} onSelectEvent={onSelectEvent} />,
    );
    const item = within(screen.getByRole("list", { name: "Summary points" })).getAllByRole("listitem")[3]!;
    const button = within(item).getByRole("button", { name: /^\[L\d+\]/ });
    const line = Number(/\[L(\d+)\]/.exec(button.textContent ?? "")?.[1]);
    await userEvent.click(button);
    const answer = t.supportChatbot.events.find((e) => JSON.stringify(e.properties.$ai_output_choices ?? "").includes("Yes! Order #48213"))!;
    expect(onLineRefClick).toHaveBeenCalledWith({ ranges: [{ start: line, end: line }], eventId: answer.id });
    expect(onSelectEvent).toHaveBeenCalledWith(answer.id);
    expect(button).toHaveAttribute("data-active");
    await waitFor(() => expect(container.querySelector(`[data-line="${line}"]`)).toHaveAttribute("data-highlighted"));
  });

  it("reports lines outside any event with a null event and selects nothing", async () => {
    const onLineRefClick = vi.fn();
    const onSelectEvent = vi.fn();
    render(<SummaryPanelView status="success" summary={summary} textRepr={text} onLineRefClick={onLineRefClick} onSelectEvent={onSelectEvent} />);
    await userEvent.click(screen.getAllByRole("button", { name: /^\[L3-4\]/ })[0]!);
    expect(onLineRefClick).toHaveBeenCalledWith({ ranges: [{ start: 3, end: 4 }], eventId: null });
    expect(onSelectEvent).not.toHaveBeenCalled();
  });

  it("leaves references as plain text when nothing listens and no text is shown", () => {
    render(<SummaryPanelView status="success" summary={summary} mode="minimal" />);
    expect(within(screen.getByRole("list", { name: "Summary points" })).queryAllByRole("button")).toEqual([]);
    expect(screen.getAllByText("[L2]")[0]?.tagName).toBe("STRONG");
  });

  it("reads bare numbers in line_refs and ignores what is not a reference", () => {
    expect(itemLineRanges({ line_refs: "45-52" })).toEqual([{ start: 45, end: 52 }]);
    expect(itemLineRanges({ line_refs: "L13-19, L553-555" })).toEqual([{ start: 13, end: 19 }, { start: 553, end: 555 }]);
    expect(itemLineRanges({ line_refs: "see above" })).toEqual([]);
    expect(itemLineRanges({ line_refs: 45 as unknown as string })).toEqual([]);
  });
});

describe("SummaryPanelView with hostile model output", () => {
  it("never renders HTML, script links or blocked images", () => {
    const { container } = render(<SummaryPanelView status="success" summary={hostileSummary} textRepr={"L1: a\nL2: b"} showTextRepr />);
    expect(container.querySelector("script, iframe, img, b, [onerror], [onmouseover]")).toBeNull();
    const links = [...container.querySelectorAll("a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://posthog.com/"]);
    expect(screen.getByRole("heading", { level: 3 })).toHaveTextContent('<img src=x onerror="window.__tlPwned=1"> Title');
    expect(container.textContent).toContain('<b onmouseover="window.__tlPwned=1">bold?</b>');
    expect(container.querySelectorAll('[data-slot="markdown-blocked-link"]').length).toBeGreaterThanOrEqual(2);
    expect(container.querySelectorAll('[data-slot="media-gate"][data-state="refused"]')).toHaveLength(2);
  });

  it("keeps references inside a link label as text, so no button nests in a link", () => {
    const { container } = render(
      <SummaryPanelView status="success" summary={{ ...summary, summary_bullets: [{ text: "[see L1](https://posthog.com/x) then L2", line_refs: "" }] }} textRepr={text} showTextRepr />,
    );
    expect(container.querySelector("a button")).toBeNull();
    expect(container.querySelector("a")).toHaveTextContent("see L1");
    expect(within(screen.getByRole("list", { name: "Summary points" })).getAllByRole("button").map((b) => b.textContent?.replace(/, show.*$/, ""))).toEqual(["L2"]);
  });

  it("survives malformed summaries", () => {
    const broken = { title: 5, flow_diagram: null, summary_bullets: "nope", interesting_notes: [null, { text: 3, line_refs: null }] } as unknown as SummarizationSummary;
    render(<SummaryPanelView status="success" summary={broken} />);
    expect(screen.getByRole("heading", { name: "5" })).toBeInTheDocument();
    expect(screen.getByText("No summary points.")).toBeInTheDocument();
    expect(() => summaryToMarkdown(broken)).not.toThrow();
  });
});
