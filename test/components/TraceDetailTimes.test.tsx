import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TraceDetail } from "../../src/all";
import { formatLatency } from "../../src/core";
import { fixtureTraces as t } from "../../stories/TraceDetailStoryParts";

interface FixtureEvent {
  event: string;
  createdAt: string;
  properties: { $ai_latency?: number };
}

// The expected figures come from the fixture's own events, worked out the way the issue defines each time.
const events = t.supportChatbot.events as unknown as FixtureEvent[];
const spans = events.map((e) => ({ end: Date.parse(e.createdAt), start: Date.parse(e.createdAt) - (e.properties.$ai_latency ?? 0) * 1000 }));
const modelLatency = events.filter((e) => e.event === "$ai_generation").reduce((sum, e) => sum + (e.properties.$ai_latency ?? 0), 0);
const wallClock = (Math.max(...spans.map((s) => s.end)) - Math.min(...spans.map((s) => s.start))) / 1000;
// The fixture's steps do not overlap, so busy time is the plain sum of their latencies.
const busy = events.reduce((sum, e) => sum + (e.properties.$ai_latency ?? 0), 0);

const chip = (slot: string) => document.querySelector(`[data-slot="${slot}"]`);

describe("TraceDetail times on the support chat (one definition each)", () => {
  it("labels model latency, wall clock and idle in the header, with how each is computed", () => {
    render(<TraceDetail trace={t.supportChatbot} />);
    expect(chip("chip-model-latency")).toHaveTextContent(`Model latency${formatLatency(modelLatency)}`);
    expect(chip("chip-wall-clock")).toHaveTextContent(`Wall clock${formatLatency(wallClock)}`);
    expect(chip("chip-idle")).toHaveTextContent(`Idle${formatLatency(wallClock - busy)}`);
    // The tooltip text is read as part of the chip: it says how the time is computed, and PostHog's own figure.
    expect(chip("chip-model-latency")?.textContent).toMatch(/sum of every generation's reported latency.*4 generations.*PostHog's trace latency.*4\.16 s/);
    expect(chip("chip-wall-clock")?.textContent).toContain(`Busy ${formatLatency(busy)} + idle ${formatLatency(wallClock - busy)}`);
    expect(chip("chip-idle")?.textContent).toMatch(/user's time between turns/);
  });

  it("gives the trace's tree row and timeline bar the same wall-clock span as the timeline", () => {
    render(<TraceDetail trace={t.supportChatbot} />);
    const wall = formatLatency(wallClock);
    const rootRow = screen.getAllByRole("treeitem")[0]!;
    expect(rootRow.querySelector('[data-slot="tree-row-duration"]')).toHaveTextContent(wall);
    expect(rootRow.querySelector('[data-slot="tree-row-duration"]')).toHaveAttribute("title", expect.stringMatching(/^Wall clock:/));
    expect(screen.getByRole("button", { name: new RegExp(`Timeline \\(${wall} wall clock\\)`) })).toBeInTheDocument();
    const bars = [...document.querySelectorAll<HTMLElement>('[data-slot="timeline-bar"]')];
    const rootBar = bars.find((bar) => bar.dataset.kind === "trace")!;
    expect(rootBar.getAttribute("aria-label")).toContain(`${wall} wall clock, idle ${formatLatency(wallClock - busy)}`);
    // Every other bar reads its own span, which for an SDK event is its latency.
    const generation = bars.find((bar) => bar.dataset.kind === "generation")!;
    expect(generation.getAttribute("aria-label")).toContain(formatLatency(events.find((e) => e.event === "$ai_generation")!.properties.$ai_latency));
  });

  it("shows the trace's idle time, never a self time larger than its latency", async () => {
    const user = userEvent.setup();
    const { container } = render(<TraceDetail trace={t.supportChatbot} showTimeline={false} />);
    await user.click(screen.getAllByRole("treeitem")[0]!);
    const header = container.querySelector<HTMLElement>('[data-slot="event-header"]')!;
    expect(within(header).queryByText("Self time")).toBeNull();
    expect(header.textContent).toContain(`Wall clock${formatLatency(wallClock)}`);
    expect(header.textContent).toContain(`Idle${formatLatency(wallClock - busy)}`);
    expect(header.textContent).not.toContain("Latency4.16 s");
  });
});
