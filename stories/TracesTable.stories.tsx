import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { TracesTable, tracesTableColumns, type TracesTableColumn } from "../src/all";
import { FIXTURE_IDS, FIXTURE_NOW, fixtureTraces, hostileTrace, syntheticTraces } from "./fixtures/tableFixtures";
import { LocalProvider, StateFrame, fixtureClient, flakyClient, slowSentimentClient } from "./TracesTableStoryParts";
import { tabTo } from "./keyboardPlay";
import { PostHogMockProvider } from "./fixtures/postHogMockClient";
import { keywordClassifier } from "./fixtures/tableFixtures";
import { atWidth } from "./fixtures/containerWidth";
import { REMOTE_AVATAR, personTraces } from "./fixtures/personFixtures";

/** Play functions wait on the embedded local client; CI machines are shared. */
const SLOW = { timeout: 15_000 }; // a hang guard for a busy 2-core box, not a speed check

const meta = {
  title: "Components/TracesTable",
  component: TracesTable,
  parameters: {
    docs: {
      description: {
        component:
          "PostHog's traces list, drop-in: pass `traces`, or a `query` inside `<TraceLensProvider>`. Rows are virtual, " +
          "sentiment loads only for rendered rows, columns can be hidden, reordered and persisted, and the keyboard " +
          "moves between rows (↑ ↓ Home End PgUp PgDn) and opens one with Enter.",
      },
    },
  },
  args: { onTraceClick: fn(), now: FIXTURE_NOW, height: 420 },
} satisfies Meta<typeof TracesTable>;
export default meta;
type Story = StoryObj<typeof meta>;

const rowsOf = (canvas: HTMLElement) => within(canvas).getAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));

/** The host's own traces; no provider, so sentiment shows only where traces carry it. */
export const HostData: Story = {
  args: { traces: fixtureTraces },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole("table", { name: "Traces" });
    await expect(table).toHaveAttribute("aria-rowcount", String(fixtureTraces.length + 1));
    await expect(within(canvasElement).getByText("support_chat")).toBeVisible();
  },
};

/** Drop-in stories: the table's query runs on the embedded local client over the fixture traces. */
const onLocalClient: Story["render"] = (args) => (
  <LocalProvider client={fixtureClient()}>
    <TracesTable {...args} />
  </LocalProvider>
);

/** Drop-in: the query runs on the embedded local client; sentiment is classified for the rows on screen. */
export const DropIn: Story = {
  args: { query: {} },
  render: onLocalClient,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(5), SLOW);
    await waitFor(() => expect(canvas.getAllByRole("img", { name: /^Negative/ }).length).toBeGreaterThan(0), SLOW);
    // Server order is newest first, and the Time header says so.
    await expect(canvas.getByRole("columnheader", { name: /Time/ })).toHaveAttribute("aria-sort", "descending");
  },
};

/**
 * PostHog's API (the real client against tracelens' strict mock) playing an older PostHog whose query
 * schema predates `includeSentiment`: its 400 drops the field for this server, the rows load, and each
 * row's sentiment comes from the on-read endpoint instead (the bar's tooltip says so).
 */
export const OverAnOlderPostHog: Story = {
  args: { query: { dateRange: { date_from: "-30d" } } },
  render: (args) => (
    <PostHogMockProvider options={{ traces: fixtureTraces.slice(0, 8), classifier: keywordClassifier(), profile: "legacy", latencyMs: 60 }}>
      <TracesTable {...args} />
    </PostHogMockProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(5), SLOW);
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-sentiment-source="on-read"]').length).toBeGreaterThan(0), SLOW);
  },
};

export const SortByLatency: Story = {
  args: { traces: fixtureTraces },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const header = canvas.getByRole("columnheader", { name: /Latency/ });
    await expect(header).toHaveAttribute("aria-sort", "none");
    await userEvent.click(within(header).getByRole("button"));
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await expect(header).toHaveAttribute("data-sort-direction", "descending");
    const slowest = [...fixtureTraces].sort((a, b) => Number(b.totalLatency) - Number(a.totalLatency))[0]!;
    await waitFor(() => expect(rowsOf(canvasElement)[0]).toHaveAttribute("data-row-id", slowest.id), SLOW);
    await userEvent.click(within(header).getByRole("button"));
    await expect(header).toHaveAttribute("aria-sort", "ascending");
  },
};

export const FilterBySentiment: Story = {
  args: { query: {} },
  render: onLocalClient,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(5), SLOW);
    const negative = canvas.getByRole("button", { name: "Negative" });
    await userEvent.click(negative);
    await expect(negative).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(rowsOf(canvasElement).map((r) => r.dataset.rowId)).toContain(FIXTURE_IDS.frustrated), SLOW);
    await waitFor(() => expect(rowsOf(canvasElement).map((r) => r.dataset.rowId)).not.toContain(FIXTURE_IDS.delighted), SLOW);
  },
};

export const Search: Story = {
  args: { traces: fixtureTraces },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("searchbox", { name: "Search traces" }), "maria");
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(1), SLOW);
    await expect(rowsOf(canvasElement)[0]).toHaveAttribute("data-row-id", FIXTURE_IDS.support);
    await expect(canvasElement.querySelector("mark")).toHaveTextContent(/maria/i);
  },
};

export const KeyboardNavigation: Story = {
  args: { traces: fixtureTraces },
  play: async ({ canvasElement, args }) => {
    // The first row is the table's tab stop; focus it the way Tab would land on it.
    rowsOf(canvasElement)[0]!.focus();
    await expect(rowsOf(canvasElement)[0]).toHaveAttribute("tabindex", "0");
    await expect(rowsOf(canvasElement)[1]).toHaveAttribute("tabindex", "-1");
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    await waitFor(() => expect(rowsOf(canvasElement)[2]).toHaveFocus(), SLOW);
    await userEvent.keyboard("{Enter}");
    await expect(args.onTraceClick).toHaveBeenCalledWith(fixtureTraces[2]!.id, expect.objectContaining({ trace: fixtureTraces[2] }));
    await userEvent.keyboard("{End}");
    await waitFor(() => expect(document.activeElement).toHaveAttribute("data-row-id", fixtureTraces[fixtureTraces.length - 1]!.id), SLOW);
  },
};

/** Keyboard only, from the top of the page: search, sort by a header, move between rows, open one. */
export const KeyboardOnly: Story = {
  args: { traces: fixtureTraces },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await tabTo((el) => el.matches('input[type="search"]'));
    await userEvent.keyboard("maria");
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(1), SLOW);
    await userEvent.keyboard("{Escape}");
    // Every trace is back (the table renders only those in its window, so count them through aria-rowcount).
    await waitFor(() => expect(canvas.getByRole("table")).toHaveAttribute("aria-rowcount", String(fixtureTraces.length + 1)), SLOW);
    const latency = canvas.getByRole("columnheader", { name: /Latency/ });
    await tabTo((el) => latency.contains(el));
    await userEvent.keyboard("{Enter}");
    await expect(latency).toHaveAttribute("aria-sort", "descending");
    const slowest = [...fixtureTraces].sort((a, b) => Number(b.totalLatency) - Number(a.totalLatency));
    const firstRow = await tabTo((el) => el.hasAttribute("data-row-id"));
    await expect(firstRow).toHaveAttribute("data-row-id", slowest[0]!.id);
    await userEvent.keyboard("{ArrowDown}{Enter}");
    await expect(args.onTraceClick).toHaveBeenCalledWith(slowest[1]!.id, expect.objectContaining({ trace: slowest[1] }));
  },
};

/**
 * Persons, by keyboard: Tab reaches the focused row's person; Enter opens their popover (drawn above the
 * table, never clipped by the cell); Escape closes it back on the badge; Enter on "Filter to this person"
 * keeps only their traces, and the toolbar says so with a removable chip.
 */
export const FilterToPerson: Story = {
  args: { traces: personTraces(24) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const row = await tabTo((el) => el.hasAttribute("data-row-id"));
    const person = await tabTo((el) => row.contains(el) && el.hasAttribute("aria-expanded"));
    const who = person.querySelector('[data-slot="person-badge-label"]')!.textContent!;
    await userEvent.keyboard("{Enter}");
    await expect(await within(document.body).findByRole("group", { name: `Person ${who}` })).toBeVisible();
    await userEvent.keyboard("{Escape}");
    await expect(person).toHaveFocus();
    await expect(person).toHaveAttribute("aria-expanded", "false");
    await userEvent.keyboard("{Enter}");
    await tabTo((el) => el.textContent === "Filter to this person");
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(rowsOf(canvasElement).every((tr) => tr.querySelector('[data-slot="person-badge-label"]')?.textContent === who)).toBe(true), SLOW);
    await expect(rowsOf(canvasElement).length).toBeLessThan(args.traces!.length);
    await expect(canvas.getByRole("list", { name: "Table filters" })).toHaveTextContent(who === "bo" ? "username" : "person");
    await expect(args.onTraceClick).not.toHaveBeenCalled();
  },
};

/** Persons' pictures: inline ones draw, a remote one waits behind the popover's button unless its origin is allowed. */
export const PersonPictures: Story = {
  args: { traces: personTraces(8) },
  render: (args) => (
    <div style={{ display: "grid", gap: 16 }}>
      <StateFrame title="Remote pictures ask (the default)">
        <TracesTable {...args} height={260} label="Asking" />
      </StateFrame>
      <StateFrame title="avatars.example.com allowed">
        <TracesTable {...args} height={260} label="Allowing" mediaPolicy={{ allowOrigins: [new URL(REMOTE_AVATAR).origin] }} />
      </StateFrame>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const [asking, allowing] = within(canvasElement).getAllByRole("table");
    await expect(asking!.querySelector(`img[src="${REMOTE_AVATAR}"]`)).toBeNull();
    await expect(asking!.querySelector('[data-slot="person-badge-avatar"] img[src^="data:"]')).not.toBeNull();
    await expect(allowing!.querySelector(`img[src="${REMOTE_AVATAR}"]`)).not.toBeNull();
  },
};

export const OpenOnClick: Story = {
  args: { traces: fixtureTraces },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByText("trip_planner"));
    await expect(args.onTraceClick).toHaveBeenCalledWith(FIXTURE_IDS.delighted, expect.objectContaining({ trace: expect.objectContaining({ id: FIXTURE_IDS.delighted }) }));
  },
};

/** Page by page on the query path: the next page loads as the end of the list comes into view. */
export const InfiniteLoading: Story = {
  args: { query: {}, pageSize: 5, height: 260 },
  render: onLocalClient,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThanOrEqual(5), SLOW);
    const viewport = canvasElement.querySelector<HTMLElement>('[data-slot="traces-table-viewport"]')!;
    for (let i = 0; i < 6; i++) {
      viewport.scrollTop = viewport.scrollHeight;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await waitFor(() => expect(within(canvasElement).getByRole("table")).toHaveAttribute("aria-rowcount", String(fixtureTraces.length + 1)), SLOW);
  },
};

/** 100,000 traces: only the rows in view are in the DOM, and scrolling to the end works. */
export const HundredThousandRows: Story = {
  render: function Render(args) {
    const [traces] = useState(() => syntheticTraces(100_000));
    return <TracesTable {...args} traces={traces} />;
  },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole("table");
    await expect(table).toHaveAttribute("aria-rowcount", "100001");
    await expect(rowsOf(canvasElement).length).toBeLessThan(60);
    const viewport = canvasElement.querySelector<HTMLElement>('[data-slot="traces-table-viewport"]')!;
    viewport.scrollTop = viewport.scrollHeight;
    await waitFor(() => expect(rowsOf(canvasElement).some((row) => row.getAttribute("aria-rowindex") === "100001")).toBe(true), SLOW);
  },
};

const planColumn: TracesTableColumn = {
  id: "plan",
  header: "Plan",
  width: 90,
  cell: (trace) => String(trace.person?.properties?.plan ?? "–"),
  sortValue: (trace) => String(trace.person?.properties?.plan ?? ""),
  searchText: (trace) => String(trace.person?.properties?.plan ?? ""),
};

/** A custom column, a hidden default and a new order, remembered in localStorage under `persistKey`. */
export const CustomColumns: Story = {
  args: {
    traces: fixtureTraces,
    columns: [...tracesTableColumns, planColumn],
    defaultColumnOrder: ["id", "name", "plan", "sentiment", "latency", "cost", "time"],
    defaultColumnVisibility: { input: false, output: false, tools: false },
    persistKey: "tracelens-story-columns",
  },
  play: async ({ canvasElement }) => {
    window.localStorage.removeItem("tracelens-story-columns");
    const canvas = within(canvasElement);
    const headers = canvas.getAllByRole("columnheader").map((th) => th.dataset.columnId);
    await expect(headers.slice(0, 3)).toEqual(["id", "name", "plan"]);
    await userEvent.click(canvas.getByRole("button", { name: "Columns" }));
    await userEvent.click(canvas.getByRole("checkbox", { name: "Input" }));
    await expect(canvas.getByRole("columnheader", { name: "Input" })).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Move Plan earlier" }));
    await expect(canvas.getAllByRole("columnheader")[1]).toHaveAttribute("data-column-id", "plan");
    await expect(JSON.parse(window.localStorage.getItem("tracelens-story-columns") ?? "{}").columnOrder.slice(0, 2)).toEqual(["id", "plan"]);
    await userEvent.keyboard("{Escape}");
  },
};

/** Controlled state: the host owns sorting and the sentiment filter. */
export const Controlled: Story = {
  args: { traces: syntheticTraces(300) },
  render: function Render(args) {
    const [sorting, setSorting] = useState([{ id: "cost", desc: true }]);
    const [filter, setFilter] = useState<Array<"positive" | "neutral" | "negative">>(["negative"]);
    return <TracesTable {...args} sorting={sorting} onSortingChange={setSorting} sentimentFilter={filter} onSentimentFilterChange={setFilter} />;
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("columnheader", { name: /Cost/ })).toHaveAttribute("aria-sort", "descending");
    await expect(within(canvasElement).getByRole("button", { name: "Negative" })).toHaveAttribute("aria-pressed", "true");
  },
};

/** Names, persons and messages full of markup stay text; a 200,000-character message previews as ~300. */
export const HostileContent: Story = {
  args: { traces: [hostileTrace(), ...fixtureTraces.slice(0, 3)] },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("script, img")).toBeNull();
    await expect((window as unknown as { __tracelensPwned?: boolean }).__tracelensPwned).toBeUndefined();
    const preview = canvasElement.querySelector<HTMLElement>('[data-slot="traces-table-preview"]')!;
    await expect(preview.textContent!.length).toBeLessThanOrEqual(300);
  },
};

export const Loading: Story = { args: { traces: [], loading: true } };

export const Empty: Story = {
  args: { traces: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("There were no traces in this period")).toBeVisible();
  },
};

export const ErrorWithRetry: Story = {
  args: { query: {} },
  render: (args) => (
    <LocalProvider client={flakyClient(1)}>
      <TracesTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("The query service is unavailable", { exact: false })).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(rowsOf(canvasElement).length).toBeGreaterThan(5), SLOW);
  },
};

export const SentimentLoading: Story = {
  args: { query: {}, columnVisibility: { input: false, output: false, tools: false } },
  render: (args) => (
    <LocalProvider client={slowSentimentClient()}>
      <TracesTable {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getAllByRole("img", { name: "Loading sentiment" }).length).toBeGreaterThan(0), SLOW);
  },
};

/** Every state side by side. */
export const AllStates: Story = {
  args: { height: 220 },
  render: (args) => (
    <div style={{ display: "grid", gap: 24 }}>
      <StateFrame title="Loading">
        <TracesTable {...args} traces={[]} loading label="Traces (loading)" />
      </StateFrame>
      <StateFrame title="Empty">
        <TracesTable {...args} traces={[]} label="Traces (empty)" />
      </StateFrame>
      <StateFrame title="Error">
        <TracesTable {...args} traces={[]} error={new Error("Request failed with status 500")} onRetry={fn()} label="Traces (error)" />
      </StateFrame>
      <StateFrame title="No matches">
        <TracesTable {...args} traces={fixtureTraces} defaultSearch="no such trace" label="Traces (no matches)" />
      </StateFrame>
      <StateFrame title="Ready, lazy sentiment">
        <LocalProvider client={fixtureClient()}>
          <TracesTable {...args} traces={fixtureTraces.slice(0, 6)} label="Traces (ready)" />
        </LocalProvider>
      </StateFrame>
    </div>
  ),
};

/** In a 360 px side panel: name, sentiment and time stay; the ▸ toggle shows the other columns under the row. */
export const Width360: Story = { args: { traces: fixtureTraces }, decorators: [atWidth(360)] };
/** In a 560 px panel: still the compact layout (it starts below 640 px; the host sets another width with `compactBelow`). */
export const Width560: Story = { args: { traces: fixtureTraces }, decorators: [atWidth(560)] };
/** On a 1280 px page: every column. */
export const Width1280: Story = { args: { traces: fixtureTraces }, decorators: [atWidth(1280)] };
