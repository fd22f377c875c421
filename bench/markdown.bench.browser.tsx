/**
 * bench:markdown — SafeMarkdown against react-markdown + remark-gfm (Langfuse's renderer) in the same
 * Chromium page, on model-shaped answers up to 1 MB and on inputs built to make parsers slow. For each:
 * time until fully drawn, the longest main-thread task (Long Tasks API: tasks over 50 ms; "<50" when
 * none), how many tasks ran over 200 ms, and DOM size. Each run starts after a garbage collection. Both get the same
 * work: markdown for the first 100,000 characters, the rest as plain text (react-markdown has no cap of
 * its own; Langfuse puts one at 150k). Prints figures; asserts nothing about time.
 *   npm run bench:markdown
 */
import { Component, createElement, type ReactElement, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { SafeMarkdown, SAFE_MARKDOWN_MAX_CHARS, preloadSafeMarkdown } from "../src/trace";
import { benchInputs, llmAnswer } from "./markdownInputs";

interface Run {
  /** "crashed" when the renderer threw (caught by an error boundary), "timeout" past MAX_WAIT_MS. */
  outcome: "drawn" | "crashed" | "timeout";
  totalMs: number;
  maxTaskMs: number;
  over200: number;
  domNodes: number;
}

const MAX_WAIT_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

function observe(type: string): () => PerformanceEntry[] {
  const entries: PerformanceEntry[] = [];
  try {
    const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ type, buffered: false });
    return () => {
      entries.push(...observer.takeRecords());
      observer.disconnect();
      return entries;
    };
  } catch {
    return () => entries;
  }
}

async function measure(element: ReactElement, done: (container: HTMLElement) => boolean): Promise<Run> {
  const container = document.createElement("div");
  container.style.width = "900px";
  document.body.append(container);
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(50);
  await frame();
  const stopTasks = observe("longtask");
  const start = performance.now();
  const root = createRoot(container);
  root.render(createElement(Guard, null, element));
  while (!done(container) && !container.querySelector("[data-crashed]") && performance.now() - start < MAX_WAIT_MS) await sleep(5);
  const totalMs = performance.now() - start;
  const outcome = container.querySelector("[data-crashed]") ? "crashed" : done(container) ? "drawn" : "timeout";
  // Let the style, layout and paint of what was drawn land in a frame before counting.
  await frame();
  await frame();
  await sleep(100);
  const tasks = stopTasks().filter((entry) => entry.startTime >= start - 1);
  const domNodes = container.querySelectorAll("*").length;
  root.unmount();
  container.remove();
  return {
    outcome,
    totalMs,
    maxTaskMs: Math.max(0, ...tasks.map((entry) => entry.duration)),
    over200: tasks.filter((entry) => entry.duration > 200).length,
    domNodes,
  };
}

/** Catches a renderer's crash (react-markdown overflows the stack on deep nesting) so the run goes on. */
class Guard extends Component<{ children: ReactNode }, { error: boolean }> {
  override state = { error: false };
  static getDerivedStateFromError() {
    return { error: true };
  }
  override render() {
    return this.state.error ? <div data-crashed="" /> : this.props.children;
  }
}

const safeDone = (container: HTMLElement) =>
  container.querySelector('[data-slot="safe-markdown"][data-state="formatted"]') !== null && container.querySelector('[data-slot="markdown-body"][data-pending], [data-slot="markdown-plain-pending"]') === null;

/** The peer with the same work as SafeMarkdown: markdown up to the cap, then plain text. */
function Peer({ text }: { text: string }) {
  const head = text.slice(0, SAFE_MARKDOWN_MAX_CHARS);
  const rest = text.slice(SAFE_MARKDOWN_MAX_CHARS);
  return (
    <div data-slot="peer">
      <Markdown remarkPlugins={[remarkGfm]}>{head}</Markdown>
      {rest && <div style={{ whiteSpace: "pre-wrap" }}>{rest}</div>}
    </div>
  );
}
const peerDone = (container: HTMLElement) => container.querySelector('[data-slot="peer"]') !== null;

const round = (n: number) => (n >= 100 ? Math.round(n) : Math.round(n * 10) / 10);
const task = (ms: number) => (ms === 0 ? "<50" : round(ms));
const figure = (run: Run, value: number) => (run.outcome === "drawn" ? round(value) : `${run.outcome} (${round(value)})`);

function table(rows: Array<Record<string, string | number>>): string {
  const columns = Object.keys(rows[0] ?? {});
  const width = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(width[i]!) : cell.padStart(width[i]!))).join(" | ");
  return [line(columns), width.map((w) => "-".repeat(w)).join("-|-"), ...rows.map((r) => line(columns.map((c) => String(r[c]))))].join("\n");
}

describe("bench:markdown", () => {
  it("SafeMarkdown vs react-markdown + remark-gfm: long tasks, time to fully drawn, DOM size", async () => {
    // Cold: the first SafeMarkdown on the page, parser chunk not loaded yet (plain text first, then formatted).
    const cold = await measure(createElement(SafeMarkdown, { text: llmAnswer(10_000) }), safeDone);
    await preloadSafeMarkdown();
    // Warm-up (JIT, styles) so the first input is not charged for it.
    await measure(createElement(SafeMarkdown, { text: llmAnswer(20_000) }), safeDone);
    await measure(createElement(Peer, { text: llmAnswer(20_000) }), peerDone);
    const rows: Array<Record<string, string | number>> = [];
    let worst = 0;
    const inputs = benchInputs();
    // All of ours first, then all of the peer's, so neither pays for the other's leftovers.
    const oursRuns: Run[] = [];
    for (const input of inputs) oursRuns.push(await measure(createElement(SafeMarkdown, { text: input.text }), safeDone));
    const peerRuns: Run[] = [];
    for (const input of inputs) peerRuns.push(await measure(createElement(Peer, { text: input.text }), peerDone));
    for (const [i, input] of inputs.entries()) {
      const ours = oursRuns[i]!;
      const peer = peerRuns[i]!;
      worst = Math.max(worst, ours.maxTaskMs);
      rows.push({
        input: input.name,
        chars: input.text.length,
        "tracelens drawn ms": figure(ours, ours.totalMs),
        "tracelens longest task ms": task(ours.maxTaskMs),
        "tracelens tasks >200ms": ours.over200,
        "react-markdown drawn ms": figure(peer, peer.totalMs),
        "react-markdown longest task ms": task(peer.maxTaskMs),
        "react-markdown tasks >200ms": peer.over200,
        "longest task ratio (peer / ours)": ours.maxTaskMs && peer.maxTaskMs ? round(peer.maxTaskMs / ours.maxTaskMs) : "–",
        "DOM nodes (ours / peer)": `${ours.domNodes} / ${peer.domNodes}`,
      });
    }
    console.log(`entry types: ${PerformanceObserver.supportedEntryTypes.join(", ")}`);
    console.log(`bench:markdown (Chromium ${navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? "?"}, ${navigator.hardwareConcurrency} cores)`);
    console.log(`cold start (first SafeMarkdown, parser chunk loading): drawn in ${round(cold.totalMs)} ms, longest task ${round(cold.maxTaskMs)} ms`);
    console.log(table(rows));
    console.log(`tracelens longest main-thread task over all inputs: ${round(worst)} ms (target: under 200 ms)`);
    expect(rows.length).toBe(benchInputs().length);
  });
});
