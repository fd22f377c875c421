/**
 * The page side of the worker: an engine look-alike that forwards calls as protocol requests and
 * settles each promise from the response carrying its id. Once the worker fails, every pending and
 * later call rejects with that failure instead of waiting forever.
 */
import type { ClassificationEngine, EngineConfig } from "./engine";
import { InferenceError, deserializeInferenceError } from "./errors";
import { isProtocolMessage, type WorkerFactory, type WorkerLike, type WorkerRequest, type WorkerResponse } from "./workerProtocol";
import type { LabelScore, ModelInfo, ProgressCallback } from "./types";

interface Pending {
  resolve(response: WorkerResponse): void;
  reject(error: Error): void;
  onProgress?: ProgressCallback;
}

/** Request bodies, without the id the client assigns. */
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, "id"> : never) : never;

export function createWorkerEngine(factory: WorkerFactory, config: EngineConfig): ClassificationEngine {
  let worker: WorkerLike | undefined;
  let failure: Error | undefined;
  let nextId = 1;
  let loading: Promise<ModelInfo> | undefined;
  let disposed = false;
  const pending = new Map<number, Pending>();

  const fail = (error: Error) => {
    failure ??= error;
    for (const entry of pending.values()) entry.reject(failure);
    pending.clear();
    worker?.terminate();
  };

  const start = (): WorkerLike => {
    if (worker) return worker;
    try {
      worker = factory();
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new InferenceError("worker-failed", `The inference worker could not be created (${detail}); pass a worker factory`, { cause });
    }
    worker.addEventListener("message", (event) => {
      const message = event.data as unknown;
      if (!isProtocolMessage(message)) return;
      const response = message as WorkerResponse;
      const entry = pending.get(response.id);
      if (!entry) return;
      if (response.type === "progress") return entry.onProgress?.(response.info);
      pending.delete(response.id);
      if (response.type === "error") entry.reject(deserializeInferenceError(response.error));
      else entry.resolve(response);
    });
    const onError = (event: Event) => {
      const detail = (event as ErrorEvent).message || "its script failed to load or crashed";
      fail(new InferenceError("worker-failed", `The inference worker failed: ${detail}`));
    };
    worker.addEventListener("error", onError);
    worker.addEventListener("messageerror", onError);
    return worker;
  };

  const send = (body: RequestBody, onProgress?: ProgressCallback, signal?: AbortSignal): Promise<WorkerResponse> => {
    if (failure) return Promise.reject(failure);
    if (disposed) return Promise.reject(new InferenceError("disposed", "The classifier was disposed"));
    if (signal?.aborted) return Promise.reject(signal.reason);
    let target: WorkerLike;
    try {
      target = start();
    } catch (error) {
      failure = error as Error;
      return Promise.reject(failure);
    }
    const id = nextId++;
    return new Promise<WorkerResponse>((resolve, reject) => {
      // Told to the worker so it skips the call's remaining batches; its late answer finds no entry.
      const onAbort = () => {
        if (!pending.delete(id)) return;
        target.postMessage({ type: "abort", id });
        reject(signal?.reason);
      };
      const settle = <T,>(finish: (value: T) => void) => (value: T) => {
        signal?.removeEventListener("abort", onAbort);
        finish(value);
      };
      pending.set(id, { resolve: settle(resolve), reject: settle(reject), onProgress });
      signal?.addEventListener("abort", onAbort, { once: true });
      target.postMessage({ ...body, id } as WorkerRequest);
    });
  };

  const load = (onProgress?: ProgressCallback): Promise<ModelInfo> => {
    loading ??= send({ type: "load", config }, onProgress).then(
      (response) => {
        if (response.type !== "loaded") throw new InferenceError("worker-failed", `Unexpected worker answer ${response.type}`);
        return response.model;
      },
      (error: unknown) => {
        loading = undefined; // the worker's engine forgets a failed load too, so a retry loads again
        throw error;
      },
    );
    return loading;
  };

  return {
    load,
    async classify(texts, signal) {
      // Sent beside the load rather than after it: the worker's engine then knows real work is
      // waiting and its warm-up gives way (the worker answers once the model is loaded).
      const [, response] = await Promise.all([load(), send({ type: "classify", texts: [...texts] }, undefined, signal)]);
      if (response.type !== "classified") throw new InferenceError("worker-failed", `Unexpected worker answer ${response.type}`);
      return response.results as LabelScore[][];
    },
    async dispose() {
      if (disposed) return;
      const active = worker && !failure;
      // Goodbye first, so the session is released; then the thread is stopped either way.
      if (active) await send({ type: "dispose" }).catch(() => undefined);
      disposed = true;
      fail(new InferenceError("disposed", "The classifier was disposed"));
    },
  };
}
