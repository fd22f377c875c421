import { useState } from "react";
import { render } from "vitest-browser-react";
import { page, userEvent } from "vitest/browser";
import { TextReprView } from "../../src/all";
import { formatTextRepr } from "../../src/core";
import bench from "../fixtures/bench/text-repr-trace-2mb.json";
import { codingAgentTraceText, eventText, hostileText } from "../../stories/TextReprViewStoryParts";
import { axeViolations } from "../axe";

const rows = (root: Element) => root.querySelectorAll('[data-slot="text-repr-line"]');
const lineCount = (root: Element) => Number(root.querySelector('[role="list"]')?.getAttribute("aria-label")?.match(/([\d,]+) lines/)?.[1]?.replace(/,/g, ""));

function inView(element: Element, container: Element): boolean {
  const a = element.getBoundingClientRect();
  const b = container.getBoundingClientRect();
  return a.bottom > b.top && a.top < b.bottom;
}

describe("TextReprView in Chromium", () => {
  const plain = formatTextRepr("$ai_trace", bench, { include_line_numbers: true, include_markers: false, max_length: 10_000_000 }).text;
  const marked = formatTextRepr("$ai_trace", bench, { include_line_numbers: true, max_length: 10_000_000 }).text;

  it("keeps a 2 MB text to a window of rows and jumps to a highlighted line", async () => {
    expect(plain.length).toBeGreaterThan(2_000_000);
    function Host() {
      const [line, setLine] = useState<number | null>(null);
      return (
        <>
          <button type="button" onClick={() => setLine(31_234)}>
            Go
          </button>
          <TextReprView text={plain} highlightLines={line === null ? null : { start: line, end: line + 2 }} maxHeight={400} />
        </>
      );
    }
    const screen = await render(<Host />);
    const root = screen.container;
    expect(lineCount(root)).toBeGreaterThan(31_234);
    expect(rows(root).length).toBeLessThan(100);
    await userEvent.click(page.getByRole("button", { name: "Go" }));
    const scroller = root.querySelector('[data-slot="text-repr-scroll"]')!;
    await expect.poll(() => document.activeElement?.getAttribute("data-line")).toBe("31234");
    await expect.poll(() => inView(document.activeElement!, scroller)).toBe(true);
    expect([...root.querySelectorAll("[data-highlighted]")].map((el) => el.getAttribute("data-line")).filter(Boolean)).toEqual(["31234", "31235", "31236"]);
    expect(rows(root).length).toBeLessThan(100);
  });

  it("opens every marker of the 2 MB trace with Expand all and stays windowed", async () => {
    const screen = await render(<TextReprView text={marked} maxHeight={400} />);
    const before = lineCount(screen.container);
    await userEvent.click(page.getByRole("button", { name: "Expand all" }));
    expect(lineCount(screen.container)).toBeGreaterThan(before * 10);
    expect(rows(screen.container).length).toBeLessThan(100);
    const scroller = screen.container.querySelector<HTMLElement>('[data-slot="text-repr-scroll"]')!;
    scroller.scrollTop = scroller.scrollHeight / 2;
    await expect.poll(() => [...rows(screen.container)].some((row) => inView(row, scroller))).toBe(true);
    expect(rows(screen.container).length).toBeLessThan(100);
  });

  it("wraps long lines and measures each row's real height", async () => {
    const screen = await render(<div style={{ width: 400 }}><TextReprView text={`L1: ${"word ".repeat(400)}\nL2: short`} /></div>);
    const [first, second] = [...rows(screen.container)] as HTMLElement[];
    expect(first!.getBoundingClientRect().height).toBeGreaterThan(100);
    expect(second!.getBoundingClientRect().top).toBeGreaterThanOrEqual(first!.getBoundingClientRect().bottom - 1);
  });

  it.each(["light", "dark"])("has no axe violations (%s theme), markers open and a line marked", async (theme) => {
    const screen = await render(
      <div data-theme={theme} className="tl-root" style={{ background: "var(--tl-bg)", padding: 8 }}>
        <TextReprView text={codingAgentTraceText()} highlightLines={{ start: 9, end: 11 }} onSelectEvent={() => {}} onLineNumberClick={() => {}} />
        <TextReprView text={eventText("hugeMessage")} label="Message text" />
        <TextReprView text={hostileText} label="Hostile text" />
      </div>,
    );
    await userEvent.click(page.getByRole("button", { name: /^Expand agent_run/ }).first());
    await userEvent.click(page.getByRole("button", { name: /chars truncated\)$/ }).first());
    expect(await axeViolations(screen.container)).toEqual([]);
  });
});
