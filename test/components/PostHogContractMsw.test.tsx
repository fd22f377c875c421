// Components over the real PostHog client and the strict mock: generations at every depth, evaluation
// runs in a trace, persons from a distinct id, the source of a sentiment, and Retry-After in "Try again".
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GenerationsTable, SentimentBar, SummaryPanel, TraceDetail, TraceLensProvider, TracesTable, createPostHogClient } from "../../src/all";
import { ErrorState } from "../../src/components/ui/ErrorState";
import type { LLMTrace } from "../../src/core/eventsTrace";
import { mockFaults } from "../../src/msw";
import { IDS, allTraces, fixtureTrace } from "../client/helpers";
import { HOST, NOW, harness, startMsw } from "../hooks/mswHarness";

startMsw();

const dataRows = () => screen.getAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));
const queriesOf = (h: ReturnType<typeof harness>) => h.backend.stats.requests.filter((r) => r.endpoint === "query").map((r) => (r.body as { query: Record<string, unknown> }).query);

describe("GenerationsTable over PostHog", () => {
  it("lists every $ai_generation, nested ones too, through an EventsQuery ordered by the server", async () => {
    const user = userEvent.setup();
    const deep = fixtureTrace("deep-nested-agent");
    const h = harness({ traces: [deep] });
    render(<GenerationsTable query={{ dateRange: { date_from: "all" } }} loadSentiment={false} pageSize={200} />, { wrapper: h.wrapper });
    const generations = deep.events.filter((e) => e.event === "$ai_generation");
    await waitFor(() => expect(dataRows()).toHaveLength(generations.length));
    expect(generations.some((e) => e.properties.$ai_parent_id !== deep.id)).toBe(true);
    expect(queriesOf(h).map((q) => [q.kind, q.event, q.orderBy])).toEqual([["EventsQuery", "$ai_generation", ["timestamp DESC"]]]);
    await user.click(screen.getByRole("button", { name: /^Latency/ }));
    await waitFor(() => expect(queriesOf(h).at(-1)!.orderBy).toEqual([expect.stringMatching(/^toFloat\(properties\.\$ai_latency\) (ASC|DESC)$/)]));
  });
});

describe("TracesTable search over a PostHog without trace search", () => {
  it("drops searchTerm after PostHog's 400, matches the loaded pages, and says so", async () => {
    const user = userEvent.setup();
    const h = harness();
    render(<TracesTable query={{ dateRange: { date_from: "all" } }} loadSentiment={false} columnVisibility={{ input: false, output: false }} />, { wrapper: h.wrapper });
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(5));
    await user.type(screen.getByRole("searchbox", { name: "Search traces" }), "trip_planner");
    expect(await screen.findByText(/no trace search/)).toBeInTheDocument();
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(queriesOf(h).filter((q) => "searchTerm" in q)).toHaveLength(1);
  });
});

describe("TraceDetail over PostHog", () => {
  it("loads a 45-day-old trace by id and shows its evaluation runs, which TraceQuery leaves out", async () => {
    const base = fixtureTrace("support-chatbot");
    const generation = base.events.find((e) => e.event === "$ai_generation")!;
    const at = new Date(NOW - 45 * 86_400_000).toISOString();
    const trace: LLMTrace = {
      ...base,
      id: "old-judged-trace",
      createdAt: at,
      events: [
        { ...generation, id: "old-generation", createdAt: at, properties: { ...generation.properties, $ai_trace_id: "old-judged-trace", $ai_parent_id: "old-judged-trace" } },
        {
          id: "old-run",
          event: "$ai_evaluation",
          createdAt: new Date(NOW - 45 * 86_400_000 + 60_000).toISOString(),
          properties: { $ai_trace_id: "old-judged-trace", $ai_evaluation_name: "Politeness", $ai_evaluation_result: true, $ai_target_event_id: "old-generation" },
        },
      ],
    };
    const h = harness({ traces: [trace] });
    render(<TraceDetail traceId={trace.id} loadSentiment={false} />, { wrapper: h.wrapper });
    // The run's own row (the judged generation's row names it too, in its evaluation badge).
    const rows = await screen.findAllByRole("treeitem", { name: /Politeness/ });
    expect(rows.some((row) => row.getAttribute("data-kind") === "evaluation")).toBe(true);
    const kinds = queriesOf(h).map((q) => q.kind);
    expect(kinds.filter((k) => k === "TraceQuery").length).toBeGreaterThan(1);
    expect(kinds).toContain("EventsQuery");
  });
});

describe("persons and sentiment sources", () => {
  it("a row with only a distinct id shows it, or what the host's resolver says", async () => {
    const h = harness();
    const client = createPostHogClient({ host: HOST, projectId: 1, retry: { retries: 0 } });
    const resolvePerson = vi.fn(async (distinctId: string) => (distinctId.length > 3 ? `Person ${distinctId.slice(0, 4)}` : null));
    render(
      <TraceLensProvider client={client} queryClient={h.queryClient} resolvePerson={resolvePerson}>
        <TracesTable query={{ dateRange: { date_from: "all" } }} loadSentiment={false} columnVisibility={{ input: false, output: false }} />
      </TraceLensProvider>,
    );
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(5));
    // The newest PostHog rows carry `distinctId` and no person (the mock's latest profile).
    await waitFor(() => expect(screen.getAllByText(/^Person /).length).toBeGreaterThan(0));
    expect(resolvePerson).toHaveBeenCalled();
  });

  it("SentimentBar says where its value came from", () => {
    const value = { label: "positive" as const, score: 0.8, scores: { positive: 0.8, neutral: 0.2, negative: 0 }, messages: {}, message_count: 2 };
    const { rerender } = render(<SentimentBar sentiment={{ ...value, source: "stored" }} />);
    expect(screen.getByRole("img")).toHaveAttribute("data-sentiment-source", "stored");
    rerender(<SentimentBar sentiment={{ ...value, source: "on-read" }} />);
    expect(screen.getByRole("img")).toHaveAttribute("data-sentiment-source", "on-read");
    rerender(<SentimentBar sentiment={value} />);
    expect(screen.getByRole("img")).not.toHaveAttribute("data-sentiment-source");
  });

  it("falls back to on-read sentiment where nothing is stored, and says so in each bar", async () => {
    const traces = allTraces().slice(0, 6);
    const h = harness({ traces });
    render(<TracesTable query={{ dateRange: { date_from: "all" } }} columnVisibility={{ input: false, output: false }} />, { wrapper: h.wrapper });
    await waitFor(() => expect(dataRows().length).toBe(6));
    // No stored evaluations in these traces: every row falls back to on-read sentiment.
    await waitFor(() => expect(screen.queryAllByRole("img", { name: "Loading sentiment" })).toHaveLength(0), { timeout: 15_000 });
    const sources = screen.getAllByRole("img").map((img) => img.getAttribute("data-sentiment-source")).filter(Boolean);
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources)).toEqual(new Set(["on-read"]));
  });
});

describe("batch_check with a personal API key, and Retry-After", () => {
  it("SummaryPanel says once that saved summaries need a signed-in session, and still generates", async () => {
    const user = userEvent.setup();
    const h = harness({ auth: { required: true, apiKeys: ["phx_panel_key"] } });
    const client = createPostHogClient({ host: HOST, projectId: 1, apiKey: "phx_panel_key", dangerouslyAllowBrowser: true, retry: { retries: 0 } });
    render(
      <TraceLensProvider client={client} queryClient={h.queryClient}>
        <SummaryPanel traceId={IDS.support} timestamp="2025-06-02T09:14:00.840Z" />
      </TraceLensProvider>,
    );
    const note = await screen.findByRole("note");
    expect(note).toHaveTextContent(/personal API key/);
    await user.click(screen.getByRole("button", { name: "Generate summary" }));
    expect(await screen.findByRole("heading", { name: "trace minimal summary" })).toBeInTheDocument();
    expect(screen.queryByRole("note")).toBeNull();
    expect(h.backend.stats.count("batch_check")).toBe(1);
  });

  it('"Try again" waits out Retry-After and shows the wait', async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    try {
      const onRetry = vi.fn();
      const error = Object.assign(new Error("throttled"), { retryAfterMs: 3000 });
      render(<ErrorState error={error} onRetry={onRetry} />);
      const button = within(screen.getByRole("alert")).getByRole("button");
      expect(button).toHaveTextContent("Try again in 3 s");
      expect(button).toBeDisabled();
      act(() => void vi.advanceTimersByTime(2000));
      expect(button).toHaveTextContent("Try again in 1 s");
      act(() => void vi.advanceTimersByTime(1000));
      expect(button).toHaveTextContent(/^Try again$/);
      expect(button).toBeEnabled();
    } finally {
      vi.useRealTimers();
    }
  });

  it("a throttled panel counts down before it lets the user retry", async () => {
    const h = harness();
    h.backend.addFault({ endpoint: "summarization", fault: mockFaults.throttle(600), times: 1 });
    const user = userEvent.setup();
    render(<SummaryPanel traceId={IDS.support} timestamp="2025-06-02T09:14:00.840Z" loadCached={false} />, { wrapper: h.wrapper });
    await user.click(screen.getByRole("button", { name: "Generate summary" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("button")).toHaveTextContent("Try again in 10 min");
    expect(within(alert).getByRole("button")).toBeDisabled();
  });
});
