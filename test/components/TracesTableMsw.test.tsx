// TracesTable over the real PostHog client, through fetch, against the msw mock of PostHog's API.
import { render, screen, waitFor } from "@testing-library/react";
import { TracesTable } from "../../src/all";
import { harness, startMsw } from "../hooks/mswHarness";

startMsw();

const dataRows = () => screen.getAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));

describe("TracesTable against PostHog's API (msw)", () => {
  it("lists traces with one TracesQuery and asks sentiment for the rendered rows in ceil(N/5) requests, at most 2 in flight", async () => {
    const h = harness({ latencyMs: 15 });
    render(<TracesTable query={{ dateRange: { date_from: "all" } }} pageSize={100} columnVisibility={{ input: false, output: false }} />, { wrapper: h.wrapper });
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(10));
    expect(h.backend.stats.count("query")).toBe(1);
    await waitFor(() => expect(screen.queryAllByRole("img", { name: "Loading sentiment" })).toHaveLength(0), { timeout: 15_000 });
    const rendered = dataRows().map((row) => row.dataset.rowId!);
    const sentimentBodies = h.backend.stats.requests.filter((r) => r.endpoint === "sentiment").map((r) => (r.body as { ids: string[] }).ids);
    expect(sentimentBodies).toHaveLength(Math.ceil(rendered.length / 5));
    expect(sentimentBodies.every((ids) => ids.length <= 5)).toBe(true);
    expect(sentimentBodies.flat().sort()).toEqual([...rendered].sort());
    expect(h.backend.stats.maxInFlightFor("sentiment")).toBeLessThanOrEqual(2);
    expect(screen.getAllByRole("img", { name: /^(Positive|Neutral|Negative) \d+%/ }).length).toBeGreaterThan(0);
  });
});
