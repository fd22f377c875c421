/**
 * The messages between a classifier and its Web Worker. Requests carry an `id`; every response
 * names the request it answers, so calls can overlap and each promise gets its own answer.
 */
import type { EngineConfig } from "./engine";
import type { SerializedInferenceError } from "./errors";
import type { LabelScore, ModelInfo, ProgressInfo } from "./types";

export type WorkerRequest =
  /** Configures the worker's engine and loads the model. Sent once, before anything else. */
  | { type: "load"; id: number; config: EngineConfig }
  | { type: "classify"; id: number; texts: string[] }
  /** The page gave up on classify request `id`: its remaining batches are skipped. Not answered. */
  | { type: "abort"; id: number }
  /** Releases the session; the worker answers and then closes itself. */
  | { type: "dispose"; id: number };

export type WorkerResponse =
  | { type: "progress"; id: number; info: ProgressInfo }
  | { type: "loaded"; id: number; model: ModelInfo }
  | { type: "classified"; id: number; results: LabelScore[][] }
  | { type: "disposed"; id: number }
  | { type: "error"; id: number; error: SerializedInferenceError };

/** The part of `Worker` the classifier uses, so hosts and tests may pass look-alikes. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: "message", listener: (event: MessageEvent<WorkerResponse>) => void): void;
  addEventListener(type: "error" | "messageerror", listener: (event: Event) => void): void;
  terminate(): void;
}

/** Makes the worker that runs the engine. */
export type WorkerFactory = () => WorkerLike;

/** True for anything shaped like a protocol message: a string `type` and a numeric `id`. */
export function isProtocolMessage(value: unknown): value is { type: string; id: number } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { type?: unknown }).type === "string" &&
    typeof (value as { id?: unknown }).id === "number"
  );
}
