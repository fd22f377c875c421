import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError, SessionView, SessionViewTraceList, TraceLensProvider, createLocalClient, type TraceLensClient } from "../../src/all";
import { keywordClassifier } from "../../stories/fixtures/tableFixtures";
import {
  POSTHOG_LLM_SESSION_ID,
  SESSION_ID,
  SESSION_TITLES,
  SESSION_TRACE_IDS as IDS,
  hostileSessionTrace,
  postHogLlmSessionTraces,
  sessionSummarizer,
  sessionTracesFixture,
} from "../../stories/fixtures/sessionFixtures";
import { axeViolations } from "../axe";

const rows = () => screen.getAllByRole("listitem").filter((li) => li.dataset.slot === "session-trace");
const toggle = (position: number) => screen.getByRole("button", { name: new RegExp(`^${position}\\. `) });
const sessionOnly = () => sessionTracesFixture().filter((t) => t.aiSessionId === SESSION_ID);

describe("SessionViewTraceList", () => {
  it("lists the traces oldest first with title, sentiment, time and the turn's words", async () => {
    const { container } = render(<SessionViewTraceList sessionId={SESSION_ID} traces={sessionOnly()} summaryTitles={{ [IDS[0]!]: SESSION_TITLES[IDS[0]!]! }} />);
    expect(rows().map((li) => li.dataset.traceId)).toEqual(IDS);
    expect(within(rows()[0]!).getByText(SESSION_TITLES[IDS[0]!]!)).toBeInTheDocument();
    expect(within(rows()[1]!).getByText("search_flights", { selector: '[data-slot="session-trace-title"]' })).toBeInTheDocument();
    expect(within(rows()[2]!).getByText(/I said May, not June/)).toBeInTheDocument();
    expect(rows()[0]!.querySelector("time")).toHaveAttribute("dateTime", "2025-06-19T14:02:00.000Z");
    expect(rows().every((li) => li.querySelector('[data-slot="sentiment-bar"]'))).toBe(true);
    expect(screen.getByText("4 traces")).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });

  it("expands a trace to its conversation and collapses it again", async () => {
    const user = userEvent.setup();
    const onExpanded = vi.fn();
    render(<SessionViewTraceList traces={sessionOnly()} onExpandedTraceIdsChange={onExpanded} />);
    expect(toggle(3)).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle(3));
    expect(toggle(3)).toHaveAttribute("aria-expanded", "true");
    expect(onExpanded).toHaveBeenLastCalledWith([IDS[2]]);
    const conversation = rows()[2]!.querySelector('[data-slot="session-trace-conversation"]') as HTMLElement;
    expect(within(conversation).getByRole("group", { name: "Output" })).toHaveTextContent("easyJet 5121");
    await user.click(toggle(3));
    expect(conversation).not.toBeVisible();
    expect(onExpanded).toHaveBeenLastCalledWith([]);
  });

  it("has loading, error, empty and cut-short states", async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { rerender } = render(<SessionViewTraceList traces={undefined} loading />);
    expect(screen.getByRole("status", { name: "Loading session" })).toBeInTheDocument();
    rerender(<SessionViewTraceList traces={undefined} error={new ApiError({ kind: "http", status: 503, body: { detail: "The query service is unavailable" } })} onRetry={onRetry} />);
    expect(screen.getByRole("alert")).toHaveTextContent("The query service is unavailable");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
    rerender(<SessionViewTraceList traces={[]} />);
    expect(screen.getByText("No traces in this session.")).toBeInTheDocument();
    rerender(<SessionViewTraceList traces={sessionOnly()} moreTraces />);
    expect(screen.getByText(/the oldest are not shown/)).toBeInTheDocument();
  });

  it("offers Summarize all only while some trace lacks a title, and shows progress and failures", async () => {
    const user = userEvent.setup();
    const onSummarizeAll = vi.fn();
    const { rerender } = render(<SessionViewTraceList traces={sessionOnly()} summaryTitles={SESSION_TITLES} onSummarizeAll={onSummarizeAll} />);
    expect(screen.getByRole("button", { name: "Summarize all" })).toBeDisabled();
    rerender(<SessionViewTraceList traces={sessionOnly()} summaryTitles={{}} onSummarizeAll={onSummarizeAll} />);
    await user.click(screen.getByRole("button", { name: "Summarize all" }));
    expect(onSummarizeAll).toHaveBeenCalledOnce();
    rerender(<SessionViewTraceList traces={sessionOnly()} summarizingIds={[IDS[1]!, IDS[2]!]} summaryErrors={{ [IDS[0]!]: new ApiError({ kind: "http", status: 429 }) }} onSummarizeAll={onSummarizeAll} />);
    expect(screen.getByRole("status")).toHaveTextContent("Summarizing 2 traces…");
    expect(screen.getByRole("button", { name: "Summarize all" })).toBeDisabled();
    expect(within(rows()[0]!).getByText(/Summary failed: Too many requests/)).toBeInTheDocument();
  });

  it("takes a trace whose id is not a string (NaN, a number) without a React warning", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const [first, second] = sessionOnly();
    render(<SessionViewTraceList traces={[{ ...first!, id: Number.NaN as unknown as string }, { ...second!, id: 42 as unknown as string }]} />);
    expect(rows().map((li) => li.dataset.traceId).sort()).toEqual(["42", "NaN"]);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("never renders trace content as HTML", async () => {
    const user = userEvent.setup();
    const { container } = render(<SessionViewTraceList traces={[hostileSessionTrace()]} />);
    expect(screen.getByText(`<script>window.__tlPwned=1</script>`)).toBeInTheDocument();
    await user.click(toggle(1));
    expect(container.querySelector("script, iframe, img, [onerror]")).toBeNull();
    for (const a of container.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^https?:\/\//);
    expect((window as { __tlPwned?: number }).__tlPwned).toBeUndefined();
  });
});

function provider(client: TraceLensClient) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children?: ReactNode }) => (
    <TraceLensProvider client={client} queryClient={queryClient}>
      {children}
    </TraceLensProvider>
  );
}

describe("SessionView (local client)", () => {
  it("lists only the session, asks batch_check once, and Summarize all summarizes just the traces without a title", async () => {
    const user = userEvent.setup();
    const summarize = sessionSummarizer(0);
    const base = createLocalClient({ traces: sessionTracesFixture(), classifier: keywordClassifier(), summarize });
    await base.summarize({ trace_id: IDS[0]!, mode: "minimal" });
    const checks: string[][] = [];
    const client: TraceLensClient = { ...base, summaryBatchCheck: (request, options) => (checks.push(request.trace_ids), base.summaryBatchCheck(request, options)) };
    render(<SessionView sessionId={SESSION_ID} />, { wrapper: provider(client) });
    expect(await screen.findByText(SESSION_TITLES[IDS[0]!]!)).toBeInTheDocument();
    expect(rows().map((li) => li.dataset.traceId)).toEqual(IDS);
    await waitFor(() => expect(document.querySelectorAll('[data-slot="sentiment-bar"][data-state="loading"]')).toHaveLength(0));
    expect(rows().map((li) => li.querySelector('[data-slot="sentiment-bar"]')?.getAttribute("data-label"))).toEqual(expect.arrayContaining(["neutral"]));
    expect(rows().every((li) => li.querySelector('[data-slot="sentiment-bar"]')?.hasAttribute("data-label"))).toBe(true);
    await user.click(screen.getByRole("button", { name: "Summarize all" }));
    for (const id of IDS) expect(await screen.findByText(SESSION_TITLES[id]!)).toBeInTheDocument();
    expect(summarize.calls.slice(1).sort()).toEqual(IDS.slice(1).sort());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(checks).toHaveLength(1);
    expect([...checks[0]!].sort()).toEqual([...IDS].sort());
    expect(screen.getByRole("button", { name: "Summarize all" })).toBeDisabled();
  });

  it("loads an expanded trace in full", async () => {
    const user = userEvent.setup();
    const base = createLocalClient({ traces: sessionTracesFixture() });
    const getTrace = vi.fn(base.getTrace);
    render(<SessionView sessionId={SESSION_ID} loadSummaries={false} loadSentiment={false} />, { wrapper: provider({ ...base, getTrace }) });
    await screen.findAllByRole("listitem");
    await user.click(toggle(1));
    await waitFor(() => expect(getTrace).toHaveBeenCalledWith(expect.objectContaining({ traceId: IDS[0] }), expect.anything()));
    expect(await screen.findByRole("group", { name: "Output" })).toHaveTextContent("Baixa");
  });

  it("reads PostHog-LLM sessions by $session_id, from host traces, without a provider", () => {
    render(<SessionView sessionId={POSTHOG_LLM_SESSION_ID} traces={[...postHogLlmSessionTraces(), ...sessionTracesFixture()]} />);
    expect(rows()).toHaveLength(2);
    expect(within(rows()[1]!).getByText(/JavaScript Fibonacci/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Summarize all" })).toBeNull();
  });

  it("explains a missing provider", () => {
    render(<SessionView sessionId={SESSION_ID} />);
    expect(screen.getByRole("alert")).toHaveTextContent(/needs a <TraceLensProvider>/);
  });
});
