import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { ErrorsTable } from "../src/all";
import { EXPLORE_NOW, exploreClient, exploreTraces, failingExploreClient, hostileExploreTraces, manyErrorTraces, pendingExploreClient } from "./fixtures/exploreFixtures";
import { PostHogMockProvider } from "./fixtures/postHogMockClient";
import { tabTo } from "./keyboardPlay";
import { LocalProvider } from "./TracesTableStoryParts";

const SLOW = { timeout: 8000 };
const ALL_TIME = { dateRange: { date_from: "all" } };

const meta = {
  title: "Components/ErrorsTable",
  component: ErrorsTable,
  parameters: {
    docs: {
      description: {
        component:
          "PostHog's LLM errors tab, drop-in: errors grouped by their normalised message (ids, numbers and UUIDs " +
          "stripped) with traces, sessions, users, occurrences, first/last seen and a sparkline, sorted and paged by " +
          "the source. A row expands (→ or its toggle) to its failing traces.",
      },
    },
  },
  args: { query: ALL_TIME, now: EXPLORE_NOW, height: 420, onErrorClick: fn(), onTraceClick: fn() },
  render: (args) => (
    <LocalProvider client={exploreClient()}>
      <ErrorsTable {...args} />
    </LocalProvider>
  ),
} satisfies Meta<typeof ErrorsTable>;
export default meta;
type Story = StoryObj<typeof meta>;

const rowsOf = (canvas: HTMLElement) => within(canvas).queryAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));

/** On the embedded local client: errors in the most traces first, each with its sparkline. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(2), SLOW);
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("columnheader", { name: /^Traces\s*$/ })).toHaveAttribute("aria-sort", "descending");
    // Ids and numbers are stripped: the rate-limit messages are one group.
    await expect(canvas.getAllByText(/^Rate limit exceeded/)).toHaveLength(1);
    await waitFor(() => expect(canvas.getAllByRole("img", { name: /occurrences in \d+ buckets/ }).length).toBeGreaterThan(2), SLOW);
  },
};

/** Sorting asks the source again: most users first, across every page. */
export const SortByUsers: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(2), SLOW);
    const header = within(canvasElement).getByRole("columnheader", { name: /Users/ });
    await userEvent.click(within(header).getByRole("button"));
    await waitFor(() => expect(header).toHaveAttribute("aria-sort", "descending"), SLOW);
    await waitFor(() => {
      const counts = rowsOf(canvasElement).map((row) => Number(row.querySelector('[data-column-id="users"]')?.textContent?.replace(/\D/g, "") || 0));
      expect(counts.length).toBeGreaterThan(2);
      expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    }, SLOW);
  },
};

/** Keyboard only: Tab into the rows, ↓ to the next error, → opens its failing traces, Tab to one and Enter opens it. */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(2), SLOW);
    const first = await tabTo((el) => el.hasAttribute("data-row-id"));
    await userEvent.keyboard("{ArrowDown}");
    const second = rowsOf(canvasElement)[1]!;
    await waitFor(() => expect(document.activeElement).toBe(second));
    expect(first).not.toBe(second);
    await userEvent.keyboard("{ArrowRight}");
    const list = await within(canvasElement).findByRole("list", { name: "Traces with this error" }, SLOW);
    const trace = await tabTo((el) => list.contains(el) && el.localName === "button");
    await userEvent.keyboard("{Enter}");
    await expect(args.onTraceClick).toHaveBeenCalledTimes(1);
    const [traceId, details] = (args.onTraceClick as unknown as { mock: { calls: [string, { trace: { id: string }; timestamp: string }][] } }).mock.calls[0]!;
    await expect(details.trace.id).toBe(traceId);
    await expect(Date.parse(details.timestamp)).toBeGreaterThan(0);
    await expect(list).toContainElement(trace);
  },
};

/** Over PostHog's API (the real client and tracelens' strict mock): the errors query PostHog's own tab sends, and its TrendsQuery. */
export const OverPostHog: Story = {
  render: (args) => (
    <PostHogMockProvider options={{ traces: exploreTraces({ traces: 40, sessions: 8 }), now: () => EXPLORE_NOW, latencyMs: 40 }}>
      <ErrorsTable {...args} />
    </PostHogMockProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(3), SLOW);
  },
};

export const Loading: Story = {
  render: (args) => (
    <LocalProvider client={pendingExploreClient()}>
      <ErrorsTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status", { name: "Loading errors" })).toBeVisible();
  },
};

export const Empty: Story = {
  args: { query: { dateRange: { date_from: "2001-01-01", date_to: "2001-01-02" } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("There were no LLM errors in this period", undefined, SLOW)).toBeVisible();
  },
};

export const Error: Story = {
  render: (args) => (
    <LocalProvider client={failingExploreClient()}>
      <ErrorsTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/The query service is unavailable/, undefined, SLOW)).toBeVisible();
    await expect(within(canvasElement).getByRole("button", { name: /Try again/ })).toBeVisible();
  },
};

/** 4,000 traces with hundreds of distinct failures: 100 groups a page, the next as the end comes into view. */
export const Huge: Story = {
  render: (args) => (
    <LocalProvider client={exploreClient(manyErrorTraces())}>
      <ErrorsTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(5), SLOW);
    await waitFor(() => expect(canvasElement.querySelector("[data-slot=errors-table-count]")).toHaveTextContent("100+ errors"), SLOW);
  },
};

/** Error messages, names and emails that are markup, script, bidi overrides and 200,000 characters stay text. */
export const Hostile: Story = {
  render: (args) => (
    <LocalProvider client={exploreClient(hostileExploreTraces())}>
      <ErrorsTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(2), SLOW);
    await expect(canvasElement.querySelector("script, img[onerror], a[href^='javascript']")).toBeNull();
    await expect((window as { __tracelensPwned?: boolean }).__tracelensPwned).toBeUndefined();
  },
};
