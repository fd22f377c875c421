import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { TraceBreakdown } from "../src/all";
import { hostileTrace, syntheticTrace } from "./fixtures/traceDetailFixtures";
import { fixtureTraces } from "./fixtures/tableFixtures";
import { tabTo, named } from "./keyboardPlay";
import { agentTraces as a, ProvidedTraceBreakdown } from "./TraceBreakdownStoryParts";

const meta = {
  title: "Components/TraceBreakdown",
  component: TraceBreakdown,
  parameters: {
    docs: {
      description: {
        component:
          "Where a trace's (or a set's) cost, tokens, latency and self time go, per tool, model or span name, with each row's share " +
          "of the whole and its slowest and most expensive occurrence one click away (`onOpenOccurrence` gets the trace id and the " +
          "event key a TraceDetail selects). The numbers are `traceBreakdown` / `tracesBreakdown` from `tracelens/core`.",
      },
    },
  },
  args: { trace: a.loop, onOpenOccurrence: fn() },
} satisfies Meta<typeof TraceBreakdown>;
export default meta;
type Story = StoryObj<typeof meta>;

const focused = () => document.activeElement as HTMLElement;

/** The looping trip planner: search_flights was called over and over; its slowest call is one click away. */
export const AgentLoopTools: Story = {
  play: async ({ canvasElement, args }) => {
    const row = canvasElement.querySelector<HTMLElement>('[data-slot="breakdown-row"][data-key="search_flights"]');
    await expect(row).not.toBeNull();
    await userEvent.click(within(row!).getByRole("button", { name: /^Slowest .*: open the slowest search_flights$/ }));
    await expect(args.onOpenOccurrence).toHaveBeenCalledWith(expect.objectContaining({ traceId: a.loop.id }), expect.objectContaining({ which: "slowest" }));
  },
};

/** Keyboard only: Tab to the dimension switch and a sort header, then to an occurrence, each pressed with Enter. */
export const KeyboardOnly: Story = {
  args: { trace: a.fanOut },
  play: async ({ canvasElement, args }) => {
    await tabTo(named("Models"));
    await userEvent.keyboard("{Enter}");
    await expect(focused()).toHaveAttribute("aria-pressed", "true");
    await tabTo(named(/^Self time/));
    await userEvent.keyboard("{Enter}");
    await expect(focused().closest("th")).toHaveAttribute("aria-sort", "descending");
    await expect(within(canvasElement).getByRole("columnheader", { name: "Share of self time" })).toBeVisible();
    await tabTo((el) => el.dataset.slot === "breakdown-occurrence");
    await userEvent.keyboard("{Enter}");
    await expect(args.onOpenOccurrence).toHaveBeenCalledTimes(1);
  },
};

/** Models of the fan-out research agent (web search and request costs included in each model's cost). */
export const FanOutModels: Story = { args: { trace: a.fanOut, defaultDimension: "model" } };

/** Span names of the retrying support agent, ordered by self time. */
export const RetrySpansBySelfTime: Story = { args: { trace: a.retry, defaultDimension: "span", defaultSortBy: "selfTime" } };

/** Across a set of traces: every fixture summed, each row saying in how many traces it occurs. */
export const AcrossTraces: Story = { args: { trace: undefined, traces: [a.loop, a.retry, a.fanOut, ...fixtureTraces], defaultDimension: "model" } };

/** Drop-in over the embedded local client: loaded by id. */
export const DropIn: Story = {
  args: { trace: undefined, traceId: a.retry.id },
  render: (args) => <ProvidedTraceBreakdown {...args} traces={[a.loop, a.retry, a.fanOut]} />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("columnheader", { name: "Tool" }, { timeout: 15_000 });
    await expect(canvasElement.querySelectorAll('[data-slot="breakdown-row"]').length).toBeGreaterThan(0);
  },
};

/** A 10,000-span trace with thousands of span names: the first 100 rows, then "Show all". */
export const Huge10kSpans: Story = {
  args: { trace: syntheticTrace(10_000), defaultDimension: "span" },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-slot="breakdown-row"]').length).toBe(100);
    await expect(within(canvasElement).getByRole("button", { name: /^Show all [\d,]+ rows$/ })).toBeVisible();
  },
};

/** Names made of markup are shown as text. */
export const Hostile: Story = {
  args: { trace: hostileTrace, defaultDimension: "model" },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="breakdown-row"] img')).toBeNull();
    await expect((window as { __tlPwned?: number }).__tlPwned).toBeUndefined();
  },
};

export const Loading: Story = { args: { trace: undefined, loading: true } };
export const LoadError: Story = { args: { trace: undefined, error: new Error("HTTP 503: the query service is unavailable"), onRetry: fn() } };
export const NotFound: Story = { args: { trace: null } };
export const Empty: Story = { args: { trace: { id: "empty-trace", createdAt: "2025-06-02T09:00:00Z", events: [] } } };
