/**
 * npm run bench:detail   (tsx bench/detail.bench.ts)
 *
 * TraceDetail against two minimal virtual trees of the same events (bench/pages/minimalTree.tsx): one built
 * by hand with no tracelens code (issue #16's baseline: "a minimal virtual tree, which includes building the
 * tree"; the target ratio is against it) and one over tracelens' own tree model (buildTraceTree +
 * flattenTraceTree), so that ratio shows what TraceDetail adds on top of its data model. 1k, 10k and
 * 50k spans, Chromium, React's production build, a fresh page per (sample, size), the three mounted in turn
 * (order rotating). Measured: first paint, the longest
 * main-thread task, the worst frame while wheel-scrolling the tree and jumping to its end, and (TraceDetail)
 * the time to select a row. BENCH_SAMPLES=5, DETAIL_BENCH_SIZES=1000,10000,50000.
 * Prints figures only; nothing here asserts a time.
 */
import { fmtRatio, machineLine, medianOf, openBenchSite, pairedRatio, printPaired, samplesFromEnv, sizesFromEnv, fmtMs } from "./browserBench";
import { fmtMsOf, fmtX, summaryRow } from "./benchSummary";
import type { DetailPageResult } from "./pages/detailBenchPage";

type Contender = keyof DetailPageResult;
const CONTENDERS: Contender[] = ["handBuilt", "model", "tracelens"];

const SAMPLES = samplesFromEnv();
const SIZES = sizesFromEnv("DETAIL_BENCH_SIZES", [1_000, 10_000, 50_000]);
const FIGURES: Array<[string, string]> = [
  ["firstPaintMs", "first paint"],
  ["longestTaskMs", "longest task"],
  ["worstWheelFrameMs", "worst frame, wheel"],
  ["worstJumpFrameMs", "worst frame, jump to end"],
  ["selectMs", "select a row"],
  ["domNodes", "DOM elements"],
];

async function main(): Promise<void> {
  const site = await openBenchSite("bench/pages/detailBenchPage.tsx");
  const results = new Map<number, DetailPageResult[]>(SIZES.map((s) => [s, []]));
  try {
    console.log(`bench:detail — ${machineLine(site.chromiumVersion)}`);
    for (let sample = 0; sample < SAMPLES; sample++) {
      for (const spans of SIZES) {
        const result = await site.run<DetailPageResult>({ spans, sample });
        results.get(spans)!.push(result);
        process.stderr.write(`  sample ${sample + 1}/${SAMPLES} ${spans} spans: first paint ${fmtMs(result.tracelens.firstPaintMs)} vs model tree ${fmtMs(result.model.firstPaintMs)}, hand-built ${fmtMs(result.handBuilt.firstPaintMs)} ms\n`);
      }
    }
    printPaired({ title: "TraceDetail vs a minimal virtual tree built by hand (no tracelens code)", unit: "spans", baseline: "handBuilt", subject: "tracelens", figures: FIGURES, results });
    printPaired({ title: "TraceDetail vs a minimal virtual tree over tracelens' tree model (buildTraceTree + flattenTraceTree)", unit: "spans", baseline: "model", subject: "tracelens", figures: FIGURES.slice(0, 1), results });
    const missed = [...results.values()].flat().filter((p) => CONTENDERS.some((who) => !p[who].reachedEnd)).length;
    if (missed) console.log(`  ${missed} page(s) did not reach the last row`);
    const at10k = results.get(10_000);
    if (at10k) {
      console.log(`first paint at 10,000 spans, TraceDetail / hand-built tree: ${fmtRatio(pairedRatio(at10k, "handBuilt", "tracelens", "firstPaintMs"))}   (#16 target ≤ 1.50×)`);
      console.log(`first paint at 10,000 spans, TraceDetail / tree over tracelens' model: ${fmtRatio(pairedRatio(at10k, "model", "tracelens", "firstPaintMs"))}`);
    }
    for (const [spans, pages] of results) {
      const ratio = pairedRatio(pages, "handBuilt", "tracelens", "firstPaintMs");
      const figure = `first paint, ${spans.toLocaleString("en-US")} spans`;
      summaryRow({ bench: "detail (TraceDetail)", figure, tracelens: fmtMsOf(medianOf(pages, "tracelens", "firstPaintMs")), peerName: "hand-built virtual tree", peer: fmtMsOf(medianOf(pages, "handBuilt", "firstPaintMs")), ratio: fmtX(ratio), ...(spans === 10_000 ? { target: "≤ 1.50×", met: ratio <= 1.5 } : {}) });
      summaryRow({ bench: "detail (TraceDetail)", figure, tracelens: fmtMsOf(medianOf(pages, "tracelens", "firstPaintMs")), peerName: "virtual tree over buildTraceTree", peer: fmtMsOf(medianOf(pages, "model", "firstPaintMs")), ratio: fmtX(pairedRatio(pages, "model", "tracelens", "firstPaintMs")) });
    }
    if (at10k && results.has(50_000)) {
      const growth = (who: Contender) => medianOf(results.get(50_000), who, "firstPaintMs") / medianOf(at10k, who, "firstPaintMs");
      console.log(`first paint 50,000 / 10,000 spans: TraceDetail ${fmtRatio(growth("tracelens"))}, model tree ${fmtRatio(growth("model"))}, hand-built ${fmtRatio(growth("handBuilt"))}   (5.00× is linear)`);
      summaryRow({ bench: "detail (TraceDetail)", figure: "first paint growth 50,000 / 10,000 spans", tracelens: fmtX(growth("tracelens")), peerName: "hand-built tree", peer: fmtX(growth("handBuilt")), target: "linear (≤ 5.00×)", met: growth("tracelens") <= 5 });
    }
  } finally {
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
