/**
 * TraceBreakdown from plain data and through a provider: rows per tool / model / span name, the
 * footer adds up, sorting changes the order and the share column, the occurrence buttons hand the
 * exact event to the host, and bad input gives a visible state instead of a crash.
 */
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TraceBreakdown, TraceLensProvider, createLocalClient } from "../../src/all";
import { traceBreakdown, tracesBreakdown, type LLMTrace } from "../../src/core";
import agentLoop from "../fixtures/traces/agent-loop.json";
import agentFanOut from "../fixtures/traces/agent-fan-out.json";
import agentRetry from "../fixtures/traces/agent-retry.json";

const loop = agentLoop as unknown as LLMTrace;
const fanOut = agentFanOut as unknown as LLMTrace;
const retry = agentRetry as unknown as LLMTrace;

afterEach(cleanup);

const rowsOf = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-slot="breakdown-row"]')];
const rowNames = (container: HTMLElement) => rowsOf(container).map((row) => row.querySelector("th span")?.textContent);

describe("TraceBreakdown", () => {
  it("lists one row per tool with the looping tool's calls, and opens its slowest call", async () => {
    const user = userEvent.setup();
    const onOpenOccurrence = vi.fn();
    const { container } = render(<TraceBreakdown trace={loop} onOpenOccurrence={onOpenOccurrence} />);
    const expected = traceBreakdown(loop, "tool");
    expect(rowNames(container)).toEqual(expected.rows.map((row) => row.label));
    const flights = rowsOf(container).find((row) => row.dataset.key === "search_flights")!;
    const figures = expected.rows.find((row) => row.key === "search_flights")!;
    expect(within(flights).getAllByRole("cell")[0]).toHaveTextContent(String(figures.count));
    expect(figures.count).toBeGreaterThanOrEqual(7);
    await user.click(within(flights).getByRole("button", { name: /^Slowest .*: open the slowest search_flights$/ }));
    expect(onOpenOccurrence).toHaveBeenCalledTimes(1);
    const [occurrence, context] = onOpenOccurrence.mock.calls[0]!;
    expect(occurrence).toEqual(figures.slowest);
    expect(context).toMatchObject({ which: "slowest", row: { key: "search_flights" } });
    expect(occurrence.traceId).toBe(loop.id);
  });

  it("switches to models and span names, and re-sorts by a column with its share", async () => {
    const user = userEvent.setup();
    const onDimensionChange = vi.fn();
    const { container } = render(<TraceBreakdown trace={fanOut} onDimensionChange={onDimensionChange} />);
    await user.click(screen.getByRole("button", { name: "Models" }));
    expect(onDimensionChange).toHaveBeenCalledWith("model");
    expect(screen.getByRole("button", { name: "Models" })).toHaveAttribute("aria-pressed", "true");
    expect(rowNames(container)).toEqual(traceBreakdown(fanOut, "model").rows.map((row) => row.label));
    expect(screen.getByRole("columnheader", { name: "Share of cost" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Span names" }));
    await user.click(screen.getByRole("button", { name: /^Self time/ }));
    const bySelf = traceBreakdown(fanOut, "span", { sortBy: "selfTime" });
    expect(rowNames(container)).toEqual(bySelf.rows.map((row) => row.label));
    expect(screen.getByRole("columnheader", { name: /^Self time/ })).toHaveAttribute("aria-sort", "descending");
    expect(screen.getByRole("columnheader", { name: "Share of self time" })).toBeInTheDocument();
    const firstShare = bySelf.rows[0]!.share.selfTime!;
    expect(rowsOf(container)[0]!.textContent).toContain(`${Math.round(firstShare * 100)}%`);
  });

  it("sums a set of traces, saying in how many each row occurs", () => {
    const { container } = render(<TraceBreakdown traces={[loop, retry, fanOut]} defaultDimension="model" />);
    expect(container.querySelector('[data-slot="breakdown-total"]')).toHaveTextContent("Total (3 traces)");
    const set = tracesBreakdown([loop, retry, fanOut], "model");
    expect(set.rows.length).toBeGreaterThan(traceBreakdown(fanOut, "model").rows.length);
    expect(rowNames(container)).toEqual(set.rows.map((row) => row.label));
    expect(container.textContent).toMatch(/\d of 3 traces/);
  });

  it("says when there is nothing to break down, and shows loading, not-found and error states", async () => {
    const user = userEvent.setup();
    const empty: LLMTrace = { id: "t-empty", createdAt: "2025-01-01T00:00:00Z", events: [] };
    const { rerender } = render(<TraceBreakdown trace={empty} />);
    expect(screen.getByText("No tool calls in this trace.")).toBeInTheDocument();
    rerender(<TraceBreakdown trace={undefined} loading />);
    expect(screen.getByRole("status", { name: "Loading breakdown" })).toBeInTheDocument();
    rerender(<TraceBreakdown trace={null} />);
    expect(screen.getByText("Trace not found.")).toBeInTheDocument();
    const onRetry = vi.fn();
    rerender(<TraceBreakdown trace={undefined} error={new Error("HTTP 503")} onRetry={onRetry} />);
    expect(screen.getByRole("alert")).toHaveTextContent("HTTP 503");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalled();
    rerender(<TraceBreakdown traceId="abc" />);
    expect(screen.getByRole("alert")).toHaveTextContent("needs a <TraceLensProvider>");
  });

  it("shows hostile names as text and survives junk events", () => {
    const name = '<img src=x onerror="alert(1)">';
    const hostile: LLMTrace = {
      id: "t-hostile",
      createdAt: "2025-01-01T00:00:00Z",
      events: [
        null as never,
        { id: "s1", event: "$ai_span", createdAt: "2025-01-01T00:00:01Z", properties: { $ai_trace_id: "t-hostile", $ai_span_name: name, $ai_latency: "NaN" } },
        { id: "g1", event: "$ai_generation", createdAt: "2025-01-01T00:00:02Z", properties: { $ai_trace_id: "t-hostile", $ai_parent_id: "s1", $ai_model: name, $ai_total_cost_usd: -5, $ai_latency: 1e308 } },
      ],
    };
    const { container } = render(<TraceBreakdown trace={hostile} defaultDimension="span" />);
    expect(container.querySelector("img")).toBeNull();
    expect(rowNames(container)).toEqual([name]);
  });

  it("loads the trace by id through the provider", async () => {
    const client = createLocalClient({ traces: [retry] });
    const { container } = render(
      <TraceLensProvider client={client}>
        <TraceBreakdown traceId={retry.id} />
      </TraceLensProvider>,
    );
    await screen.findAllByRole("row");
    expect(rowNames(container)).toEqual(traceBreakdown(retry, "tool").rows.map((row) => row.label));
  });
});
