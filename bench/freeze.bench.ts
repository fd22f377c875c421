/**
 * npm run bench:freeze   (tsx bench/freeze.bench.ts)
 *
 * Issue #15's "no freezes": every component that takes host data, at 20,000 traces in one session or
 * 100,000 rows, mounted and used (sorting, searching, expanding, filtering) in Chromium with React's
 * production build, a fresh page per scenario and sample. For each step: the longest main-thread task
 * (Chromium long tasks; "<50" when none reached 50 ms) against the 200 ms budget, and the time until its
 * result was painted. The peer is the plain way to show a session: a list that renders every trace.
 * BENCH_SAMPLES=5, FREEZE_BENCH_ONLY=session,traces,… Prints figures only; nothing here asserts a time.
 */
import { fmtMs, fmtStat, machineLine, openBenchSite, printTable, samplesFromEnv, stat } from "./browserBench";
import { fmtMsOf, summaryRow } from "./benchSummary";
import type { FreezePageResult } from "./pages/freezeBenchPage";

const BUDGET_MS = 200;
const PAGE_TIMEOUT_MS = 4 * 60_000;
const SAMPLES = samplesFromEnv();
const ALL = ["session-plain", "session", "session-provider", "overview", "traces", "generations", "detail", "evaluation"];
const ONLY = process.env.FREEZE_BENCH_ONLY?.split(",").filter(Boolean);
const SCENARIOS = ONLY?.length ? ALL.filter((s) => ONLY.includes(s)) : ALL;

const task = (value: number) => (value === Infinity ? "∞" : value < 50 ? "<50" : fmtMs(value));

async function main(): Promise<void> {
  const site = await openBenchSite("bench/pages/freezeBenchPage.tsx");
  const results = new Map<string, FreezePageResult[]>(SCENARIOS.map((s) => [s, []]));
  try {
    console.log(`bench:freeze — ${machineLine(site.chromiumVersion)}`);
    for (let sample = 0; sample < SAMPLES; sample++) {
      for (const scenario of SCENARIOS) {
        let result: FreezePageResult;
        try {
          result = await site.run<FreezePageResult>({ scenario, sample }, PAGE_TIMEOUT_MS);
        } catch (error) {
          // A page that never finishes is the worst freeze there is: it is reported, and the run goes on.
          const reason = error instanceof Error ? error.message.split("\n")[0]! : String(error);
          result = { title: `${scenario} (did not finish: ${reason})`, steps: [{ name: "whole page", ms: NaN, longestTaskMs: Infinity }] };
        }
        results.get(scenario)!.push(result);
        process.stderr.write(`  sample ${sample + 1}/${SAMPLES} ${scenario}: longest task ${task(Math.max(...result.steps.map((s) => s.longestTaskMs)))} ms\n`);
      }
    }
    console.log(`\nLongest main-thread task per step (ms; median (max) over ${SAMPLES} fresh pages; budget ${BUDGET_MS} ms) and time until painted (median (min–max))`);
    const rows: string[][] = [];
    let over = 0;
    for (const [scenario, pages] of results) {
      const first = pages.find((p) => p.steps.length > 1) ?? pages[0];
      if (!first) continue;
      first.steps.forEach((step, i) => {
        const tasks = stat(pages.map((p) => p.steps[i]?.longestTaskMs ?? NaN));
        const times = stat(pages.map((p) => p.steps[i]?.ms ?? NaN));
        const peer = scenario === "session-plain";
        if (!peer && tasks.max > BUDGET_MS) over++;
        rows.push([i === 0 ? first.title : "", step.name, `${task(tasks.median)} (${task(tasks.max)})`, fmtStat(times), peer ? "peer" : tasks.max > BUDGET_MS ? "OVER" : "ok"]);
        summaryRow({
          bench: "freeze",
          figure: `${scenario}: ${step.name}, longest task (worst sample)`,
          tracelens: peer ? "–" : `${task(tasks.max)} ms`,
          ...(peer ? { peerName: "plain list, every trace rendered", peer: `${task(tasks.max)} ms` } : { target: `≤ ${BUDGET_MS} ms`, met: tasks.max <= BUDGET_MS }),
        });
        if (i === 0) summaryRow({ bench: "freeze", figure: `${scenario}: ${step.name}, until painted (median)`, tracelens: peer ? "–" : fmtMsOf(times.median), ...(peer ? { peerName: "plain list", peer: fmtMsOf(times.median) } : {}) });
      });
    }
    printTable(["scenario", "step", "longest task", "until painted", `≤ ${BUDGET_MS} ms`], rows);
    console.log(`\n${over === 0 ? "No" : over} tracelens step${over === 1 ? "" : "s"} had a task over ${BUDGET_MS} ms in any sample.`);
  } finally {
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
