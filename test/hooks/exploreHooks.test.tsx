import { QueryClient } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { createLocalClient } from "../../src/client/clientLocal";
import { TraceLensProvider } from "../../src/hooks/TraceLensProvider";
import { useExploreRows, useInfiniteErrors, useInfiniteSessions } from "../../src/hooks/useExploreData";
import { useTraceFilters } from "../../src/hooks/useTraceFilters";
import { useTraceLensUrlState, type UrlStateAdapter } from "../../src/hooks/useTraceLensUrlState";
import { EXPLORE_NOW, TEST_ACCOUNT_FILTERS, exploreTraces } from "../client/exploreData";

function wrapper(client = createLocalClient({ traces: exploreTraces({ traces: 60, sessions: 30 }), now: () => EXPLORE_NOW, testAccounts: TEST_ACCOUNT_FILTERS })) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children?: ReactNode }) => (
    <TraceLensProvider client={client} queryClient={queryClient}>
      {children}
    </TraceLensProvider>
  );
}

describe("useTraceFilters", () => {
  it("turns the state into TracesQuery fields and explore filters, and back to its start on reset", () => {
    const { result } = renderHook(() => useTraceFilters({ defaultValue: { dateRange: { date_from: "-30d" } } }));
    expect(result.current.params).toEqual({ dateRange: { date_from: "-30d" } });
    act(() => result.current.set("properties", [{ type: "person", key: "email", operator: "icontains", value: "@acme.com" }]));
    act(() => result.current.set("filterTestAccounts", true));
    act(() => result.current.set("sentiment", { labels: ["negative"] }));
    expect(result.current.params).toMatchObject({ filterTestAccounts: true, includeSentiment: true, properties: [{ key: "email" }] });
    expect(result.current.exploreFilters).toEqual({
      dateRange: { date_from: "-30d" },
      properties: [{ type: "person", key: "email", operator: "icontains", value: "@acme.com" }],
      filterTestAccounts: true,
    });
    expect(result.current.activeCount).toBe(3);
    expect(result.current.matchesLoadedRow({ id: "t", createdAt: "", events: [], sentiment: { label: "positive", score: 0.9 } } as never)).toBe(false);
    act(() => result.current.reset());
    expect(result.current.activeCount).toBe(0);
  });

  it("is controlled when given a value: changes are only reported", () => {
    const onChange = vi.fn();
    const value = { dateRange: { date_from: "-7d" }, properties: [], filterTestAccounts: false, personId: null, sentiment: null, search: "" };
    const { result } = renderHook(() => useTraceFilters({ value, onChange }));
    act(() => result.current.set("search", "refund"));
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ search: "refund" }));
    expect(result.current.state.search).toBe("");
  });
});

describe("useTraceLensUrlState", () => {
  function memoryAdapter(initial = "") {
    let search = initial;
    const listeners = new Set<() => void>();
    const writes: Array<{ search: string; replace: boolean }> = [];
    const adapter: UrlStateAdapter = {
      read: () => search,
      write: (next, { replace }) => {
        search = next;
        writes.push({ search: next, replace });
        listeners.forEach((l) => l());
      },
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    };
    return { adapter, writes, back: (to: string) => ((search = to), listeners.forEach((l) => l())) };
  }

  it("reads and writes through a host router's two functions, keeping the host's own parameters", () => {
    const router = memoryAdapter("?page=2&tl_trace=abc");
    const { result } = renderHook(() => useTraceLensUrlState({ adapter: router.adapter, prefix: "tl_" }));
    expect(result.current[0].trace).toBe("abc");
    act(() => result.current[1]({ event: "ev-1", tab: "raw" }));
    expect(router.writes.at(-1)).toEqual({ search: "page=2&tl_trace=abc&tl_event=ev-1&tl_tab=raw", replace: false });
    expect(result.current[0]).toMatchObject({ trace: "abc", event: "ev-1", tab: "raw" });
    act(() => result.current[1]((previous) => ({ filters: { ...previous.filters, search: "refund" } }), { replace: true }));
    expect(router.writes.at(-1)!.replace).toBe(true);
    expect(result.current[0].filters.search).toBe("refund");
  });

  it("follows the back button (a popstate through the browser's history)", () => {
    window.history.replaceState(null, "", "/explore?x=1");
    const { result } = renderHook(() => useTraceLensUrlState());
    act(() => result.current[1]({ trace: "t-1" }));
    expect(window.location.search).toBe("?x=1&trace=t-1");
    act(() => result.current[1]({ trace: "t-2" }));
    expect(result.current[0].trace).toBe("t-2");
    act(() => {
      window.history.replaceState(null, "", "/explore?x=1&trace=t-1");
      window.dispatchEvent(new PopStateEvent("popstate"));
    });
    expect(result.current[0].trace).toBe("t-1");
  });

  it("never throws on an unreadable URL", () => {
    const router = memoryAdapter("?filters=%7Bnot-json&line=-3&date_from=&sentiment=angry");
    const { result } = renderHook(() => useTraceLensUrlState({ adapter: router.adapter }));
    expect(result.current[0]).toMatchObject({ line: null, filters: { properties: [], sentiment: null } });
  });
});

describe("the explore data hooks on the local client", () => {
  it("pages AI sessions 10 at a time, each session once, until there are no more", async () => {
    const { result } = renderHook(
      () => useExploreRows(useInfiniteSessions({ dateRange: { date_from: "all" } }, { pageSize: 10 }), (row) => row.sessionId),
      { wrapper: wrapper() },
    );
    await waitFor(() => expect(result.current.status).toBe("ready"));
    expect(result.current.rows).toHaveLength(10);
    while (result.current.hasMore) {
      const before = result.current.rows.length;
      act(() => result.current.loadMore());
      await waitFor(() => expect(result.current.loadingMore).toBe(false));
      await waitFor(() => expect(result.current.rows.length).toBeGreaterThanOrEqual(before));
      if (result.current.rows.length === before) break;
    }
    const ids = result.current.rows.map((row) => row.sessionId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(10);
  });

  it("says plainly when a host's client has no explore methods", async () => {
    const base = createLocalClient({ traces: [] });
    const { listErrors: _drop, ...client } = base;
    const { result } = renderHook(() => useExploreRows(useInfiniteErrors({}), (row) => row.error), { wrapper: wrapper(client as typeof base) });
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect(String(result.current.error)).toMatch(/no listErrors\(\)/);
  });
});
