import { buildTraceTree, eventAtLines, formatTextRepr, mapTextReprLinesToEvents, traceNodeLabel } from "../../src/core";
import type { LLMTrace, LLMTraceEvent, TraceTreeNode } from "../../src/core";
import { loadTraceFixture, TRACE_FIXTURES } from "./traceFixtures";

/** The options PostHog's summarizer renders with (posthog-api.md §3.2). */
const SUMMARY_OPTIONS = { include_line_numbers: true, truncated: false, include_markers: false, collapsed: false };

const ev = (id: string, event: string, properties: Record<string, unknown>): LLMTraceEvent => ({ id, event, createdAt: "2025-06-02T09:00:00Z", properties });

const root = ev("e-root", "$ai_span", { $ai_span_name: "agent", $ai_latency: 2, $ai_input_state: { q: "hi" }, $ai_output_state: { a: "ok" } });
const gen = ev("e-gen", "$ai_generation", {
  $ai_model: "gpt-4o-mini",
  $ai_latency: 1.5,
  $ai_input: [{ role: "user", content: "Line one\n├─ [GEN] not a node\nline three" }],
  $ai_output_choices: [{ role: "assistant", content: "Answer" }],
});
const tool = ev("e-tool", "$ai_span", { $ai_span_name: "search", $ai_latency: 0.2, $ai_input_state: "query" });
const metric = ev("e-metric", "$ai_metric", { $ai_metric_name: "score" });

function node(event: LLMTraceEvent, children: unknown[] = []) {
  return { event, children };
}

function traceText(hierarchy: unknown[], options: Record<string, unknown> = SUMMARY_OPTIONS): string {
  const result = formatTextRepr("$ai_trace", { trace: { id: "t1", properties: { $ai_trace_id: "t1", $ai_span_name: "demo" } }, hierarchy }, options);
  if (result.error) throw new Error(result.error.message);
  return result.text;
}

const lineOf = (text: string, needle: string) => {
  const line = text.split("\n").find((l) => l.includes(needle));
  return Number(/^L(\d+):/.exec(line ?? "")?.[1]);
};

describe("mapTextReprLinesToEvents", () => {
  const nested = [node(root, [node(gen), node(tool), node(metric)])];
  const text = traceText(nested);
  const events = [root, gen, tool, metric];

  it("maps branch lines and the rendering under them to their events", () => {
    const map = mapTextReprLinesToEvents(text, { events });
    expect(map.blocks.map((b) => [b.eventId, b.depth])).toEqual([["e-root", 0], ["e-gen", 1], ["e-tool", 1], ["e-metric", 1]]);
    expect(map.eventByLine.get(lineOf(text, "[GEN] gpt-4o-mini"))).toBe("e-gen");
    expect(map.eventByLine.get(lineOf(text, "Line one"))).toBe("e-gen");
    expect(map.eventByLine.get(lineOf(text, "line three"))).toBe("e-gen");
    expect(map.eventByLine.get(lineOf(text, "[SPAN] search"))).toBe("e-tool");
    expect(map.eventByLine.get(lineOf(text, "$ai_metric"))).toBe("e-metric");
    expect(map.eventByLine.get(1)).toBeUndefined();
    expect(map.eventByLine.get(lineOf(text, "TRACE HIERARCHY:"))).toBeUndefined();
  });

  it("does not take message text that looks like a branch for a node", () => {
    const map = mapTextReprLinesToEvents(text, { events });
    expect(map.blocks.filter((b) => b.label.includes("not a node"))).toEqual([]);
    expect(map.eventByLine.get(lineOf(text, "not a node"))).toBe("e-gen");
  });

  it("covers every line of every node's rendering without gaps", () => {
    const map = mapTextReprLinesToEvents(text, { events });
    const last = text.split("\n").length;
    for (let line = lineOf(text, "[SPAN] agent"); line <= last; line++) expect(map.eventByLine.has(line)).toBe(true);
    for (const block of map.blocks) expect(block.lastLine).toBeGreaterThanOrEqual(block.firstLine);
  });

  it("finds the events whatever shape and order the server drew the tree in", () => {
    const flat = traceText([node(metric), node(tool), node(gen), node(root)]);
    const map = mapTextReprLinesToEvents(flat, { events });
    expect(map.blocks.map((b) => b.eventId)).toEqual(["e-metric", "e-tool", "e-gen", "e-root"]);
    expect(map.eventByLine.get(lineOf(flat, "Line one"))).toBe("e-gen");
  });

  it("matches events with the same label in the order given", () => {
    const twin = { ...tool, id: "e-tool-2" };
    const map = mapTextReprLinesToEvents(traceText([node(tool), node(twin)]), { events: [tool, twin] });
    expect(map.blocks.map((b) => b.eventId)).toEqual(["e-tool", "e-tool-2"]);
  });

  it("leaves nodes without a matching event unmapped, and works with no events at all", () => {
    const map = mapTextReprLinesToEvents(text, { events: [gen] });
    expect(map.blocks.map((b) => b.eventId)).toEqual([null, "e-gen", null, null]);
    expect(mapTextReprLinesToEvents(text).eventByLine.size).toBe(0);
    expect(mapTextReprLinesToEvents(text).blocks).toHaveLength(4);
  });

  it("reads event ids from markers when the text has them", () => {
    const marked = traceText(nested, { include_line_numbers: true });
    const map = mapTextReprLinesToEvents(marked);
    expect(map.blocks.map((b) => b.eventId)).toEqual(["e-root", "e-gen", "e-tool", "e-metric"]);
    expect(map.blocks[3]?.label).toBe("[EVENT] $ai_metric");
    expect(map.blocks[1]?.label).toBe(traceNodeLabel(gen));
  });

  it("numbers unnumbered texts by position", () => {
    const plain = traceText(nested, { ...SUMMARY_OPTIONS, include_line_numbers: false });
    const map = mapTextReprLinesToEvents(plain, { events });
    const position = plain.split("\n").findIndex((l) => l.includes("Line one")) + 1;
    expect(map.eventByLine.get(position)).toBe("e-gen");
  });

  it("gives every line of a single event's text to that event", () => {
    const single = formatTextRepr("$ai_generation", { ...gen }, { include_line_numbers: true }).text;
    const map = mapTextReprLinesToEvents(single, { eventId: "e-gen" });
    expect(map.blocks).toHaveLength(1);
    expect(map.eventByLine.size).toBe(single.split("\n").length);
    expect(mapTextReprLinesToEvents(single).eventByLine.size).toBe(0);
  });

  it("keeps the numbers of a sampled text, mapping the nodes that survived", () => {
    const wide = [node(root, Array.from({ length: 60 }, (_, i) => node({ ...tool, id: `t${i}`, properties: { $ai_span_name: `tool ${i}`, $ai_input_state: "x".repeat(50) } })))];
    const full = traceText(wide);
    const sampled = traceText(wide, { ...SUMMARY_OPTIONS, max_length: Math.floor(full.length / 3) });
    expect(sampled).toContain("[SAMPLED VIEW");
    const allEvents = [root, ...Array.from({ length: 60 }, (_, i) => ({ ...tool, id: `t${i}`, properties: { $ai_span_name: `tool ${i}`, $ai_input_state: "x".repeat(50) } }))];
    const truth = mapTextReprLinesToEvents(full, { events: allEvents });
    const map = mapTextReprLinesToEvents(sampled, { events: allEvents });
    expect(map.blocks.length).toBeGreaterThan(0);
    for (const block of map.blocks) expect(truth.eventByLine.get(block.firstLine)).toBe(block.eventId);
  });

  it.each([undefined, null, 42, "", "TRACE HIERARCHY:", "L1: TRACE HIERARCHY:\nL2: ├─ [GEN]"])("never throws on %j", (input) => {
    expect(() => mapTextReprLinesToEvents(input as string, { events: [gen, { id: "bad", event: "$ai_span", properties: { $ai_span_name: 5, $ai_latency: 1 } }] })).not.toThrow();
  });
});

describe("mapTextReprLinesToEvents over the fixture traces", () => {
  function hierarchy(treeNode: TraceTreeNode): unknown[] {
    return treeNode.children.filter((c) => c.event).map((c) => ({ event: c.event, children: hierarchy(c) }));
  }
  function dfs(treeNode: TraceTreeNode, out: LLMTraceEvent[] = []): LLMTraceEvent[] {
    for (const child of treeNode.children) {
      if (child.event) out.push(child.event);
      dfs(child, out);
    }
    return out;
  }

  it.each(TRACE_FIXTURES.filter((name) => name !== "batch-500-spans" && name !== "huge-300kb-message"))("%s: every node finds its own event", (name) => {
    const trace: LLMTrace = loadTraceFixture(name);
    const tree = buildTraceTree(trace);
    const text = traceText(hierarchy(tree.root));
    const events = dfs(tree.root);
    const map = mapTextReprLinesToEvents(text, { events });
    const byId = new Map(events.map((e) => [e.id, e]));
    expect(map.blocks.length).toBeGreaterThan(0);
    for (const block of map.blocks) {
      expect(block.eventId).not.toBeNull();
      expect(traceNodeLabel(byId.get(block.eventId as string))).toBe(block.label);
    }
  });
});

describe("eventAtLines", () => {
  const map = mapTextReprLinesToEvents(traceText([node(gen), node(tool)]), { events: [gen, tool] });
  const genLine = map.blocks[0]!.firstLine;
  const toolLine = map.blocks[1]!.firstLine;

  it("gives the event of the first mapped line", () => {
    expect(eventAtLines(map, [{ start: toolLine, end: toolLine }])).toBe("e-tool");
    expect(eventAtLines(map, [{ start: 1, end: genLine + 1 }])).toBe("e-gen");
    expect(eventAtLines(map, [{ start: 1, end: 2 }, { start: toolLine, end: toolLine }])).toBe("e-tool");
  });

  it("gives null for lines outside every node, and stops after the limit", () => {
    expect(eventAtLines(map, [{ start: 1, end: 2 }])).toBeNull();
    expect(eventAtLines(map, [{ start: 1, end: 1e9 }], 2)).toBeNull();
  });
});
