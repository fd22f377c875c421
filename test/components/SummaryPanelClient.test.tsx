// SummaryPanel through the provider: PostHog's endpoints (real client, fetch, msw mock backend) and the local client.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SummaryPanel, TraceDetail, TraceLensProvider, createLocalClient } from "../../src/all";
import { storySummarizer } from "../../stories/fixtures/summaryFixtures";
import { fixtureTraces as t } from "../../stories/TraceDetailStoryParts";
import { IDS, fixtureTrace } from "../client/helpers";
import { harness, startMsw, type Harness } from "../hooks/mswHarness";

startMsw();

/** The support trace's time: passed as a host passes a row's createdAt, so PostHog is asked where the trace is. */
const SUPPORT_AT = "2025-06-02T09:14:00.840Z";
const SUPPORT_WINDOW = { date_from: "2025-06-01T00:00:00.000Z", date_to: "2025-06-09T09:14:00.840Z" };

const bodies = (h: Harness, endpoint: "summarization" | "batch_check") =>
  h.backend.stats.requests.filter((r) => r.endpoint === endpoint).map((r) => r.body as Record<string, unknown>);

describe("SummaryPanel over PostHog's endpoints (msw)", () => {
  it("checks the cache, generates on request, and regenerates with force_refresh", async () => {
    const h = harness();
    render(<SummaryPanel traceId={IDS.support} timestamp={SUPPORT_AT} />, { wrapper: h.wrapper });
    await userEvent.click(await screen.findByRole("button", { name: "Generate summary" }));
    expect(await screen.findByRole("heading", { name: "trace minimal summary" })).toBeInTheDocument();
    // (batch_check is asked again afterwards: a new summary changes its answer.)
    expect(bodies(h, "batch_check")[0]).toEqual({ trace_ids: [IDS.support], mode: "minimal" });
    expect(bodies(h, "summarization")).toEqual([{ mode: "minimal", force_refresh: false, trace_id: IDS.support, ...SUPPORT_WINDOW }]);
    await userEvent.click(screen.getByRole("button", { name: "Regenerate" }));
    await waitFor(() => expect(bodies(h, "summarization")).toHaveLength(2));
    expect(bodies(h, "summarization")[1]).toEqual({ mode: "minimal", force_refresh: true, trace_id: IDS.support, ...SUPPORT_WINDOW });
    await waitFor(() => expect(screen.getByRole("button", { name: "Regenerate" })).toBeEnabled());
  });

  it("loads a cached summary on mount without generating", async () => {
    const h = harness();
    await h.client.summarize({ trace_id: IDS.support, mode: "minimal" }, { timestamp: SUPPORT_AT });
    render(<SummaryPanel traceId={IDS.support} timestamp={SUPPORT_AT} />, { wrapper: h.wrapper });
    expect(await screen.findByRole("heading", { name: "trace minimal summary" })).toBeInTheDocument();
    expect(h.summarize.calls).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Generate summary" })).toBeNull();
  });

  it("shows PostHog's error and recovers on Try again", async () => {
    const h = harness();
    h.backend.addFault({ endpoint: "summarization", fault: { kind: "status", status: 500 }, times: 2 });
    render(<SummaryPanel traceId={IDS.support} timestamp={SUPPORT_AT} />, { wrapper: h.wrapper });
    await userEvent.click(await screen.findByRole("button", { name: "Generate summary" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Failed to generate summary");
    expect(alert).toHaveTextContent("An error occurred while generating the summary");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "trace minimal summary" })).toBeInTheDocument();
  });

  it("asks for the other mode when the mode changes after generating", async () => {
    const h = harness();
    render(<SummaryPanel traceId={IDS.support} timestamp={SUPPORT_AT} />, { wrapper: h.wrapper });
    await userEvent.click(await screen.findByRole("button", { name: "Generate summary" }));
    await screen.findByRole("heading", { name: "trace minimal summary" });
    await userEvent.click(screen.getByRole("button", { name: /^Detailed/ }));
    expect(await screen.findByRole("heading", { name: "trace detailed summary" })).toBeInTheDocument();
    expect(bodies(h, "summarization").map((b) => b.mode)).toEqual(["minimal", "detailed"]);
  });

  it("summarizes one event sent as data, and says which events cannot be summarized", async () => {
    const h = harness();
    const span = fixtureTrace("rag-pipeline").events.find((e) => e.event === "$ai_span")!;
    const { rerender } = render(<SummaryPanel event={span} />, { wrapper: h.wrapper });
    expect(screen.getByText("Generate an AI-powered summary of this span.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Generate summary" }));
    expect(await screen.findByRole("heading", { name: "event minimal summary" })).toBeInTheDocument();
    expect(bodies(h, "summarization")[0]).toMatchObject({ summarize_type: "event", data: { event: { id: span.id, event: "$ai_span" } } });
    expect(bodies(h, "batch_check")).toEqual([]);
    rerender(<SummaryPanel event={{ ...span, event: "$ai_metric" }} />);
    expect(screen.getByText("Summary is only available for traces, generations, and spans.")).toBeInTheDocument();
  });
});

describe("SummaryPanel on the local client", () => {
  it("asks the host's summarizer and needs a provider otherwise", async () => {
    const client = createLocalClient({ traces: [t.supportChatbot], summarize: storySummarizer() });
    const { unmount } = render(
      <TraceLensProvider client={client}>
        <SummaryPanel traceId={t.supportChatbot.id} defaultMode="detailed" />
      </TraceLensProvider>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Generate summary" }));
    expect(await screen.findByRole("heading", { name: "Customer updates delivery address before shipping" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Text the summary refers to" })).toBeInTheDocument();
    unmount();
    render(<SummaryPanel traceId="x" />);
    expect(screen.getByRole("alert")).toHaveTextContent("needs a <TraceLensProvider>");
  });
});

describe("TraceDetail's Summary tab", () => {
  const client = () => createLocalClient({ traces: [t.supportChatbot], summarize: storySummarizer() });

  it("holds the trace's SummaryPanel, whose line references select their events", async () => {
    const onSelectEvent = vi.fn();
    render(
      <TraceLensProvider client={client()}>
        <TraceDetail trace={t.supportChatbot} defaultTab="summary" onSelectEvent={onSelectEvent} />
      </TraceLensProvider>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Generate summary" }));
    const points = await screen.findByRole("list", { name: "Summary points" });
    await userEvent.click(within(within(points).getAllByRole("listitem")[2]!).getByRole("button", { name: /^\[L\d+\]/ }));
    const search = t.supportChatbot.events.find((e) => e.event === "$ai_span")!;
    expect(onSelectEvent).toHaveBeenLastCalledWith(search.id, expect.anything());
    expect(screen.getByRole("tree").querySelector('[aria-selected="true"]')).toHaveTextContent("search_kb");
    expect(screen.getByRole("tab", { name: "Summary" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("heading", { name: /delivery address/ })).toBeInTheDocument();
  });

  it("keeps the host's slot, and drops the tab for null", () => {
    const { rerender } = render(
      <TraceLensProvider client={client()}>
        <TraceDetail trace={t.supportChatbot} summary={() => <p>host summary</p>} defaultTab="summary" />
      </TraceLensProvider>,
    );
    expect(screen.getByRole("tabpanel")).toHaveTextContent("host summary");
    rerender(
      <TraceLensProvider client={client()}>
        <TraceDetail trace={t.supportChatbot} summary={null} />
      </TraceLensProvider>,
    );
    expect(screen.queryByRole("tab", { name: "Summary" })).toBeNull();
  });
});
