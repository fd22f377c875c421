// npm run bench:insight — the trace-insight functions of tracelens/core on 10,000- and 50,000-event
// agent traces (wide ReAct loops, and a deep chain of nested sub-agents). Prints the least CPU time of 9 runs and the
// 50k/10k ratio (5.0 is linear). No peer computes these figures (PostHog and the other viewers have no
// breakdown, loop or outlier functions), so buildTraceTree on the same input is printed as the yardstick.
// Per-event times grow a little from 10k to 50k for every function, buildTraceTree included: the larger
// trees no longer fit in the CPU caches. Flat-ish per-event cost is what linear means here.
import {
  buildTraceTree,
  commonSpanFlows,
  commonSpanPaths,
  detectTraceLoops,
  findTraceOutliers,
  traceBreakdown,
  traceCostBreakdown,
  traceEvaluations,
  traceFeedbackAndMetrics,
  traceModelParameters,
  traceNodesPreOrder,
  tracesBreakdown,
  type TraceOutlierInput,
  type TraceTree,
} from "../src/core";
import { ms } from "./benchUtil";
import { summaryRow } from "./benchSummary";
import { syntheticAgentTrace } from "./syntheticAgentTrace";

const SIZES = [10_000, 50_000] as const;
const RUNS = 9;

/**
 * Least CPU time (user + system, `process.cpuUsage`) of `runs` calls after a warm-up. CPU time,
 * not wall time, and the least, not the median: on a shared 2-core box other processes deschedule
 * this one, which inflates the longer runs most and fakes a superlinear ratio; noise only ever adds.
 */
function leastCpuMs(runs: number, fn: () => unknown): number {
  fn();
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    least = Math.min(least, (used.user + used.system) / 1000);
  }
  return least;
}

type Case = [label: string, run: (tree: TraceTree) => unknown];
const CASES: Case[] = [
  // A bare walk over every node: what any O(n) pass pays for memory alone; it grows faster than ×5 once
  // the 50k tree no longer fits in cache, and so do the light passes below that do little per node.
  ["pre-order walk (yardstick)", (tree) => traceNodesPreOrder(tree).length],
  ["traceBreakdown (tool)", (tree) => traceBreakdown(tree, "tool")],
  ["traceBreakdown (model)", (tree) => traceBreakdown(tree, "model")],
  ["traceBreakdown (span)", (tree) => traceBreakdown(tree, "span")],
  ["detectTraceLoops", (tree) => detectTraceLoops(tree)],
  ["commonSpanPaths", (tree) => commonSpanPaths([tree])],
  ["commonSpanFlows (n=3)", (tree) => commonSpanFlows([tree], { length: 3 })],
  ["traceCostBreakdown", (tree) => traceCostBreakdown(tree)],
  ["traceModelParameters", (tree) => traceModelParameters(tree)],
  ["traceEvaluations + feedback", (tree) => [traceEvaluations(tree), traceFeedbackAndMetrics(tree)]],
];

/** One line: both times, their ratio, and the time per event (flat per-event cost is linear growth). */
function row(label: string, small: number, large: number, sizes: readonly [number, number]): string {
  const perEvent = (t: number, n: number) => `${((t * 1000) / n).toFixed(2)} µs`;
  return `  ${label.padEnd(30)} ${ms(small).padStart(10)} ${ms(large).padStart(10)}   ×${(large / small).toFixed(1).padEnd(5)} ${perEvent(small, sizes[0]).padStart(10)} ${perEvent(large, sizes[1]).padStart(10)}`;
}

for (const deep of [false, true]) {
  const inputs = SIZES.map((n) => syntheticAgentTrace(n, { deep }));
  const trees = inputs.map((input) => buildTraceTree(input));
  const depth = (tree: TraceTree) => {
    let max = 0;
    for (const node of tree.nodesByKey.values()) max = Math.max(max, node.depth);
    return max;
  };
  console.log(`\n${deep ? "Deep" : "Wide"} agent trace: ${inputs.map((i, k) => `${i.events.length.toLocaleString("en")} events (depth ${depth(trees[k] as TraceTree)})`).join(" / ")}`);
  const sizes = [inputs[0]!.events.length, inputs[1]!.events.length] as const;
  console.log(`  ${"function".padEnd(30)} ${"10k".padStart(10)} ${"50k".padStart(10)}   ${"ratio".padEnd(6)} ${"per event".padStart(10)} ${"per event".padStart(10)}   (5.0 = linear)`);
  const [small, large] = inputs.map((input) => leastCpuMs(RUNS, () => buildTraceTree(input)));
  console.log(row("buildTraceTree (yardstick)", small as number, large as number, sizes));
  const shape = deep ? "deep" : "wide";
  summaryRow({ bench: "insight", figure: `buildTraceTree (yardstick), ${shape}, 10k / 50k events`, tracelens: `${ms(small as number)} / ${ms(large as number)}`, ratio: `growth ×${((large as number) / (small as number)).toFixed(1)} (5.0 linear)` });
  for (const [label, run] of CASES) {
    // A fresh tree object each run, so the per-tree tool-call cache never hides the parsing cost.
    const [a, b] = trees.map((tree) => leastCpuMs(RUNS, () => run({ ...tree })));
    console.log(row(label, a as number, b as number, sizes));
    summaryRow({ bench: "insight", figure: `${label}, ${shape}, 10k / 50k events`, tracelens: `${ms(a as number)} / ${ms(b as number)}`, peerName: "buildTraceTree (yardstick)", peer: ms(large as number), ratio: `${((b as number) / (large as number)).toFixed(2)}× the build at 50k; growth ×${((b as number) / (a as number)).toFixed(1)}` });
  }
}

// Set-level: many small traces, as a TracesTable page or a dashboard holds them.
const setSizes = [2_000, 10_000];
const sets = setSizes.map((count) => Array.from({ length: count }, (_, i) => buildTraceTree(syntheticAgentTrace(5 + (i % 20), { traceId: `t${i}` }))));
console.log(`\nSets of small traces: ${setSizes.map((n) => n.toLocaleString("en")).join(" / ")} traces of 5–24 events`);
console.log(`  ${"function".padEnd(30)} ${"2k".padStart(10)} ${"10k".padStart(10)}   ${"ratio".padEnd(6)} ${"per trace".padStart(10)} ${"per trace".padStart(10)}   (5.0 = linear)`);
const setCases: Array<[string, (trees: TraceTree[]) => unknown]> = [
  ["tracesBreakdown (tool)", (trees) => tracesBreakdown(trees, "tool")],
  ["commonSpanPaths", (trees) => commonSpanPaths(trees)],
  [
    "findTraceOutliers (5 metrics)",
    (trees) =>
      findTraceOutliers(
        trees.map<TraceOutlierInput>((tree, i) => ({ traceId: `t${i}`, cost: tree.metrics.totalCost, latency: tree.metrics.totalLatency, tokens: tree.metrics.totalTokens, errors: tree.metrics.errorCount, loops: i % 11 === 0 ? 3 : 0 })),
      ),
  ],
];
for (const [label, run] of setCases) {
  const [a, b] = sets.map((trees) => leastCpuMs(RUNS, () => run(trees.map((tree) => ({ ...tree })))));
  console.log(row(label, a as number, b as number, [setSizes[0]!, setSizes[1]!]));
}
