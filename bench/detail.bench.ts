/**
 * npm run bench:detail   (tsx bench/detail.bench.ts)
 *
 * TraceDetail against a minimal virtual tree that builds its own tree from the same events (bench/pages/
 * minimalTree.tsx), at 1k, 10k and 50k spans, in Chromium with React's production build: a fresh page per
 * (sample, size), both contenders mounted in turn (order alternating). Measured: first paint, the longest
 * main-thread task, the worst frame while wheel-scrolling the tree and jumping to its end, and (TraceDetail)
 * the time to select a row. BENCH_SAMPLES=5, DETAIL_BENCH_SIZES=1000,10000,50000.
 * Prints figures only; nothing here asserts a time.
 */
import { fmtRatio, machineLine, medianOf, openBenchSite, pairedRatio, printPaired, samplesFromEnv, sizesFromEnv, fmtMs } from "./browserBench";
import type { DetailPageResult } from "./pages/detailBenchPage";

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
        process.stderr.write(`  sample ${sample + 1}/${SAMPLES} ${spans} spans: first paint ${fmtMs(result.tracelens.firstPaintMs)} vs minimal ${fmtMs(result.minimal.firstPaintMs)} ms\n`);
      }
    }
    printPaired({ title: "TraceDetail vs a minimal virtual tree (which builds its tree)", unit: "spans", baseline: "minimal", subject: "tracelens", figures: FIGURES, results });
    const missed = [...results.values()].flat().filter((p) => !p.tracelens.reachedEnd || !p.minimal.reachedEnd).length;
    if (missed) console.log(`  ${missed} page(s) did not reach the last row`);
    if (results.has(10_000)) console.log(`first paint at 10,000 spans, TraceDetail / minimal tree: ${fmtRatio(pairedRatio(results.get(10_000), "minimal", "tracelens", "firstPaintMs"))}   (#16 target ≤ 1.50×)`);
    if (results.has(10_000) && results.has(50_000)) {
      const growth = (who: "minimal" | "tracelens") => medianOf(results.get(50_000), who, "firstPaintMs") / medianOf(results.get(10_000), who, "firstPaintMs");
      console.log(`first paint 50,000 / 10,000 spans: TraceDetail ${fmtRatio(growth("tracelens"))}, minimal ${fmtRatio(growth("minimal"))}   (5.00× is linear)`);
    }
  } finally {
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
