// The tables' person column in Chromium: the PersonBadge in a grid cell (keyboard, top-layer popover, axe),
// the media policy for pictures, and "Filter to this person" over host data, the local client and PostHog's API.
import { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { render } from "vitest-browser-react";
import { page, userEvent } from "vitest/browser";
import { GenerationsTable, TraceLensProvider, TracesTable, createLocalClient, type TraceLensClient } from "../../src/all";
import type { QueryPropertyFilter } from "../../src/core";
import { FIXTURE_NOW } from "../../stories/fixtures/tableFixtures";
import { INLINE_AVATAR, PEOPLE, personTraces } from "../../stories/fixtures/personFixtures";
import { postHogMockClient } from "../../stories/fixtures/postHogMockClient";
import { axeViolations } from "../axe";

const POLL = { timeout: 10_000 };
const TRACES = personTraces(24);
const ANA_FILTER: QueryPropertyFilter = { type: "person", key: "email", operator: "exact", value: "ana@acme.com" };

/** Rows the table holds (virtual: more than it renders). */
const rowCount = (root: Element) => Number(root.querySelector("table")?.getAttribute("aria-rowcount") ?? 0) - 1;
const dataRows = (root: Element) => [...root.querySelectorAll<HTMLTableRowElement>("tr[data-row-id]")];
const personButton = (row: Element) => row.querySelector<HTMLButtonElement>('[data-slot="person-badge"] button[aria-expanded]')!;
const labelOf = (row: Element) => row.querySelector('[data-slot="person-badge-label"]')?.textContent;
const openPanel = () => document.querySelector<HTMLElement>('[data-slot="person-badge-popover-panel"]');
const buttonNamed = (name: string) => [...document.querySelectorAll("button")].find((b) => b.textContent === name);

function Provider({ client, children }: { client: TraceLensClient; children?: ReactNode }) {
  return (
    <TraceLensProvider client={client} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      {children}
    </TraceLensProvider>
  );
}

/** Opens the first row of `who`'s popover and presses "Filter to this person" (or its removal). */
async function filterTo(root: Element, who: string, action = "Filter to this person") {
  const row = dataRows(root).find((r) => labelOf(r) === who)!;
  await userEvent.click(personButton(row));
  await expect.poll(() => buttonNamed(action), POLL).toBeDefined();
  await userEvent.click(buttonNamed(action)!);
}

/** Wide enough for the full column set (the compact layout moves the person into each row's detail). */
const WIDE = { compactBelow: 0, columnVisibility: { input: false, output: false, tools: false } };

describe("the person column in Chromium", () => {
  beforeEach(async () => {
    await page.viewport(1280, 800);
  });

  it("shows initials or an inline picture, never a remote one unless allowed, and hostile properties as text", async () => {
    const screen = await render(<TracesTable {...WIDE} traces={TRACES} now={FIXTURE_NOW} height={420} />);
    const root = screen.container;
    await expect.poll(() => dataRows(root).length, POLL).toBeGreaterThan(4);
    const byLabel = (label: string) => dataRows(root).find((row) => labelOf(row) === label)!;
    const ana = byLabel("ana@acme.com");
    expect(ana.querySelector('[data-slot="person-badge-avatar"]')).toHaveTextContent("A");
    expect(byLabel("bo").querySelector('[data-slot="person-badge-avatar"] img')).toHaveAttribute("src", INLINE_AVATAR);
    expect(byLabel("anon-7f3a9c").querySelector('[data-slot="person-badge-avatar"]')).toHaveTextContent("A");
    // The remote picture was never requested: no img with its address anywhere, no resource entry.
    expect(root.querySelector('img[src^="https://"]')).toBeNull();
    expect(performance.getEntriesByType("resource").some((entry) => entry.name.startsWith("https://avatars.example.com"))).toBe(false);

    // Its popover offers to load it, naming the host.
    await userEvent.click(personButton(ana));
    await expect.poll(openPanel, POLL).not.toBeNull();
    expect(openPanel()).toHaveTextContent("Load image from avatars.example.com");

    await userEvent.keyboard("{Escape}");
    await expect.poll(openPanel, POLL).toBeNull();
    // A javascript: picture and hostile names stay text.
    const odd = dataRows(root).find((row) => labelOf(row)?.includes("<script"))!;
    await userEvent.click(personButton(odd));
    await expect.poll(() => openPanel()?.textContent ?? "", POLL).toContain("user-odd");
    expect(root.querySelector("script, img[onerror], a[href^='javascript']")).toBeNull();
    expect((window as { __tracelensPwned?: boolean }).__tracelensPwned).toBeUndefined();
  });

  it("loads a remote picture only from an allowed origin", async () => {
    const screen = await render(
      <div>
        <TracesTable {...WIDE} traces={TRACES} now={FIXTURE_NOW} height={300} label="Asking" />
        <TraceLensProvider client={createLocalClient({ traces: TRACES, now: () => FIXTURE_NOW })} mediaPolicy={{ allowOrigins: ["https://avatars.example.com"] }}>
          <TracesTable {...WIDE} traces={TRACES} now={FIXTURE_NOW} height={300} loadSentiment={false} label="Allowing" />
        </TraceLensProvider>
      </div>,
    );
    const [asking, allowing] = [...screen.container.querySelectorAll("table")];
    await expect.poll(() => allowing!.querySelector('[data-slot="person-badge-avatar"] img[src="https://avatars.example.com/ana.png"]'), POLL).not.toBeNull();
    expect(dataRows(asking!).length).toBeGreaterThan(2);
    expect(asking!.querySelector('img[src^="https://"]')).toBeNull();
  });

  it("is reached by Tab in the focused row only, opens unclipped, closes on Escape back to its button, and leaves Enter on the row alone", async () => {
    const opened: string[] = [];
    const screen = await render(<TracesTable {...WIDE} traces={TRACES} now={FIXTURE_NOW} height={420} onTraceClick={(id) => opened.push(id)} />);
    const root = screen.container;
    await expect.poll(() => dataRows(root).length, POLL).toBeGreaterThan(4);
    const [first, second] = dataRows(root);
    first!.focus();
    // Roving focus: only the focused row's badge is in the tab order.
    await expect.poll(() => personButton(first!).tabIndex, POLL).toBe(0);
    expect(personButton(second!).tabIndex).toBe(-1);

    // Enter on the row opens its trace.
    await userEvent.keyboard("{Enter}");
    expect(opened).toEqual([first!.dataset.rowId]);

    // Tab reaches the badge; Enter opens the popover and not the trace.
    for (let i = 0; i < 10 && document.activeElement !== personButton(first!); i++) await userEvent.tab();
    expect(document.activeElement).toBe(personButton(first!));
    await userEvent.keyboard("{Enter}");
    await expect.poll(openPanel, POLL).not.toBeNull();
    expect(opened).toHaveLength(1);
    const panel = openPanel()!;
    expect(panel.matches(":popover-open")).toBe(true);
    // In the top layer, under its button, taller than the row: the cell's overflow does not clip it.
    const box = panel.getBoundingClientRect();
    expect(box.height).toBeGreaterThan(first!.getBoundingClientRect().height);
    expect(box.top).toBeGreaterThanOrEqual(personButton(first!).getBoundingClientRect().bottom - 1);
    expect(document.elementFromPoint(box.left + box.width / 2, box.bottom - 4)?.closest('[data-slot="person-badge-popover-panel"]')).toBe(panel);
    // A click inside it opens no trace.
    await userEvent.click(panel.querySelector("dl")!);
    expect(opened).toHaveLength(1);
    expect(await axeViolations(root)).toEqual([]);

    // Escape closes it and puts focus back on the badge; arrows then move from the row as before.
    await userEvent.keyboard("{Escape}");
    await expect.poll(openPanel, POLL).toBeNull();
    expect(document.activeElement).toBe(personButton(first!));
    first!.focus();
    await userEvent.keyboard("{ArrowDown}");
    await expect.poll(() => document.activeElement?.getAttribute("aria-rowindex"), POLL).toBe("3");
    await expect.poll(() => personButton(dataRows(root)[1]!).tabIndex, POLL).toBe(0);
  });

  it("filters host rows to a person and back: a toolbar chip says so and removes it", async () => {
    const screen = await render(<TracesTable {...WIDE} traces={TRACES} now={FIXTURE_NOW} height={420} />);
    const root = screen.container;
    await expect.poll(() => dataRows(root).length, POLL).toBeGreaterThan(4);
    await filterTo(root, "bo");
    const bo = TRACES.filter((t) => t.distinctId === "user-bo").length;
    await expect.poll(() => dataRows(root).map(labelOf), POLL).toEqual(Array(bo).fill("bo"));
    const chips = root.querySelector('[data-slot="table-filter-chips"]')!;
    expect(chips).toHaveTextContent('person username equals "bo"');
    // The same popover now offers removal; the chip's × removes it too.
    await filterTo(root, "bo", "Remove the filter to this person");
    await expect.poll(() => new Set(dataRows(root).map(labelOf)).size, POLL).toBe(4);
    await filterTo(root, "anon-7f3a9c");
    await expect.poll(() => new Set(dataRows(root).map(labelOf)), POLL).toEqual(new Set(["anon-7f3a9c"]));
    await userEvent.click(root.querySelector<HTMLButtonElement>('[aria-label^="Remove filter: person distinct_id"]')!);
    await expect.poll(() => new Set(dataRows(root).map(labelOf)).size, POLL).toBe(4);
  });

  it("filters the local client's rows through the query", async () => {
    const client = createLocalClient({ traces: TRACES, now: () => FIXTURE_NOW });
    const screen = await render(
      <Provider client={client}>
        <TracesTable {...WIDE} query={{ dateRange: { date_from: "all" } }} now={FIXTURE_NOW} height={420} label="Own filters" />
      </Provider>,
    );
    const root = screen.container;
    await expect.poll(() => rowCount(root), POLL).toBe(TRACES.length);
    await filterTo(root, "ana@acme.com");
    const ana = TRACES.filter((t) => t.distinctId === "user-ana").length;
    await expect.poll(() => dataRows(root).map(labelOf), POLL).toEqual(Array(ana).fill("ana@acme.com"));
  });

  it("asks a host that owns the filters to change them, and narrows nothing itself", async () => {
    const client = createLocalClient({ traces: TRACES, now: () => FIXTURE_NOW });
    const changes: QueryPropertyFilter[][] = [];
    const controlled = await render(
      <Provider client={client}>
        <GenerationsTable {...WIDE} query={{ dateRange: { date_from: "all" } }} now={FIXTURE_NOW} height={420} propertyFilters={[]} onPropertyFiltersChange={(next) => changes.push(next)} />
      </Provider>,
    );
    await expect.poll(() => rowCount(controlled.container), POLL).toBe(TRACES.length);
    await filterTo(controlled.container, "ana@acme.com");
    expect(changes).toEqual([[ANA_FILTER]]);
    // Controlled: the host did not take the change, so nothing narrowed and no chip appeared.
    expect(rowCount(controlled.container)).toBe(TRACES.length);
    expect(controlled.container.querySelector('[data-slot="table-filter-chips"]')).toBeNull();
  });

  it.each([
    // The newest rows carry only the distinct id: the filter is on it.
    { profile: "latest" as const, label: "user-ana", filter: { type: "person", key: "distinct_id", operator: "exact", value: "user-ana" } },
    // Older rows carry the person: the filter is on their email.
    { profile: "legacy" as const, label: "ana@acme.com", filter: ANA_FILTER },
  ])("sends the person filter in PostHog's TracesQuery ($profile rows), which the strict mock accepts and applies", async ({ profile, label, filter }) => {
    const { client, backend } = postHogMockClient({ traces: TRACES, latencyMs: 0, profile });
    const screen = await render(
      <Provider client={client}>
        <TracesTable {...WIDE} query={{ dateRange: { date_from: "-30d" } }} now={FIXTURE_NOW} height={420} loadSentiment={false} />
      </Provider>,
    );
    const root = screen.container;
    await expect.poll(() => rowCount(root), POLL).toBe(TRACES.length);
    await filterTo(root, label);
    const ana = TRACES.filter((t) => t.distinctId === "user-ana").length;
    await expect.poll(() => dataRows(root).map(labelOf), POLL).toEqual(Array(ana).fill(label));
    const queries = backend.stats.requests.filter((r) => r.endpoint === "query").map((r) => (r.body as { query: { kind: string; properties?: unknown } }).query);
    // Before the click nothing was filtered (an older PostHog is asked twice: without includeSentiment after its 400).
    const first = queries.findIndex((query) => query.properties !== undefined);
    expect(first).toBeGreaterThan(0);
    expect(queries.slice(first)).toEqual(queries.slice(first).map(() => expect.objectContaining({ kind: "TracesQuery", properties: [filter] })));
  });

  it("narrows a generations list by the same filter", async () => {
    const screen = await render(<GenerationsTable {...WIDE} traces={TRACES} now={FIXTURE_NOW} height={420} />);
    const root = screen.container;
    await expect.poll(() => dataRows(root).length, POLL).toBeGreaterThan(4);
    await filterTo(root, PEOPLE[1].properties.username);
    await expect.poll(() => new Set(dataRows(root).map(labelOf)), POLL).toEqual(new Set(["bo"]));
    expect(root.querySelector('[data-slot="table-filter-chips"]')).toHaveTextContent("bo");
  });
});
