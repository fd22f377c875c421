import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { SessionsTable } from "../src/all";
import { EXPLORE_NOW, exploreClient, exploreTraces, failingExploreClient, hostileExploreTraces, pendingExploreClient } from "./fixtures/exploreFixtures";
import { PostHogMockProvider } from "./fixtures/postHogMockClient";
import { tabTo } from "./keyboardPlay";
import { LocalProvider } from "./TracesTableStoryParts";

const SLOW = { timeout: 8000 };
const ALL_TIME = { dateRange: { date_from: "all" } };

const meta = {
  title: "Components/SessionsTable",
  component: SessionsTable,
  parameters: {
    docs: {
      description: {
        component:
          "PostHog's AI sessions list, drop-in: sessions (`$ai_session_id`) with their traces, spans, generations, " +
          "embeddings, errors, cost, latency and first/last seen, sorted and paged by the source. A row expands " +
          "(→ or its toggle) to the session's traces.",
      },
    },
  },
  args: { query: ALL_TIME, now: EXPLORE_NOW, height: 420, onSessionClick: fn(), onTraceClick: fn() },
  render: (args) => (
    <LocalProvider client={exploreClient()}>
      <SessionsTable {...args} />
    </LocalProvider>
  ),
} satisfies Meta<typeof SessionsTable>;
export default meta;
type Story = StoryObj<typeof meta>;

const rowsOf = (canvas: HTMLElement) => within(canvas).queryAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));

/** On the embedded local client: most recently active first. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(3), SLOW);
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("columnheader", { name: /Last seen/ })).toHaveAttribute("aria-sort", "descending");
  },
};

/** Sorting asks the source again: most errors first, across every page. */
export const SortByErrors: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(3), SLOW);
    const header = within(canvasElement).getByRole("columnheader", { name: /Errors/ });
    await userEvent.click(within(header).getByRole("button"));
    await waitFor(() => expect(header).toHaveAttribute("aria-sort", "descending"), SLOW);
    await waitFor(() => {
      const counts = rowsOf(canvasElement).map((row) => Number(row.querySelector('[data-column-id="errors"]')?.textContent?.replace(/\D/g, "") || 0));
      expect(counts.length).toBeGreaterThan(3);
      expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    }, SLOW);
  },
};

/** Keyboard only: Tab into the rows, ↓ to the next session, → opens its traces, Tab to one and Enter opens it. */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(3), SLOW);
    const first = await tabTo((el) => el.hasAttribute("data-row-id"));
    await userEvent.keyboard("{ArrowDown}");
    const second = rowsOf(canvasElement)[1]!;
    await waitFor(() => expect(document.activeElement).toBe(second));
    expect(first).not.toBe(second);
    await userEvent.keyboard("{ArrowRight}");
    const list = await within(canvasElement).findByRole("list", { name: /Traces of session/ }, SLOW);
    const trace = await tabTo((el) => list.contains(el) && el.localName === "button");
    await userEvent.keyboard("{Enter}");
    await expect(args.onTraceClick).toHaveBeenCalledTimes(1);
    const [traceId, details] = (args.onTraceClick as unknown as { mock: { calls: [string, { trace: { id: string }; timestamp: string }][] } }).mock.calls[0]!;
    await expect(details.trace.id).toBe(traceId);
    await expect(Date.parse(details.timestamp)).toBeGreaterThan(0);
    await expect(list).toContainElement(trace);
  },
};

/** Over PostHog's API (the real client and tracelens' strict mock): the sessions query PostHog's own tab sends. */
export const OverPostHog: Story = {
  render: (args) => (
    <PostHogMockProvider options={{ traces: exploreTraces({ traces: 40, sessions: 8 }), now: () => EXPLORE_NOW, latencyMs: 40 }}>
      <SessionsTable {...args} />
    </PostHogMockProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(3), SLOW);
  },
};

export const Loading: Story = {
  render: (args) => (
    <LocalProvider client={pendingExploreClient()}>
      <SessionsTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status", { name: "Loading sessions" })).toBeVisible();
  },
};

export const Empty: Story = {
  args: { query: { dateRange: { date_from: "2001-01-01", date_to: "2001-01-02" } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("There were no AI sessions in this period", undefined, SLOW)).toBeVisible();
  },
};

export const Error: Story = {
  render: (args) => (
    <LocalProvider client={failingExploreClient()}>
      <SessionsTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/The query service is unavailable/, undefined, SLOW)).toBeVisible();
    await expect(within(canvasElement).getByRole("button", { name: /Try again/ })).toBeVisible();
  },
};

/** 4,000 traces in 1,500 sessions: 50 a page, the next page as the end comes into view. */
export const Huge: Story = {
  render: (args) => (
    <LocalProvider client={exploreClient(exploreTraces({ traces: 4000, sessions: 1500, seed: 11 }))}>
      <SessionsTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(5), SLOW);
    await expect(within(canvasElement).getByText(/50\+ sessions|100\+ sessions/)).toBeVisible();
  },
};

/** Session ids and names that are markup, script, bidi overrides and 200,000 characters stay text. */
export const Hostile: Story = {
  render: (args) => (
    <LocalProvider client={exploreClient(hostileExploreTraces())}>
      <SessionsTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(2), SLOW);
    await expect(canvasElement.querySelector("script, img[onerror], a[href^='javascript']")).toBeNull();
    await expect((window as { __tracelensPwned?: boolean }).__tracelensPwned).toBeUndefined();
  },
};
