/**
 * The Web Worker entry (`tracelens/inference/worker`). Hosts that pass their own worker factory
 * point `new Worker(new URL(…, import.meta.url), { type: "module" })` at this file.
 */
import { createWorkerHost } from "./workerHost";
import { isProtocolMessage, type WorkerRequest, type WorkerResponse } from "./workerProtocol";

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
  close(): void;
}

const scope = globalThis as unknown as WorkerScope;
const host = createWorkerHost(
  (response) => scope.postMessage(response),
  () => scope.close(),
);

scope.addEventListener("message", (event) => {
  if (isProtocolMessage(event.data)) void host.handle(event.data as WorkerRequest);
});
