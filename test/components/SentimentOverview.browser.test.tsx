import { render } from "vitest-browser-react";
import { page, userEvent } from "vitest/browser";
import { SentimentOverview, sentimentDimensions } from "../../src/all";
import { syntheticTraces } from "../../stories/fixtures/tableFixtures";
import { axeViolations } from "../axe";

const TRACES = syntheticTraces(400);
const DIMENSIONS = [sentimentDimensions.none, sentimentDimensions.model, sentimentDimensions.person("plan", "Plan")];

describe("SentimentOverview in Chromium", () => {
  it("has no axe violations as charts (interactive and static) and as tables", async () => {
    const screen = await render(
      <div>
        <SentimentOverview traces={TRACES} dimensions={DIMENSIONS} defaultGroupBy="model" onSegmentClick={() => undefined} title="Clickable" />
        <SentimentOverview traces={TRACES} dimensions={DIMENSIONS} defaultGroupBy="person:plan" title="Static" />
        <SentimentOverview traces={TRACES} dimensions={DIMENSIONS} defaultDisplay="table" onSegmentClick={() => undefined} title="Tables" />
      </div>,
    );
    expect(await axeViolations(screen.container)).toEqual([]);
  });

  it("draws segments as wide as their share and gives each chart one tab stop", async () => {
    const onSegmentClick = vi.fn();
    const screen = await render(
      <div>
        <button type="button">before</button>
        <SentimentOverview traces={TRACES} dimensions={DIMENSIONS} defaultGroupBy="model" onSegmentClick={onSegmentClick} />
      </div>,
    );
    const chart = screen.container.querySelector('[data-slot="sentiment-overview-distribution"]')!;
    const group = chart.querySelector("g[data-group]")!;
    const segments = [...group.querySelectorAll<SVGRectElement>('[data-slot="sentiment-overview-segment"]')];
    const counts = segments.map((s) => Number(/: (\d+) /.exec(s.getAttribute("aria-label")!)![1]));
    const total = counts.reduce((a, b) => a + b, 0);
    const widths = segments.map((s) => s.getBoundingClientRect().width);
    const full = widths.reduce((a, b) => a + b, 0);
    widths.forEach((w, i) => expect(w / full).toBeCloseTo(counts[i]! / total, 1));

    await userEvent.click(page.getByRole("button", { name: "before" }));
    await userEvent.tab(); // group-by select
    await userEvent.tab(); // interval select
    await userEvent.tab(); // Chart
    await userEvent.tab(); // Table
    await userEvent.tab(); // first segment of the distribution chart
    expect(document.activeElement).toBe(segments[0]);
    await userEvent.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(segments[1]);
    await userEvent.keyboard(" ");
    expect(onSegmentClick).toHaveBeenCalledWith(expect.objectContaining({ ids: expect.any(Array) }));
    await userEvent.tab(); // leaves the distribution chart for the timeline's single stop
    expect(document.activeElement?.closest('[data-slot="sentiment-overview-timeline"]')).not.toBeNull();
    await userEvent.tab();
    expect(document.activeElement?.closest("svg")).toBeNull();
  });
});
