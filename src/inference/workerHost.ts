/**
 * The worker side of the protocol, as a plain function of "post a response": `worker.ts` wires it
 * to the worker's global scope, and tests drive it directly. One engine per host, created by the
 * first `load` request; its progress events are forwarded under that request's id.
 */
import { createClassificationEngine, type ClassificationEngine } from "./engine";
import { serializeInferenceError } from "./errors";
import type { WorkerRequest, WorkerResponse } from "./workerProtocol";

export interface WorkerHost {
  handle(request: WorkerRequest): Promise<void>;
}

export function createWorkerHost(post: (response: WorkerResponse) => void, close: () => void = () => undefined): WorkerHost {
  let engine: ClassificationEngine | undefined;
  const running = new Map<number, AbortController>();
  return {
    async handle(request) {
      const { id } = request;
      try {
        switch (request.type) {
          case "load": {
            engine ??= createClassificationEngine(request.config);
            const model = await engine.load((info) => post({ type: "progress", id, info }));
            post({ type: "loaded", id, model: { ...model, runtime: "worker" } });
            return;
          }
          case "classify": {
            if (!engine) throw new Error("The worker got classify before load");
            const controller = new AbortController();
            running.set(id, controller);
            try {
              post({ type: "classified", id, results: await engine.classify(request.texts, controller.signal) });
            } finally {
              running.delete(id);
            }
            return;
          }
          case "abort": {
            // The page has already rejected its call, so the error this leads to is answered to no one.
            running.get(id)?.abort();
            return;
          }
          case "dispose": {
            await engine?.dispose();
            post({ type: "disposed", id });
            close();
            return;
          }
        }
      } catch (error) {
        post({ type: "error", id, error: serializeInferenceError(error) });
      }
    },
  };
}
