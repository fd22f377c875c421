import { render } from "vitest-browser-react";
import { page, userEvent } from "vitest/browser";
import { TraceDetail } from "../../src/all";
import { deepChainTrace, hostileTrace, hugeRawTrace, malformedTrace, sentimentFor, syntheticTrace } from "../../stories/fixtures/traceDetailFixtures";
import { fixtureTraces as t } from "../../stories/TraceDetailStoryParts";
import { axeViolations } from "../axe";

const treeRows = (root: Element) => [...root.querySelectorAll<HTMLElement>('[data-slot="trace-tree-row"]')];
const active = () => document.activeElement as HTMLElement;

function visibleIn(element: Element, container: Element): boolean {
  const a = element.getBoundingClientRect();
  const b = container.getBoundingClientRect();
  return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
}

beforeEach(async () => {
  await page.viewport(1280, 900);
});

describe("TraceDetail in Chromium", () => {
  it("renders only a window of a 10,000-event trace and keeps the keyboard working end to end", async () => {
    const screen = await render(<TraceDetail trace={syntheticTrace(10_000)} />);
    const root = screen.container;
    const tree = root.querySelector('[data-slot="trace-tree"]')!;
    expect(Number(tree.getAttribute("data-rows"))).toBe(10_001);
    expect(treeRows(root).length).toBeLessThan(60);
    // Rows first; header, panel, timeline and loop badges follow in later tasks.
    await expect.poll(() => root.querySelectorAll('[data-slot="trace-detail-pending"]').length, { timeout: 15_000 }).toBe(0);
    const bars = root.querySelectorAll('[data-slot="timeline-bar"]').length;
    expect(bars).toBeGreaterThan(0);
    expect(bars).toBeLessThan(2_000);
    await userEvent.click(treeRows(root)[0]!);
    await userEvent.keyboard("{End}");
    const scroller = root.querySelector('[data-slot="trace-tree-scroll"]')!;
    await expect.poll(() => active().getAttribute("data-index")).toBe("10000");
    await expect.poll(() => visibleIn(active(), scroller)).toBe(true);
    expect(treeRows(root).length).toBeLessThan(60);
    await userEvent.keyboard("{ArrowUp}{ArrowUp}{Enter}");
    expect(active()).toHaveAttribute("aria-selected", "true");
    expect(active().getAttribute("data-index")).toBe("9998");
    // Scrolling away with the mouse does not unmount the focused row.
    scroller.scrollTop = 0;
    await expect.poll(() => treeRows(root).some((row) => row.dataset.index === "0")).toBe(true);
    expect(active().isConnected).toBe(true);
    expect(active().getAttribute("data-index")).toBe("9998");
  });

  it("goes from the search box into the tree and walks it", async () => {
    const screen = await render(<TraceDetail trace={t.codingAgent} />);
    const root = screen.container;
    await userEvent.click(page.getByRole("searchbox", { name: "Search events" }));
    await userEvent.keyboard("{ArrowDown}");
    expect(active().getAttribute("role")).toBe("treeitem");
    expect(active()).toHaveAttribute("aria-level", "1");
    // A visible focus ring for keyboard users.
    expect(getComputedStyle(active()).outlineStyle).toBe("solid");
    expect(getComputedStyle(active()).outlineWidth).toBe("2px");
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    expect(active()).toHaveAttribute("aria-level", "3");
    await userEvent.keyboard("{ArrowLeft}");
    expect(active()).toHaveAttribute("aria-level", "2");
    await userEvent.keyboard("{PageDown}");
    expect(Number(active().dataset.index)).toBeGreaterThan(5);
    await userEvent.keyboard("{Home}");
    expect(active().dataset.index).toBe("0");
    // Typing in the search box does not move the tree.
    await userEvent.click(page.getByRole("searchbox", { name: "Search events" }));
    await userEvent.keyboard("run_tests");
    await expect.poll(() => root.querySelector('[data-slot="trace-search-count"]')?.textContent).toMatch(/occurrence/);
    expect(treeRows(root).every((row) => row.dataset.match || row.getAttribute("aria-expanded") === "true")).toBe(true);
  });

  it("selects from the timeline by click and moves between bars with arrows", async () => {
    const screen = await render(<TraceDetail trace={t.codingAgent} />);
    const root = screen.container;
    const bars = [...root.querySelectorAll<HTMLElement>('[data-slot="timeline-bar"]')];
    const target = bars.find((bar) => bar.dataset.kind === "span" && bar.dataset.error)!;
    await userEvent.click(target);
    expect(root.querySelector('[data-slot="event-header"] h3')?.textContent).toBe("run_tests");
    expect(treeRows(root).find((row) => row.getAttribute("aria-selected") === "true")?.textContent).toContain("run_tests");
    expect(target).toHaveAttribute("aria-current", "true");
    target.focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(active()).not.toBe(target);
    expect(active().dataset.slot).toBe("timeline-bar");
    await userEvent.keyboard("{ArrowUp}");
    expect(active().closest("[data-lane]")?.getAttribute("data-lane")).toBe("1");
    await userEvent.keyboard("{Enter}");
    expect(root.querySelector('[data-slot="event-header"] h3')?.textContent).toBe("agent_run");
  });

  it("keeps rows one line high and inside the tree at 100 levels of nesting", async () => {
    const screen = await render(<TraceDetail trace={deepChainTrace(100)} treeHeight={300} />);
    const root = screen.container;
    const scroller = root.querySelector<HTMLElement>('[data-slot="trace-tree-scroll"]')!;
    for (const row of treeRows(root)) expect(row.getBoundingClientRect().height).toBeCloseTo(30, 0);
    expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
    expect(root.querySelectorAll('[data-slot="timeline-lane"]').length).toBeLessThan(20);
  });

  it("never executes or links hostile content, in any tab", async () => {
    const screen = await render(<TraceDetail trace={hostileTrace} defaultSelectedEventId="hostile-gen" />);
    const root = screen.container;
    const check = () => {
      expect((window as { __tlPwned?: number }).__tlPwned).toBeUndefined();
      expect(root.querySelector("script, iframe, object, embed, svg, [onerror], [onload], [onclick], [onmouseover]")).toBeNull();
      for (const a of root.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^https?:\/\//);
      for (const img of root.querySelectorAll("img")) expect(img.getAttribute("src")).toMatch(/^(https?:\/\/|data:image\/(png|jpe?g|gif|webp|avif|bmp);base64,)/);
    };
    const expandAll = (section: string) => root.querySelector<HTMLElement>(`[data-slot="conversation-${section}"] button`);
    if (expandAll("input")) await userEvent.click(expandAll("input")!);
    await userEvent.click(page.getByRole("button", { name: /Available tools/ }));
    check();
    await userEvent.click(page.getByRole("tab", { name: "Raw" }));
    await userEvent.click(page.getByRole("button", { name: "Expand all" }));
    check();
    await userEvent.click(page.getByRole("tab", { name: "Text" }));
    check();
    await userEvent.click(treeRows(root)[0]!);
    await userEvent.click(page.getByRole("button", { name: "Expand all" }));
    check();
    for (const row of treeRows(root)) await userEvent.click(row);
    check();
    expect(root.textContent).toContain("<script>window.__tlPwned=1</script>");
  });

  it("puts 10 MB of raw JSON behind a gate and stays usable after Show anyway", async () => {
    const screen = await render(<TraceDetail trace={hugeRawTrace(10)} defaultSelectedEventId="huge-gen" defaultTab="raw" />);
    const gate = screen.container.querySelector('[data-slot="raw-size-gate"]');
    expect(gate).not.toBeNull();
    await userEvent.click(page.getByRole("button", { name: "Show anyway" }));
    expect(screen.container.querySelectorAll('[data-slot="json-node"]').length).toBeLessThan(400);
  });

  it("shows the 300 KB message cut, and all of it on request", async () => {
    const screen = await render(<TraceDetail trace={t.huge300kb} defaultSelectedEventId={t.huge300kb.events[0]!.id} />);
    const text = () => screen.container.querySelector('[data-slot="conversation-input"]')!.textContent!.length;
    const before = text();
    expect(before).toBeLessThan(50_000);
    await userEvent.click(page.getByRole("button", { name: /^Show all [\d,]+ characters$/ }));
    expect(text()).toBeGreaterThan(300_000);
  });

  it.each([
    ["light", t.codingAgent, undefined],
    ["dark", t.rateLimited, undefined],
    ["dark", t.frustratedUser, sentimentFor(t.frustratedUser)],
    ["light", t.imageInputs, undefined],
    ["light", malformedTrace, undefined],
    ["dark", hostileTrace, undefined],
  ] as const)("has no axe violations (%s theme)", async (theme, trace, sentiment) => {
    const gen = trace.events.find((e) => e && e.event === "$ai_generation");
    const screen = await render(
      <div data-theme={theme} className="tl-root" style={{ background: "var(--tl-bg)", padding: 8 }}>
        <TraceDetail trace={trace} sentiment={sentiment} defaultSelectedEventId={gen?.id} />
      </div>,
    );
    for (const button of page.getByRole("button", { name: "Expand all" }).elements().slice(0, 2)) await userEvent.click(button);
    expect(await axeViolations(screen.container)).toEqual([]);
    await userEvent.click(page.getByRole("tab", { name: "Text" }));
    expect(await axeViolations(screen.container)).toEqual([]);
  });
});
