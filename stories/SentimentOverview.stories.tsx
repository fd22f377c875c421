import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo, useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { SentimentOverview, TracesTable, sentimentDimensions, type SentimentOverviewFilter } from "../src/all";
import { FIXTURE_NOW, fixtureTraces, syntheticTraces } from "./fixtures/tableFixtures";
import { LocalProvider, StateFrame, fixtureClient, flakyClient } from "./TracesTableStoryParts";
import { named, tabTo } from "./keyboardPlay";

/** Play functions wait on the embedded local client; CI machines are shared. */
const SLOW = { timeout: 15_000 }; // a hang guard for a busy 2-core box, not a speed check

const SYNTHETIC = syntheticTraces(1500, { endMs: FIXTURE_NOW });
const DIMENSIONS = [
  sentimentDimensions.none,
  sentimentDimensions.model,
  sentimentDimensions.person("plan", "Plan"),
  sentimentDimensions.property("properties.$ai_provider", "Provider"),
  sentimentDimensions.property("traceName", "Trace name"),
];

const meta = {
  title: "Components/SentimentOverview",
  component: SentimentOverview,
  parameters: {
    docs: {
      description: {
        component:
          "Sentiment for dashboards: the label distribution and mean scores of traces or generations, grouped by a " +
          "dimension (model, a person property, any property path) and over time (UTC day or hour). SVG charts " +
          "with a table alternative; a click on a segment hands back the filter that selects those items.",
      },
    },
  },
  args: { traces: SYNTHETIC, dimensions: DIMENSIONS, onSegmentClick: fn() },
} satisfies Meta<typeof SentimentOverview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ByModel: Story = {
  args: { defaultGroupBy: "model" },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const chart = canvas.getByRole("group", { name: "Sentiment of traces by model" });
    const segments = within(chart).getAllByRole("button");
    await expect(segments[0]).toHaveAttribute("tabindex", "0");
    await expect(segments[1]).toHaveAttribute("tabindex", "-1");
    const negative = within(chart).getAllByRole("button", { name: /negative of/ })[0]!;
    await userEvent.click(negative);
    const filter = (args.onSegmentClick as ReturnType<typeof fn>).mock.calls[0]![0] as SentimentOverviewFilter;
    await expect(filter.sentiment).toBe("negative");
    await expect(filter.properties).toEqual([{ type: "event", key: "$ai_model", operator: "exact", value: filter.group!.value }]);
    await expect(filter.ids.length).toBeGreaterThan(0);
  },
};

export const ByPersonProperty: Story = { args: { defaultGroupBy: "person:plan" } };

export const ByPropertyPath: Story = { args: { defaultGroupBy: "path:properties.$ai_provider" } };

export const Hourly: Story = {
  args: { traces: SYNTHETIC.slice(0, 200), defaultInterval: "hour", defaultGroupBy: "none" },
};

/** The charts' numbers as tables; counts are buttons that do what a segment click does. */
export const TableAlternative: Story = {
  args: { defaultGroupBy: "model" },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Table" }));
    const table = canvas.getByRole("table", { name: "Sentiment of traces by model" });
    await expect(within(table).getAllByRole("row").length).toBeGreaterThan(2);
    await userEvent.click(within(table).getAllByRole("button", { name: /positive traces, show them/ })[0]!);
    await expect(args.onSegmentClick).toHaveBeenCalledWith(expect.objectContaining({ sentiment: "positive" }));
  },
};

export const Keyboard: Story = {
  args: { defaultGroupBy: "model" },
  play: async ({ canvasElement, args }) => {
    const chart = within(canvasElement).getByRole("group", { name: "Sentiment of traces by model" });
    const [first, second] = within(chart).getAllByRole("button");
    first!.focus();
    await userEvent.keyboard("{ArrowRight}");
    await expect(second).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await expect(args.onSegmentClick).toHaveBeenCalledTimes(1);
  },
};

/** Keyboard only, from the top of the page: the chart's segments (one tab stop, arrows between them), then the Table switch and a count in the table. */
export const KeyboardOnly: Story = {
  args: { defaultGroupBy: "model" },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const chart = canvas.getByRole("group", { name: "Sentiment of traces by model" });
    const [first, second] = within(chart).getAllByRole("button");
    await expect(await tabTo((el) => chart.contains(el))).toBe(first);
    await userEvent.keyboard("{ArrowRight}");
    await expect(second).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await expect(args.onSegmentClick).toHaveBeenCalledTimes(1);
    const table = await tabTo(named("Table"), { backwards: true });
    await userEvent.keyboard("{Enter}");
    await expect(table).toHaveAttribute("aria-pressed", "true");
    const counts = canvas.getByRole("table", { name: "Sentiment of traces by model" });
    await tabTo((el) => counts.contains(el) && /negative traces, show them$/.test(el.getAttribute("aria-label") ?? ""));
    await userEvent.keyboard(" ");
    await expect(args.onSegmentClick).toHaveBeenCalledTimes(2);
    await expect(args.onSegmentClick).toHaveBeenLastCalledWith(expect.objectContaining({ sentiment: "negative" }));
  },
};

/** Drop-in over the embedded local client: the fixtures are classified, batched, as they are needed. */
export const DropIn: Story = {
  args: { traces: undefined, query: {}, defaultGroupBy: "model" },
  render: (args) => (
    <LocalProvider client={fixtureClient()}>
      <SentimentOverview {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole("status")).toHaveTextContent(/^\d+ of 16 traces have sentiment\.$/), SLOW);
  },
};

export const GenerationLevel: Story = {
  args: { traces: fixtureTraces, level: "generation", defaultGroupBy: "model" },
  render: (args) => (
    <LocalProvider client={fixtureClient()}>
      <SentimentOverview {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole("status")).toHaveTextContent(/generations have sentiment\.$/), SLOW);
  },
};

/** A dashboard: a click on a segment filters the traces table below it. */
export const DrivesTracesTable: Story = {
  render: function Render() {
    const [filter, setFilter] = useState<SentimentOverviewFilter | null>(null);
    const traces = useMemo(() => (filter ? SYNTHETIC.filter((t) => filter.traceIds.includes(t.id)) : SYNTHETIC), [filter]);
    return (
      <div style={{ display: "grid", gap: 16 }}>
        <SentimentOverview traces={SYNTHETIC} dimensions={DIMENSIONS} defaultGroupBy="model" onSegmentClick={setFilter} />
        <TracesTable traces={traces} now={FIXTURE_NOW} height={300} sentimentFilter={filter ? [filter.sentiment] : []} onSentimentFilterChange={() => setFilter(null)} />
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chart = canvas.getByRole("group", { name: "Sentiment of traces by model" });
    const segment = within(chart).getAllByRole("button", { name: /negative of/ })[0]!;
    const expected = Number(/: (\d+) negative/.exec(segment.getAttribute("aria-label") ?? "")![1]);
    await userEvent.click(segment);
    await waitFor(() => expect(canvas.getByRole("table", { name: "Traces" })).toHaveAttribute("aria-rowcount", String(expected + 1)), SLOW);
  },
};

export const Loading: Story = { args: { traces: [], loading: true } };

export const Empty: Story = { args: { traces: [] } };

export const ErrorWithRetry: Story = {
  args: { traces: undefined, query: {} },
  render: (args) => (
    <LocalProvider client={flakyClient(1)}>
      <SentimentOverview {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("The sentiment overview could not be loaded");
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent(/of 16 traces/), SLOW);
  },
};

export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: "grid", gap: 24 }}>
      <StateFrame title="Loading">
        <SentimentOverview {...args} traces={[]} loading title="Sentiment (loading)" />
      </StateFrame>
      <StateFrame title="Empty">
        <SentimentOverview {...args} traces={[]} title="Sentiment (empty)" />
      </StateFrame>
      <StateFrame title="Error">
        <SentimentOverview {...args} traces={[]} error={new Error("Request failed with status 500")} onRetry={fn()} title="Sentiment (error)" />
      </StateFrame>
      <StateFrame title="Ready">
        <SentimentOverview {...args} traces={SYNTHETIC.slice(0, 300)} defaultGroupBy="person:plan" title="Sentiment (ready)" />
      </StateFrame>
    </div>
  ),
};
