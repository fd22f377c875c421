// SessionView over the real PostHog client, through fetch, against the msw mock of PostHog's API.
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SessionView } from "../../src/all";
import { mockFaults } from "../../src/msw";
import { SESSION_ID, SESSION_TITLES, SESSION_TRACE_IDS as IDS, sessionSummarizer, sessionTracesFixture } from "../../stories/fixtures/sessionFixtures";
import { harness, startMsw } from "../hooks/mswHarness";

startMsw();

const rows = () => screen.getAllByRole("listitem").filter((li) => li.dataset.slot === "session-trace");

describe("SessionView against PostHog's API (msw)", () => {
  it("lists the session with one TracesQuery, titles with one batch_check, and summarizes only the rest", async () => {
    const user = userEvent.setup();
    const summarize = sessionSummarizer(0);
    const h = harness({ traces: sessionTracesFixture(), summarize });
    await h.client.summarize({ trace_id: IDS[3]!, mode: "minimal" }, { timestamp: "2025-06-19T14:02:00.000Z" });
    // The host knows when the session happened (a trace row's createdAt): one TracesQuery, in that window.
    render(<SessionView sessionId={SESSION_ID} timestamp="2025-06-19T14:02:00.000Z" />, { wrapper: h.wrapper });
    expect(await screen.findByText(SESSION_TITLES[IDS[3]!]!)).toBeInTheDocument();
    expect(rows().map((li) => li.dataset.traceId)).toEqual(IDS);
    const query = h.backend.stats.requests.filter((r) => r.endpoint === "query");
    expect(query).toHaveLength(1);
    expect(JSON.stringify(query[0]!.body)).toContain('"key":"$ai_session_id"');
    expect(h.backend.stats.count("batch_check")).toBe(1);
    await user.click(screen.getByRole("button", { name: "Summarize all" }));
    for (const id of IDS) expect(await screen.findByText(SESSION_TITLES[id]!)).toBeInTheDocument();
    const summarized = h.backend.stats.requests.filter((r) => r.endpoint === "summarization").map((r) => (r.body as { trace_id: string }).trace_id);
    expect(summarized.slice(1).sort()).toEqual(IDS.slice(0, 3).sort());
    expect(h.backend.stats.maxInFlightFor("summarization")).toBeLessThanOrEqual(2);
    expect(h.backend.stats.count("batch_check")).toBe(1);
  });

  it("finds a session weeks old without a time to go on, in ever wider windows", async () => {
    const h = harness({ traces: sessionTracesFixture(), summarize: sessionSummarizer(0) });
    render(<SessionView sessionId={SESSION_ID} loadSentiment={false} loadSummaries={false} />, { wrapper: h.wrapper });
    await waitFor(() => expect(rows()).toHaveLength(4));
    const windows = h.backend.stats.requests.filter((r) => r.endpoint === "query").map((r) => (r.body as { query: { dateRange: { date_from: string } } }).query.dateRange.date_from);
    expect(windows).toEqual(["-7d", "-30d", "-90d"]);
  });

  it("says once that summary titles need a signed-in session when the key is a personal API key", async () => {
    const h = harness({ traces: sessionTracesFixture(), summarize: sessionSummarizer(0), auth: { required: true, apiKeys: [{ key: "phx_scoped_session", scopes: ["*"] }] } });
    const { createPostHogClient, TraceLensProvider } = await import("../../src/all");
    const client = createPostHogClient({ host: "https://posthog.test", projectId: 1, apiKey: "phx_scoped_session", dangerouslyAllowBrowser: true, retry: { retries: 2, baseDelayMs: 1 } });
    render(
      <TraceLensProvider client={client} queryClient={h.queryClient}>
        <SessionView sessionId={SESSION_ID} timestamp="2025-06-19T14:02:00.000Z" loadSentiment={false} />
      </TraceLensProvider>,
    );
    expect(await screen.findByText(/can't be looked up with a personal API key/)).toBeInTheDocument();
    expect(screen.getAllByRole("note").filter((n) => /personal API key/.test(n.textContent ?? ""))).toHaveLength(1);
    expect(h.backend.stats.count("batch_check")).toBe(1);
    expect(screen.getByRole("button", { name: "Summarize all" })).toBeEnabled();
  });

  it("ignores a failed batch_check quietly: no titles, no error, Summarize all still offered", async () => {
    const h = harness({ traces: sessionTracesFixture(), summarize: sessionSummarizer(0) });
    h.backend.addFault({ endpoint: "batch_check", fault: mockFaults.serverError() });
    render(<SessionView sessionId={SESSION_ID} timestamp="2025-06-19T14:02:00.000Z" loadSentiment={false} />, { wrapper: h.wrapper });
    await waitFor(() => expect(rows()).toHaveLength(4));
    await waitFor(() => expect(h.backend.stats.count("batch_check")).toBeGreaterThan(0));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("button", { name: "Summarize all" })).toBeEnabled();
  });
});
