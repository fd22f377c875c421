import { describe, expect, it } from "vitest";
import { groupTracesBySession, postHogLlmTraces, sessionTraces, traceSessionId, type LLMTrace } from "../../src/core";

function trace(id: string, createdAt: string, properties: Record<string, unknown> = {}, extra: Partial<LLMTrace> = {}): LLMTrace {
  return { id, createdAt, events: [{ id: `${id}-e`, event: "$ai_generation", createdAt, properties: { $ai_trace_id: id, ...properties } }], ...extra };
}

describe("traceSessionId", () => {
  it("reads aiSessionId first, then $ai_session_id on any event", () => {
    expect(traceSessionId(trace("a", "2025-01-01T00:00:00Z", { $ai_session_id: "from-event" }, { aiSessionId: "own" }))).toBe("own");
    const late = trace("b", "2025-01-01T00:00:00Z");
    late.events.push({ id: "b2", event: "$ai_span", createdAt: "2025-01-01T00:00:01Z", properties: { $ai_session_id: 42 } });
    expect(traceSessionId(late)).toBe("42");
  });
  it("ignores posthog-js's web $session_id on $ai_* events", () => {
    expect(traceSessionId(trace("c", "2025-01-01T00:00:00Z", { $session_id: "replay-session" }))).toBeNull();
    expect(traceSessionId({ id: "d", createdAt: "2025-01-01T00:00:00Z", events: null as unknown as [] })).toBeNull();
  });
  it("reads $session_id on PostHog-LLM events, raw or normalized", () => {
    const raw: LLMTrace = {
      id: "e",
      createdAt: "2025-01-01T00:00:00Z",
      events: [{ id: "t", event: "llm-task", createdAt: "2025-01-01T00:00:00Z", properties: { $llm_input: "hi", $session_id: "llm-sess" } }],
    };
    expect(traceSessionId(raw)).toBe("llm-sess");
    expect(traceSessionId(trace("f", "2025-01-01T00:00:00Z", { $ai_lib: "posthog-llm", $session_id: "llm-sess" }))).toBe("llm-sess");
    const normalized = postHogLlmTraces(
      [
        { uuid: "t1", event: "llm-task", timestamp: "2024-02-03T00:00:13Z", properties: { $llm_input: "one", $llm_output: "1", $session_id: "S" } },
        { uuid: "t2", event: "llm-task", timestamp: "2024-02-03T00:00:25Z", properties: { $llm_input: "two", $llm_output: "2", $session_id: "S" } },
      ],
      { traceBy: "task" },
    );
    expect(normalized).toHaveLength(2);
    expect(sessionTraces(normalized, "S").map((t) => t.id)).toEqual(["t1", "t2"]);
  });
});

describe("sessionTraces / groupTracesBySession", () => {
  const traces = [
    trace("late", "2025-01-01T00:05:00Z", { $ai_session_id: "s1" }),
    trace("other", "2025-01-01T00:01:00Z", { $ai_session_id: "s2" }),
    trace("early", "2025-01-01T00:00:00Z", { $ai_session_id: "s1" }),
    trace("undated", "not a date", { $ai_session_id: "s1" }),
    trace("tie-b", "2025-01-01T00:02:00Z", { $ai_session_id: "s1" }),
    trace("tie-a", "2025-01-01T00:02:00Z", { $ai_session_id: "s1" }),
    trace("early", "2025-01-01T00:00:00Z", { $ai_session_id: "s1" }),
    trace("lonely", "2025-01-01T00:00:00Z"),
  ];
  it("keeps one session's traces, oldest first, undated last, each id once", () => {
    expect(sessionTraces(traces, "s1").map((t) => t.id)).toEqual(["early", "tie-a", "tie-b", "late", "undated"]);
    expect(sessionTraces(traces, "nope")).toEqual([]);
  });
  it("groups by session and leaves sessionless traces out", () => {
    const groups = groupTracesBySession(traces);
    expect([...groups.keys()].sort()).toEqual(["s1", "s2"]);
    expect(groups.get("s1")?.[0]?.id).toBe("early");
    expect(groups.get("s2")?.map((t) => t.id)).toEqual(["other"]);
  });
});
