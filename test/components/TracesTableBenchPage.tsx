/**
 * The browser half of `npm run bench:tables` (bench/tables.bench.ts serves this module through Vite and
 * opens it in Chromium). For 1k, 10k and 100k traces it mounts TracesTable and a plain table that renders
 * every row (what PostHog's and agent-prism's lists do), and measures time to first paint, rendered rows,
 * DOM size, and the worst frame while scrolling to the end. Results go to `window.__tablesBench`.
 */
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { formatCost, formatLatency, formatRelativeTime, formatTokens } from "../../src/core";
import type { LLMTrace } from "../../src/core";
import { TracesTable } from "../../src/all";
import { traceInputPreview, traceOutputPreview } from "../../src/core/tracePreviews";
import { tracePersonLabel } from "../../src/core/traceRows";
import { FIXTURE_NOW, syntheticTraces } from "../../stories/fixtures/tableFixtures";
import "../../src/styles/index.css";

export interface TablesBenchRow {
  table: "TracesTable" | "plain table";
  traces: number;
  firstRenderMs: number;
  renderedRows: number;
  domNodes: number;
  /** Worst frame while wheel-scrolling 60 × 150 px. */
  worstWheelFrameMs: number;
  /** Worst frame while jumping to the end in 40 steps. */
  worstFrameMs: number;
  scrollMs: number;
  reachedEnd: boolean;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Every row in the DOM, with the same columns' content: the baseline. */
function PlainTable({ traces }: { traces: readonly LLMTrace[] }) {
  return (
    <div data-slot="plain-viewport" style={{ height: 600, overflow: "auto" }}>
      <table aria-label="Plain traces" style={{ borderCollapse: "collapse", fontSize: 12 }}>
        <thead>
          <tr>
            {["ID", "Trace name", "Input", "Output", "Person", "Latency", "Tokens", "Cost", "Time"].map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {traces.map((trace, i) => (
            <tr key={trace.id} data-plain-row aria-rowindex={i + 2}>
              <td>{trace.id.slice(0, 4)}…{trace.id.slice(-4)}</td>
              <td>{trace.traceName ?? "–"}</td>
              <td>{traceInputPreview(trace)?.text}</td>
              <td>{traceOutputPreview(trace)?.text}</td>
              <td>{tracePersonLabel(trace)}</td>
              <td>{formatLatency(trace.totalLatency)}</td>
              <td>{formatTokens(trace.inputTokens, trace.outputTokens)}</td>
              <td>{formatCost(trace.totalCost)}</td>
              <td>{formatRelativeTime(trace.createdAt, { now: FIXTURE_NOW })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Wheel-like scrolling: 60 steps of 150 px from the top, one frame each; the worst frame. */
async function wheel(scroller: HTMLElement): Promise<number> {
  scroller.scrollTop = 0;
  let last = await frame();
  let worst = 0;
  for (let i = 1; i <= 60; i++) {
    scroller.scrollTop = i * 150;
    const now = await frame();
    worst = Math.max(worst, now - last);
    last = now;
  }
  return worst;
}

/** Jumps to the end in 40 equal steps (each replaces every rendered row); the worst frame and total time. */
async function scrollToEnd(scroller: HTMLElement, isAtEnd: () => boolean) {
  const steps = 40;
  let worst = 0;
  const start = performance.now();
  let last = await frame();
  for (let i = 1; i <= steps; i++) {
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * (i / steps);
    const now = await frame();
    worst = Math.max(worst, now - last);
    last = now;
  }
  for (let i = 0; i < 5 && !isAtEnd(); i++) {
    scroller.scrollTop = scroller.scrollHeight;
    const now = await frame();
    worst = Math.max(worst, now - last);
    last = now;
  }
  return { worstFrameMs: worst, scrollMs: performance.now() - start, reachedEnd: isAtEnd() };
}

async function measure(kind: TablesBenchRow["table"], traces: LLMTrace[]): Promise<TablesBenchRow> {
  const host = document.createElement("div");
  host.className = "tl-root";
  host.style.width = "1400px";
  document.body.appendChild(host);
  const root = createRoot(host);
  (window as unknown as { gc?: () => void }).gc?.();
  await frame();
  const start = performance.now();
  flushSync(() =>
    root.render(kind === "TracesTable" ? <TracesTable traces={traces} now={FIXTURE_NOW} height={600} /> : <PlainTable traces={traces} />),
  );
  await frame();
  const firstRenderMs = performance.now() - start;
  const rowSelector = kind === "TracesTable" ? "tr[data-row-id]" : "tr[data-plain-row]";
  const renderedRows = host.querySelectorAll(rowSelector).length;
  const domNodes = host.getElementsByTagName("*").length;
  const scroller = host.querySelector<HTMLElement>(kind === "TracesTable" ? '[data-slot="traces-table-viewport"]' : '[data-slot="plain-viewport"]')!;
  const worstWheelFrameMs = await wheel(scroller);
  const lastIndex = String(traces.length + 1);
  const scroll = await scrollToEnd(scroller, () =>
    [...host.querySelectorAll(rowSelector)].some((row) => {
      if (row.getAttribute("aria-rowindex") !== lastIndex) return false;
      const box = row.getBoundingClientRect();
      return box.bottom <= scroller.getBoundingClientRect().bottom + 1;
    }),
  );
  root.unmount();
  host.remove();
  await frame();
  return { table: kind, traces: traces.length, firstRenderMs, renderedRows, domNodes, worstWheelFrameMs, ...scroll };
}

async function run(): Promise<TablesBenchRow[]> {
  const results: TablesBenchRow[] = [];
  const params = new URLSearchParams(location.search);
  const asked = params.get("sizes");
  const sizes = asked ? asked.split(",").map(Number).filter((n) => n > 0) : [1_000, 10_000, 100_000];
  for (const size of sizes) {
    const traces = syntheticTraces(size);
    // A warm-up mount, so module and style initialisation is not billed to the first size.
    if (size === sizes[0]) await measure("TracesTable", traces.slice(0, 100));
    results.push(await measure("TracesTable", traces));
    if (params.get("only") !== "virtual") results.push(await measure("plain table", traces));
  }
  return results;
}

declare global {
  interface Window {
    __tablesBench?: { results?: TablesBenchRow[]; error?: string };
  }
}

run().then(
  (results) => (window.__tablesBench = { results }),
  (error: unknown) => (window.__tablesBench = { error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) }),
);
