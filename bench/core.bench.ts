// npm run bench:core — tracelens/core on large inputs, beside PostHog's own Python text_repr formatter
// run in the same benchmark on the same inputs (../shared/peers/posthog-text-repr; skipped with a
// note when ../shared is absent). Prints figures and ratios; asserts nothing.
//
// text_repr: the 2 MB trace fixture, and the same trace ×4 and ×16 (its events replicated with fresh
// ids), default options. Per input, both sides load it fresh, run it 3 times untimed, then alternate
// in pairs (the order swapping every pair) so both meet the same machine load; each side times only
// its formatter call (Python: time.perf_counter in its own process; Node: performance.now), and the
// outputs are compared by SHA-256. BENCH_SAMPLES (default 9, at least 5) and BENCH_SCALES (default
// "1,4,16") adjust a run; POSTHOG_TEXT_REPR_PEER points at the peer when ../shared is elsewhere.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTraceTree, formatTextRepr, keptTraceEvents } from "../src/core";
import { machineLine, medianMs, ms, sampleStats, statsText, type SampleStats } from "./benchUtil";
import { fmtMsOf, fmtX, summaryRow } from "./benchSummary";
import { PEER_DIR, peerAvailable, TextReprPeer } from "./coreBenchPeer";
import { syntheticTraceEvents } from "./syntheticTrace";

const SCALES = (process.env.BENCH_SCALES ?? "1,4,16").split(",").map(Number);
const SAMPLES = Math.max(5, Number(process.env.BENCH_SAMPLES ?? 9));
const WARM_UP_RUNS = 3;
const OPTIONS = {};

type Trace = { trace: unknown; hierarchy: unknown[] };
const fixture = readFileSync(new URL("../test/fixtures/bench/text-repr-trace-2mb.json", import.meta.url), "utf8");

/**
 * Copy `k` of the trace's events, as a later stretch of the same session: every id and parent link
 * gets a suffix (the trace id stays), and every tool call's arguments name the stretch, so no
 * formatter can reuse work across copies that a real, longer session would not repeat either.
 */
function replicaOf(value: unknown, traceId: string, k: number): unknown {
  if (Array.isArray(value)) return value.map((v) => replicaOf(v, traceId, k));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const isId = key === "id" || key === "$ai_generation_id" || key === "$ai_span_id" || key === "$ai_parent_id";
    if (isId && typeof v === "string" && v !== traceId) out[key] = `${v}.r${k}`;
    else if (key === "arguments" && typeof v === "string" && /^\{.*\S.*\}$/s.test(v)) out[key] = `${v.slice(0, -1)}, "stretch": ${k}}`;
    else out[key] = replicaOf(v, traceId, k);
  }
  return out;
}

/** The fixture's trace with its hierarchy repeated `scale` times, as one longer agent session. */
function scaled(scale: number): Trace {
  const base = JSON.parse(fixture) as Trace & { trace: { id: string } };
  if (scale === 1) return base;
  const hierarchy: unknown[] = [];
  for (let k = 0; k < scale; k++) hierarchy.push(...(k === 0 ? base.hierarchy : (replicaOf(base.hierarchy, base.trace.id, k) as unknown[])));
  return { trace: base.trace, hierarchy };
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function timeTracelens(data: Trace): number {
  const start = performance.now();
  formatTextRepr("$ai_trace", data, OPTIONS);
  return performance.now() - start;
}

interface Row {
  label: string;
  bytes: number;
  chars: number;
  tracelens: SampleStats;
  posthog: SampleStats | null;
  identical: boolean | null;
}

/**
 * One input at a time on both sides: a fresh Python worker loads only that input, and Node holds
 * only that input, so neither side's garbage collector walks the other sizes' data.
 */
async function benchScale(scale: number, dir: string): Promise<Row> {
  let data: Trace | null = scaled(scale);
  const path = join(dir, `trace-x${scale}.json`);
  const json = JSON.stringify(data);
  writeFileSync(path, json);
  data = JSON.parse(json) as Trace; // the same fresh parse the peer does
  const peer = peerAvailable() ? await TextReprPeer.start([path], OPTIONS) : null;
  try {
    const text = formatTextRepr("$ai_trace", data, OPTIONS).text;
    for (let w = 0; w < WARM_UP_RUNS - 1; w++) timeTracelens(data); // the peer's worker also runs each input 3 times untimed
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let s = 0; s < SAMPLES; s++) {
      if (peer && s % 2 === 1) theirs.push((await peer.run(0)).ms);
      ours.push(timeTracelens(data));
      if (peer && s % 2 === 0) theirs.push((await peer.run(0)).ms);
    }
    const digest = peer ? await peer.digest(0) : null;
    const chars = [...text].length;
    return {
      label: scale === 1 ? "2 MB fixture" : `×${scale}`,
      bytes: Buffer.byteLength(json),
      chars,
      tracelens: sampleStats(ours),
      posthog: peer ? sampleStats(theirs) : null,
      identical: digest ? digest.sha256 === sha256(text) && digest.chars === chars : null,
    };
  } finally {
    peer?.stop();
  }
}

async function benchTextRepr(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "tracelens-bench-"));
  try {
    const rows: Row[] = [];
    for (const scale of SCALES) rows.push(await benchScale(scale, dir));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTextRepr(rows: Row[]): void {
  console.log(`text_repr ($ai_trace, default options), ${SAMPLES} interleaved pairs per input, times in ms: median (min–max)`);
  if (!rows[0]?.posthog) {
    console.log(`  PostHog's formatter: SKIPPED (not found at ${PEER_DIR}; ../shared is absent), so no ratio and no output check`);
  }
  const header = ["input", "request", "chars out", "PostHog Python", "tracelens", "speed-up", "identical"];
  const table = rows.map((r) => [
    r.label,
    mb(r.bytes),
    r.chars.toLocaleString("en"),
    r.posthog ? statsText(r.posthog) : "skipped",
    statsText(r.tracelens),
    r.posthog ? `${(r.posthog.median / r.tracelens.median).toFixed(2)}×` : "–",
    r.identical === null ? "–" : r.identical ? "yes" : "NO",
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c]!.length)));
  for (const row of [header, ...table]) console.log(`  ${row.map((cell, c) => cell.padEnd(widths[c]!)).join("  ")}`);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const growth = (s: (r: Row) => SampleStats | null) => {
    const a = s(first);
    const b = s(last);
    return a && b ? (b.median / a.median).toFixed(1) : "–";
  };
  if (rows.length > 1) {
    const scale = last.label.replace("×", "");
    console.log(`  ${last.label} / 2 MB time: tracelens ${growth((r) => r.tracelens)}, PostHog ${growth((r) => r.posthog)} (${scale}.0 is linear)`);
  }
  console.log("  speed-up = PostHog median / tracelens median (above 1: tracelens is faster)");
  for (const r of rows) {
    const speedUp = r.posthog ? r.posthog.median / r.tracelens.median : NaN;
    summaryRow({
      bench: "core (text_repr)",
      figure: `${r.label}: time${r.identical === null ? "" : r.identical ? ", output identical" : ", output DIFFERS"}`,
      tracelens: fmtMsOf(r.tracelens.median),
      peerName: "PostHog's Python formatter",
      peer: r.posthog ? fmtMsOf(r.posthog.median) : "skipped",
      ratio: r.posthog ? `${fmtX(speedUp)} faster` : "–",
      ...(r.posthog ? { target: "≥ 3.00× faster", met: speedUp >= 3 && r.identical === true } : {}),
    });
  }
}

function benchTraceTree(): void {
  const events10k = syntheticTraceEvents(10_000);
  const events100k = syntheticTraceEvents(100_000);
  const tree10k = medianMs(5, () => buildTraceTree(events10k));
  const tree100k = medianMs(5, () => buildTraceTree(events100k));
  console.log("buildTraceTree (no peer in this benchmark)");
  console.log(`  10k events  : ${ms(tree10k)}`);
  console.log(`  100k events : ${ms(tree100k)}`);
  console.log(`  100k/10k    : ${(tree100k / tree10k).toFixed(1)} (10.0 is linear)`);
  summaryRow({ bench: "core (buildTraceTree)", figure: "10k / 100k events", tracelens: `${fmtMsOf(tree10k)} / ${fmtMsOf(tree100k)}`, ratio: `growth ${fmtX(tree100k / tree10k)} (10× is linear)` });

  // At-least-once delivery: one event in ten delivered twice. Dedupe must stay linear and cheap beside the build.
  const redelivered = events100k.flatMap((event, i) => (i % 10 === 0 ? [event, structuredClone(event)] : [event]));
  console.log("dedupe (100k events, 10% delivered twice; no peer in this benchmark)");
  console.log(`  keptTraceEvents : ${ms(medianMs(5, () => keptTraceEvents(redelivered)))}   (what tables and the Text tab count)`);
  console.log(`  buildTraceTree  : ${ms(medianMs(5, () => buildTraceTree(redelivered)))}`);
}

console.log(`bench:core on ${await machineLine()}`);
printTextRepr(await benchTextRepr());
benchTraceTree();
