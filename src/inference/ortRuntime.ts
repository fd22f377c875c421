/**
 * onnxruntime-web's CPU (wasm) build, configured once. ONNX Runtime reads `env.wasm` only when its
 * backend starts (toolchain pitfall 9), so the first classifier of a page or worker decides the
 * wasm location and thread count; later settings are ignored rather than half-applied.
 */
import * as ort from "onnxruntime-web/wasm";
import { castFreeGraph } from "./engineGraph";
import type { WasmPaths } from "./types";
import { WARM_UP_GRAPH, WARM_UP_VOCAB } from "./warmUpGraph";

export { ort };

export interface RuntimeOptions {
  /** Threads for one inference; clamped to 1 where cross-origin isolation is missing. */
  threads?: number;
  /** Where the `.wasm`/`.mjs` files are served; default: next to the onnxruntime-web module. */
  wasmPaths?: WasmPaths;
  /** Run the warm-up graph once the runtime has started (see startRuntime). @default true */
  warm?: boolean;
}

let configured = false;

function hardwareThreads(): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof cores === "number" && cores > 0 ? cores : 1;
}

/**
 * True where WebAssembly threads work: a cross-origin-isolated page or worker. Not Node: the
 * `onnxruntime-web/wasm` build starts its thread pool with `fetch`, which fails on `file:` URLs
 * there (Node hosts wanting several cores can use the transformers.js adapter on onnxruntime-node).
 */
export function threadsAllowed(): boolean {
  return (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

/** The thread count actually used for `requested` (default: up to 4 cores when threads are allowed). */
export function resolveThreads(requested: number | undefined): number {
  if (!threadsAllowed()) return 1;
  const wanted = requested ?? Math.min(4, hardwareThreads());
  return Math.max(1, Math.floor(wanted));
}

/** Applies the options to `ort.env` before the first session; a no-op afterwards. */
export function configureRuntime(options: RuntimeOptions): void {
  if (configured) return;
  configured = true;
  ort.env.wasm.numThreads = resolveThreads(options.threads);
  // The classifier runs in its own worker already; ORT's proxy worker would add a second hop.
  ort.env.wasm.proxy = false;
  if (options.wasmPaths !== undefined) ort.env.wasm.wasmPaths = options.wasmPaths;
}

let started: Promise<void> | undefined;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Batch shapes the warm-up graph runs on, in turn: short and longer rows, as real batches have. */
const WARM_UP_SHAPES: ReadonlyArray<readonly [rows: number, width: number]> = [
  [32, 12],
  [32, 24],
  [16, 48],
];
/** Runs of the warm-up graph: enough for V8 to mark its kernels hot (measured: 60 suffice). */
const WARM_UP_RUNS = 60;

let graphArrived = false;

/**
 * Says a real model's graph is here: the warm-up graph stops at its next run, since the real session
 * (and its own warm-up) now warms the same kernels and the session should not wait for a miniature.
 */
export function warmUpGraphNoLongerNeeded(): void {
  graphArrived = true;
}

async function runWarmUpGraph(session: ort.InferenceSession): Promise<void> {
  for (let run = 0; run < WARM_UP_RUNS && !graphArrived; run++) {
    const [rows, width] = WARM_UP_SHAPES[run % WARM_UP_SHAPES.length] as readonly [number, number];
    const ids = new BigInt64Array(rows * width);
    const mask = new BigInt64Array(rows * width);
    for (let i = 0; i < ids.length; i++) {
      // Row r holds width - (r % 4) tokens, the rest is padding, so the masking paths run too.
      const present = i % width < width - ((i / width) % 4 | 0);
      ids[i] = present ? BigInt(1 + ((i * 7 + run) % (WARM_UP_VOCAB - 1))) : 0n;
      mask[i] = present ? 1n : 0n;
    }
    const dims = [rows, width];
    const outputs = await session.run({ input_ids: new ort.Tensor("int64", ids, dims), attention_mask: new ort.Tensor("int64", mask, dims) });
    for (const tensor of Object.values(outputs)) tensor.dispose();
  }
}

/**
 * Configures the runtime and starts its WebAssembly (once per page, worker or process), while the
 * model's files are still downloading: creating a session makes ONNX Runtime fetch, compile and
 * instantiate its WebAssembly, and running a miniature of tracelens' network (`warmUpGraph.ts`) makes
 * V8 optimise the kernels the real model will use, in background threads, before the real session
 * exists; otherwise that compilation competes with the first real pass. `warm: false` only starts the
 * runtime. Failures are not reported here: the model's own session creation meets the same failure
 * and names it.
 */
export function startRuntime(options: RuntimeOptions): Promise<void> {
  configureRuntime(options);
  started ??= ort.InferenceSession.create(castFreeGraph(decodeBase64(WARM_UP_GRAPH))).then(
    async (session) => {
      try {
        if (options.warm !== false) await runWarmUpGraph(session);
      } finally {
        await session.release();
      }
    },
    () => undefined,
  );
  return started.catch(() => undefined);
}
