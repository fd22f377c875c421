import { QueryClient } from "@tanstack/react-query";
import { render } from "vitest-browser-react";
import { userEvent } from "vitest/browser";
import { GenerationsTable, TraceLensProvider } from "../../src/all";
import { FIXTURE_NOW, fixtureTraces, syntheticTraces } from "../../stories/fixtures/tableFixtures";
import { fixtureClient } from "../../stories/TracesTableStoryParts";
import { axeViolations } from "../axe";

/** Polls wait on rendering and the local client, which share the CPU with the rest of CI. */
const POLL = { timeout: 10_000 };

const dataRows = (root: Element) => [...root.querySelectorAll<HTMLTableRowElement>("tr[data-row-id]")];

describe("GenerationsTable in Chromium", () => {
  it("has no axe violations with sentiment loaded and a row open", async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const screen = await render(
      <TraceLensProvider client={fixtureClient()} queryClient={queryClient}>
        <GenerationsTable traces={fixtureTraces.slice(0, 6)} now={FIXTURE_NOW} height={500} />
      </TraceLensProvider>,
    );
    const root = screen.container;
    await expect.poll(() => root.querySelectorAll('[aria-label="Loading sentiment"]').length, POLL).toBe(0);
    await userEvent.click(root.querySelector<HTMLElement>('button[aria-label^="Show properties"]')!);
    await expect.poll(() => root.querySelector('[data-slot="generations-table-details"]'), POLL).not.toBeNull();
    expect(await axeViolations(root)).toEqual([]);
  });

  it("places an open detail row between its row and the next, in a 20,000-row table", async () => {
    const traces = syntheticTraces(20_000);
    const screen = await render(<GenerationsTable traces={traces} now={FIXTURE_NOW} height={500} loadSentiment={false} />);
    const root = screen.container;
    expect(dataRows(root).length).toBeLessThan(40);
    dataRows(root)[0]!.focus();
    await userEvent.keyboard("{ArrowRight}");
    await expect.poll(() => root.querySelector('tr[data-slot="generations-table-detail"]'), POLL).not.toBeNull();
    const [first, second] = dataRows(root);
    const detailRow = root.querySelector<HTMLElement>('tr[data-slot="generations-table-detail"]')!;
    expect(detailRow.getBoundingClientRect().top).toBeCloseTo(first!.getBoundingClientRect().bottom, 0);
    await expect.poll(() => Math.abs(second!.getBoundingClientRect().top - detailRow.getBoundingClientRect().bottom), POLL).toBeLessThan(1);
    await userEvent.keyboard("{ArrowDown}");
    await expect.poll(() => document.activeElement, POLL).toBe(second);
    expect(root.querySelector("table")).toHaveAttribute("aria-rowcount", "20002");
  });
});
