/**
 * TraceDetail's issue-19 parts over the agent fixtures: loop, evaluation, feedback and metric
 * badges in the tree, loop marks on timeline bars, the Evaluations tab, display presets, cost
 * parts and model parameters in the headers, and copy/download of the trace as JSON.
 */
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TraceDetail } from "../../src/all";
import { detectTraceLoops, traceEvaluations, type LLMTrace } from "../../src/core";
import agentFanOut from "../fixtures/traces/agent-fan-out.json";
import agentLoop from "../fixtures/traces/agent-loop.json";
import agentRetry from "../fixtures/traces/agent-retry.json";

const loop = agentLoop as unknown as LLMTrace;
const retry = agentRetry as unknown as LLMTrace;
const fanOut = agentFanOut as unknown as LLMTrace;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const tooltipOf = async (user: ReturnType<typeof userEvent.setup>, chip: Element) => {
  await user.hover(chip);
  return (await screen.findByRole("tooltip")).textContent ?? "";
};

describe("TraceDetail insight", () => {
  it("flags each looping call in the tree with its repeats, and counts the loops in the header", () => {
    const { container } = render(<TraceDetail trace={loop} showTimeline={false} treeHeight={2000} />);
    const loops = detectTraceLoops(loop);
    expect(loops.length).toBeGreaterThan(0);
    const flights = loops.find((l) => l.label === "search_flights")!;
    for (const event of flights.events) {
      const row = container.querySelector(`[data-slot="trace-tree-row"][data-key="${CSS.escape(event.nodeKey)}"]`)!;
      // A call can also be part of a repeating step sequence: its row shows both.
      const badge = [...row.querySelectorAll('[data-slot="loop-badge"]')].find((b) => b.textContent?.includes(flights.description));
      expect(badge?.textContent).toContain(`${flights.repeats}×`);
    }
    expect(container.querySelector('[data-slot="chip-loops"]')).toHaveTextContent(String(loops.length));
    // The thumbs-down and the turn metrics sit on their nodes.
    expect(container.querySelectorAll('[data-slot="feedback-badge"]').length).toBeGreaterThan(0);
    expect(container.querySelectorAll('[data-slot="metric-badge"]').length).toBeGreaterThan(0);
  });

  it("marks the looping calls' bars in the timeline", () => {
    const { container } = render(<TraceDetail trace={loop} />);
    const bars = [...container.querySelectorAll<HTMLElement>('[data-slot="timeline-bar"][data-loop]')];
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.some((bar) => /loop search_flights ×\d+/.test(bar.getAttribute("aria-label") ?? ""))).toBe(true);
  });

  it("lists every evaluation with verdict, reasoning, runtime and model, badges the judged event, and selects it", async () => {
    const user = userEvent.setup();
    const onSelectEvent = vi.fn();
    const { container } = render(<TraceDetail trace={retry} showTimeline={false} treeHeight={2000} onSelectEvent={onSelectEvent} />);
    const expected = traceEvaluations(retry);
    await user.click(screen.getByRole("tab", { name: `Evaluations (${expected.evaluations.length})` }));
    const items = container.querySelectorAll('[data-slot="evaluation-item"]');
    expect(items).toHaveLength(expected.evaluations.length);
    const judge = [...items].find((item) => item.textContent?.includes("Resolved the request"))!;
    expect(judge.textContent).toContain("llm_judge/gpt-4.1-mini");
    expect(judge.textContent).toContain("Opened the refund ticket and quoted its id.");
    expect(judge.textContent).toContain("Pass");
    const target = expected.evaluations[0]!.targetKey;
    const row = container.querySelector(`[data-slot="trace-tree-row"][data-key="${CSS.escape(target)}"]`)!;
    expect(row.querySelectorAll('[data-slot="evaluation-badge"]')).toHaveLength(3);
    await user.click(within(judge as HTMLElement).getAllByRole("button")[1]!);
    expect(onSelectEvent).toHaveBeenCalledTimes(1);
    expect(container.querySelector('[data-slot="trace-tree-row"][aria-selected="true"]')?.getAttribute("data-key")).toBe(target);
  });

  it("opens messages by the chosen display preset, and shows the text view instead of the conversation", async () => {
    const user = userEvent.setup();
    const generation = retry.events.filter((e) => e.event === "$ai_generation").at(-1)!;
    const { container } = render(<TraceDetail trace={retry} showTimeline={false} defaultSelectedEventId={generation.id} />);
    const states = (section: string) => [...container.querySelectorAll(`[data-slot="conversation-${section}"] [data-slot="message"]`)].map((m) => m.getAttribute("data-state"));
    const input = states("input");
    expect(input.length).toBeGreaterThan(2);
    expect(input.slice(0, -1).every((s) => s === "closed")).toBe(true);
    expect(input.at(-1)).toBe("open");
    const display = screen.getByRole("combobox", { name: "Display" });
    await user.selectOptions(display, "expand-all");
    expect(states("input").every((s) => s === "open")).toBe(true);
    await user.selectOptions(display, "user-only");
    const inputs = [...container.querySelectorAll('[data-slot="conversation-input"] [data-slot="message"]')];
    expect(states("output").every((s) => s === "closed")).toBe(true);
    expect(inputs.some((m) => m.getAttribute("data-state") === "open")).toBe(true);
    for (const m of inputs) expect(m.getAttribute("data-state") === "open").toBe(m.getAttribute("data-role") === "user");
    await user.selectOptions(display, "text");
    expect(container.querySelector('[data-slot="conversation"]')).toBeNull();
    const view = () => container.querySelector('[data-slot="event-panel"] [data-slot="text-repr-view"]');
    await vi.waitFor(() => expect(view()?.getAttribute("data-state")).toBe("ready"));
    expect(view()?.textContent).toContain("create_ticket");
  });

  it("splits the trace's cost into input, output, request and web search, and shows model parameters", async () => {
    const user = userEvent.setup();
    const { container } = render(<TraceDetail trace={fanOut} showTimeline={false} />);
    const cost = await tooltipOf(user, container.querySelector('[data-slot="chip-cost"]')!);
    expect(cost).toMatch(/Input: \$/);
    expect(cost).toMatch(/Output: \$/);
    expect(cost).toMatch(/Web search: \$/);
    expect(cost).toMatch(/Request: \$/);
    expect(container.querySelector('[data-slot="chip-param-stream"]')).toHaveTextContent("2 values");
    cleanup();
    const { container: other } = render(<TraceDetail trace={retry} showTimeline={false} />);
    expect(other.querySelector('[data-slot="chip-param-temperature"]')).toHaveTextContent("0");
    expect(other.querySelector('[data-slot="chip-param-maxTokens"]')).toHaveTextContent("2048");
    expect(other.querySelector('[data-slot="chip-param-tools"]')).toBeInTheDocument();
  });

  it("copies and downloads the trace as JSON", async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return "blob:trace";
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const { container } = render(<TraceDetail trace={retry} showTimeline={false} />);
    const exportButtons = within(container.querySelector<HTMLElement>('[data-slot="trace-export"]')!);
    await user.click(exportButtons.getByRole("button", { name: /^Copy JSON/ }));
    expect(JSON.parse(writeText.mock.calls[0]![0])).toEqual(retry);
    await user.click(exportButtons.getByRole("button", { name: "Download JSON" }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(JSON.parse(await created[0]!.text())).toEqual(retry);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe(`trace-${retry.id}.json`);
  });
});
