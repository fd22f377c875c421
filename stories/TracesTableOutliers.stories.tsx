import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { TracesTable } from "../src/all";
import { findTraceOutliers, traceOutlierInput, type LLMTrace } from "../src/core";
import { FIXTURE_NOW, fixtureTraces, hostileTrace, syntheticTraces } from "./fixtures/tableFixtures";
import { agentTraces as a } from "./TraceBreakdownStoryParts";
import { LocalProvider, fixtureClient } from "./TracesTableStoryParts";
import { tabTo } from "./keyboardPlay";

const SLOW = { timeout: 15_000 }; // a hang guard for a busy 2-core box, not a speed check

const meta = {
  title: "Components/TracesTable/Outliers",
  component: TracesTable,
  parameters: {
    docs: {
      description: {
        component:
          "The Outlier column flags loaded traces whose cost, latency, tokens, error count or loop count stand out (median and MAD, " +
          "modified z-score above 3.5; the 95th percentile where the MAD is 0), with the reasons in its tooltip. " +
          "“Outliers only” filters to them (`outliersOnly` / `defaultOutliersOnly` / `onOutliersOnlyChange`).",
      },
    },
  },
  args: { onTraceClick: fn(), onOutliersOnlyChange: fn(), now: FIXTURE_NOW, height: 420 },
} satisfies Meta<typeof TracesTable>;
export default meta;
type Story = StoryObj<typeof meta>;

/** 300 ordinary traces and three that stand out: a $40 one, a ten-minute one, one with 12 errors. */
function withAnomalies(): LLMTrace[] {
  const traces = syntheticTraces(300, { seed: 11 });
  traces[5] = { ...traces[5]!, totalCost: 40 };
  traces[40] = { ...traces[40]!, totalLatency: 600 };
  traces[120] = { ...traces[120]!, errorCount: 12 };
  return traces;
}
const anomalies = withAnomalies();

const dataRows = (canvas: HTMLElement) => within(canvas).getAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));

/**
 * Keyboard only: Tab to "Outliers only", press Enter; the table keeps the outliers core finds (the
 * three planted ones, and the priciest model's costliest calls), each with its reason.
 */
export const KeyboardOnly: Story = {
  args: { traces: anomalies },
  play: async ({ canvasElement, args }) => {
    const toggle = await tabTo((el) => el.dataset.slot === "outlier-filter");
    await userEvent.keyboard("{Enter}");
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(args.onOutliersOnlyChange).toHaveBeenCalledWith(true);
    const expected = findTraceOutliers(anomalies.map((trace) => traceOutlierInput(trace)));
    for (const i of [5, 40, 120]) await expect(expected.byTraceId.has(anomalies[i]!.id)).toBe(true);
    await waitFor(() => expect(within(canvasElement).getByRole("table")).toHaveAttribute("aria-rowcount", String(expected.outliers.length + 1)), SLOW);
    for (const row of dataRows(canvasElement)) await expect(row.querySelector('[data-slot="outlier-badge"]')).not.toBeNull();
  },
};

/** The reason shows in a tooltip on hover. */
export const ReasonTooltip: Story = {
  args: { traces: anomalies, defaultOutliersOnly: true },
  play: async ({ canvasElement }) => {
    const badge = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>('[data-slot="outlier-badge"][data-metrics="cost"]');
      if (!found) throw new Error("no cost outlier yet");
      return found;
    }, SLOW);
    await userEvent.hover(badge);
    await waitFor(() => expect(document.querySelector('[role="tooltip"]')?.textContent).toMatch(/^Cost \$40\.00 is unusually high: the median is/));
  },
};

/** Drop-in over the embedded local client: the agent fixtures among the others; outliers of the loaded page. */
export const DropIn: Story = {
  args: { query: {} },
  render: (args) => (
    <LocalProvider client={fixtureClient([a.loop, a.retry, a.fanOut, ...fixtureTraces])}>
      <TracesTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("columnheader", { name: /^Outlier/ }, SLOW);
    await waitFor(() => expect(dataRows(canvasElement).length).toBeGreaterThan(5), SLOW);
  },
};

/** Too few traces to judge: nothing is flagged, and "Outliers only" says so. */
export const NoneStandOut: Story = {
  args: { traces: syntheticTraces(4, { seed: 3 }), defaultOutliersOnly: true },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText("No traces match these filters", undefined, SLOW);
  },
};

/** A hostile trace among ordinary ones stays text, flagged or not. */
export const Hostile: Story = { args: { traces: [hostileTrace(), ...syntheticTraces(20, { seed: 5 })] } };
export const Loading: Story = { args: { traces: [], loading: true } };
export const Empty: Story = { args: { traces: [] } };
export const LoadError: Story = { args: { traces: [], error: new Error("HTTP 503: the query service is unavailable"), onRetry: fn() } };
