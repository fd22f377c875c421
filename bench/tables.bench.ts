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
import { fmtMs, fmtRatio, fmtStat, machineLine, openBenchSite, printTable, samplesFromEnv, sizesFromEnv, stat } from "./browserBench";
import type { TableFigures, TablesPageResult } from "./pages/tablesBenchPage";

const SAMPLES = samplesFromEnv();
const SIZES = sizesFromEnv("TABLES_BENCH_SIZES", [1_000, 10_000, 100_000]);
const TABLES = (["traces", "generations"] as const).filter((t) => !process.env.TABLES_BENCH_ONLY || process.env.TABLES_BENCH_ONLY === t);
const NAME = { traces: "TracesTable", generations: "GenerationsTable" } as const;

type Key = `${(typeof TABLES)[number]}:${number}`;
const FIGURES: Array<[keyof TableFigures, string]> = [
  ["firstPaintMs", "first paint"],
  ["longestTaskMs", "longest task"],
  ["worstWheelFrameMs", "worst frame, wheel"],
  ["worstJumpFrameMs", "worst frame, jump to end"],
];

const taskText = (value: number) => (value < 50 ? "<50" : fmtMs(value));

function report(table: (typeof TABLES)[number], results: Map<Key, TablesPageResult[]>): void {
  console.log(`\n${NAME[table]} vs a bare TanStack Virtual table (ms; median (min–max) of ${SAMPLES} fresh pages)`);
  const rows: string[][] = [];
  for (const size of SIZES) {
    const pages = results.get(`${table}:${size}`) ?? [];
    for (const [key, label] of FIGURES) {
      const bare = stat(pages.map((p) => p.bare[key] as number));
      const ours = stat(pages.map((p) => p.tracelens[key] as number));
      const ratio = stat(pages.map((p) => (p.tracelens[key] as number) / (p.bare[key] as number)));
      const isTask = key === "longestTaskMs";
      rows.push([
        size.toLocaleString("en-US"),
        label,
        isTask ? `${taskText(bare.median)} (max ${taskText(bare.max)})` : fmtStat(bare),
        isTask ? `${taskText(ours.median)} (max ${taskText(ours.max)})` : fmtStat(ours),
        isTask ? "" : fmtRatio(ratio.median),
      ]);
    }
    const last = pages[pages.length - 1];
    if (last) {
      rows.push([
        size.toLocaleString("en-US"),
        "rows / DOM elements",
        `${last.bare.renderedRows} / ${last.bare.domNodes}`,
        `${last.tracelens.renderedRows} / ${last.tracelens.domNodes}`,
        pages.every((p) => p.tracelens.reachedEnd && p.bare.reachedEnd) ? "end reached" : "END NOT REACHED",
      ]);
    }
  }
  printTable(["rows", "figure", "bare", "tracelens", "tracelens/bare"], rows);

  const small = results.get(`${table}:${SIZES[0]!}`);
  const large = results.get(`${table}:${SIZES[SIZES.length - 1]!}`);
  if (small && large && SIZES.length > 1) {
    const median = (pages: TablesPageResult[], who: "bare" | "tracelens") => stat(pages.map((p) => p[who].firstPaintMs)).median;
    const growth = (who: "bare" | "tracelens") => median(large, who) / median(small, who);
    const vsBare = stat(large.map((p) => p.tracelens.firstPaintMs / p.bare.firstPaintMs)).median;
    const worstFrame = Math.max(...large.flatMap((p) => [p.tracelens.worstWheelFrameMs, p.tracelens.worstJumpFrameMs]));
    const worstBareFrame = Math.max(...large.flatMap((p) => [p.bare.worstWheelFrameMs, p.bare.worstJumpFrameMs]));
    const [lo, hi] = [SIZES[0]!.toLocaleString("en-US"), SIZES[SIZES.length - 1]!.toLocaleString("en-US")];
    console.log(`first paint ${hi} / ${lo} rows: tracelens ${fmtRatio(growth("tracelens"))}, bare ${fmtRatio(growth("bare"))}  (issue #16 target: tracelens ≤ 1.30×)`);
    console.log(`first paint at ${hi} rows, tracelens / bare: ${fmtRatio(vsBare)}  (target ≤ 2.00×)`);
    console.log(`worst scroll frame at ${hi} rows, any sample: tracelens ${fmtMs(worstFrame)} ms, bare ${fmtMs(worstBareFrame)} ms  (target: none over 50 ms)`);
  }
}

async function main(): Promise<void> {
  const site = await openBenchSite("bench/pages/tablesBenchPage.tsx");
  const results = new Map<Key, TablesPageResult[]>();
  try {
    console.log(`bench:tables — ${machineLine(site.chromiumVersion)}`);
    for (let sample = 0; sample < SAMPLES; sample++) {
      for (const size of SIZES) {
        for (const table of TABLES) {
          const result = await site.run<TablesPageResult>({ table, size, sample });
          const key: Key = `${table}:${size}`;
          results.set(key, [...(results.get(key) ?? []), result]);
          process.stderr.write(`  sample ${sample + 1}/${SAMPLES} ${NAME[table]} ${size}: first paint ${fmtMs(result.tracelens.firstPaintMs)} vs bare ${fmtMs(result.bare.firstPaintMs)} ms\n`);
        }
      }
    }
    for (const table of TABLES) report(table, results);
  } finally {
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
