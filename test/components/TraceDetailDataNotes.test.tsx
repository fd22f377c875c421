/**
 * Nothing vanishes: exact copies count once and reused ids keep both events, the same way in the
 * tree, the Raw and Text tabs, the header totals, GenerationsTable and SentimentOverview; TraceDetail
 * lists what the builder did in its data notes. And the smaller hostile shapes: numeric ids, null
 * events, infinite and absurd numbers, several overviews on one page.
 */
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GenerationsTable, SentimentOverview, TraceDetail } from "../../src/all";
import type { LLMTrace, LLMTraceEvent } from "../../src/core";

const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s)).toISOString();
const generation = (id: string, s: number, properties: Record<string, unknown>): LLMTraceEvent => ({
  id,
  event: "$ai_generation",
  createdAt: at(s),
  properties: { $ai_trace_id: "t1", $ai_parent_id: "t1", $ai_latency: 1, $ai_model: "m", ...properties },
});

const first = generation("u1", 3, { $ai_input_tokens: 10, $ai_input: "first-question-text" });
const reused = generation("u1", 5, { $ai_input_tokens: 99, $ai_input: "second-question-text" });
const orphan = { ...generation("o1", 7, { $ai_input_tokens: 1, $ai_input: "orphan-question" }), properties: { $ai_trace_id: "t1", $ai_parent_id: "missing-span", $ai_latency: 1, $ai_input_tokens: 1 } };
const messy: LLMTrace = {
  id: "t1",
  createdAt: at(0),
  traceName: "messy",
  events: [first, { ...first, properties: { ...first.properties } }, null as never, reused, orphan],
};

afterEach(cleanup);

describe("duplicates and reused ids, everywhere alike", () => {
  it("counts the exact copy once and keeps the event that reuses the id, in the tree, header, Raw and Text tabs", async () => {
    const user = userEvent.setup();
    const onSelectEvent = vi.fn();
    const { container, rerender } = render(<TraceDetail trace={messy} showTimeline={false} onSelectEvent={onSelectEvent} />);
    expect(screen.getAllByRole("treeitem")).toHaveLength(4); // trace, two generations, the orphan
    expect(container.querySelector('[data-slot="chip-tokens"]')?.textContent).toContain("110 →");

    // The data notes are visible without a click, and list each case with its event id.
    const toggle = screen.getByRole("button", { name: /4 data notes/ });
    expect(toggle).toHaveTextContent("1 item skipped, 1 copy merged, 1 reused id kept apart, 1 event re-parented");
    await user.click(toggle);
    const list = screen.getByRole("list", { name: "Data notes" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-note-kind"))).toEqual(["merged", "skipped", "reused-id", "re-parented"]);
    expect(items[2]).toHaveTextContent("u1#3");
    expect(items[3]).toHaveTextContent("missing-span");

    // "Show" selects the event that reused the id; its original id stays visible in the Raw tab.
    await user.click(within(items[2]!).getByRole("button", { name: /Show/ }));
    expect(onSelectEvent).toHaveBeenLastCalledWith("u1#3", expect.anything());
    rerender(<TraceDetail trace={messy} showTimeline={false} selectedEventId="u1#3" tab="raw" />);
    const raw = container.querySelector('[role="tabpanel"]')?.textContent ?? "";
    expect(raw).toContain("second-question-text");
    expect(raw).toContain('"u1"');

    // The whole trace as text shows the copied event once and the reused one too.
    rerender(<TraceDetail trace={messy} showTimeline={false} selectedEventId={null} tab="text" />);
    const text = container.querySelector('[role="tabpanel"]')?.textContent ?? "";
    expect(text.split("[GEN]").length - 1).toBe(3);
  });

  it("shows the same two generations in GenerationsTable and counts them in SentimentOverview", () => {
    render(<GenerationsTable traces={[messy]} />);
    // u1 twice (different content), o1 once; the exact copy not at all.
    expect(screen.getByRole("table", { name: "Generations" })).toHaveAttribute("aria-rowcount", "4");
    const rowIds = screen.getAllByRole("row").flatMap((row) => (row.dataset.rowId ? [row.dataset.rowId] : []));
    expect(rowIds.sort()).toEqual(["o1", "u1", "u1#3"]);
    cleanup();
    render(<SentimentOverview traces={[messy]} level="generation" loadSentiment={false} />);
    expect(screen.getByRole("status")).toHaveTextContent("0 of 3 generations have sentiment.");
  });

  it("has no data notes for clean data", () => {
    render(<TraceDetail trace={{ ...messy, events: [first] }} />);
    expect(screen.queryByRole("button", { name: /data note/ })).toBeNull();
  });
});

describe("hostile shapes stay contained", () => {
  let errors: string[];
  beforeEach(() => {
    errors = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(" ")));
  });
  afterEach(() => vi.restoreAllMocks());

  it("shows a numeric session id (and numeric person ids) in the header", () => {
    const { container } = render(<TraceDetail trace={{ ...messy, aiSessionId: 42, distinctId: 7, id: 9 } as never} />);
    expect(container.querySelector('[data-slot="trace-header"]')?.textContent).toContain("42");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("renders the Text tab of a trace whose events include null", () => {
    render(<TraceDetail trace={{ ...messy, events: [null, first, null] } as never} defaultTab="text" />);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("tabpanel").textContent).toContain("[GEN]");
  });

  it("gives no duplicate-key warnings for infinite latencies and no 300-digit numbers for 1e308", () => {
    const huge = { ...messy, totalLatency: Infinity, events: [generation("g", 3, { $ai_latency: 1e308, $ai_input_tokens: 1e308, $ai_total_cost_usd: 1e308 }), generation("h", 4, { $ai_latency: Infinity })] };
    const { container } = render(<TraceDetail trace={huge} />);
    expect(errors.filter((e) => /same key|NaN/.test(e))).toEqual([]);
    expect(container.textContent).not.toMatch(/\d[\d,]{30}/);
    expect(container.textContent).toContain("1E308");
  });

  it("names three SentimentOverview regions apart, and lets the host name them", () => {
    render(
      <>
        <SentimentOverview traces={[messy]} loadSentiment={false} />
        <SentimentOverview traces={[messy]} loadSentiment={false} />
        <SentimentOverview traces={[messy]} loadSentiment={false} aria-label="Sentiment this week" />
        <SentimentOverview traces={[messy]} loadSentiment={false} />
      </>,
    );
    const names = screen.getAllByRole("region").map((region) => region.getAttribute("aria-label") ?? [...(region.getAttribute("aria-labelledby") ?? "").split(" ")].map((id) => document.getElementById(id)?.textContent).join(" "));
    expect(names).toEqual(["Sentiment", "Sentiment (2)", "Sentiment this week", "Sentiment (3)"]);
  });
});
