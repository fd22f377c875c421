/**
 * npm run bench:tables   (tsx bench/tables.bench.ts)
 *
 * TracesTable and GenerationsTable against a bare TanStack Virtual table of the same rows (bench/pages/
 * bareTables.tsx), at 1k, 10k and 100k synthetic traces, in Chromium with React's production build. Every
 * (sample, size, table) gets a fresh page in which both contenders are mounted in turn (order alternating),
 * so machine noise hits both; figures are medians over the samples with min–max, ratios are the median of
 * the per-page ratios. Measured: first paint, the longest main-thread task (Chromium long tasks; "<50"
 * when none reached 50 ms), and the worst frame while wheel-scrolling and while jumping to the end.
 * BENCH_SAMPLES=5, TABLES_BENCH_SIZES=1000,10000,100000, TABLES_BENCH_ONLY=traces|generations.
 * Prints figures only; nothing here asserts a time.
 */
import { fmtMs, fmtRatio, machineLine, medianOf, openBenchSite, pairedRatio, printPaired, samplesFromEnv, sizesFromEnv } from "./browserBench";
import { fmtMsOf, fmtX, summaryRow } from "./benchSummary";
import type { TablesPageResult } from "./pages/tablesBenchPage";

const SAMPLES = samplesFromEnv();
const SIZES = sizesFromEnv("TABLES_BENCH_SIZES", [1_000, 10_000, 100_000]);
const TABLES = (["traces", "generations"] as const).filter((t) => !process.env.TABLES_BENCH_ONLY || process.env.TABLES_BENCH_ONLY === t);
const NAME = { traces: "TracesTable", generations: "GenerationsTable" } as const;
const FIGURES: Array<[string, string]> = [
  ["firstPaintMs", "first paint"],
  ["longestTaskMs", "longest task"],
  ["worstWheelFrameMs", "worst frame, wheel"],
  ["worstJumpFrameMs", "worst frame, jump to end"],
  ["domNodes", "DOM elements"],
];

function report(table: (typeof TABLES)[number], results: Map<number, TablesPageResult[]>): void {
  printPaired({ title: `${NAME[table]} vs a bare TanStack Virtual table of the same rows`, unit: "rows", baseline: "bare", subject: "tracelens", figures: FIGURES, results });
  const missed = [...results.values()].flat().filter((p) => !p.tracelens.reachedEnd || !p.bare.reachedEnd).length;
  if (missed) console.log(`  ${missed} page(s) did not reach the last row`);
  const lo = SIZES[0]!;
  const hi = SIZES[SIZES.length - 1]!;
  if (SIZES.length < 2) return;
  const growth = (who: "bare" | "tracelens") => medianOf(results.get(hi), who, "firstPaintMs") / medianOf(results.get(lo), who, "firstPaintMs");
  const frames = (who: "bare" | "tracelens") => Math.max(...(results.get(hi) ?? []).flatMap((p) => [p[who].worstWheelFrameMs, p[who].worstJumpFrameMs]));
  const [loText, hiText] = [lo.toLocaleString("en-US"), hi.toLocaleString("en-US")];
  console.log(`first paint ${hiText} / ${loText} rows: tracelens ${fmtRatio(growth("tracelens"))}, bare ${fmtRatio(growth("bare"))}   (#16 target for TracesTable: tracelens ≤ 1.30×)`);
  console.log(`first paint at ${hiText} rows, tracelens / bare: ${fmtRatio(pairedRatio(results.get(hi), "bare", "tracelens", "firstPaintMs"))}   (target ≤ 2.00×)`);
  console.log(`worst scroll frame at ${hiText} rows, any sample: tracelens ${fmtMs(frames("tracelens"))} ms, bare ${fmtMs(frames("bare"))} ms   (target: none over 50 ms)`);
  const bench = `tables (${NAME[table]})`;
  const isTraces = table === "traces";
  for (const size of SIZES) {
    const pages = results.get(size);
    const ratio = pairedRatio(pages, "bare", "tracelens", "firstPaintMs");
    summaryRow({
      bench,
      figure: `first paint, ${size.toLocaleString("en-US")} rows`,
      tracelens: fmtMsOf(medianOf(pages, "tracelens", "firstPaintMs")),
      peerName: "bare TanStack Virtual table",
      peer: fmtMsOf(medianOf(pages, "bare", "firstPaintMs")),
      ratio: fmtX(ratio),
      ...(isTraces && size === hi ? { target: "≤ 2.00×", met: ratio <= 2 } : {}),
    });
  }
  summaryRow({ bench, figure: `first paint growth ${hiText} / ${loText} rows`, tracelens: fmtX(growth("tracelens")), peerName: "bare table", peer: fmtX(growth("bare")), ...(isTraces ? { target: "≤ 1.30×", met: growth("tracelens") <= 1.3 } : {}) });
  summaryRow({ bench, figure: `worst scroll frame, ${hiText} rows, any sample`, tracelens: fmtMsOf(frames("tracelens")), peerName: "bare table", peer: fmtMsOf(frames("bare")), ...(isTraces ? { target: "≤ 50 ms", met: frames("tracelens") <= 50 } : {}) });
}

async function main(): Promise<void> {
  const site = await openBenchSite("bench/pages/tablesBenchPage.tsx");
  const results = new Map(TABLES.map((t) => [t, new Map<number, TablesPageResult[]>(SIZES.map((s) => [s, []]))]));
  try {
    console.log(`bench:tables — ${machineLine(site.chromiumVersion)}`);
    for (let sample = 0; sample < SAMPLES; sample++) {
      for (const size of SIZES) {
        for (const table of TABLES) {
          const result = await site.run<TablesPageResult>({ table, size, sample });
          results.get(table)!.get(size)!.push(result);
          process.stderr.write(`  sample ${sample + 1}/${SAMPLES} ${NAME[table]} ${size}: first paint ${fmtMs(result.tracelens.firstPaintMs)} vs bare ${fmtMs(result.bare.firstPaintMs)} ms\n`);
        }
      }
    }
    for (const table of TABLES) report(table, results.get(table)!);
  } finally {
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
