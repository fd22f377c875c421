import { buildTraceTree, flattenTraceTree, type LLMTrace } from "../../src/core";
import { conversationOf } from "../../src/components/TraceDetail/traceDetailConversationModel";
import { findSelectedNode, nodeSearchText, searchTrace, searchTraceSteps } from "../../src/components/TraceDetail/traceDetailModel";
import { outlineTraceTree } from "../../src/core/traceOutline";
import { treeKeyAction, typeAheadIndex } from "../../src/components/TraceDetail/traceDetailTreeKeys";
import { clusterLane, layoutTimeline, timelineTicks } from "../../src/components/TraceDetail/traceDetailTimelineLayout";
import { textReprRequestFor } from "../../src/components/TraceDetail/traceDetailTextReprRequest";
import { formatTextRepr, type TextReprEventType } from "../../src/core";
import { traceTextReprRequest } from "../../src/all";
import { deepChainTrace, syntheticTrace } from "../../stories/fixtures/traceDetailFixtures";
import { fixtureTraces as t } from "../../stories/TraceDetailStoryParts";

const ms = (s: number) => new Date(Date.UTC(2025, 0, 1) + s * 1000).toISOString();
function trace(events: Array<[id: string, parent: string | null, endS: number, latencyS: number]>): LLMTrace {
  return {
    id: "t",
    createdAt: ms(0),
    events: events.map(([id, parent, end, latency]) => ({
      id: `e-${id}`,
      event: "$ai_span",
      createdAt: ms(end),
      properties: { $ai_trace_id: "t", $ai_span_id: id, $ai_parent_id: parent ?? "t", $ai_span_name: id, $ai_latency: latency },
    })),
  };
}

describe("tree keyboard model", () => {
  const tree = buildTraceTree(t.ragPipeline);
  const rows = flattenTraceTree(tree);
  it("moves, collapses, expands and jumps", () => {
    expect(treeKeyAction("ArrowDown", rows, 0)).toEqual({ type: "focus", index: 1 });
    expect(treeKeyAction("ArrowUp", rows, 0)).toEqual({ type: "focus", index: 0 });
    expect(treeKeyAction("End", rows, 0)).toEqual({ type: "focus", index: rows.length - 1 });
    expect(treeKeyAction("Home", rows, 3)).toEqual({ type: "focus", index: 0 });
    expect(treeKeyAction("ArrowLeft", rows, 0)).toEqual({ type: "collapse", key: tree.root.key });
    const leaf = rows.findIndex((row) => !row.hasChildren);
    let parent = leaf - 1;
    while (parent > 0 && rows[parent]!.depth !== rows[leaf]!.depth - 1) parent--;
    expect(treeKeyAction("ArrowLeft", rows, leaf)).toEqual({ type: "focus", index: parent });
    expect(treeKeyAction("ArrowRight", rows, leaf)).toBeNull();
    expect(treeKeyAction("ArrowRight", rows, 0)).toEqual({ type: "focus", index: 1 });
    expect(treeKeyAction("Enter", rows, 2)).toEqual({ type: "select", index: 2 });
    expect(treeKeyAction("x", rows, 2)).toBeNull();
    const collapsed = flattenTraceTree(tree, new Set([tree.root.key]));
    expect(treeKeyAction("ArrowRight", collapsed, 0)).toEqual({ type: "expand", key: tree.root.key });
  });
  it("type-ahead finds the next title with the typed prefix and wraps", () => {
    const index = typeAheadIndex(rows, 0, "re");
    expect(rows[index]?.node.name.startsWith("re")).toBe(true);
    expect(typeAheadIndex(rows, rows.length - 1, "docs")).toBe(0);
    expect(typeAheadIndex(rows, 0, "zzz")).toBe(-1);
  });
});

describe("search", () => {
  it("counts occurrences in names and contents and keeps ancestors visible", () => {
    const tree = buildTraceTree(t.supportChatbot);
    const result = searchTrace(tree, "  SEARCH_KB ");
    expect(result.query).toBe("search_kb");
    expect(result.occurrences).toBeGreaterThan(result.matches.size - 1);
    expect(result.visible.has(tree.root.key)).toBe(true);
    for (const key of result.matches) expect(result.visible.has(key)).toBe(true);
    expect(searchTrace(tree, "").matches.size).toBe(0);
  });
  it("falls back to the root for an unknown selected id", () => {
    const tree = buildTraceTree(t.supportChatbot);
    expect(findSelectedNode(tree, "nope")).toEqual({ node: tree.root, found: false });
    expect(findSelectedNode(tree, t.supportChatbot.events[0]!.id).node.kind).toBe("generation");
  });
});

describe("timeline layout", () => {
  it("puts children under their parent and overlapping siblings below the earlier sibling's subtree", () => {
    const tree = buildTraceTree(
      trace([
        ["a", null, 10, 10],
        ["a1", "a", 6, 5],
        ["a1x", "a1", 5, 3],
        ["a2", "a", 8, 4], // overlaps a1's subtree (1–6) → below a1x
        ["a3", "a", 10, 1], // starts at 9, after a1 ended → directly under a
      ]),
    );
    const layout = layoutTimeline(tree);
    const lane = (key: string) => layout.byKey.get(key)?.lane;
    expect(lane("t")).toBe(0);
    expect(lane("a")).toBe(1);
    expect(lane("a1")).toBe(2);
    expect(lane("a1x")).toBe(3);
    expect(lane("a2")).toBe(4);
    expect(lane("a3")).toBe(2);
    expect(layout.durationMs).toBe(10_000);
  });
  it("lays out a 10,000-event trace and a 3,000-deep chain without recursion", () => {
    const big = layoutTimeline(buildTraceTree(syntheticTrace(10_000)));
    expect(big.byKey.size).toBeGreaterThan(9_000);
    const deep = layoutTimeline(buildTraceTree(deepChainTrace(3_000)));
    expect(deep.lanes.length).toBe(3_001);
  });
  it("merges bars that would share pixels into clusters", () => {
    const layout = layoutTimeline(buildTraceTree(syntheticTrace(10_000)));
    const busiest = layout.lanes.reduce((a, b) => (b.length > a.length ? b : a));
    const clusters = clusterLane(busiest, layout, 800);
    expect(busiest.length).toBeGreaterThan(3_000);
    expect(clusters.length).toBeLessThanOrEqual(800 / 3 + 1);
    expect(clusters.reduce((n, c) => n + c.bars.length, 0)).toBe(busiest.length);
  });
  it("uses clock-friendly ticks", () => {
    expect(timelineTicks(10_000).map((tick) => tick.label)).toEqual(["0", "2 s", "4 s", "6 s", "8 s", "10 s"]);
    expect(timelineTicks(142_500).map((tick) => tick.ms)).toEqual([0, 30_000, 60_000, 90_000, 120_000]);
    expect(timelineTicks(0)).toEqual([{ ms: 0, label: "0" }]);
  });
  it("leaves untimed events out and counts them", () => {
    const tree = buildTraceTree({ id: "u", createdAt: ms(0), events: [{ id: "x", event: "$ai_span", createdAt: "bad", properties: { $ai_trace_id: "u" } }] });
    expect(layoutTimeline(tree).untimedCount).toBeGreaterThan(0);
  });
});

describe("conversation model", () => {
  it("reads generations as messages and spans as states", () => {
    const tree = buildTraceTree(t.langchainAgent);
    const gen = [...tree.nodesByKey.values()].find((node) => node.kind === "generation")!;
    const model = conversationOf(gen, tree, t.langchainAgent);
    expect(model.input.kind).toBe("messages");
    expect(model.output.kind).toBe("messages");
    const span = [...tree.nodesByKey.values()].find((node) => node.kind === "span")!;
    expect(conversationOf(span, tree, t.langchainAgent).input.kind).not.toBe("none");
  });
  it("shows evaluations as a verdict", () => {
    const tree = buildTraceTree(t.evaluatedGeneration);
    const evals = [...tree.nodesByKey.values()].filter((node) => node.kind === "evaluation");
    expect(evals.map((node) => conversationOf(node, tree, null).evaluation?.result).sort()).toEqual(["fail", "n/a", "pass"]);
  });
});

describe("text_repr requests from the tree", () => {
  it("render the same text as the client's request for the fixture traces", () => {
    for (const fixture of [t.supportChatbot, t.ragPipeline, t.codingAgent, t.deepNested]) {
      const tree = buildTraceTree(fixture);
      const ours = textReprRequestFor(tree.root, tree, fixture, { include_line_numbers: true });
      const theirs = traceTextReprRequest(fixture, { include_line_numbers: true });
      const render = (r: typeof ours) => formatTextRepr(r.event_type as TextReprEventType, r.data, r.options).text;
      expect(render(ours)).toBe(render(theirs));
    }
  });
});

describe("searchTrace counts what each node's whole search text holds", () => {
  it("on a finished tree and on an outline, for queries within and across the name/key/content lines", () => {
    const trace = t.codingAgent;
    const shapes = [buildTraceTree(trace), outlineTraceTree(trace)];
    for (const shape of shapes) {
      const nodes = [...shape.nodesByKey.values()];
      const node = nodes[1]!;
      for (const raw of ["a", "tool", "gen", "e\ns", "t\n2", `${node.name}\n${node.key}`, `${node.key}\n${node.event?.id ?? ""}`, "zzz-not-there"]) {
        const query = raw.trim().toLowerCase();
        let expected = 0;
        for (const each of nodes) {
          const text = nodeSearchText(each);
          for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) expected++;
        }
        expect(searchTrace(shape, raw).occurrences, JSON.stringify(raw)).toBe(expected);
      }
    }
  });
});

describe("searchTraceSteps: a large trace's search in slices", () => {
  it("yields between chunks of nodes and finds what the one-call search finds", () => {
    const tree = buildTraceTree(syntheticTrace(3_000));
    for (const query of ["tool_3", "STEP 12", "zzz-not-there", ""]) {
      const job = searchTraceSteps(tree, query);
      let yields = 0;
      let step = job.next();
      while (!step.done) {
        yields++;
        step = job.next();
      }
      if (query) expect(yields).toBeGreaterThan(4);
      const plain = searchTrace(tree, query);
      expect(step.value.occurrences).toBe(plain.occurrences);
      expect([...step.value.matches]).toEqual([...plain.matches]);
      expect([...step.value.visible].sort()).toEqual([...plain.visible].sort());
    }
  });
});
