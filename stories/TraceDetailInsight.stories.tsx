import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { TraceDetail } from "../src/all";
import { hostileTrace, syntheticTrace } from "./fixtures/traceDetailFixtures";
import { tabTo, named } from "./keyboardPlay";
import { agentTraces as a } from "./TraceBreakdownStoryParts";
import { ProvidedTraceDetail } from "./TraceDetailStoryParts";
import { storySummarizer } from "./fixtures/summaryFixtures";
import { useMemo } from "react";
import { TraceLensProvider, createLocalClient } from "../src/all";

const meta = {
  title: "Components/TraceDetail/Agent insight",
  component: TraceDetail,
  parameters: {
    layout: "fullscreen",
    docs: {
      description: {
        component:
          "TraceDetail over agents that loop, retry and fan out: loop badges (repeats and what they cost) in the tree and on timeline " +
          "bars, evaluation badges and an Evaluations tab, feedback and metrics on their events, the cost split into input, output, " +
          "request and web search, model parameters, display presets, copy/download as JSON, and a summary of one selected event.",
      },
    },
  },
  args: { trace: a.loop, onSelectEvent: fn() },
} satisfies Meta<typeof TraceDetail>;
export default meta;
type Story = StoryObj<typeof meta>;

const focused = () => document.activeElement as HTMLElement;

/** The trip planner stuck calling search_flights: each call carries a ↻ badge, its bar a ↻ mark, the header counts the loops. */
export const LoopingAgent: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-slot="loop-badge"]').length).toBeGreaterThan(0);
    await expect(canvasElement.querySelectorAll('[data-slot="timeline-bar"][data-loop]').length).toBeGreaterThan(0);
    await expect(canvasElement.querySelector('[data-slot="chip-loops"]')).not.toBeNull();
    await expect(canvasElement.querySelectorAll('[data-slot="feedback-badge"]').length).toBeGreaterThan(0);
  },
};

/** Keyboard only: Tab to the Evaluations tab, then to the judged event's button, and select it with Enter. */
export const EvaluationsKeyboardOnly: Story = {
  args: { trace: a.retry },
  play: async ({ canvasElement, args }) => {
    await tabTo((el) => el.getAttribute("role") === "tab" && el.getAttribute("aria-selected") === "true");
    await userEvent.keyboard("{End}");
    await expect(focused()).toHaveAccessibleName(/^Evaluations \(3\)/);
    await expect(canvasElement.querySelectorAll('[data-slot="evaluation-item"]')).toHaveLength(3);
    await tabTo(named(/^Generation /));
    await userEvent.keyboard("{Enter}");
    await expect(args.onSelectEvent).toHaveBeenCalled();
    await expect(canvasElement.querySelectorAll('[data-slot="trace-tree-row"][aria-selected="true"] [data-slot="evaluation-badge"]').length).toBe(3);
  },
};

/** The fan-out researcher: its cost tooltip splits input, output, request and web search; stream and tools sit in the header. */
export const FanOutCostsAndParameters: Story = {
  args: { trace: a.fanOut },
  play: async ({ canvasElement }) => {
    const chip = canvasElement.querySelector<HTMLElement>('[data-slot="chip-cost"]')!;
    chip.focus();
    await waitFor(() => expect(document.querySelector('[role="tooltip"]')?.textContent).toMatch(/Web search: \$/));
    await expect(canvasElement.querySelector('[data-slot="chip-param-tools"]')).not.toBeNull();
  },
};

/** Display presets from the keyboard: "Expand all" opens every message of the selected generation. */
export const DisplayPresets: Story = {
  args: { trace: a.retry, defaultSelectedEventId: a.retry.events.filter((e) => e.event === "$ai_generation").at(-1)?.id },
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByRole("combobox", { name: "Display" });
    await userEvent.selectOptions(select, "expand-all");
    const states = [...canvasElement.querySelectorAll('[data-slot="message"]')].map((m) => m.getAttribute("data-state"));
    await expect(states.length).toBeGreaterThan(2);
    await expect(states.every((s) => s === "open")).toBe(true);
    await userEvent.selectOptions(select, "text");
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="event-panel"] [data-slot="text-repr-view"]')).not.toBeNull());
  },
};

function SummaryOfOneEvent(props: Parameters<typeof TraceDetail>[0]) {
  const client = useMemo(() => createLocalClient({ traces: [a.retry], summarize: storySummarizer() }), []);
  return (
    <TraceLensProvider client={client}>
      <TraceDetail {...props} />
    </TraceLensProvider>
  );
}

/** Summary of the selected generation alone, over the embedded local client. */
export const SummaryOfSelectedGeneration: Story = {
  args: { trace: a.retry, defaultTab: "summary", defaultSelectedEventId: a.retry.events.find((e) => e.event === "$ai_generation")?.id },
  render: (args) => <SummaryOfOneEvent {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: /^This generation/ }));
    await expect(canvas.getByRole("button", { name: /^This generation/ })).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(await canvas.findByRole("button", { name: "Generate summary" }));
    await waitFor(() => expect(canvasElement.querySelector('[aria-label="Summary points"]')).not.toBeNull(), { timeout: 15_000 });
    // The one generation's text was summarized, not the trace's (whose text lists its spans).
    const text = canvasElement.querySelector('[data-slot="summary-panel"] [data-slot="text-repr-scroll"]')?.textContent ?? "";
    await expect(text).not.toBe("");
    await expect(text).not.toMatch(/\[SPAN\]/);
  },
};

/** Drop-in over the embedded local client, by id. */
export const DropInRetryAgent: Story = {
  args: { trace: undefined, traceId: a.retry.id },
  render: (args) => <ProvidedTraceDetail {...args} traces={[a.retry, a.loop, a.fanOut]} />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("tab", { name: /^Evaluations/ }, { timeout: 15_000 });
  },
};

/** 10,000 events: loops, badges and the Evaluations tab are computed once per tree; the tree stays virtual. */
export const Huge10kEvents: Story = {
  args: { trace: syntheticTrace(10_000) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("tree")).toBeVisible();
    await expect(canvasElement.querySelectorAll('[data-slot="trace-tree-row"]').length).toBeLessThan(200);
    // The rest of a large trace (header, panel, timeline, loop badges) follows the rows.
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="trace-detail-pending"]')).toBeNull(), { timeout: 15_000 });
    await expect(canvasElement.querySelector('[data-slot="trace-header"]')).not.toBeNull();
  },
};

/** Markup in names, metrics and reasoning stays text. */
export const Hostile: Story = { args: { trace: hostileTrace } };
export const Loading: Story = { args: { trace: undefined, loading: true } };
export const LoadError: Story = { args: { trace: undefined, error: new Error("HTTP 503: the query service is unavailable"), onRetry: fn() } };
export const Empty: Story = { args: { trace: { id: "empty-trace", createdAt: "2025-06-02T09:00:00Z", events: [] } } };
