import type { TextReprHierarchyNode } from "../../src/core/eventsApi";
import type { LLMTrace, LLMTraceEvent } from "../../src/core/eventsTrace";
import { eventTextReprInput, formatTextRepr, traceTextReprInput } from "../../src/core";
import { loadTraceFixture } from "./traceFixtures";

const names = (nodes: TextReprHierarchyNode[]): string[] => nodes.map((n) => String(n.event?.properties?.$ai_span_name ?? n.event?.event));

function depthOf(nodes: TextReprHierarchyNode[]): number {
  let depth = 0;
  for (let level = nodes; level.length > 0; level = level.flatMap((n) => n.children ?? [])) depth += 1;
  return depth;
}

function event(id: string, type: string, at: string, properties: Record<string, unknown>): LLMTraceEvent {
  return { id, event: type, createdAt: at, properties } as LLMTraceEvent;
}

describe("traceTextReprInput", () => {
  it("nests by parent, orders siblings by start then longer first, and keeps deep chains whole", () => {
    const data = traceTextReprInput(loadTraceFixture("deep-nested-agent"));
    expect(data.hierarchy).toHaveLength(1);
    expect(depthOf(data.hierarchy)).toBe(14);
    const find = (nodes: TextReprHierarchyNode[]): TextReprHierarchyNode[] | null => {
      for (const node of nodes) {
        const kids = node.children ?? [];
        if (names(kids).includes("parallel_lookup_short")) return kids;
        const found = find(kids);
        if (found) return found;
      }
      return null;
    };
    expect(names(find(data.hierarchy) ?? []).slice(0, 2)).toEqual(["parallel_lookup_long", "parallel_lookup_short"]);
  });

  it("drops metrics, feedback and $ai_trace when nesting; without nesting lists every other event in order", () => {
    const trace = loadTraceFixture("frustrated-user");
    const nested = names(traceTextReprInput(trace).hierarchy);
    expect(nested).not.toContain("$ai_feedback");
    expect(nested).not.toContain("$ai_metric");
    const withTraceEvent: LLMTrace = { ...trace, events: [event("root", "$ai_trace", trace.createdAt, {}), ...trace.events] };
    const flat = traceTextReprInput(withTraceEvent, { nest: false }).hierarchy;
    expect(flat.map((n) => n.event?.id)).toEqual(trace.events.map((e) => e.id));
    expect(flat.every((n) => n.children?.length === 0)).toBe(true);
  });

  it("survives parent cycles by appending the unreachable events as roots", () => {
    const cyclic: LLMTrace = {
      id: "t",
      createdAt: "2025-01-01T00:00:00Z",
      events: [
        event("a", "$ai_span", "2025-01-01T00:00:01Z", { $ai_span_id: "A", $ai_parent_id: "B" }),
        event("b", "$ai_span", "2025-01-01T00:00:02Z", { $ai_span_id: "B", $ai_parent_id: "A" }),
      ],
    };
    const data = traceTextReprInput(cyclic);
    expect(data.hierarchy.map((n) => n.event?.id)).toEqual(["a"]);
    expect(data.hierarchy[0]!.children!.map((n) => n.event?.id)).toEqual(["b"]);
    expect(data.trace).toEqual({ id: "t", properties: { $ai_trace_id: "t" } });
  });

  it("carries the trace's name, session and states as the $ai_trace properties text_repr reads", () => {
    const trace: LLMTrace = {
      id: "t",
      createdAt: "2025-01-01T00:00:00Z",
      traceName: "checkout",
      aiSessionId: "s1",
      inputState: { cart: 2 },
      outputState: null,
      events: [],
    };
    expect(traceTextReprInput(trace).trace.properties).toEqual({
      $ai_trace_id: "t",
      $ai_span_name: "checkout",
      $ai_session_id: "s1",
      $ai_input_state: { cart: 2 },
      $ai_output_state: null,
    });
    expect(formatTextRepr("$ai_trace", traceTextReprInput(trace)).text).toContain("CHECKOUT");
  });

  it("tolerates a trace without an events list", () => {
    expect(traceTextReprInput({ id: "t", createdAt: "" } as unknown as LLMTrace).hierarchy).toEqual([]);
  });
});

describe("eventTextReprInput", () => {
  it("keeps id, name, properties and timestamp, and replaces a properties bag that is not an object", () => {
    const e = event("e1", "$ai_generation", "2025-01-01T00:00:00Z", { $ai_model: "m" });
    expect(eventTextReprInput(e)).toEqual({ id: "e1", event: "$ai_generation", properties: { $ai_model: "m" }, timestamp: "2025-01-01T00:00:00Z" });
    expect(eventTextReprInput({ ...e, properties: "oops" } as unknown as LLMTraceEvent).properties).toEqual({});
    expect(eventTextReprInput({ ...e, properties: undefined } as unknown as LLMTraceEvent).properties).toEqual({});
  });
});
