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

/**
 * A 76-byte ONNX graph (one Identity node on an int64 vector): creating a session from it makes ONNX
 * Runtime fetch, compile and instantiate its WebAssembly, which takes a good part of a second, so
 * that work can run while the model's own files are still downloading.
 */
const STARTER_GRAPH = "CAcSCXRyYWNlbGVuczo3ChAKAXgSAXkiCElkZW50aXR5EgVzdGFydFoNCgF4EggKBggHEgIKAGINCgF5EggKBggHEgIKAEIECgAQDQ==";

let started: Promise<void> | undefined;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Configures the runtime and starts its WebAssembly (once per page, worker or process). Failures
 * are not reported here: the model's own session creation meets the same failure and names it.
 */
export function startRuntime(options: RuntimeOptions): Promise<void> {
  configureRuntime(options);
  started ??= ort.InferenceSession.create(decodeBase64(STARTER_GRAPH)).then(
    (session) => session.release(),
    () => undefined,
  );
  return started;
}
