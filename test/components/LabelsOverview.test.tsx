import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { LabelsOverview, TraceLensProvider, createLocalClient } from "../../src/all";
import type { LabelFilter } from "../../src/core";
import { FIXTURE_IDS, fixtureTraces } from "../../stories/fixtures/tableFixtures";
import { keywordLabelClassifiers, withPostHogLlmLabels } from "../../stories/fixtures/labelFixtures";
import { axeViolations } from "../axe";

const SLOW = { timeout: 15_000 }; // a hang guard for a busy 2-core box, not a speed check
const rows = (name: string) => within(screen.getByRole("table", { name: new RegExp(name) })).getAllByRole("row").slice(1);

describe("LabelsOverview", () => {
  it("breaks host-labelled traces down by emotion and toxicity (PostHog-LLM names), with the bias note", async () => {
    const traces = [
      withPostHogLlmLabels(fixtureTraces[0]!, "annoyance", 1),
      withPostHogLlmLabels(fixtureTraces[1]!, "annoyance", 0),
      withPostHogLlmLabels(fixtureTraces[2]!, "", 0),
      fixtureTraces[3]!,
    ];
    const { container } = render(<LabelsOverview traces={traces} />);
    expect(screen.getByRole("status")).toHaveTextContent("4 traces: 1 without labels");
    expect(rows("by emotion").map((row) => row.textContent)).toEqual(["annoyance2 (67%)", "neutral1 (33%)"]);
    expect(rows("by toxicity").map((row) => row.getAttribute("data-label"))).toEqual(["severe", "toxic", "clean"]);
    expect(rows("by toxicity")[1]).toHaveTextContent("1 (33%)");
    expect(container.querySelector('[data-slot="labels-overview-bias-note"]')).toHaveTextContent(/African-American English/);
    expect(await axeViolations(container)).toEqual([]);
  });

  it("labels the rest with the local client's classifiers and hands back a filter", async () => {
    const { emotion, toxicity } = keywordLabelClassifiers();
    const client = createLocalClient({ traces: fixtureTraces, labelClassifiers: { emotion, toxicity } });
    const onFilterChange = vi.fn<(filter: LabelFilter) => void>();
    const traces = fixtureTraces.filter((t) => t.id === FIXTURE_IDS.frustrated || t.id === FIXTURE_IDS.delighted);
    render(
      <TraceLensProvider client={client}>
        <LabelsOverview traces={traces} onFilterChange={onFilterChange} />
      </TraceLensProvider>,
    );
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/^2 traces$/), SLOW);
    const annoyance = within(screen.getByRole("table", { name: /by emotion/ })).getByRole("button", { name: "annoyance" });
    fireEvent.click(annoyance);
    expect(onFilterChange).toHaveBeenLastCalledWith({ emotions: ["annoyance"] });
  });

  it("loads one page of traces through the client when given a query, and says what it needs without one", async () => {
    const labelled = fixtureTraces.map((trace, i) => withPostHogLlmLabels(trace, i % 2 === 0 ? "annoyance" : "joy", 0));
    const client = createLocalClient({ traces: labelled });
    const { unmount } = render(<LabelsOverview client={client} query={{ limit: 4 }} />);
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/^4 traces/), SLOW);
    const emotions = rows("by emotion").map((row) => row.getAttribute("data-label"));
    expect(emotions.length).toBeGreaterThan(0);
    expect(emotions.every((label) => label === "annoyance" || label === "joy")).toBe(true);
    unmount();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    render(<LabelsOverview />);
    expect(screen.getByRole("alert")).toHaveTextContent(/needs `traces` or `generations`, or a `query`/);
    spy.mockRestore();
  });

  it("says how to get labels when there are none, and shows loading and error states", () => {
    const { rerender, container } = render(<LabelsOverview traces={fixtureTraces.slice(0, 2)} />);
    expect(container.querySelector('[data-slot="labels-overview-empty"]')).toHaveTextContent(/labelClassifiers/);
    rerender(<LabelsOverview traces={[]} loading />);
    expect(container.querySelector('[data-slot="labels-overview"]')).toHaveAttribute("data-state", "loading");
    rerender(<LabelsOverview traces={[]} error={new Error("boom")} onRetry={() => {}} />);
    expect(screen.getByRole("button", { name: /try again/i })).toBeInTheDocument();
  });

  it("shows hostile label names as bounded text", () => {
    const hostile = withPostHogLlmLabels(fixtureTraces[0]!, `<img src=x onerror=alert(1)>${"x".repeat(500)}`, 0);
    const { container } = render(<LabelsOverview traces={[hostile]} />);
    expect(container.querySelector("img")).toBeNull();
    expect(rows("by emotion")[0]!.querySelector("th")!.textContent!.length).toBeLessThanOrEqual(41);
  });
});
