/** A long session is shown a page at a time, and only the shown traces are looked up. */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient } from "@tanstack/react-query";
import { SessionView, SessionViewTraceList, TraceLensProvider, createLocalClient } from "../../src/all";
import type { LLMTrace } from "../../src/core";
import { sessionTraces } from "../../src/core/trace";
import { sessionTracesSteps } from "../../src/core/traceSession";
import { runJob } from "../../src/components/ui/slicedJob";
import { SYNC_JOB_LIMIT } from "../../src/components/ui/useSlicedJob";
import { SESSION_TRACES_PER_DRAW } from "../../src/components/SessionView/SessionViewTraceList";

const SESSION = "long-session";
function traces(count: number): LLMTrace[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2025, 5, 1, 0, 0, i)).toISOString();
    return { id: `t${String(i).padStart(4, "0")}`, createdAt: at, aiSessionId: SESSION, events: [{ id: `g${i}`, event: "$ai_generation", createdAt: at, properties: { $ai_session_id: SESSION, $ai_input: [{ role: "user", content: `question ${i}` }] } }] };
  });
}
const shownIds = () => [...document.querySelectorAll<HTMLElement>('[data-slot="session-trace"]')].map((li) => li.dataset.traceId);

describe("SessionView paging", () => {
  it("shows the oldest page first and adds a page per Show more", async () => {
    const user = userEvent.setup();
    render(<SessionViewTraceList sessionId={SESSION} traces={traces(25).reverse()} pageSize={10} />);
    expect(shownIds()).toEqual(traces(10).map((t) => t.id));
    await user.click(screen.getByRole("button", { name: "Show 10 more" }));
    // The added traces are drawn over the next frames.
    await waitFor(() => expect(shownIds()).toHaveLength(20));
    await user.click(screen.getByRole("button", { name: "Show 5 more" }));
    await waitFor(() => expect(shownIds()).toEqual(traces(25).map((t) => t.id)));
    expect(screen.queryByRole("button", { name: /^Show .* more$/ })).toBeNull();
  });

  it("the drop-in orders host traces oldest first, ties by id, each id once", () => {
    const list = traces(12);
    const tie = { ...list[3]!, id: "t0003-b" };
    render(<SessionView sessionId={SESSION} traces={[...list.slice(4).reverse(), tie, list[2]!, ...list.slice(0, 4).reverse(), { ...list[5]! }]} pageSize={20} />);
    expect(shownIds()).toEqual([...list.slice(0, 4).map((t) => t.id), "t0003-b", ...list.slice(4).map((t) => t.id)]);
  });

  it("takes the shown count from the host, and unusable page sizes fall back to the default", async () => {
    const user = userEvent.setup();
    const onShownCountChange = vi.fn();
    const { unmount } = render(<SessionViewTraceList traces={traces(30)} shownCount={5} pageSize={10} onShownCountChange={onShownCountChange} />);
    expect(shownIds()).toHaveLength(5);
    await user.click(screen.getByRole("button", { name: "Show 10 more" }));
    expect(onShownCountChange).toHaveBeenLastCalledWith(15);
    expect(shownIds()).toHaveLength(5);
    unmount();
    render(<SessionViewTraceList traces={traces(3)} pageSize={Number.NaN} defaultShownCount={Number.NaN} />);
    expect(shownIds()).toHaveLength(3);
    expect(screen.queryByRole("button", { name: /^Show .* more$/ })).toBeNull();
  });

  it("asks sentiment and summary titles for the shown traces only", async () => {
    const all = traces(120);
    const base = createLocalClient({ traces: all });
    const asked: string[] = [];
    const titles: string[] = [];
    const client = {
      ...base,
      sentiment: (request: Parameters<typeof base.sentiment>[0], o?: Parameters<typeof base.sentiment>[1]) => {
        asked.push(...(request.ids ?? []));
        return base.sentiment(request, o);
      },
      summaryBatchCheck: (request: Parameters<typeof base.summaryBatchCheck>[0], o?: Parameters<typeof base.summaryBatchCheck>[1]) => {
        titles.push(...(request.trace_ids ?? []));
        return base.summaryBatchCheck(request, o);
      },
    };
    render(
      <TraceLensProvider client={client} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionView sessionId={SESSION} traces={all} pageSize={20} />
      </TraceLensProvider>,
    );
    await waitFor(() => expect(new Set(asked).size).toBe(20));
    await waitFor(() => expect(new Set(titles).size).toBe(20));
    expect([...new Set(asked)].sort()).toEqual(all.slice(0, 20).map((t) => t.id));
  });

  it("picks a session's traces in slices, the same as in one pass", () => {
    const mixed = traces(SYNC_JOB_LIMIT * 2).flatMap((t, i) => (i % 3 === 0 ? [{ ...t, aiSessionId: "other" }] : i % 5 === 0 ? [t, { ...t }] : [t])).reverse();
    const steps = sessionTracesSteps(mixed, SESSION);
    let slices = 0;
    let step = runJob(steps, 0);
    for (; !step.done; step = runJob(steps, 0)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(step.value).toEqual(sessionTraces(mixed, SESSION));
    expect(step.value.length).toBeGreaterThan(SYNC_JOB_LIMIT);
  });

  it("a big session is read after the first paint and its page drawn a few traces per frame, busy and saying so until done", async () => {
    const all = traces(SYNC_JOB_LIMIT * 2);
    render(<SessionView sessionId={SESSION} traces={[...all].reverse()} />);
    const view = document.querySelector<HTMLElement>('[data-slot="session-view"]')!;
    // First paint: nothing read yet, so no trace and no "No traces".
    expect(view).toHaveAttribute("aria-busy", "true");
    expect(shownIds()).toEqual([]);
    expect(view).not.toHaveTextContent("No traces in this session.");
    await waitFor(() => expect(shownIds().length).toBeGreaterThan(0));
    await waitFor(() => expect(view).not.toHaveAttribute("aria-busy"));
    expect(shownIds()).toEqual(all.slice(0, 100).map((t) => t.id));
    expect(view).toHaveTextContent(`Showing the first 100 of ${all.length.toLocaleString()} traces.`);
  });

  it("draws a page a few traces per frame, busy and without Show more until the page is all there", async () => {
    const list = traces(SESSION_TRACES_PER_DRAW * 3);
    render(<SessionViewTraceList sessionId={SESSION} traces={list} pageSize={SESSION_TRACES_PER_DRAW * 2 + 5} />);
    const view = document.querySelector<HTMLElement>('[data-slot="session-view"]')!;
    expect(shownIds()).toEqual(list.slice(0, SESSION_TRACES_PER_DRAW).map((t) => t.id));
    expect(view).toHaveAttribute("aria-busy", "true");
    expect(view).toHaveTextContent(`Drawing ${SESSION_TRACES_PER_DRAW + 5} more traces…`);
    expect(screen.queryByRole("button", { name: /^Show .* more$/ })).toBeNull();
    await waitFor(() => expect(view).not.toHaveAttribute("aria-busy"));
    expect(shownIds()).toHaveLength(SESSION_TRACES_PER_DRAW * 2 + 5);
    expect(view).not.toHaveTextContent("Drawing");
    expect(screen.getByRole("button", { name: `Show ${SESSION_TRACES_PER_DRAW - 5} more` })).toBeInTheDocument();
  });
});
