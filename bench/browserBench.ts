/**
 * The Node half shared by the browser benchmarks (bench:tables, bench:detail, bench:freeze): builds one
 * bench page with Vite in production mode (React's production build, minified, what a host ships) into a
 * temporary folder, serves it from 127.0.0.1, and opens every measurement in a FRESH browser context, so
 * no size or sample inherits another's garbage, JIT state or caches. Pages report through `window.__bench`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { chromium, type Browser } from "playwright";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/chromium.mjs";
import type { BenchOutcome } from "./pages/benchProbe";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

export interface BenchSite {
  /** Opens `?query` in a fresh context and returns what the page published. */
  run<T>(query: Record<string, string | number>, timeoutMs?: number): Promise<T>;
  chromiumVersion: string;
  close(): Promise<void>;
}

/** Builds `entry` (a module under bench/pages) into a page and serves it; Chromium starts with `--expose-gc`. */
export async function openBenchSite(entry: string): Promise<BenchSite> {
  const dir = await buildPage(entry);
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc"] });
  return {
    chromiumVersion: browser.version(),
    run: <T>(query: Record<string, string | number>, timeoutMs = 10 * 60_000) => runPage<T>(browser, server.port, query, timeoutMs),
    async close() {
      await browser.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function buildPage(entry: string): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), "tracelens-bench-"));
  await build({
    configFile: false,
    root,
    mode: "production",
    logLevel: "error",
    plugins: [react(), tailwindcss()],
    build: { outDir, emptyOutDir: true, manifest: true, rollupOptions: { input: path.join(root, entry) } },
  });
  const manifest = JSON.parse(readFileSync(path.join(outDir, ".vite/manifest.json"), "utf8")) as Record<string, { file: string; css?: string[]; isEntry?: boolean }>;
  const chunk = Object.values(manifest).find((c) => c.isEntry)!;
  const css = (chunk.css ?? []).map((href) => `<link rel="stylesheet" href="/${href}">`).join("");
  writeFileSync(
    path.join(outDir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><title>tracelens bench</title>${css}</head><body style="margin:0"><script type="module" src="/${chunk.file}"></script></body></html>`,
  );
  return outDir;
}

function serve(dir: string): Promise<{ port: number; close: () => void }> {
  const server = createHttpServer((req, res) => {
    const url = (req.url ?? "/").split("?")[0]!;
    const file = path.join(dir, url === "/" ? "index.html" : url);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ port: typeof address === "object" && address ? address.port : 0, close: () => server.close() });
    }),
  );
}

async function runPage<T>(browser: Browser, port: number, query: Record<string, string | number>, timeoutMs: number): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    await page.goto(`http://127.0.0.1:${port}/?${search}`);
    await page.waitForFunction(() => (window as { __bench?: unknown }).__bench !== undefined, undefined, { timeout: timeoutMs, polling: 250 });
    const outcome = await page.evaluate(() => (window as unknown as { __bench: BenchOutcome<unknown> }).__bench);
    if (outcome.error !== undefined) throw new Error(`bench page ${search}: ${outcome.error}`);
    if (errors.length) throw new Error(`bench page ${search}: ${errors.join("; ")}`);
    return outcome.result as T;
  } finally {
    await context.close();
  }
}

/** Median, min and max of the samples. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stat(samples: readonly number[]): Stat {
  const sorted = samples.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

export const fmtMs = (value: number) => (!Number.isFinite(value) ? "–" : value >= 100 ? value.toFixed(0) : value.toFixed(1));

/** "42.1 (40.3–47.9)": median with the range. */
export function fmtStat(s: Stat): string {
  return s.n === 0 ? "–" : `${fmtMs(s.median)} (${fmtMs(s.min)}–${fmtMs(s.max)})`;
}

export const fmtRatio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");

/** A plain-text table, columns padded. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

/** The machine, as RESULTS.md records it: CPU model and count, load, Node and Chromium versions. */
export function machineLine(chromiumVersion: string): string {
  let model = cpus()[0]?.model ?? "unknown CPU";
  try {
    const lscpu = execFileSync("lscpu", { encoding: "utf8" });
    model = /Model name:\s*(.+)/.exec(lscpu)?.[1]?.trim() ?? model;
  } catch {
    // lscpu is Linux only; the Node view of the CPU does.
  }
  const load = (() => {
    try {
      return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    } catch {
      return "n/a";
    }
  })();
  return `${model}, ${cpus().length} cores, load ${load}; Node ${process.version}; Chromium ${chromiumVersion} headless; production build`;
}

/** `BENCH_SAMPLES` (default 5, at least 1). */
export function samplesFromEnv(fallback = 5): number {
  const n = Number(process.env.BENCH_SAMPLES);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** A comma list from the environment, as numbers. */
export function sizesFromEnv(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  const sizes = raw.split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return sizes.length ? sizes : fallback;
}

const taskText = (value: number) => (value < 50 ? "<50" : fmtMs(value));

/** What one page measured for each contender: figures by name. */
export type PairedPage<B extends string, S extends string> = Record<B | S, object>;

export interface PairedReport<B extends string, S extends string> {
  title: string;
  /** The size column's header ("rows", "spans"). */
  unit: string;
  baseline: B;
  subject: S;
  /** Figure key → label; keys ending in "TaskMs" are long-task figures (shown as "<50" below 50 ms, no ratio). */
  figures: Array<[string, string]>;
  results: ReadonlyMap<number, ReadonlyArray<PairedPage<B, S>>>;
}

const num = (figures: object, key: string) => {
  const value = (figures as Record<string, unknown>)[key];
  return typeof value === "number" ? value : NaN;
};

/** One table: per size and figure, both contenders' median (min–max) and the median of the per-page ratios. */
export function printPaired<B extends string, S extends string>(report: PairedReport<B, S>): void {
  const { baseline, subject } = report;
  const rows: string[][] = [];
  for (const [size, pages] of report.results) {
    for (const [key, label] of report.figures) {
      const a = stat(pages.map((p) => num(p[baseline], key)));
      const b = stat(pages.map((p) => num(p[subject], key)));
      const isTask = key.endsWith("TaskMs");
      const ratio = stat(pages.map((p) => num(p[subject], key) / num(p[baseline], key)));
      rows.push([
        size.toLocaleString("en-US"),
        label,
        isTask ? `${taskText(a.median)} (max ${taskText(a.max)})` : fmtStat(a),
        isTask ? `${taskText(b.median)} (max ${taskText(b.max)})` : fmtStat(b),
        isTask || a.n === 0 || b.n === 0 ? "" : fmtRatio(ratio.median),
      ]);
    }
  }
  console.log(`\n${report.title} (ms; median (min–max) over fresh pages; ratio: median of the per-page ratios)`);
  printTable([report.unit, "figure", baseline, subject, `${subject}/${baseline}`], rows);
}

/** Median of one contender's figure at one size. */
export function medianOf<B extends string, S extends string>(pages: ReadonlyArray<PairedPage<B, S>> | undefined, who: B | S, key: string): number {
  return stat((pages ?? []).map((p) => num(p[who], key))).median;
}

/** Median of the per-page subject/baseline ratios of one figure at one size. */
export function pairedRatio<B extends string, S extends string>(pages: ReadonlyArray<PairedPage<B, S>> | undefined, baseline: B, subject: S, key: string): number {
  return stat((pages ?? []).map((p) => num(p[subject], key) / num(p[baseline], key))).median;
}
