import { QueryClient } from "@tanstack/react-query";
import { act, fireEvent, render, renderHook, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { TraceLensProvider, TracesTable, tracesTableColumns, type TracesTableColumn } from "../../src/all";
import type { LLMTrace } from "../../src/core";
import { FIXTURE_IDS, FIXTURE_NOW, fixtureTraces, hostileTrace, syntheticTraces } from "../../stories/fixtures/tableFixtures";
import { countingClient, fixtureClient } from "../../stories/TracesTableStoryParts";
import { SYNC_FILTER_LIMIT, useTimeSlicedFilter } from "../../src/components/ui/useTimeSlicedFilter";

/** Generous: these wait on the local client and the loader, which share the CPU with the rest of CI. */
const SLOW = { timeout: 15_000 }; // a hang guard for a busy 2-core box, not a speed check

const dataRows = () => screen.getAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));
const rowIds = () => dataRows().map((row) => row.dataset.rowId);
const header = (name: RegExp) => screen.getByRole("columnheader", { name });
/** The table holds exactly `ids`, in order: all of them counted, the rendered window in the right order. */
function expectRows(ids: readonly string[]) {
  expect(screen.getByRole("table")).toHaveAttribute("aria-rowcount", String(ids.length + 1));
  const shown = rowIds();
  expect(shown.length).toBeGreaterThan(0);
  expect(shown).toEqual(ids.slice(0, shown.length));
}

function withClient(client = fixtureClient()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <TraceLensProvider client={client} queryClient={queryClient}>
      {children}
    </TraceLensProvider>
  );
  return { client, queryClient, wrapper };
}

describe("TracesTable with host data", () => {
  it("is a table with a row per trace, PostHog's columns and abbreviated ids", () => {
    render(<TracesTable traces={fixtureTraces} now={FIXTURE_NOW} />);
    const table = screen.getByRole("table", { name: "Traces" });
    expect(table).toHaveAttribute("aria-rowcount", String(fixtureTraces.length + 1));
    expect(screen.getAllByRole("columnheader").map((th) => th.dataset.columnId)).toEqual(tracesTableColumns.map((c) => c.id));
    const first = dataRows()[0]!;
    expect(first).toHaveAttribute("aria-rowindex", "2");
    expect(within(first).getByText("6b5d…e42b")).toBeInTheDocument();
    expect(within(first).getByRole("button", { name: `Copy trace ID ${FIXTURE_IDS.support}` })).toBeInTheDocument();
    expect(within(first).getByText("maria@example.com")).toBeInTheDocument();
    expect(within(first).getByText("4.16 s")).toBeInTheDocument();
    expect(within(first).getByText("981 → 204 (∑ 1,185)")).toBeInTheDocument();
  });

  it("renders a window of rows, not all of them", () => {
    render(<TracesTable traces={syntheticTraces(5000)} />);
    expect(screen.getByRole("table")).toHaveAttribute("aria-rowcount", "5001");
    expect(dataRows().length).toBeGreaterThan(5);
    expect(dataRows().length).toBeLessThan(40);
  });

  it("sorts on header click, announcing it with aria-sort on that header only", async () => {
    const user = userEvent.setup();
    render(<TracesTable traces={fixtureTraces} now={FIXTURE_NOW} />);
    const latency = header(/Latency/);
    expect(latency).toHaveAttribute("aria-sort", "none");
    expect(latency).toHaveAttribute("data-allows-sorting", "true");
    expect(header(/^Input$/)).not.toHaveAttribute("aria-sort");
    await user.click(within(latency).getByRole("button"));
    expect(latency).toHaveAttribute("aria-sort", "descending");
    expect(latency).toHaveAttribute("data-sort-direction", "descending");
    const byLatency = [...fixtureTraces].sort((a, b) => Number(b.totalLatency) - Number(a.totalLatency)).map((t) => t.id);
    expect(rowIds()).toEqual(byLatency);
    expect(screen.getAllByRole("columnheader").filter((th) => th.getAttribute("aria-sort") !== "none" && th.hasAttribute("aria-sort"))).toEqual([latency]);
    await user.click(within(latency).getByRole("button"));
    expect(latency).toHaveAttribute("aria-sort", "ascending");
    // Ties keep their original order in both directions.
    expect(rowIds()).toEqual([...fixtureTraces].sort((a, b) => Number(a.totalLatency) - Number(b.totalLatency)).map((t) => t.id));
    await user.click(within(latency).getByRole("button"));
    expect(latency).toHaveAttribute("aria-sort", "none");
    expect(latency).not.toHaveAttribute("data-sort-direction");
    expect(rowIds()).toEqual(fixtureTraces.map((t) => t.id));
  });

  it("sorts names alphabetically and puts traces without a value last either way", async () => {
    const user = userEvent.setup();
    const traces = [
      { id: "a", createdAt: "2025-06-01T00:00:00Z", traceName: "beta", events: [] },
      { id: "b", createdAt: "2025-06-01T00:00:00Z", traceName: null, events: [] },
      { id: "c", createdAt: "2025-06-01T00:00:00Z", traceName: "Alpha", events: [] },
    ] as LLMTrace[];
    render(<TracesTable traces={traces} />);
    await user.click(within(header(/Trace name/)).getByRole("button"));
    expect(rowIds()).toEqual(["c", "a", "b"]);
    await user.click(within(header(/Trace name/)).getByRole("button"));
    expect(rowIds()).toEqual(["a", "c", "b"]);
  });

  it("searches ids, names, persons and previews, marking the match; Escape clears", async () => {
    const user = userEvent.setup();
    render(<TracesTable traces={fixtureTraces} now={FIXTURE_NOW} />);
    const search = screen.getByRole("searchbox", { name: "Search traces" });
    await user.type(search, "2FA");
    await waitFor(() => expect(rowIds()).toEqual([FIXTURE_IDS.frustrated]), SLOW);
    expect(screen.getAllByText("2FA", { selector: "mark" }).length).toBeGreaterThan(0);
    expect(screen.getByRole("status")).toHaveTextContent("1 trace");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(dataRows()).toHaveLength(fixtureTraces.length), SLOW);
  });

  it("filters by the sentiment traces carry, any combination of labels", async () => {
    const user = userEvent.setup();
    const traces = syntheticTraces(60);
    render(<TracesTable traces={traces} />);
    await user.click(screen.getByRole("button", { name: "Negative" }));
    const negative = traces.filter((t) => t.sentiment?.label === "negative").map((t) => t.id);
    expect(negative.length).toBeGreaterThan(3);
    await waitFor(() => expectRows(negative), SLOW);
    await user.click(screen.getByRole("button", { name: "Positive" }));
    const either = traces.filter((t) => t.sentiment?.label !== "neutral").map((t) => t.id);
    await waitFor(() => expectRows(either), SLOW);
    expect(screen.getByRole("button", { name: "Neutral" })).toHaveAttribute("aria-pressed", "false");
  });

  it("says when filters match nothing and clears them on request", async () => {
    const user = userEvent.setup();
    render(<TracesTable traces={fixtureTraces} defaultSearch="no trace has this" />);
    expect(await screen.findByText("No traces match these filters")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    // The visible rows come first; the ones below the fold follow once they are painted.
    await waitFor(() => expect(dataRows()).toHaveLength(fixtureTraces.length));
  });

  it("moves between rows with the keyboard and opens one with Enter", async () => {
    const user = userEvent.setup();
    const onTraceClick = vi.fn();
    render(<TracesTable traces={fixtureTraces} onTraceClick={onTraceClick} />);
    const rows = dataRows();
    expect(rows[0]).toHaveAttribute("tabindex", "0");
    expect(rows.slice(1).every((row) => row.getAttribute("tabindex") === "-1")).toBe(true);
    act(() => rows[0]!.focus());
    await user.keyboard("{ArrowDown}{ArrowDown}");
    await waitFor(() => expect(document.activeElement).toHaveAttribute("data-row-id", fixtureTraces[2]!.id), SLOW);
    expect(document.activeElement).toHaveAttribute("tabindex", "0");
    await user.keyboard("{ArrowUp}");
    await waitFor(() => expect(document.activeElement).toHaveAttribute("data-row-id", fixtureTraces[1]!.id), SLOW);
    await user.keyboard("{Enter}");
    expect(onTraceClick).toHaveBeenCalledWith(fixtureTraces[1]!.id, { timestamp: fixtureTraces[1]!.createdAt, trace: fixtureTraces[1] });
    await user.keyboard("{End}");
    await waitFor(() => expect(document.activeElement).toHaveAttribute("data-row-id", fixtureTraces[fixtureTraces.length - 1]!.id), SLOW);
    await user.keyboard("{Home}");
    await waitFor(() => expect(document.activeElement).toHaveAttribute("data-row-id", fixtureTraces[0]!.id), SLOW);
  });

  it("makes the focused row's controls tabbable and keeps Enter on them to themselves", async () => {
    const user = userEvent.setup();
    const onTraceClick = vi.fn();
    render(<TracesTable traces={fixtureTraces} onTraceClick={onTraceClick} />);
    const copy = within(dataRows()[0]!).getByRole("button", { name: /^Copy trace ID/ });
    expect(copy).toHaveAttribute("tabindex", "-1");
    act(() => dataRows()[0]!.focus());
    await waitFor(() => expect(copy).toHaveAttribute("tabindex", "0"), SLOW);
    act(() => copy.focus());
    await user.keyboard("{Enter}");
    expect(onTraceClick).not.toHaveBeenCalled();
  });

  it("opens a trace on a row click but not on a click on its copy button", async () => {
    const user = userEvent.setup();
    const onTraceClick = vi.fn();
    render(<TracesTable traces={fixtureTraces} onTraceClick={onTraceClick} />);
    await user.click(within(dataRows()[3]!).getByRole("button", { name: /^Copy trace ID/ }));
    expect(onTraceClick).not.toHaveBeenCalled();
    await user.click(within(dataRows()[3]!).getByText("portfolio_assistant"));
    expect(onTraceClick).toHaveBeenCalledWith(fixtureTraces[3]!.id, { timestamp: fixtureTraces[3]!.createdAt, trace: fixtureTraces[3] });
  });

  it("cuts previews before rendering: a 307,266-character message reaches the DOM as at most 300", () => {
    const huge = fixtureTraces.find((t) => t.id === FIXTURE_IDS.huge)!;
    render(<TracesTable traces={[huge]} />);
    const preview = screen.getAllByRole("cell").find((td) => td.dataset.columnId === "input")!;
    const text = preview.querySelector('[data-slot="traces-table-preview"]')!;
    expect(text.textContent!.length).toBeLessThanOrEqual(300);
    expect(text.getAttribute("title")!.length).toBeLessThanOrEqual(300);
    expect(document.body.innerHTML.length).toBeLessThan(20_000);
  });

  it("keeps hostile names, persons, tools and messages as text", () => {
    const { container } = render(<TracesTable traces={[hostileTrace()]} />);
    expect(container.querySelector("script, img, a[href]")).toBeNull();
    // The name cell, the output preview and a tool tag all show the markup as text.
    expect(screen.getAllByText("<script>window.__tracelensPwned = true</script>")).toHaveLength(3);
    // A markdown link in a preview reads as its words: no link, no address.
    expect(screen.getByText(/^click me bold code </)).toBeInTheDocument();
    expect((window as unknown as { __tracelensPwned?: boolean }).__tracelensPwned).toBeUndefined();
  });

  it("survives malformed input: junk entries, missing and repeated ids, events that are not arrays", () => {
    const junk = [null, 42, "trace", [], { id: "dup", events: [] }, { id: "dup", events: "nope" }, { traceName: "no id" }, { id: 7, events: [null, 1] }] as unknown as LLMTrace[];
    render(<TracesTable traces={junk} />);
    expect(rowIds()).toEqual(["dup", "dup#5", "row-6", "7"]);
    expect(screen.getByText("no id")).toBeInTheDocument();
  });

  it("confines a throwing custom cell to that cell", () => {
    const broken: TracesTableColumn = { id: "broken", header: "Broken", cell: () => { throw new Error("cell exploded"); } };
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    render(<TracesTable traces={fixtureTraces.slice(0, 2)} columns={[...tracesTableColumns, broken]} />);
    spy.mockRestore();
    expect(dataRows()).toHaveLength(2);
    expect(screen.getAllByText(/This cell could not be shown: cell exploded/)).toHaveLength(2);
  });

  it("shows loading, empty and error states, with retry", async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { rerender } = render(<TracesTable traces={[]} loading />);
    expect(screen.getByRole("status", { name: "Loading traces" })).toBeInTheDocument();
    expect(screen.getByRole("table")).toHaveAttribute("aria-busy", "true");
    rerender(<TracesTable traces={[]} />);
    expect(screen.getByText("There were no traces in this period")).toBeInTheDocument();
    expect(screen.getByText("Try changing the date range or filters.")).toBeInTheDocument();
    rerender(<TracesTable traces={[]} error={new Error("boom 500")} onRetry={onRetry} />);
    expect(screen.getByRole("alert")).toHaveTextContent("boom 500");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("says what is missing when there is neither data nor a client", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    render(<TracesTable query={{}} />);
    spy.mockRestore();
    expect(screen.getByRole("alert")).toHaveTextContent("TracesTable needs `traces`, or a `query` inside <TraceLensProvider");
  });
});

describe("TracesTable columns", () => {
  beforeEach(() => window.localStorage.clear());

  it("adds custom columns that sort and search", async () => {
    const user = userEvent.setup();
    const plan: TracesTableColumn = {
      id: "plan",
      header: "Plan",
      cell: (trace) => String(trace.person?.properties?.plan ?? "–"),
      sortValue: (trace) => String(trace.person?.properties?.plan ?? ""),
      searchText: (trace) => `plan:${String(trace.person?.properties?.plan ?? "")}`,
    };
    const traces = syntheticTraces(9);
    render(<TracesTable traces={traces} columns={[...tracesTableColumns, plan]} />);
    expect(header(/Plan/)).toBeInTheDocument();
    await user.type(screen.getByRole("searchbox"), "plan:enterprise");
    await waitFor(() => expect(rowIds()).toEqual(traces.filter((t) => t.person?.properties.plan === "enterprise").map((t) => t.id)), SLOW);
  });

  it("hides and reorders columns from the column menu, reporting each change", async () => {
    const user = userEvent.setup();
    const onVisibility = vi.fn();
    const onOrder = vi.fn();
    render(<TracesTable traces={fixtureTraces} onColumnVisibilityChange={onVisibility} onColumnOrderChange={onOrder} />);
    await user.click(screen.getByRole("button", { name: "Columns" }));
    expect(screen.getByRole("checkbox", { name: "ID" })).toBeDisabled();
    await user.click(screen.getByRole("checkbox", { name: "Input" }));
    expect(onVisibility).toHaveBeenLastCalledWith({ input: false });
    expect(screen.queryByRole("columnheader", { name: "Input" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Move Time earlier" }));
    expect(onOrder.mock.lastCall![0].slice(-2)).toEqual(["time", "outlier"]);
    expect(screen.getAllByRole("columnheader").map((th) => th.dataset.columnId).slice(-2)).toEqual(["time", "outlier"]);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("group", { name: "Columns" })).toBeNull();
    expect(screen.getByRole("button", { name: "Columns" })).toHaveFocus();
  });

  it("follows controlled visibility and order", () => {
    render(<TracesTable traces={fixtureTraces} columnVisibility={{ input: false, output: false }} columnOrder={["time", "id"]} />);
    const ids = screen.getAllByRole("columnheader").map((th) => th.dataset.columnId);
    expect(ids.slice(0, 2)).toEqual(["time", "id"]);
    expect(ids).not.toContain("input");
    expect(ids).toHaveLength(tracesTableColumns.length - 2);
  });

  it("persists visibility and order under persistKey and restores them on the next mount", async () => {
    const user = userEvent.setup();
    const first = render(<TracesTable traces={fixtureTraces} persistKey="tl-test-layout" />);
    await user.click(screen.getByRole("button", { name: "Columns" }));
    await user.click(screen.getByRole("checkbox", { name: "Tools" }));
    await user.click(screen.getByRole("button", { name: "Move Person earlier" }));
    first.unmount();
    const saved = JSON.parse(window.localStorage.getItem("tl-test-layout")!);
    expect(saved.columnVisibility).toEqual({ tools: false });
    render(<TracesTable traces={fixtureTraces} persistKey="tl-test-layout" />);
    const ids = screen.getAllByRole("columnheader").map((th) => th.dataset.columnId);
    expect(ids).not.toContain("tools");
    expect(ids.indexOf("person")).toBeLessThan(ids.indexOf("output"));
  });

  it("ignores unreadable saved layouts", () => {
    window.localStorage.setItem("tl-bad", "{not json");
    render(<TracesTable traces={fixtureTraces} persistKey="tl-bad" />);
    expect(screen.getAllByRole("columnheader")).toHaveLength(tracesTableColumns.length);
  });
});

describe("TracesTable drop-in (query through the provider)", () => {
  it("loads sentiment for the rendered rows, each id once, gathered into calls rather than one per row", async () => {
    const client = countingClient();
    const { wrapper } = withClient(client);
    render(<TracesTable query={{}} />, { wrapper });
    await waitFor(() => expect(dataRows().length).toBe(fixtureTraces.length), SLOW);
    await waitFor(() => expect(screen.queryAllByRole("img", { name: "Loading sentiment" })).toHaveLength(0), SLOW);
    const rendered = rowIds();
    // The client splits each call to its server's limit (PostHog: 5 ids; see TracesTableMsw).
    expect(client.sentimentRequests.length).toBeLessThanOrEqual(2);
    expect(client.sentimentRequests.flat().sort()).toEqual([...rendered].sort());
    expect(screen.getAllByRole("img", { name: /^Negative/ }).length).toBeGreaterThan(0);
  });

  it("asks nothing for traces that came with sentiment", async () => {
    const client = countingClient(fixtureClient(syntheticTraces(12)));
    const { wrapper } = withClient(client);
    render(<TracesTable query={{}} />, { wrapper });
    await waitFor(() => expect(dataRows()).toHaveLength(12), SLOW);
    expect(screen.queryAllByRole("img", { name: "Loading sentiment" })).toHaveLength(0);
    expect(client.sentimentRequests).toHaveLength(0);
  });

  it("loads the next pages as the end of the list comes into view, and knows where it ends", async () => {
    const { wrapper } = withClient();
    render(<TracesTable query={{}} pageSize={5} loadSentiment={false} />, { wrapper });
    await waitFor(() => expect(dataRows().length).toBeGreaterThanOrEqual(5), SLOW);
    await waitFor(() => expect(screen.getByRole("table")).toHaveAttribute("aria-rowcount", String(fixtureTraces.length + 1)), SLOW);
    expect(screen.queryByRole("button", { name: "Load more traces" })).toBeNull();
    expect(new Set(rowIds()).size).toBe(fixtureTraces.length);
  });

  it("sends the search to the server as searchTerm", async () => {
    const client = fixtureClient();
    const spy = vi.spyOn(client, "listTraces");
    const { wrapper } = withClient(client);
    render(<TracesTable query={{}} loadSentiment={false} />, { wrapper });
    await waitFor(() => expect(dataRows().length).toBe(fixtureTraces.length), SLOW);
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "refund" } });
    await waitFor(() => expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ searchTerm: "refund", offset: 0 }), expect.anything()), SLOW);
    await waitFor(() => expect(dataRows().length).toBeLessThan(fixtureTraces.length), SLOW);
    expect(rowIds()).toContain("3ecebcb5-2bde-5cf4-bdfd-c207b786ab3c");
  });

  it("filters by sentiment, looking up rows that have none yet", async () => {
    const user = userEvent.setup();
    const { wrapper } = withClient();
    render(<TracesTable query={{}} columnVisibility={{ sentiment: false }} />, { wrapper });
    await waitFor(() => expect(dataRows().length).toBe(fixtureTraces.length), SLOW);
    await user.click(screen.getByRole("button", { name: "Negative" }));
    await waitFor(() => expect(rowIds()).toContain(FIXTURE_IDS.frustrated), SLOW);
    expect(rowIds()).not.toContain(FIXTURE_IDS.delighted);
  });

  it("reports a failed query with a retry that recovers", async () => {
    const user = userEvent.setup();
    const client = fixtureClient();
    let fail = true;
    const list = client.listTraces.bind(client);
    client.listTraces = async (params, options) => {
      if (fail) throw new Error("query service down");
      return list(params, options);
    };
    const { wrapper } = withClient(client);
    render(<TracesTable query={{}} loadSentiment={false} />, { wrapper });
    expect(await screen.findByText("query service down")).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(dataRows()).toHaveLength(fixtureTraces.length), SLOW);
  });
});

describe("time-sliced filtering", () => {
  it("filters small lists at once and large ones in slices, ending with the full result", async () => {
    const small = Array.from({ length: SYNC_FILTER_LIMIT }, (_, i) => i);
    const even = (n: number) => n % 2 === 0;
    expect(renderHook(() => useTimeSlicedFilter(small, even)).result.current).toEqual({ result: small.filter(even), scanned: small.length, pending: false });

    const large = Array.from({ length: 50_000 }, (_, i) => i);
    const { result, rerender } = renderHook(({ predicate }) => useTimeSlicedFilter(large, predicate), { initialProps: { predicate: even } });
    expect(result.current.pending).toBe(true);
    await waitFor(() => expect(result.current.pending).toBe(false), SLOW);
    expect(result.current.result).toEqual(large.filter(even));
    expect(result.current.scanned).toBe(large.length);
    const odd = (n: number) => n % 2 === 1;
    rerender({ predicate: odd });
    expect(result.current).toEqual({ result: [], scanned: 0, pending: true });
    await waitFor(() => expect(result.current.pending).toBe(false), SLOW);
    expect(result.current.result).toEqual(large.filter(odd));
  });

  it("searches 5,000 traces without blocking, then shows every match", async () => {
    const traces = syntheticTraces(5000);
    render(<TracesTable traces={traces} />);
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "user7@" } });
    const expected = traces.filter((t) => t.person?.properties.email === "user7@example.com").map((t) => t.id);
    await waitFor(() => expectRows(expected), SLOW);
    expect(screen.getByRole("status")).toHaveTextContent(`${expected.length} traces`);
  });
});
