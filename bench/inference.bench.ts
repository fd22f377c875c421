// `npm run bench:inference`: the embedded sentiment model on the same 1,000 messages (same texts, same
// order for every engine) through tracelens' engine (onnxruntime-web wasm), a transformers.js
// pipeline on the same folder and wasm backend, and onnxruntime-node (native, the ceiling).
//
// Cold: each sample is a fresh Node process per engine (engines in rotated order per round): time
// from making the engine to its first result, and throughput of its first pass over the messages.
// Warm: all engines in this process, each warmed by the same number of untimed passes, then
// BENCH_SAMPLES timed passes per engine with the engines' order rotated every round.
// Prints medians (min–max) and ratios; asserts nothing. Beside each wall-clock figure it prints the same
// work per CPU-second of the whole process (every thread, V8's background compilation included): on a
// shared machine the wall clock mostly measures what else is running, the CPU time what the engine
// costs. BENCH_SAMPLES (default 5), BENCH_WARMUP (3),
// BENCH_WARM_UP_ROUNDS (tracelens' own load-time warm-up, default the library's 2; 0 to see it off),
// BENCH_FUSED_KERNEL=0 (tracelens runs every batch through ONNX Runtime instead of its pooling kernel).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { summaryRow } from "./benchSummary";
import { COUNT, ENGINES, ENGINE_TITLES, THREADS, benchMessages, makeEngine, modelDir, root, type Engine, type EngineName } from "./inferenceEngines";

const SAMPLES = Math.max(1, Number(process.env.BENCH_SAMPLES ?? 5));
const WARMUP = Math.max(1, Number(process.env.BENCH_WARMUP ?? 3));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const spread = (values: number[], digits = 0) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
/** Round r's engine order: the list rotated by r, so each engine runs first, second and last equally often. */
const rotated = (round: number) => ENGINES.map((_, i) => ENGINES[(i + round) % ENGINES.length]!);

function coldSample(engine: EngineName, mode: "first-result" | "first-pass"): Record<string, number> {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const out = execFileSync(tsx, [path.join(root, "bench/inferenceCold.ts"), engine, mode], { cwd: root, encoding: "utf8", env: process.env });
  const line = out.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as Record<string, number>;
}

const { texts, source } = benchMessages();
const chars = texts.map((t) => t.length).sort((a, b) => a - b);
console.log(`${COUNT} messages (${source}); characters min ${chars[0]}, median ${chars[COUNT >> 1]}, max ${chars[COUNT - 1]}`);
console.log(`model ${path.relative(root, modelDir)}, ${THREADS} thread(s) each, Node ${process.version}, ${SAMPLES} samples, ${WARMUP} warm-up passes\n`);

// Cold, fresh processes.
const perEngine = () => ({ tracelens: [] as number[], pipeline: [] as number[], native: [] as number[] });
const firstResult = perEngine();
const firstResultCpu = perEngine();
const firstPass = perEngine();
const firstPassCpu = perEngine();
for (let round = 0; round < SAMPLES; round++) {
  for (const engine of rotated(round)) {
    const result = coldSample(engine, "first-result");
    firstResult[engine].push(result.ms!);
    firstResultCpu[engine].push(result.cpuMs!);
    const pass = coldSample(engine, "first-pass");
    firstPass[engine].push(pass.perSecond!);
    firstPassCpu[engine].push(pass.perCpuSecond!);
  }
}

// Warm, this process.
const engines = {} as Record<EngineName, Engine>;
for (const name of ENGINES) {
  engines[name] = await makeEngine(name);
  const info = await engines[name].ready();
  if (name === "tracelens") console.log(`tracelens runs the model with ${(info as { fusedKernel?: boolean }).fusedKernel ? "its pooling kernel (ONNX Runtime folded the tables at load)" : "ONNX Runtime for every batch"}\n`);
}
for (let pass = 0; pass < WARMUP; pass++) for (const name of rotated(pass)) await engines[name].classify(texts);
const warm = perEngine();
const warmCpu = perEngine();
for (let round = 0; round < SAMPLES; round++) {
  for (const name of rotated(round)) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const out = await engines[name].classify(texts);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    if (out.length !== COUNT) throw new Error(`${name} returned ${out.length} results`);
    warm[name].push(COUNT / seconds);
    warmCpu[name].push(COUNT / ((used.user + used.system) / 1e6));
  }
}
await Promise.all(ENGINES.map((name) => engines[name].dispose()));

const cell = (values: number[]) => `${median(values).toFixed(0)} (${spread(values)})`.padEnd(24);
const table = (title: string, columns: Array<[string, Record<EngineName, number[]>]>) => {
  console.log(`${title.padEnd(40)}${columns.map(([name]) => name.padEnd(24)).join("")}`);
  for (const name of ENGINES) console.log(`${ENGINE_TITLES[name].padEnd(40)}${columns.map(([, values]) => cell(values[name])).join("")}`);
};
table("wall clock", [
  ["first result (ms)", firstResult],
  ["first pass (msg/s)", firstPass],
  ["warm (msg/s)", warm],
]);
console.log("");
table("CPU time, all threads", [
  ["first result (CPU ms)", firstResultCpu],
  ["first pass (msg/CPU-s)", firstPassCpu],
  ["warm (msg/CPU-s)", warmCpu],
]);
const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2);
const ratios = (other: EngineName) =>
  `first pass ${ratio(firstPass.tracelens, firstPass[other])}× (CPU ${ratio(firstPassCpu.tracelens, firstPassCpu[other])}×), ` +
  `warm ${ratio(warm.tracelens, warm[other])}× (CPU ${ratio(warmCpu.tracelens, warmCpu[other])}×), ` +
  `first result ${ratio(firstResult.tracelens, firstResult[other])}× (CPU ${ratio(firstResultCpu.tracelens, firstResultCpu[other])}×)`;
console.log("\nratios of medians (throughput: above 1 means tracelens is faster; first result: below 1 means sooner)");
console.log(`tracelens / onnxruntime-node:  ${ratios("native")}; targets: first pass ≥ 0.8×, warm ≥ 1×`);
console.log(`tracelens / transformers.js:   ${ratios("pipeline")}; target: warm ≥ 1.5×`);
const load = (await import("node:os")).loadavg().map((v) => v.toFixed(1)).join(" ");
console.log(`\nload average at the end: ${load} (${(await import("node:os")).cpus().length} cores)`);

const perSecond = (v: number[]) => `${median(v).toFixed(0)} msg/s`;
const firstMs = (v: number[]) => `${median(v).toFixed(0)} ms`;
for (const peer of ["native", "pipeline"] as const) {
  const peerName = ENGINE_TITLES[peer];
  const fp = median(firstPass.tracelens) / median(firstPass[peer]);
  const w = median(warm.tracelens) / median(warm[peer]);
  summaryRow({ bench: "inference", figure: "first pass, 1,000 messages (cold process)", tracelens: perSecond(firstPass.tracelens), peerName, peer: perSecond(firstPass[peer]), ratio: `${fp.toFixed(2)}×`, ...(peer === "native" ? { target: "≥ 0.80×", met: fp >= 0.8 } : {}) });
  summaryRow({ bench: "inference", figure: "warm, 1,000 messages", tracelens: perSecond(warm.tracelens), peerName, peer: perSecond(warm[peer]), ratio: `${w.toFixed(2)}×`, ...(peer === "native" ? { target: "≥ 1.00×", met: w >= 1 } : { target: "≥ 1.50×", met: w >= 1.5 }) });
  summaryRow({ bench: "inference", figure: "first pass, CPU time (all threads)", tracelens: `${median(firstPassCpu.tracelens).toFixed(0)} msg/CPU-s`, peerName, peer: `${median(firstPassCpu[peer]).toFixed(0)} msg/CPU-s`, ratio: `${(median(firstPassCpu.tracelens) / median(firstPassCpu[peer])).toFixed(2)}×` });
  summaryRow({ bench: "inference", figure: "warm, CPU time (all threads)", tracelens: `${median(warmCpu.tracelens).toFixed(0)} msg/CPU-s`, peerName, peer: `${median(warmCpu[peer]).toFixed(0)} msg/CPU-s`, ratio: `${(median(warmCpu.tracelens) / median(warmCpu[peer])).toFixed(2)}×` });
  summaryRow({ bench: "inference", figure: "first result (load included)", tracelens: firstMs(firstResult.tracelens), peerName, peer: firstMs(firstResult[peer]), ratio: `${(median(firstResult.tracelens) / median(firstResult[peer])).toFixed(2)}× the time` });
}
