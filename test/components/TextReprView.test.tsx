import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { TextReprView, buildTextReprRows, selectionRanges, textReprCopyText } from "../../src/all";
import { formatTextRepr, parseTextRepr } from "../../src/core";
import bench from "../fixtures/bench/text-repr-trace-2mb.json";
import { NOTHING_EXPANDED, isExpanded, toggleExpansion } from "../../src/components/TextReprView/textReprViewModel";
import { codingAgentTraceText, eventText, hostileText } from "../../stories/TextReprViewStoryParts";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const sample = [
  "L01: TRACE",
  `L02: ├─ <<<GEN_EXPANDABLE|ev-1|[GEN] answer (1.00s)|${b64("INPUT:\n\nhello\n<<<TRUNCATED|" + b64("middle\npart") + "|11>>> end")}>>>`,
  `L03: <<<TOOLS_EXPANDABLE|AVAILABLE TOOLS: 6|${b64("AVAILABLE TOOLS: 6\n\nread_file(path)\nwrite_file(path)")}>>>`,
  "L04: └─ <<<EVENT_LINK|ev-2|[EVENT]>>> custom",
  `L05: start <<<TRUNCATED|${b64("one\ntwo\nthree")}|13>>> stop`,
].join("\n");

describe("text_repr rows", () => {
  const lines = parseTextRepr(sample);
  it("shows one row per line with markers closed", () => {
    const rows = buildTextReprRows(lines, { numbered: true, expanded: () => false });
    expect(rows.map((row) => row.gutter)).toEqual([1, 2, 3, 4, 5]);
  });
  it("splices expanded event content in as indented rows, and splits truncated middles at newlines", () => {
    const expansion = { all: true, toggled: new Set<string>() };
    const rows = buildTextReprRows(lines, { numbered: true, expanded: (key) => isExpanded(expansion, key) });
    const child = rows.filter((row) => row.depth === 1);
    expect(child.length).toBeGreaterThan(3);
    expect(child.every((row) => row.gutter === null && (row.lineNumber === 2 || row.lineNumber === 3))).toBe(true);
    const truncated = rows.filter((row) => row.lineNumber === 5);
    expect(truncated.map((row) => row.pieces.filter((p) => p.kind === "truncatedText").map((p) => (p as { text: string }).text).join(""))).toEqual(["one", "two", "three"]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });
  it("toggles single markers against the all-open default", () => {
    const open = toggleExpansion({ all: true, toggled: new Set() }, "1:1");
    expect(isExpanded(open, "1:1")).toBe(false);
    expect(isExpanded(open, "2:0")).toBe(true);
    expect(isExpanded(toggleExpansion(NOTHING_EXPANDED, "x"), "x")).toBe(true);
  });
  it("copies with every event and tool list open, numbers kept", () => {
    const text = textReprCopyText(lines, true, NOTHING_EXPANDED, 2);
    expect(text.split("\n")[0]).toBe("L01: TRACE");
    expect(text).toContain("    hello");
    expect(text).toContain("read_file(path)");
    expect(text).toContain("... (11 chars truncated)");
    expect(text).not.toContain("<<<");
  });
  it("normalises highlight selections", () => {
    expect(selectionRanges(5)).toEqual([{ start: 5, end: 5 }]);
    expect(selectionRanges([{ start: 9, end: 3 }, 4, Number.NaN])).toEqual([{ start: 3, end: 9 }, { start: 4, end: 4 }]);
    expect(selectionRanges(null)).toEqual([]);
  });
});

describe("TextReprView (jsdom)", () => {
  it("numbers lines from the L-prefixes and opens markers in place", async () => {
    const user = userEvent.setup();
    const onSelectEvent = vi.fn();
    render(<TextReprView text={sample} onSelectEvent={onSelectEvent} />);
    const list = screen.getByRole("list");
    expect(list).toHaveAccessibleName("Text representation, 5 lines");
    expect(within(list).getAllByRole("listitem").map((row) => row.getAttribute("data-line"))).toEqual(["1", "2", "3", "4", "5"]);
    await user.click(screen.getByRole("button", { name: "Expand answer (1.00s)" }));
    expect(screen.getByRole("button", { name: "Collapse answer (1.00s)" })).toHaveAttribute("aria-expanded", "true");
    expect(list.textContent).toContain("hello");
    await user.click(screen.getByRole("button", { name: /AVAILABLE TOOLS: 6/ }));
    expect(list.textContent).toContain("write_file(path)");
    await user.click(screen.getByRole("button", { name: "... (13 chars truncated)" }));
    expect(list.textContent).toContain("three");
    await user.click(screen.getAllByRole("button", { name: "Collapse the expanded text" })[0]!);
    expect(list.textContent).not.toContain("three");
    await user.click(screen.getByRole("button", { name: "Select GEN answer (1.00s)" }));
    await user.click(screen.getByRole("button", { name: "Select event [EVENT]" }));
    expect(onSelectEvent.mock.calls).toEqual([["ev-1"], ["ev-2"]]);
  });

  it("copies the text with events opened and says so", async () => {
    const user = userEvent.setup();
    render(<TextReprView text={sample} />);
    await user.click(screen.getByRole("button", { name: "Copy text" }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toBe(textReprCopyText(parseTextRepr(sample), true, NOTHING_EXPANDED, 2));
    expect(copied.startsWith("L01: TRACE\nL02: ├─ [GEN] answer (1.00s)\n")).toBe(true);
    expect(screen.getByRole("button", { name: "Copied" })).toHaveAttribute("data-state", "copied");
  });

  it("expands and collapses everything", async () => {
    const user = userEvent.setup();
    render(<TextReprView text={sample} />);
    await user.click(screen.getByRole("button", { name: "Expand all" }));
    expect(screen.getByRole("list").getAttribute("aria-label")).not.toBe("Text representation, 5 lines");
    await user.click(screen.getByRole("button", { name: "Collapse all" }));
    expect(screen.getByRole("list")).toHaveAccessibleName("Text representation, 5 lines");
  });

  it("marks highlighted lines, moves focus to the first, and clears when the prop does", () => {
    const { rerender } = render(<TextReprView text={sample} highlightLines={{ start: 3, end: 4 }} />);
    const marked = () => [...document.querySelectorAll("[data-highlighted]")].map((el) => el.getAttribute("data-line"));
    expect(marked()).toEqual(["3", "4"]);
    expect(document.activeElement?.getAttribute("data-line")).toBe("3");
    expect(document.activeElement).toHaveAttribute("aria-current", "true");
    rerender(<TextReprView text={sample} highlightLines={[5]} />);
    expect(marked()).toEqual(["5"]);
    expect(document.activeElement?.getAttribute("data-line")).toBe("5");
    rerender(<TextReprView text={sample} highlightLines={null} />);
    expect(marked()).toEqual([]);
  });

  it("mounts the whole highlighted range far down the text in the commit that moves focus, before any scroll settles", () => {
    const long = Array.from({ length: 1_000 }, (_, i) => `L${String(i + 1).padStart(4, "0")}: line ${i + 1}`).join("\n");
    render(<TextReprView text={long} highlightLines={{ start: 400, end: 404 }} maxHeight={200} />);
    const marked = [...document.querySelectorAll("[data-highlighted]")].map((el) => el.getAttribute("data-line"));
    expect(marked).toEqual(["400", "401", "402", "403", "404"]);
    expect(document.activeElement?.getAttribute("data-line")).toBe("400");
  });

  it("numbers unnumbered text by position, and makes gutter numbers buttons on request", () => {
    const onLineNumberClick = vi.fn();
    render(<TextReprView text={"alpha\nbeta"} onLineNumberClick={onLineNumberClick} highlightLines={2} focusHighlight={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Line 2" }));
    expect(onLineNumberClick).toHaveBeenCalledWith(2);
    expect(document.querySelector("[data-highlighted]")).toHaveTextContent("beta");
    expect(document.activeElement).toBe(document.body);
  });

  it("turns only http(s) URLs into links and never renders markup", () => {
    const { container } = render(<TextReprView text={hostileText} />);
    fireEvent.click(screen.getByRole("button", { name: /chars truncated/ }));
    expect(container.querySelector("img, script, [onerror], [onclick]")).toBeNull();
    expect([...container.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(["https://example.com/ok?x="]);
    expect(container.textContent).toContain("<img src=x onerror=alert(1)>");
  });

  it("cuts giant lines until asked", () => {
    render(<TextReprView text={`L1: ${"q".repeat(25_000)}`} />);
    fireEvent.click(screen.getByRole("button", { name: /show 15,000 more characters/ }));
    expect(screen.getByRole("list").textContent?.length).toBeGreaterThan(25_000);
  });

  it("mounts a window of a 2 MB text even where rows measure 0 px (jsdom, hidden panels)", () => {
    const text = formatTextRepr("$ai_trace", bench, { include_line_numbers: true, include_markers: false, max_length: 10_000_000 }).text;
    render(<TextReprView text={text} />);
    expect(screen.getByRole("list").getAttribute("aria-label")).toMatch(/[\d,]{6,} lines/);
    expect(document.querySelectorAll('[data-slot="text-repr-line"]').length).toBeLessThan(80);
  });

  it("has loading, error and empty states, and forwards ref and className", () => {
    const ref = createRef<HTMLDivElement>();
    const onRetry = vi.fn();
    const { rerender } = render(<TextReprView ref={ref} loading className="mine" />);
    expect(ref.current).toHaveAttribute("data-state", "loading");
    expect(ref.current).toHaveClass("mine", "tl-root");
    rerender(<TextReprView error={new Error("HTTP 500")} onRetry={onRetry} />);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalled();
    rerender(<TextReprView text="   " />);
    expect(screen.getByText("No text representation to show.")).toBeInTheDocument();
  });

  it("renders a real trace and a 300 KB message", () => {
    const { unmount } = render(<TextReprView text={codingAgentTraceText()} />);
    expect(screen.getAllByRole("button", { name: /^Expand / }).length).toBeGreaterThan(10);
    unmount();
    render(<TextReprView text={eventText("hugeMessage")} />);
    expect(screen.getAllByRole("button", { name: /chars truncated\)$/ }).length).toBeGreaterThan(0);
  });
});
