/**
 * onnxruntime-web's CPU (wasm) build, configured once. ONNX Runtime reads `env.wasm` only when its
 * backend starts (toolchain pitfall 9), so the first classifier of a page or worker decides the
 * wasm location and thread count; later settings are ignored rather than half-applied.
 */
import * as ort from "onnxruntime-web/wasm";
import type { WasmPaths } from "./types";

export { ort };

export interface RuntimeOptions {
  /** Threads for one inference; clamped to 1 where cross-origin isolation is missing. */
  threads?: number;
  /** Where the `.wasm`/`.mjs` files are served; default: next to the onnxruntime-web module. */
  wasmPaths?: WasmPaths;
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
