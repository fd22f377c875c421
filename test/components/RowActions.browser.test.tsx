/**
 * Row actions in real layout: Copy and Open take no space until their row is hovered or holds the focus,
 * appear then, and are found by role (a screen reader's view) and by Tab from the focused row all along.
 */
import type { ReactElement } from "react";
import { render } from "vitest-browser-react";
import { userEvent } from "vitest/browser";
import { GenerationsTable, TracesTable } from "../../src/all";
import { FIXTURE_IDS, FIXTURE_NOW, fixtureTraces } from "../../stories/fixtures/tableFixtures";

const rowOf = (root: Element, id: string) => root.querySelector<HTMLTableRowElement>(`tr[data-row-id="${id}"]`)!;
const copyIn = (row: Element) => row.querySelector<HTMLButtonElement>('[data-slot="copy-button"]')!;
const openIn = (row: Element) => row.querySelector<HTMLButtonElement>('[data-slot="row-open"]')!;
/** Laid out with a real size (not the 1 px visually-hidden box). */
const shown = (el: Element) => el.getBoundingClientRect().width > 4 && el.getBoundingClientRect().height > 4;
/** A page-wide table: every column in its row (a narrow one moves the ids into the row's detail). */
const wide = (table: ReactElement) => (
  <div style={{ width: 1280 }}>
    <p data-testid="away">Elsewhere on the page</p>
    {table}
  </div>
);

describe("row actions", () => {
  it("take no space until the row is hovered, then show without moving the row's text", async () => {
    const screen = await render(wide(<TracesTable traces={fixtureTraces} now={FIXTURE_NOW} height={420} onTraceClick={() => {}} />));
    const row = rowOf(screen.container, FIXTURE_IDS.support);
    const id = row.querySelector('[data-slot="truncated-id"]')!.firstElementChild!;
    const idLeft = id.getBoundingClientRect().left;
    // The pointer may rest where an earlier test left it: move it off the table first.
    await userEvent.hover(screen.getByTestId("away"));
    expect(shown(copyIn(row))).toBe(false);
    expect(shown(openIn(row))).toBe(false);
    // Hovered at its first cell: the row is wider than the test page.
    await userEvent.hover(row.cells[0]!);
    await expect.poll(() => shown(copyIn(row))).toBe(true);
    expect(shown(openIn(row))).toBe(true);
    expect(id.getBoundingClientRect().left).toBe(idLeft);
    // Another row's actions stay hidden.
    expect(shown(copyIn(rowOf(screen.container, FIXTURE_IDS.coding)))).toBe(false);
  });

  it("are named for assistive technology while hidden, and reached by Tab from the focused row", async () => {
    const opened: string[] = [];
    const screen = await render(wide(<TracesTable traces={fixtureTraces} now={FIXTURE_NOW} height={420} onTraceClick={(traceId) => opened.push(traceId)} />));
    const row = rowOf(screen.container, FIXTURE_IDS.support);
    await expect.element(screen.getByRole("button", { name: `Copy trace ID ${FIXTURE_IDS.support}` })).toBeInTheDocument();
    await expect.element(screen.getByRole("button", { name: "Open trace support_chat" })).toBeInTheDocument();
    row.focus();
    await expect.poll(() => shown(copyIn(row))).toBe(true);
    await userEvent.tab();
    // The id itself is the first stop (its tooltip), then Copy, then the row's other controls, then Open.
    const stops: Element[] = [document.activeElement!];
    for (let i = 0; i < 8 && document.activeElement !== openIn(row); i++) {
      await userEvent.tab();
      stops.push(document.activeElement!);
    }
    expect(stops).toContain(copyIn(row));
    expect(document.activeElement).toBe(openIn(row));
    expect(shown(openIn(row))).toBe(true);
    await userEvent.keyboard("{Enter}");
    expect(opened).toEqual([FIXTURE_IDS.support]);
  });

  it("offer Open only where opening goes somewhere", async () => {
    const withoutHandler = await render(wide(<GenerationsTable traces={fixtureTraces} now={FIXTURE_NOW} height={300} />));
    expect(withoutHandler.container.querySelector('[data-slot="row-open"]')).toBeNull();
    await withoutHandler.unmount();
    const opened: string[] = [];
    const screen = await render(wide(<GenerationsTable traces={fixtureTraces} now={FIXTURE_NOW} height={300} onGenerationClick={(generationId) => opened.push(generationId)} />));
    const first = screen.container.querySelector<HTMLTableRowElement>("tr[data-row-id]")!;
    await userEvent.hover(first.cells[0]!);
    await expect.poll(() => shown(openIn(first))).toBe(true);
    await userEvent.click(openIn(first));
    // One open per click: the row's own click handler leaves the button alone.
    expect(opened).toHaveLength(1);
  });
});
