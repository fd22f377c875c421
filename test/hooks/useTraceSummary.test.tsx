import { act, renderHook, waitFor } from "@testing-library/react";
import { useEvaluationSummary } from "../../src/hooks/useEvaluationSummary";
import { useSummaryBatchCheck } from "../../src/hooks/useSummaryBatchCheck";
import { useTextRepr } from "../../src/hooks/useTextRepr";
import { useTraceSummary } from "../../src/hooks/useTraceSummary";
import { traceTextReprRequest } from "../../src/client/clientTraceData";
import type { SummarizationMode } from "../../src/core/eventsApi";
import { IDS, fixtureTrace } from "../client/helpers";
import { harness, startMsw, type Harness } from "./mswHarness";

startMsw();

const bodies = (h: Harness, endpoint: "summarization" | "batch_check" | "evaluation_summary") =>
  h.backend.stats.requests.filter((r) => r.endpoint === endpoint).map((r) => r.body as Record<string, unknown>);

describe("useTraceSummary", () => {
  it("checks the cache on mount and generates nothing until asked", async () => {
    const h = harness();
    const { result } = renderHook(() => useTraceSummary({ traceId: IDS.support, timestamp: "2025-06-02T09:14:00.840Z" }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.cached).toBe(false));
    expect(result.current.status).toBe("idle");
    expect(bodies(h, "batch_check")).toEqual([{ trace_ids: [IDS.support], mode: "minimal" }]);
    expect(bodies(h, "summarization")).toEqual([]);
    act(() => result.current.generate());
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.data?.summary.title).toBe("trace minimal summary");
    // Two months old: the trace's time becomes the window PostHog searches (its default is 30 days).
    expect(bodies(h, "summarization")).toEqual([
      { mode: "minimal", force_refresh: false, trace_id: IDS.support, date_from: "2025-06-01T00:00:00.000Z", date_to: "2025-06-09T09:14:00.840Z" },
    ]);
    expect(h.summarize.calls).toHaveLength(1);
  });

  it("loads a summary the server already has, without a click and without generating", async () => {
    const h = harness();
    await h.client.summarize({ trace_id: IDS.support, mode: "minimal" });
    const { result } = renderHook(() => useTraceSummary({ traceId: IDS.support }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.cached).toBe(true);
    expect(h.summarize.calls).toHaveLength(1);
  });

  it("regenerates with force_refresh, and a mode switch asks for the other mode cache-first", async () => {
    const h = harness();
    const { result, rerender } = renderHook(({ mode }: { mode: SummarizationMode }) => useTraceSummary({ traceId: IDS.rag, mode }), {
      wrapper: h.wrapper,
      initialProps: { mode: "minimal" },
    });
    act(() => result.current.generate());
    await waitFor(() => expect(result.current.status).toBe("success"));
    act(() => result.current.regenerate());
    await waitFor(() => expect(h.summarize.calls).toHaveLength(2));
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(bodies(h, "summarization").at(-1)).toMatchObject({ force_refresh: true, trace_id: IDS.rag });
    rerender({ mode: "detailed" });
    await waitFor(() => expect(result.current.data?.summary.title).toBe("trace detailed summary"));
    expect(bodies(h, "summarization").at(-1)).toMatchObject({ mode: "detailed", force_refresh: false });
  });

  it("shows PostHog's 403 when AI processing is not approved, and recovers on retry", async () => {
    const h = harness({ aiProcessingApproved: false });
    const { result } = renderHook(() => useTraceSummary({ traceId: IDS.support }, { loadCached: false }), { wrapper: h.wrapper });
    act(() => result.current.generate());
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect(result.current.error).toMatchObject({ name: "ApiError", status: 403 });
    h.backend.setAiProcessingApproved(true);
    act(() => result.current.regenerate());
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.error).toBeNull();
  });

  it("summarizes an event given as data, generating on mount when autoGenerate is set", async () => {
    const h = harness();
    const event = fixtureTrace("support-chatbot").events[0]!;
    const { result } = renderHook(
      () => useTraceSummary({ summarizeType: "event", data: { event: { id: event.id, event: event.event, properties: event.properties } } }, { autoGenerate: true }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.data?.metadata.summarize_type).toBe("event");
    expect(bodies(h, "batch_check")).toEqual([]);
  });
});

describe("useSummaryBatchCheck", () => {
  it("splits 150 ids into requests of at most 100 and merges the answer", async () => {
    const h = harness();
    await h.client.summarize({ trace_id: IDS.rag });
    const ids = [IDS.rag, ...Array.from({ length: 149 }, (_, i) => `trace-${i}`)];
    const { result } = renderHook(() => useSummaryBatchCheck({ traceIds: ids }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.summaries).toEqual([{ trace_id: IDS.rag, title: "trace minimal summary", cached: true }]);
    expect(bodies(h, "batch_check").map((b) => (b.trace_ids as string[]).length)).toEqual([100, 50]);
  });
});

describe("useEvaluationSummary", () => {
  it("waits for generate(), then follows the filter cache-first and regenerates on request", async () => {
    const h = harness();
    const { result, rerender } = renderHook(({ filter }: { filter: "all" | "fail" }) => useEvaluationSummary({ evaluationId: IDS.evaluation, filter }), {
      wrapper: h.wrapper,
      initialProps: { filter: "all" },
    });
    expect(result.current.status).toBe("idle");
    act(() => result.current.generate());
    await waitFor(() => expect(result.current.data?.statistics.total_analyzed).toBe(4));
    rerender({ filter: "fail" });
    await waitFor(() => expect(result.current.data?.statistics).toEqual({ total_analyzed: 1, pass_count: 0, fail_count: 1, na_count: 0 }));
    act(() => result.current.regenerate());
    await waitFor(() => expect(bodies(h, "evaluation_summary").at(-1)).toMatchObject({ filter: "fail", force_refresh: true }));
    expect(bodies(h, "evaluation_summary").map((b) => b.force_refresh)).toEqual([false, false, true]);
  });
});

describe("useTextRepr", () => {
  it("renders a trace's text and waits while the request is null", async () => {
    const h = harness();
    const trace = fixtureTrace("rag-pipeline");
    const { result, rerender } = renderHook(({ on }: { on: boolean }) => useTextRepr(on ? traceTextReprRequest(trace) : null), {
      wrapper: h.wrapper,
      initialProps: { on: false },
    });
    expect(result.current.fetchStatus).toBe("idle");
    rerender({ on: true });
    await waitFor(() => expect(result.current.data?.text).toContain("TRACE HIERARCHY"));
    expect(h.backend.stats.count("text_repr")).toBe(1);
  });
});
