import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { GenerationsTable } from "../src/all";
import { FIXTURE_NOW, fixtureTraces, syntheticTraces } from "./fixtures/tableFixtures";
import { LocalProvider, StateFrame, fixtureClient, flakyClient } from "./TracesTableStoryParts";
import { tabTo } from "./keyboardPlay";
import { PostHogMockProvider } from "./fixtures/postHogMockClient";
import { atWidth } from "./fixtures/containerWidth";

/** Play functions wait on the embedded local client; CI machines are shared. */
const SLOW = { timeout: 15_000 }; // a hang guard for a busy 2-core box, not a speed check

const meta = {
  title: "Components/GenerationsTable",
  component: GenerationsTable,
  parameters: {
    docs: {
      description: {
        component:
          "One row per `$ai_generation`: model, generation-level sentiment, error, latency, tokens, cost and time. " +
          "Sortable (newest first by default), virtual, and each row opens to show the generation's properties " +
          "(the ▸ toggle, Enter, or → / ←).",
      },
    },
  },
  args: { now: FIXTURE_NOW, height: 420 },
} satisfies Meta<typeof GenerationsTable>;
export default meta;
type Story = StoryObj<typeof meta>;

const rowsOf = (canvas: HTMLElement) => within(canvas).getAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));
const generationCount = fixtureTraces.reduce((n, t) => n + t.events.filter((e) => e.event === "$ai_generation").length, 0);

const deepAgent = fixtureTraces.find((t) => t.events.some((e) => e.event === "$ai_generation" && e.properties.$ai_parent_id !== t.id && e.properties.$ai_parent_id != null))!;

/**
 * PostHog's API (the real client against tracelens' strict mock): an EventsQuery over `$ai_generation`, so
 * generations nested under spans are rows too (a TracesQuery lists only a trace's direct children);
 * the server orders and pages them.
 */
export const OverPostHog: Story = {
  args: { query: { dateRange: { date_from: "-30d" } }, loadSentiment: false },
  render: (args) => (
    <PostHogMockProvider options={{ traces: [deepAgent], latencyMs: 60 }}>
      <GenerationsTable {...args} />
    </PostHogMockProvider>
  ),
  play: async ({ canvasElement }) => {
    const all = deepAgent.events.filter((e) => e.event === "$ai_generation").length;
    const counts = () => within(canvasElement).getAllByRole("status").map((el) => el.textContent);
    await waitFor(() => expect(counts()).toContain(`${all} generations`), SLOW);
  },
};

/** Generations of the host's traces; sentiment is classified lazily for the rows on screen. */
export const FromTraces: Story = {
  args: { traces: fixtureTraces },
  render: (args) => (
    <LocalProvider client={fixtureClient()}>
      <GenerationsTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("table", { name: "Generations" })).toHaveAttribute("aria-rowcount", String(generationCount + 1));
    await expect(canvas.getByRole("columnheader", { name: /Time/ })).toHaveAttribute("aria-sort", "descending");
    await waitFor(() => expect(canvas.getAllByRole("img", { name: /^(Positive|Neutral|Negative)/ }).length).toBeGreaterThan(0), SLOW);
  },
};

export const SortByCost: Story = {
  args: { traces: fixtureTraces, loadSentiment: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const header = canvas.getByRole("columnheader", { name: /Cost/ });
    await userEvent.click(within(header).getByRole("button"));
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await expect(canvas.getByRole("columnheader", { name: /Time/ })).toHaveAttribute("aria-sort", "none");
    const generations = fixtureTraces.flatMap((t) => t.events).filter((e) => e.event === "$ai_generation");
    const priciest = [...generations].sort((a, b) => Number(b.properties.$ai_total_cost_usd ?? 0) - Number(a.properties.$ai_total_cost_usd ?? 0))[0]!;
    await waitFor(() => expect(rowsOf(canvasElement)[0]).toHaveAttribute("data-row-id", priciest.id), SLOW);
  },
};

/** The toggle, Enter or → opens a generation's properties; ← closes them. */
export const ExpandRow: Story = {
  args: { traces: fixtureTraces.slice(0, 3), loadSentiment: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [toggle] = canvas.getAllByRole("button", { name: /^Show properties of generation/ });
    await userEvent.click(toggle!);
    const details = await canvas.findByRole("region", { name: /^Properties of generation/ });
    await expect(within(details).getByText("$ai_model", { exact: false })).toBeVisible();
    await expect(canvas.getAllByRole("button", { name: /^Hide properties/ })).toHaveLength(1);
    const row = rowsOf(canvasElement)[0]!;
    row.focus();
    await userEvent.keyboard("{ArrowLeft}");
    await waitFor(() => expect(canvas.queryByRole("region", { name: /^Properties of generation/ })).toBeNull(), SLOW);
    await userEvent.keyboard("{ArrowDown}{ArrowRight}");
    await expect(await canvas.findByRole("region", { name: /^Properties of generation/ })).toBeVisible();
  },
};

export const OpenGeneration: Story = {
  args: { traces: fixtureTraces.slice(0, 4), loadSentiment: false, onGenerationClick: fn() },
  play: async ({ canvasElement, args }) => {
    const row = rowsOf(canvasElement)[1]!;
    row.focus();
    await userEvent.keyboard("{Enter}");
    await expect(args.onGenerationClick).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ event: expect.objectContaining({ event: "$ai_generation" }) }));
  },
};

/** Keyboard only, from the top of the page: reach the rows with Tab, open and close properties with → / ←, open one with Enter. */
export const KeyboardOnly: Story = {
  args: { traces: fixtureTraces.slice(0, 3), loadSentiment: false, onGenerationClick: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const row = await tabTo((el) => el.hasAttribute("data-row-id"));
    await userEvent.keyboard("{ArrowRight}");
    const details = await canvas.findByRole("region", { name: /^Properties of generation/ });
    await expect(within(details).getByText("$ai_model", { exact: false })).toBeVisible();
    await userEvent.keyboard("{ArrowLeft}");
    await waitFor(() => expect(canvas.queryByRole("region", { name: /^Properties of generation/ })).toBeNull(), SLOW);
    await userEvent.keyboard("{ArrowDown}");
    await waitFor(() => expect(document.activeElement).not.toBe(row), SLOW);
    await userEvent.keyboard("{Enter}");
    await expect(args.onGenerationClick).toHaveBeenCalledWith(
      (document.activeElement as HTMLElement).dataset.rowId,
      expect.objectContaining({ event: expect.objectContaining({ id: (document.activeElement as HTMLElement).dataset.rowId }) }),
    );
  },
};

/** Drop-in: generations of the traces the query returns, from the embedded local client. */
export const DropIn: Story = {
  args: { query: {} },
  render: (args) => (
    <LocalProvider client={fixtureClient()}>
      <GenerationsTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(5), SLOW);
  },
};

/** 20,000 generations stay a window of rows. */
export const TwentyThousandRows: Story = {
  render: function Render(args) {
    const [traces] = useState(() => syntheticTraces(20_000));
    return <GenerationsTable {...args} traces={traces} loadSentiment={false} />;
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("table")).toHaveAttribute("aria-rowcount", "20001");
    await expect(rowsOf(canvasElement).length).toBeLessThan(60);
  },
};

export const Loading: Story = { args: { generations: [], loading: true } };

export const Empty: Story = {
  args: { generations: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("There were no generations in this period")).toBeVisible();
  },
};

export const ErrorWithRetry: Story = {
  args: { query: {} },
  render: (args) => (
    <LocalProvider client={flakyClient(1)}>
      <GenerationsTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("The generations could not be loaded");
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(5), SLOW);
  },
};

export const AllStates: Story = {
  args: { height: 220, loadSentiment: false },
  render: (args) => (
    <div style={{ display: "grid", gap: 24 }}>
      <StateFrame title="Loading">
        <GenerationsTable {...args} generations={[]} loading label="Generations (loading)" />
      </StateFrame>
      <StateFrame title="Empty">
        <GenerationsTable {...args} generations={[]} label="Generations (empty)" />
      </StateFrame>
      <StateFrame title="Error">
        <GenerationsTable {...args} generations={[]} error={new Error("Request failed with status 500")} onRetry={fn()} label="Generations (error)" />
      </StateFrame>
      <StateFrame title="Ready, one row open">
        <GenerationsTable {...args} traces={fixtureTraces.slice(0, 2)} defaultExpanded={{ [fixtureTraces[0]!.events[0]!.id]: true }} label="Generations (ready)" />
      </StateFrame>
    </div>
  ),
};

/** In a 360 px side panel: the toggle, sentiment, model and time stay; the row's detail shows the other columns above its properties. */
export const Width360: Story = { args: { traces: fixtureTraces }, decorators: [atWidth(360)] };
/** In a 560 px panel: the compact layout (below 640 px unless the host sets `compactBelow`). */
export const Width560: Story = { args: { traces: fixtureTraces }, decorators: [atWidth(560)] };
/** On a 1280 px page: every column. */
export const Width1280: Story = { args: { traces: fixtureTraces }, decorators: [atWidth(1280)] };
