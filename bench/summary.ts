/**
 * npm run bench   (tsx bench/summary.ts)
 *
 * Runs every benchmark in turn, each in its own process with its peers (their own output passes through),
 * then prints one table of every figure and ratio they reported (bench/benchSummary.ts), with the machine
 * and its load before and after, for bench/RESULTS.md. BENCH_ONLY=core,requests,… picks benchmarks;
 * BENCH_SAMPLES and each benchmark's own variables pass through. Asserts nothing: a missed target is a row
 * marked "missed", and a benchmark that fails is a row saying so.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { machineLine } from "./benchUtil";
import { SUMMARY_TAG, type SummaryRow } from "./benchSummary";

const ALL = ["core", "insight", "requests", "inference", "markdown", "tables", "detail", "freeze"];
const ONLY = process.env.BENCH_ONLY?.split(",").filter(Boolean);
const BENCHES = ONLY?.length ? ALL.filter((b) => ONLY.includes(b)) : ALL;

const load = () => {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "unknown";
  }
};

function run(bench: string, rows: SummaryRow[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", `bench:${bench}`], { env: { ...process.env, BENCH_SUMMARY: "1" }, stdio: ["ignore", "pipe", "inherit"] });
    let pending = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        // A tagged line may follow other text on the same line (a browser's console output, vitest's prefix).
        const at = line.indexOf(SUMMARY_TAG);
        if (at < 0) process.stdout.write(`${line}\n`);
        else rows.push(JSON.parse(line.slice(at + SUMMARY_TAG.length)) as SummaryRow);
      }
    });
    child.on("close", (code) => {
      if (pending) process.stdout.write(pending);
      resolve(code ?? 1);
    });
  });
}

async function main(): Promise<void> {
  const started = new Date();
  const loadBefore = load();
  const rows: SummaryRow[] = [];
  for (const bench of BENCHES) {
    console.log(`\n===== bench:${bench} =====`);
    const before = rows.length;
    const code = await run(bench, rows);
    if (code !== 0) rows.push({ bench, figure: `FAILED (exit code ${code}); see its output above`, tracelens: "–" });
    else if (rows.length === before) rows.push({ bench, figure: "no summary rows (see its output above)", tracelens: "–" });
  }
  const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(0);
  console.log(`\n===== summary =====`);
  console.log(`${await machineLine()}; started ${started.toISOString().slice(0, 16)} UTC, ${minutes} min; load average before ${loadBefore}, after ${load()}`);
  const header = ["bench", "figure", "tracelens", "peer", "peer figure", "ratio", "target", "met"];
  const table = rows.map((r) => [r.bench, r.figure, r.tracelens, r.peerName ?? "", r.peer ?? "", r.ratio ?? "", r.target ?? "", r.met === undefined ? "" : r.met ? "yes" : "missed"]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of table) console.log(line(row));
  const missed = rows.filter((r) => r.met === false).length;
  const withTarget = rows.filter((r) => r.met !== undefined).length;
  console.log(`\n${withTarget} figures have a target; ${missed === 0 ? "none" : missed} missed in this run.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
