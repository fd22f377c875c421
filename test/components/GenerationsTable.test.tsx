import { QueryClient } from "@tanstack/react-query";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { GenerationsTable, TraceLensProvider, generationRows } from "../../src/all";
import type { LLMTrace, LLMTraceEvent } from "../../src/core";
import { FIXTURE_IDS, FIXTURE_NOW, fixtureTraces, syntheticTraces } from "../../stories/fixtures/tableFixtures";
import { countingClient, fixtureClient } from "../../stories/TracesTableStoryParts";

/** Generous: these wait on the local client and the loader, which share the CPU with the rest of CI. */
const SLOW = { timeout: 15_000 }; // a hang guard for a busy 2-core box, not a speed check

const dataRows = () => screen.getAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));
const rowIds = () => dataRows().map((row) => row.dataset.rowId);
const support = fixtureTraces.find((t) => t.id === FIXTURE_IDS.support)!;
const supportGenerations = support.events.filter((e) => e.event === "$ai_generation");
const newestFirst = (events: LLMTraceEvent[]) => [...events].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).map((e) => e.id);

function wrapperFor(client = fixtureClient()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children?: ReactNode }) => (
    <TraceLensProvider client={client} queryClient={queryClient}>
      {children}
    </TraceLensProvider>
  );
}

describe("GenerationsTable", () => {
  it("lists the $ai_generation events of traces, newest first, with model, tokens, cost and trace id", () => {
    render(<GenerationsTable traces={[support]} now={FIXTURE_NOW} />);
    expect(screen.getByRole("table", { name: "Generations" })).toHaveAttribute("aria-rowcount", String(supportGenerations.length + 1));
    expect(rowIds()).toEqual(newestFirst(supportGenerations));
    expect(screen.getByRole("columnheader", { name: /Time/ })).toHaveAttribute("aria-sort", "descending");
    const row = dataRows()[0]!;
    expect(within(row).getByText("gpt-4o-mini")).toBeInTheDocument();
    expect(within(row).getByRole("button", { name: `Copy trace ID ${support.id}` })).toBeInTheDocument();
    expect(within(row).getByText("maria@example.com")).toBeInTheDocument();
    expect(within(row).getByText("$0.00007")).toBeInTheDocument();
  });

  it("takes bare generation events too, skipping other events and junk", () => {
    const events = [...support.events, null, 3, { event: "$ai_generation", properties: {} }] as unknown as LLMTraceEvent[];
    render(<GenerationsTable generations={events} />);
    expect(dataRows()).toHaveLength(supportGenerations.length + 1);
    expect(rowIds()).toContain("generation-4");
  });

  it("sorts by model, latency, tokens and cost", async () => {
    const user = userEvent.setup();
    const traces = syntheticTraces(30);
    render(<GenerationsTable traces={traces} loadSentiment={false} />);
    await user.click(within(screen.getByRole("columnheader", { name: /Latency/ })).getByRole("button"));
    const byLatency = generationRows(undefined, traces)
      .sort((a, b) => Number(b.event.properties.$ai_latency) - Number(a.event.properties.$ai_latency))
      .map((r) => r.rowId);
    expect(screen.getByRole("table")).toHaveAttribute("aria-rowcount", String(byLatency.length + 1));
    expect(rowIds()).toEqual(byLatency.slice(0, rowIds().length));
    expect(screen.getByRole("columnheader", { name: /Time/ })).toHaveAttribute("aria-sort", "none");
    await user.click(within(screen.getByRole("columnheader", { name: /Model/ })).getByRole("button"));
    const models = dataRows().map((row) => within(row).getAllByRole("cell").find((c) => c.dataset.columnId === "model")!.textContent);
    expect(models).toEqual([...models].sort((a, b) => a!.localeCompare(b!)));
  });

  it("opens a row's properties with the toggle, and with → and ← on the focused row", async () => {
    const user = userEvent.setup();
    render(<GenerationsTable traces={[support]} loadSentiment={false} />);
    const toggle = within(dataRows()[0]!).getByRole("button", { name: /^Show properties of generation/ });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    const details = screen.getByRole("region", { name: /^Properties of generation/ });
    expect(within(details).getByText("$ai_model", { exact: false })).toBeInTheDocument();
    expect(within(dataRows()[0]!).getByRole("button", { name: /^Hide properties/ })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("table")).toHaveAttribute("aria-rowcount", String(supportGenerations.length + 2));
    act(() => dataRows()[0]!.focus());
    await user.keyboard("{ArrowLeft}");
    expect(screen.queryByRole("region", { name: /^Properties of generation/ })).toBeNull();
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(document.activeElement).toBe(dataRows()[1]), SLOW);
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("region", { name: `Properties of generation ${dataRows()[1]!.dataset.rowId}` })).toBeInTheDocument();
  });

  it("toggles on Enter when the host does not handle opening, and calls onGenerationClick when it does", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<GenerationsTable traces={[support]} loadSentiment={false} />);
    act(() => dataRows()[0]!.focus());
    await user.keyboard("{Enter}");
    expect(screen.getByRole("region", { name: /^Properties of generation/ })).toBeInTheDocument();
    const onGenerationClick = vi.fn();
    rerender(<GenerationsTable traces={[support]} loadSentiment={false} onGenerationClick={onGenerationClick} />);
    act(() => dataRows()[1]!.focus());
    await user.keyboard("{Enter}");
    const newest = supportGenerations.find((e) => e.id === newestFirst(supportGenerations)[1])!;
    expect(onGenerationClick).toHaveBeenCalledWith(newest.id, { traceId: support.id, timestamp: newest.createdAt, event: newest, trace: support });
  });

  it("follows controlled expansion and clears its own when the data changes", async () => {
    const user = userEvent.setup();
    const id = supportGenerations[0]!.id;
    const onExpandedChange = vi.fn();
    const { rerender } = render(<GenerationsTable traces={[support]} loadSentiment={false} expanded={{ [id]: true }} onExpandedChange={onExpandedChange} />);
    expect(screen.getByRole("region", { name: `Properties of generation ${id}` })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: `Hide properties of generation ${id}` }));
    expect(onExpandedChange).toHaveBeenCalledTimes(1);
    expect(onExpandedChange.mock.lastCall![0][id]).toBeFalsy();
    expect(screen.getByRole("region", { name: `Properties of generation ${id}` })).toBeInTheDocument();

    rerender(<GenerationsTable traces={[support]} loadSentiment={false} />);
    await user.click(screen.getByRole("button", { name: `Show properties of generation ${id}` }));
    expect(screen.getByRole("region", { name: `Properties of generation ${id}` })).toBeInTheDocument();
    rerender(<GenerationsTable traces={[{ ...support }]} loadSentiment={false} />);
    expect(screen.queryByRole("region")).toBeNull();
  });

  it("shows a generation's error as text, never as markup", async () => {
    const user = userEvent.setup();
    const failing: LLMTrace = {
      id: "t-err",
      createdAt: "2025-06-01T00:00:00Z",
      events: [{ id: "g-err", event: "$ai_generation", createdAt: "2025-06-01T00:00:00Z", properties: { $ai_is_error: true, $ai_error: "<img src=x onerror=alert(1)> 429" } }],
    };
    const { container } = render(<GenerationsTable traces={[failing]} loadSentiment={false} />);
    expect(within(dataRows()[0]!).getByText("Error")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /^Show properties/ }));
    expect(screen.getByRole("note")).toHaveTextContent("<img src=x onerror=alert(1)> 429");
    expect(container.querySelector("img")).toBeNull();
  });

  it("uses sentiment the trace carries for its generations, and loads the rest at generation level", async () => {
    const client = countingClient();
    const withInline = syntheticTraces(3);
    render(<GenerationsTable traces={[...withInline, support]} />, { wrapper: wrapperFor(client) });
    await waitFor(() => expect(screen.queryAllByRole("img", { name: "Loading sentiment" })).toHaveLength(0), SLOW);
    expect(client.sentimentRequests.flat().sort()).toEqual(supportGenerations.map((e) => e.id).sort());
    expect(client.sentimentRequests).toHaveLength(1);
    expect(screen.getAllByRole("img", { name: /^(Positive|Neutral|Negative) \d+%/ }).length).toBe(withInline.length + supportGenerations.length);
  });

  it("loads generations through the provider in drop-in mode", async () => {
    render(<GenerationsTable query={{}} loadSentiment={false} />, { wrapper: wrapperFor() });
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(10), SLOW);
    expect(screen.getByRole("status")).toHaveTextContent(/\d+ generations/);
  });

  it("shows loading, empty and error states", async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { rerender } = render(<GenerationsTable generations={[]} loading />);
    expect(screen.getByRole("status", { name: "Loading generations" })).toBeInTheDocument();
    rerender(<GenerationsTable generations={[]} />);
    expect(screen.getByText("There were no generations in this period")).toBeInTheDocument();
    rerender(<GenerationsTable generations={[]} error={new Error("nope")} onRetry={onRetry} />);
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalled();
  });
});
