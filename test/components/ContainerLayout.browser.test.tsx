/**
 * Components in narrow containers. The tables: the priority columns stay, the others move into each row's
 * detail, nothing scrolls sideways, and the host's `compactBelow` moves the switch. TraceDetail: its panes
 * stack below 768 px of its own width (a CSS container query), or below the host's `stackBelow`.
 */
import { render } from "vitest-browser-react";
import { userEvent } from "vitest/browser";
import { GenerationsTable, TraceDetail, TracesTable } from "../../src/all";
import { fixtureTraces as traceFixtures } from "../../stories/TraceDetailStoryParts";
import { FIXTURE_IDS, FIXTURE_NOW, fixtureTraces } from "../../stories/fixtures/tableFixtures";

// A header's name is its first words; its tooltip text follows in the DOM.
const headers = (root: Element) => [...root.querySelectorAll("thead th")].map((th) => (th.textContent ?? "").match(/^(More|Trace name|Sentiment|Model|Time|Input|[A-Z][a-z]+)/)?.[1]);
const viewport = (root: Element) => root.querySelector<HTMLElement>('[data-slot$="-table-viewport"]')!;

describe("tables in narrow containers", () => {
  it("keep name, sentiment and time at 360 px and show the rest in the row's detail", async () => {
    const screen = await render(
      <div style={{ width: 360 }}>
        <TracesTable traces={fixtureTraces} now={FIXTURE_NOW} height={400} />
      </div>,
    );
    const root = screen.container;
    await expect.poll(() => root.querySelector("table")?.getAttribute("data-layout")).toBe("compact");
    expect(headers(root)).toEqual(["More", "Trace name", "Sentiment", "Time"]);
    const scroller = viewport(root);
    expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
    const row = root.querySelector<HTMLTableRowElement>(`tr[data-row-id="${FIXTURE_IDS.support}"]`)!;
    const toggle = row.querySelector<HTMLButtonElement>('[data-slot="compact-row-toggle"]')!;
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(toggle);
    await expect.poll(() => root.querySelector('[data-slot="compact-row-detail"]')).not.toBeNull();
    const terms = [...root.querySelectorAll('[data-slot="compact-row-detail"] dt')].map((dt) => dt.textContent);
    expect(terms).toEqual(expect.arrayContaining(["ID", "Input", "Output", "Latency", "Token usage", "Cost"]));
    // The moved id keeps its copy action, named for assistive technology.
    expect(root.querySelector('[data-slot="compact-row-detail"] [data-slot="copy-button"]')).toHaveAttribute("aria-label", `Copy trace ID ${FIXTURE_IDS.support}`);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
  });

  it("keeps every column wide, and follows the host's compactBelow", async () => {
    const wide = await render(
      <div style={{ width: 1280 }}>
        <TracesTable traces={fixtureTraces} now={FIXTURE_NOW} height={300} />
      </div>,
    );
    expect(wide.container.querySelector("table")).not.toHaveAttribute("data-layout");
    expect(headers(wide.container)).toContain("Input");
    await wide.unmount();
    const host = await render(
      <div style={{ width: 1000 }}>
        <GenerationsTable traces={fixtureTraces} now={FIXTURE_NOW} height={300} compactBelow={1200} />
      </div>,
    );
    await expect.poll(() => host.container.querySelector("table")?.getAttribute("data-layout")).toBe("compact");
    // GenerationsTable's own toggle opens the detail: no second toggle column.
    expect(host.container.querySelector('[data-slot="compact-row-toggle"]')).toBeNull();
    expect(headers(host.container).slice(1)).toEqual(["Sentiment", "Model", "Time"]);
  });

  it("stack TraceDetail's panes in a narrow container, or below the width the host sets", async () => {
    const columnsOf = (root: Element) => getComputedStyle(root.querySelector('[data-slot="trace-detail-panes"]')!).gridTemplateColumns.split(" ").length;
    const narrow = await render(
      <div style={{ width: 560 }}>
        <TraceDetail trace={traceFixtures.supportChatbot} />
      </div>,
    );
    expect(columnsOf(narrow.container)).toBe(1);
    await narrow.unmount();
    const wide = await render(
      <div style={{ width: 1280 }}>
        <TraceDetail trace={traceFixtures.supportChatbot} />
      </div>,
    );
    expect(columnsOf(wide.container)).toBe(2);
    await wide.unmount();
    const host = await render(
      <div style={{ width: 1280 }}>
        <TraceDetail trace={traceFixtures.supportChatbot} stackBelow={1400} />
      </div>,
    );
    await expect.poll(() => host.container.querySelector('[data-slot="trace-detail-panes"]')?.getAttribute("data-layout")).toBe("stacked");
    expect(columnsOf(host.container)).toBe(1);
  });
});
