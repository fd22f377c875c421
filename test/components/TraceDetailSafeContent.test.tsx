import { fireEvent, render, screen } from "@testing-library/react";
import { JsonView, safeImageUrl, safeLinkUrl } from "../../src/all";
import { estimateJsonChars, safeStringify } from "../../src/components/ui/jsonViewModel";
import { HOSTILE_STRINGS } from "../../stories/fixtures/traceDetailFixtures";

function expectInert(root: HTMLElement) {
  expect(root.querySelector("script, iframe, object, embed, svg, style, [onerror], [onload], [onclick], [onmouseover]")).toBeNull();
  for (const a of root.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^https?:\/\//);
  for (const img of root.querySelectorAll("img")) expect(img.getAttribute("src")).toMatch(/^(https?:\/\/|data:image\/(png|jpe?g|gif|webp|avif|bmp);base64,)/);
}

describe("URL allowlist", () => {
  it.each([
    ["https://posthog.com/a?b=1", "https://posthog.com/a?b=1"],
    ["  http://example.com ", "http://example.com/"],
    ["javascript:alert(1)", null],
    [" JaVaScRiPt:alert(1)", null],
    ["java\tscript:alert(1)", null],
    ["data:text/html;base64,PHNjcmlwdD4=", null],
    ["vbscript:msgbox", null],
    ["/relative/path", null],
    ["//evil.example/x", null],
    ["mailto:a@b.c", "mailto:a@b.c"],
    ["xmpp:a@b.c", null],
  ])("link %j → %j", (raw, expected) => {
    expect(safeLinkUrl(raw)).toBe(expected);
  });
  it("allows raster data images under the cap only", () => {
    expect(safeImageUrl("data:image/png;base64,iVBORw0KGgo=")).toEqual({ ok: true, url: "data:image/png;base64,iVBORw0KGgo=" });
    expect(safeImageUrl("data:image/svg+xml;base64,PHN2Zz4=")).toEqual({ ok: false, reason: "blocked" });
    expect(safeImageUrl(`data:image/png;base64,${"A".repeat(100)}`, 50)).toEqual({ ok: false, reason: "too-large" });
    expect(safeImageUrl("data:image/png;base64,<script>")).toEqual({ ok: false, reason: "blocked" });
    expect(safeImageUrl("javascript:alert(1)")).toEqual({ ok: false, reason: "blocked" });
  });
});

describe("JsonView", () => {
  it("opens two levels, pages long arrays and cuts long strings", () => {
    const value = { a: { b: { c: { d: 1 } } }, list: Array.from({ length: 250 }, (_, i) => i), long: "y".repeat(5000) };
    render(<JsonView value={value} />);
    const toggles = screen.getAllByRole("button", { expanded: true });
    expect(toggles.length).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole("button", { name: /^b:.*1 key$/ })).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByRole("button", { name: /^list:/ })).toHaveAttribute("aria-expanded", "true");
    fireEvent.click(screen.getByRole("button", { name: "Show 100 more of 150 remaining" }));
    expect(screen.getByRole("button", { name: "Show 50 more of 50 remaining" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Show all 5,000 characters" }));
    expect(screen.getByRole("button", { name: "Show less" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Expand all" }));
    expect(screen.getByRole("button", { name: /^c:/ })).toHaveAttribute("aria-expanded", "true");
    fireEvent.click(screen.getByRole("button", { name: "Collapse all" }));
    expect(screen.getAllByRole("button", { expanded: true })).toHaveLength(1);
  });

  it("handles cycles, BigInt, throwing getters and 300 levels of nesting", () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    const hostile = Object.defineProperty({}, "boom", { enumerable: true, get: () => { throw new Error("getter"); } });
    let deep: unknown = "bottom";
    for (let i = 0; i < 300; i++) deep = { next: deep };
    render(<JsonView value={{ cyclic, big: 10n, hostile, deep }} defaultExpandDepth={400} />);
    expect(screen.getByText("[circular]")).toBeInTheDocument();
    expect(screen.getByText("10n")).toBeInTheDocument();
    expect(screen.getByText(/unreadable: getter/)).toBeInTheDocument();
    expect(screen.getByText(/nested too deep to show/)).toBeInTheDocument();
    expect(safeStringify(cyclic)).toContain("[circular]");
  });

  it("estimates size without building the string, stopping at the limit", () => {
    const value = { rows: Array.from({ length: 1000 }, () => ({ text: "z".repeat(1000) })) };
    const exact = JSON.stringify(value).length;
    expect(Math.abs(estimateJsonChars(value) - exact) / exact).toBeLessThan(0.05);
    expect(estimateJsonChars(value, 10_000)).toBeLessThan(20_000);
  });

  it("never renders markup from keys or values", () => {
    const { container } = render(<JsonView value={{ "<img src=x onerror=alert(1)>": "<script>alert(1)</script>" }} />);
    expectInert(container);
    expect(container.textContent).toContain("<script>alert(1)</script>");
  });
});
