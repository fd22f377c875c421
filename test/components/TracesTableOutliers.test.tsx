/**
 * The TracesTable outlier column and "Outliers only": flags follow `findTraceOutliers` over the
 * loaded rows, the reason is readable (tooltip and screen-reader text), and the filter keeps only
 * outliers, reports its state and clears with the other filters.
 */
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TracesTable } from "../../src/all";
import { findTraceOutliers, traceOutlierInput, type LLMTrace } from "../../src/core";
import { syntheticTraces } from "../../stories/fixtures/tableFixtures";

afterEach(cleanup);

const SLOW = { timeout: 15_000 }; // a hang guard for a busy 2-core box, not a speed check
const dataRows = (_root?: HTMLElement) => screen.queryAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));
const rowCount = () => Number(screen.getByRole("table").getAttribute("aria-rowcount")) - 1;

/** Twenty ordinary traces and one that cost a hundred times more and took a minute. */
function tracesWithOneOutlier(): LLMTrace[] {
  const traces = syntheticTraces(20, { seed: 7 });
  const costly = { ...traces[3]!, totalCost: 100, totalLatency: 600 };
  return traces.map((trace, i) => (i === 3 ? costly : trace));
}

describe("TracesTable outliers", () => {
  it("flags exactly the outliers core finds, with the reason in the cell", () => {
    const traces = tracesWithOneOutlier();
    const expected = findTraceOutliers(traces.map((trace) => traceOutlierInput(trace)));
    expect(expected.byTraceId.has(traces[3]!.id)).toBe(true);
    const { container } = render(<TracesTable traces={traces} height={4000} />);
    const shown = dataRows(container);
    expect(shown.map((row) => row.dataset.rowId)).toContain(traces[3]!.id);
    const flagged = shown.filter((row) => row.querySelector('[data-slot="outlier-badge"]'));
    expect(flagged.map((row) => row.dataset.rowId).sort()).toEqual([...expected.byTraceId.keys()].filter((id) => shown.some((row) => row.dataset.rowId === id)).sort());
    const badge = shown.find((row) => row.dataset.rowId === traces[3]!.id)!.querySelector('[data-slot="outlier-badge"]')!;
    expect(badge.getAttribute("data-metrics")).toContain("cost");
    expect(badge.textContent).toContain(expected.byTraceId.get(traces[3]!.id)!.reasons[0]!.text);
  });

  it("shows only outliers with the toggle, reports it, and clears with the filters", async () => {
    const user = userEvent.setup();
    const onOutliersOnlyChange = vi.fn();
    const traces = tracesWithOneOutlier();
    const { container } = render(<TracesTable traces={traces} height={4000} onOutliersOnlyChange={onOutliersOnlyChange} />);
    const toggle = screen.getByRole("button", { name: /^Outliers only/ });
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    await user.click(toggle);
    expect(onOutliersOnlyChange).toHaveBeenLastCalledWith(true);
    await waitFor(() => expect(dataRows(container).every((row) => row.querySelector('[data-slot="outlier-badge"]'))).toBe(true), SLOW);
    expect(dataRows(container).map((row) => row.dataset.rowId)).toContain(traces[3]!.id);
    expect(rowCount()).toBe(findTraceOutliers(traces.map((trace) => traceOutlierInput(trace))).outliers.length);
  });

  it("says when nothing stands out, and Clear filters brings the rows back", async () => {
    const user = userEvent.setup();
    const traces = syntheticTraces(3, { seed: 1 });
    const { container } = render(<TracesTable traces={traces} height={4000} defaultOutliersOnly />);
    // Three traces are too few to judge (five known values needed): nothing is flagged.
    await screen.findByText("No traces match these filters", undefined, SLOW);
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(rowCount()).toBe(3), SLOW);
    expect(within(container).getByRole("button", { name: /^Outliers only/ })).toHaveAttribute("aria-pressed", "false");
  });
});
