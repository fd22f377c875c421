/** A long session is shown a page at a time, and only the shown traces are looked up. */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient } from "@tanstack/react-query";
import { SessionView, SessionViewTraceList, TraceLensProvider, createLocalClient } from "../../src/all";
import type { LLMTrace } from "../../src/core";

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
    expect(shownIds()).toHaveLength(20);
    await user.click(screen.getByRole("button", { name: "Show 5 more" }));
    expect(shownIds()).toEqual(traces(25).map((t) => t.id));
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
});
