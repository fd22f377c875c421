import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { useSentiment } from "../../src/hooks/useSentiment";
import { useSentimentResults } from "../../src/hooks/useSentimentResults";
import { isSentimentFailure } from "../../src/client/clientSentimentResult";
import { useRefreshSentiment } from "../../src/hooks/useRefreshSentiment";
import { useTraces } from "../../src/hooks/useTraces";
import { sentimentKeys } from "../../src/hooks/keys";
import { mockFaults } from "../../src/msw/mockFaults";
import type { LLMTrace } from "../../src/core/eventsTrace";
import { sentimentEvaluationProperties } from "../../src/core/sentiment/stored";
import { IDS, allTraces, fakeClassifier } from "../client/helpers";
import { harness, startMsw, type Harness } from "./mswHarness";

startMsw();

/** Rows know their trace's time, as table rows do (`createdAt`); unknown ids get a time too. */
const TIMES = new Map(allTraces().map((t) => [t.id, t.createdAt]));
const timeOf = (id: string) => TIMES.get(id) ?? "2025-06-10T00:00:00.000Z";

function Row({ id }: { id: string }) {
  const { data, error, isPending } = useSentiment({ id, timestamp: timeOf(id) });
  const text = isPending ? "loading" : error ? `error:${error.name}` : isSentimentFailure(data) ? `failed:${data.error}` : `${data!.label}:${data!.message_count}`;
  return <li data-testid={id}>{text}</li>;
}

function Table({ ids }: { ids: string[] }) {
  return (
    <ul>
      {ids.map((id, i) => (
        <Row key={`${id}-${i}`} id={id} />
      ))}
    </ul>
  );
}

const traceIds = () => allTraces().map((t) => t.id);
const requestedIds = (h: Harness) => h.backend.stats.requests.filter((r) => r.endpoint === "sentiment").map((r) => (r.body as { ids: string[] }).ids);

describe("useSentiment batching", () => {
  it.each([1, 5, 6, 12, 23])("%i rows mounted together cost ceil(N/5) requests, at most 2 in flight", async (n) => {
    const h = harness({ latencyMs: 20 });
    const ids = [...traceIds(), "ghost-1", "ghost-2", "ghost-3", "ghost-4"].slice(0, n);
    expect(ids).toHaveLength(n);
    render(<Table ids={ids} />, { wrapper: h.wrapper });
    await waitFor(() => expect(screen.queryAllByText("loading")).toHaveLength(0));
    expect(h.backend.stats.count("sentiment")).toBe(Math.ceil(n / 5));
    expect(h.backend.stats.maxInFlightFor("sentiment")).toBeLessThanOrEqual(2);
    expect(requestedIds(h).flat().sort()).toEqual([...ids].sort());
  });

  it("dedupes ids asked for by several rows and resolves each id on its own", async () => {
    const h = harness();
    render(<Table ids={[IDS.frustrated, IDS.delighted, IDS.frustrated, IDS.silent, IDS.delighted]} />, { wrapper: h.wrapper });
    await waitFor(() => expect(screen.queryAllByText("loading")).toHaveLength(0));
    // One request; ids go oldest first, so each request's window stays narrow.
    expect(requestedIds(h).map((ids) => [...ids].sort())).toEqual([[IDS.frustrated, IDS.delighted, IDS.silent].sort()]);
    expect(screen.getAllByTestId(IDS.frustrated).map((el) => el.textContent)).toEqual(["negative:10", "negative:10"]);
    expect(screen.getByTestId(IDS.silent).textContent).toBe("neutral:0");
  });

  it("shows a per-id failure for that id only, as data, distinct from the neutral no-messages result", async () => {
    const h = harness();
    render(<Table ids={[IDS.poison, IDS.silent, IDS.delighted]} />, { wrapper: h.wrapper });
    await waitFor(() => expect(screen.queryAllByText("loading")).toHaveLength(0));
    expect(screen.getByTestId(IDS.poison).textContent).toBe("failed:Failed to compute sentiment");
    expect(screen.getByTestId(IDS.silent).textContent).toBe("neutral:0");
    expect(screen.getByTestId(IDS.delighted).textContent).toBe("positive:6");
  });

  it("carries a failed request's typed ApiError as the failure's cause, for every id it carried", async () => {
    const h = harness();
    h.backend.addFault({ endpoint: "sentiment", fault: mockFaults.status(400, { ids: ["broken"] }) });
    const { result } = renderHook(() => useSentiment({ id: IDS.frustrated }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({ error: expect.any(String), cause: { name: "ApiError", status: 400, body: { ids: ["broken"] } } });
  });

  it("asks again for a failed id when the next row shows it, while results keep for 24 hours", async () => {
    const h = harness();
    h.backend.addFault({ endpoint: "sentiment", fault: mockFaults.status(400, { ids: ["broken"] }), times: 1 });
    const first = render(<Table ids={[IDS.frustrated]} />, { wrapper: h.wrapper });
    await waitFor(() => expect(screen.getByTestId(IDS.frustrated).textContent).toMatch(/^failed:/));
    first.unmount();
    render(<Table ids={[IDS.frustrated]} />, { wrapper: h.wrapper });
    await waitFor(() => expect(screen.getByTestId(IDS.frustrated).textContent).toBe("negative:10"));
    expect(h.backend.stats.count("sentiment")).toBe(2);
  });

  it("caches for 24 hours: remounting asks nothing, and generations of a fetched trace are already known", async () => {
    const h = harness();
    const first = render(<Table ids={[IDS.frustrated]} />, { wrapper: h.wrapper });
    await waitFor(() => expect(screen.getByTestId(IDS.frustrated).textContent).toBe("negative:10"));
    first.unmount();
    render(<Table ids={[IDS.frustrated]} />, { wrapper: h.wrapper });
    const { result } = renderHook(() => useSentiment({ id: IDS.frustratedLastGeneration, level: "generation", timestamp: timeOf(IDS.frustrated) }), { wrapper: h.wrapper });
    expect(screen.getByTestId(IDS.frustrated).textContent).toBe("negative:10");
    expect(result.current.data).toMatchObject({ message_count: 4 });
    expect(h.backend.stats.count("sentiment")).toBe(1);
    const query = h.queryClient.getQueryCache().find({ queryKey: sentimentKeys.detail(h.client.scope, "trace", IDS.frustrated) });
    expect(query?.isStale()).toBe(false);
    const staleTime = (query?.options as { staleTime?: unknown }).staleTime;
    expect(typeof staleTime === "function" ? staleTime(query) : staleTime).toBe(86_400_000);
  });

  it("forced refresh sends force_refresh and updates every row", async () => {
    const h = harness();
    const { result } = renderHook(() => ({ s: useSentiment({ id: IDS.delighted, timestamp: timeOf(IDS.delighted) }), refresh: useRefreshSentiment() }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.s.data).toMatchObject({ label: "positive" }));
    const before = result.current.s.dataUpdatedAt;
    await act(() => result.current.refresh.mutateAsync({ ids: [IDS.delighted], timestamps: { [IDS.delighted]: timeOf(IDS.delighted) } }));
    expect((h.backend.stats.requests.at(-1)!.body as { force_refresh?: boolean }).force_refresh).toBe(true);
    await waitFor(() => expect(result.current.s.dataUpdatedAt).toBeGreaterThan(before));
  });

  it("takes PostHog's stored sentiment that came inline with the trace list without asking for it", async () => {
    // Each trace gets a stored sentiment evaluation ($ai_evaluation, runtime "sentiment") for one generation.
    const traces: LLMTrace[] = allTraces().slice(0, 3).map((t) => {
      const generation = t.events.find((e) => e.event === "$ai_generation")!;
      const stored = { label: "positive" as const, score: 0.9, scores: { positive: 0.9, neutral: 0.1, negative: 0 }, messages: {}, message_count: 7 };
      const evaluation = { id: `${t.id}-sentiment`, event: "$ai_evaluation", createdAt: generation.createdAt, properties: sentimentEvaluationProperties(t.id, generation.id, stored) };
      return { ...t, events: [...t.events, evaluation] };
    });
    const h = harness({ traces, classifier: fakeClassifier() });
    function Page() {
      const { data } = useTraces({ dateRange: { date_from: "all" } });
      return data ? <Table ids={data.results.map((t) => t.id)} /> : null;
    }
    render(<Page />, { wrapper: h.wrapper });
    // The trace result is the flat mean of the stored generations' messages: none here, so their own scores.
    await waitFor(() => expect(screen.getAllByText("positive:0")).toHaveLength(3));
    expect(h.backend.stats.count("sentiment")).toBe(0);
    const query = h.backend.stats.requests.find((r) => r.endpoint === "query")!.body as { query: { includeSentiment?: boolean } };
    expect(query.query.includeSentiment).toBe(true);
    const cached = h.queryClient.getQueryData(sentimentKeys.detail(h.client.scope, "trace", traces[0]!.id)) as { source?: string };
    expect(cached.source).toBe("stored");
  });

  it("useSentimentResults gathers many ids through the same batching, in one object that stays the same until something arrives", async () => {
    const h = harness();
    const ids = traceIds().slice(0, 8);
    const { result, rerender } = renderHook(() => useSentimentResults({ ids, timestamps: Object.fromEntries(ids.map((id) => [id, timeOf(id)])) }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.isPending).toBe(false));
    expect(Object.keys(result.current.data).sort()).toEqual([...ids].sort());
    expect(h.backend.stats.count("sentiment")).toBe(2);
    const data = result.current.data;
    rerender();
    expect(result.current.data).toBe(data);
  });
});

describe("unmounting during a request", () => {
  it("sends nothing for rows unmounted before the batch goes out", async () => {
    const h = harness();
    const view = render(<Table ids={traceIds().slice(0, 7)} />, { wrapper: h.wrapper });
    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(h.backend.stats.count("sentiment")).toBe(0);
  });

  it("aborts the in-flight request once no row wants it, and nothing updates afterwards", async () => {
    // The request stays in flight until aborted: with a short latency a loaded machine could answer it
    // before the unmount, and then there is nothing left to abort.
    const h = harness({ latencyMs: 60_000 });
    const errors = vi.spyOn(console, "error");
    const view = render(<Table ids={traceIds().slice(0, 3)} />, { wrapper: h.wrapper });
    await waitFor(() => expect(h.backend.stats.inFlight).toBe(1));
    view.unmount();
    await waitFor(() => expect(h.signals.at(-1)?.aborted).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("keeps serving the rows still mounted when others unmount mid-flight", async () => {
    const h = harness({ latencyMs: 80 });
    function Page({ ids }: { ids: string[] }) {
      return <Table ids={ids} />;
    }
    const view = render(<Page ids={[IDS.frustrated, IDS.delighted]} />, { wrapper: h.wrapper });
    await waitFor(() => expect(h.backend.stats.inFlight).toBe(1));
    view.rerender(<Page ids={[IDS.delighted]} />);
    await waitFor(() => expect(screen.getByTestId(IDS.delighted).textContent).toBe("positive:6"));
    expect(h.signals.at(-1)?.aborted).toBe(false);
  });
});
