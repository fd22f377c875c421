/**
 * The worker tracelens starts when the host passes no factory. The `new Worker(new URL(…,
 * import.meta.url))` expression is written out literally because that exact shape is what Vite,
 * webpack 5, Rollup and Parcel look for to emit the worker file into the host's build.
 */
import { isNodeRuntime } from "./runtimeEnv";
import type { WorkerLike } from "./workerProtocol";

/** True where a module Web Worker can be started (browsers; not Node or jsdom). */
export function canStartWorker(): boolean {
  return typeof (globalThis as { Worker?: unknown }).Worker === "function" && !isNodeRuntime();
}

export function startDefaultWorker(): WorkerLike {
  // In src this resolves to worker.ts (Vite maps .js to .ts); in dist it is the built worker.js entry.
  return new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "tracelens-inference" }) as WorkerLike;
}
