/**
 * Components given a lot of host data stay usable: SentimentOverview counts in slices (the result is the
 * same as counting at once), EvaluationSummaryPanel draws patterns and example generations a page at a time.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { EvaluationSummaryPanelView, SentimentOverview, sentimentDimensions } from "../../src/all";
import type { LLMTrace, SentimentLabel } from "../../src/core";
import type { EvaluationSummaryPattern } from "../../src/core/eventsApi";
import { PATTERN_EXAMPLES_SHOWN } from "../../src/components/EvaluationSummaryPanel/EvaluationSummaryPanelPattern";
import { PATTERNS_PER_DRAW, PATTERNS_SHOWN } from "../../src/components/EvaluationSummaryPanel/EvaluationSummaryPanelResult";
import { finishJob, runJob } from "../../src/components/ui/slicedJob";
import { bucketSentimentJob, groupSentimentJob } from "../../src/components/SentimentOverview/sentimentOverviewModel";
import { sentimentItems } from "../../src/components/SentimentOverview/sentimentOverviewItems";
import { groundednessSummary } from "../../stories/fixtures/evaluationFixtures";

const LABELS: SentimentLabel[] = ["positive", "neutral", "negative"];
const DAY = 86_400_000;

/** `count` traces over 10 days and `models` models; every 7th has no sentiment. */
function manyTraces(count: number, models: number): LLMTrace[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2025, 5, 1) + (i % 10) * DAY + i).toISOString();
    const label = LABELS[i % 3]!;
    const scores = { positive: label === "positive" ? 0.8 : 0.1, neutral: label === "neutral" ? 0.8 : 0.1, negative: label === "negative" ? 0.8 : 0.1 };
    return {
      id: `t${i}`,
      createdAt: at,
      events: [{ id: `g${i}`, event: "$ai_generation", createdAt: at, properties: { $ai_model: `model-${i % models}` } }],
      sentiment: i % 7 === 0 ? null : { trace_id: `t${i}`, label, score: 0.8, scores, generations: {}, generation_count: 1, message_count: 1 },
    };
  });
}

describe("SentimentOverview with many items", () => {
  const traces = manyTraces(10_000, 12);
  const items = sentimentItems("trace", traces, undefined, undefined, undefined);

  it("counts per group in slices, with the same counts as a plain count, Other included", () => {
    const job = groupSentimentJob(items, sentimentDimensions.model, 5);
    let slices = 0;
    let step = runJob(job, 0);
    while (!step.done) {
      slices++;
      step = runJob(job, 0);
    }
    expect(slices).toBeGreaterThan(4);
    const groups = step.value;
    expect(groups.map((g) => g.label)).toEqual(["model-0", "model-1", "model-2", "model-3", "Other (8)"]);
    for (const group of groups) {
      const inGroup = (m: number) => (group.key === "\u0000other" ? m >= 4 : `model-${m}` === group.label);
      const mine = items.filter((_, i) => inGroup(i % 12));
      expect(group.classified + group.unclassified).toBe(mine.length);
      expect(group.unclassified).toBe(mine.filter((item) => item.sentiment === null).length);
      for (const label of LABELS) expect(group.counts[label]).toBe(mine.filter((item) => item.sentiment?.label === label).length);
    }
  });

  it("buckets by day in slices, every item in its day", () => {
    const { buckets, dropped } = finishJob(bucketSentimentJob(items, "day"));
    expect(dropped).toBe(0);
    expect(buckets).toHaveLength(10);
    expect(buckets.map((b) => b.classified + b.unclassified)).toEqual(Array(10).fill(1000));
  });

  it("shows the counts of all items once counting has finished", async () => {
    render(<SentimentOverview traces={traces} loadSentiment={false} defaultGroupBy="model" />);
    const summary = await screen.findByText(/of 10,000 traces have sentiment/, undefined, { timeout: 10_000 });
    expect(summary).toHaveTextContent(`${(10_000 - Math.ceil(10_000 / 7)).toLocaleString("en-US")} of 10,000 traces have sentiment`);
    expect(document.querySelector('[data-slot="sentiment-overview"]')).not.toHaveAttribute("aria-busy");
  });
});

describe("EvaluationSummaryPanel with many patterns", () => {
  const pattern = (i: number, examples: number): EvaluationSummaryPattern => ({
    title: `Pattern ${i}`,
    description: `Description ${i}`,
    frequency: "common",
    example_generation_ids: Array.from({ length: examples }, (_, j) => `gen-${i}-${j}`),
  });
  const summary = { ...groundednessSummary, pass_patterns: Array.from({ length: 60 }, (_, i) => pattern(i, i === 0 ? 250 : 2)) };
  const passCards = () => document.querySelectorAll('[data-slot="evaluation-pattern"][data-kind="pass"]');

  it("draws patterns a page at a time and says how many are not shown", async () => {
    const user = userEvent.setup();
    render(<EvaluationSummaryPanelView summary={summary} />);
    // The first page lands over a few frames; meanwhile the section says so and offers no "Show more".
    const section = screen.getByRole("group", { name: /Passing patterns/ });
    expect(passCards()).toHaveLength(PATTERNS_PER_DRAW);
    expect(section).toHaveAttribute("aria-busy", "true");
    expect(section).toHaveTextContent(`Drawing ${PATTERNS_SHOWN - PATTERNS_PER_DRAW} more passing patterns…`);
    expect(screen.queryByRole("button", { name: /more passing patterns/ })).toBeNull();
    await waitFor(() => expect(section).not.toHaveAttribute("aria-busy"));
    expect(passCards()).toHaveLength(PATTERNS_SHOWN);
    expect(section).not.toHaveTextContent("Drawing");
    await user.click(screen.getByRole("button", { name: `Show ${PATTERNS_SHOWN} more passing patterns (${60 - PATTERNS_SHOWN} not shown)` }));
    expect(passCards()).toHaveLength(2 * PATTERNS_SHOWN);
    await user.click(screen.getByRole("button", { name: `Show ${60 - 2 * PATTERNS_SHOWN} more passing patterns (${60 - 2 * PATTERNS_SHOWN} not shown)` }));
    expect(passCards()).toHaveLength(60);
    expect(screen.queryByRole("button", { name: /more passing patterns/ })).toBeNull();
  });

  it("lists a pattern's example generations a page at a time", async () => {
    const user = userEvent.setup();
    render(<EvaluationSummaryPanelView summary={summary} />);
    const list = screen.getByRole("list", { name: "Example generations for Pattern 0" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(PATTERN_EXAMPLES_SHOWN);
    await user.click(screen.getByRole("button", { name: `+${250 - PATTERN_EXAMPLES_SHOWN} more example generations for Pattern 0` }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(PATTERN_EXAMPLES_SHOWN + 100);
    await user.click(screen.getByRole("button", { name: `+${250 - PATTERN_EXAMPLES_SHOWN - 100} more example generations for Pattern 0` }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(PATTERN_EXAMPLES_SHOWN + 200);
    await user.click(screen.getByRole("button", { name: `+${250 - PATTERN_EXAMPLES_SHOWN - 200} more example generations for Pattern 0` }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(250);
    expect(screen.queryByRole("button", { name: /more example generations for Pattern 0/ })).toBeNull();
    expect(screen.getByRole("list", { name: "Example generations for Pattern 1" }).children).toHaveLength(2);
  });
});
