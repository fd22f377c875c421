/**
 * npm run bench:tables   (tsx bench/tables.bench.ts)
 *
 * TracesTable against a plain table that renders every row (what PostHog's and agent-prism's lists do),
 * with 1k, 10k and 100k synthetic traces, in real Chromium. For each: time to first paint, rows in the
 * DOM, DOM elements, the worst frame while wheel-scrolling (60 × 150 px) and while jumping to the end in 40
 * steps; then the 100k/1k ratios.
 * TABLES_BENCH_SIZES=1000,10000 limits the sizes; TABLES_BENCH_ONLY=virtual skips the plain table. The page
 * under test is test/components/TracesTableBenchPage.tsx, built by Vite in production mode (what a host
 * ships; React's development checks would triple every render) into a temporary folder, served from 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { chromium } from "playwright";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/chromium.mjs";
import type { TablesBenchRow } from "../test/components/TracesTableBenchPage";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TIMEOUT_MS = 15 * 60_000;
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

/** Builds the bench page (production React, minified) into a temporary folder; returns the folder. */
async function buildPage(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), "tracelens-tables-bench-"));
  await build({
    configFile: false,
    root,
    mode: "production",
    logLevel: "error",
    plugins: [react(), tailwindcss()],
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      rollupOptions: { input: path.join(root, "test/components/TracesTableBenchPage.tsx") },
    },
  });
  const manifest = JSON.parse(readFileSync(path.join(outDir, ".vite/manifest.json"), "utf8")) as Record<string, { file: string; css?: string[]; isEntry?: boolean }>;
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry)!;
  const css = (entry.css ?? []).map((href) => `<link rel="stylesheet" href="/${href}">`).join("");
  writeFileSync(
    path.join(outDir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><title>tables bench</title>${css}</head><body style="margin:0"><script type="module" src="/${entry.file}"></script></body></html>`,
  );
  return outDir;
}

function serve(dir: string): Promise<{ port: number; close: () => void }> {
  const server = createHttpServer((req, res) => {
    const url = (req.url ?? "/").split("?")[0]!;
    const file = path.join(dir, url === "/" ? "index.html" : url);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ port: typeof address === "object" && address ? address.port : 0, close: () => server.close() });
    }),
  );
}

const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function printTable(rows: TablesBenchRow[]): void {
  const header = ["table", "traces", "first render (ms)", "rows in DOM", "DOM elements", "worst frame, wheel (ms)", "worst frame, to end (ms)", "scroll to end (ms)", "reached end"];
  const lines = rows.map((r) => [
    r.table,
    r.traces.toLocaleString("en-US"),
    fmt(r.firstRenderMs),
    r.renderedRows.toLocaleString("en-US"),
    r.domNodes.toLocaleString("en-US"),
    fmt(r.worstWheelFrameMs),
    fmt(r.worstFrameMs),
    fmt(r.scrollMs),
    r.reachedEnd ? "yes" : "no",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(row(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(row(line));
}

function printRatios(rows: TablesBenchRow[]): void {
  console.log("\n100k / 1k ratios (1.0 is flat):");
  for (const table of ["TracesTable", "plain table"] as const) {
    const small = rows.find((r) => r.table === table && r.traces === 1_000);
    const large = rows.find((r) => r.table === table && r.traces === 100_000);
    if (!small || !large) continue;
    console.log(
      `  ${table.padEnd(12)} first render ×${(large.firstRenderMs / small.firstRenderMs).toFixed(1)}, ` +
        `rows in DOM ×${(large.renderedRows / small.renderedRows).toFixed(1)}, ` +
        `DOM elements ×${(large.domNodes / small.domNodes).toFixed(1)}, worst wheel frame ×${(large.worstWheelFrameMs / small.worstWheelFrameMs).toFixed(1)}`,
    );
  }
}

async function main(): Promise<void> {
  const dir = await buildPage();
  const server = await serve(dir);
  // --expose-gc lets the page collect between measurements, so one table's garbage is not billed to the next.
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on("pageerror", (error) => console.error("page error:", error.message));
    // TABLES_BENCH_SIZES=1000,10000 runs fewer sizes (the 100k plain table alone takes minutes).
    // TABLES_BENCH_ONLY=virtual skips the plain table.
    const query = new URLSearchParams();
    if (process.env.TABLES_BENCH_SIZES) query.set("sizes", process.env.TABLES_BENCH_SIZES);
    if (process.env.TABLES_BENCH_ONLY) query.set("only", process.env.TABLES_BENCH_ONLY);
    await page.goto(`http://127.0.0.1:${server.port}/${query.size ? `?${query}` : ""}`);
    await page.waitForFunction(() => window.__tablesBench !== undefined, undefined, { timeout: TIMEOUT_MS, polling: 1000 });
    const outcome = await page.evaluate(() => window.__tablesBench!);
    if (outcome.error || !outcome.results) throw new Error(outcome.error ?? "no results");
    console.log(`Chromium ${browser.version()} (headless), production build, viewport 1440×900, synthetic traces\n`);
    printTable(outcome.results);
    printRatios(outcome.results);
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
