import { render } from "vitest-browser-react";
import { page, userEvent } from "vitest/browser";
import { TraceDetail, TraceLensProvider, createLocalClient } from "../../src/all";
import { storySummarizer } from "../../stories/fixtures/summaryFixtures";
import { fixtureTraces as t } from "../../stories/TraceDetailStoryParts";
import { axeViolations } from "../axe";

function inView(element: Element, container: Element): boolean {
  const a = element.getBoundingClientRect();
  const b = container.getBoundingClientRect();
  return a.bottom > b.top && a.top < b.bottom;
}

const refButtons = (root: Element) => [...root.querySelectorAll<HTMLButtonElement>('[aria-label="Summary points"] [data-slot="summary-line-ref"]')];
const lineOfButton = (button: Element) => Number(/L(\d+)/.exec(button.textContent ?? "")?.[1]);

describe("SummaryPanel line references in Chromium", () => {
  async function renderCodingAgent() {
    const onSelectEvent = vi.fn();
    const client = createLocalClient({ traces: [t.codingAgent], summarize: storySummarizer() });
    const screen = await render(
      <TraceLensProvider client={client}>
        <TraceDetail trace={t.codingAgent} defaultTab="summary" onSelectEvent={onSelectEvent} />
      </TraceLensProvider>,
    );
    await userEvent.click(page.getByRole("button", { name: /^Detailed/ }));
    await userEvent.click(page.getByRole("button", { name: "Generate summary" }));
    await expect.poll(() => refButtons(screen.container).length).toBeGreaterThan(5);
    return { root: screen.container, onSelectEvent };
  }

  it("scrolls a long trace's text to a far line, focuses it, and selects its event in the tree", async () => {
    const { root, onSelectEvent } = await renderCodingAgent();
    const scroller = root.querySelector('[data-slot="summary-panel"] [data-slot="text-repr-scroll"]')!;
    const button = refButtons(root).at(-1)!;
    const line = lineOfButton(button);
    expect(line).toBeGreaterThan(200);
    await userEvent.click(button);
    await expect.poll(() => document.activeElement?.getAttribute("data-line")).toBe(String(line));
    await expect.poll(() => inView(document.activeElement!, scroller)).toBe(true);
    expect(document.activeElement).toHaveAttribute("data-highlighted");
    // The referenced line is the node's own branch line: the tree must now show that node selected.
    const name = /\[(?:GEN|SPAN|EMBED|EVAL|EVENT)\] ([^(]+)/.exec(document.activeElement?.textContent ?? "")?.[1]?.trim();
    expect(name).toBeTruthy();
    expect(onSelectEvent).toHaveBeenCalledTimes(1);
    const selected = root.querySelector('[data-slot="trace-tree-row"][aria-selected="true"]');
    expect(selected?.textContent).toContain(name);
    expect(root.querySelector('[data-slot="event-header"] h3')?.textContent).toContain(name);
    // Scrolled away, the same reference brings the line back.
    scroller.scrollTop = 0;
    await expect.poll(() => root.querySelector(`[data-slot="summary-panel"] [data-line="${line}"]`) === null || !inView(root.querySelector(`[data-slot="summary-panel"] [data-line="${line}"]`)!, scroller)).toBe(true);
    await userEvent.click(button);
    await expect.poll(() => document.activeElement?.getAttribute("data-line")).toBe(String(line));
    await expect.poll(() => inView(document.activeElement!, scroller)).toBe(true);
  });

  it("moves from one reference to another from the keyboard", async () => {
    const { root, onSelectEvent } = await renderCodingAgent();
    const [first, second] = refButtons(root).filter((b, i, all) => all.findIndex((o) => lineOfButton(o) === lineOfButton(b)) === i);
    first!.focus();
    await userEvent.keyboard("{Enter}");
    await expect.poll(() => document.activeElement?.getAttribute("data-line")).toBe(String(lineOfButton(first!)));
    second!.focus();
    await userEvent.keyboard(" ");
    await expect.poll(() => document.activeElement?.getAttribute("data-line")).toBe(String(lineOfButton(second!)));
    expect([...root.querySelectorAll('[data-slot="summary-panel"] [data-highlighted]')].map((el) => el.getAttribute("data-line"))).toEqual([String(lineOfButton(second!))]);
    expect(onSelectEvent).toHaveBeenCalledTimes(2);
    expect(second).toHaveAttribute("data-active");
    expect(first).not.toHaveAttribute("data-active");
    expect(await axeViolations(root)).toEqual([]);
  });
});
