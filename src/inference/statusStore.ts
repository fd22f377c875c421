/**
 * A classifier's status as an external store: immutable snapshots plus listeners, the contract
 * `useSyncExternalStore` needs (the same object until something changes, then a new one).
 */
import type { ClassifierStatus, ClassifierStatusSource, LoadProgress, ModelInfo, ProgressInfo } from "./types";

export interface StatusStore extends ClassifierStatusSource {
  loading(): void;
  progress(info: ProgressInfo): void;
  ready(model: ModelInfo): void;
  failed(error: Error): void;
  disposed(): void;
}

const NO_PROGRESS: LoadProgress = Object.freeze({ loaded: 0, total: 0, progress: 0, files: {} });

export function createStatusStore(): StatusStore {
  let status: ClassifierStatus = { state: "idle", progress: NO_PROGRESS };
  const listeners = new Set<() => void>();
  const set = (next: ClassifierStatus) => {
    status = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    loading() {
      if (status.state === "idle" || status.state === "error") set({ state: "loading", progress: status.progress });
    },
    progress(info) {
      // Only the running total changes the snapshot; per-file events would re-render twice as often.
      if (info.status !== "progress_total" || status.state !== "loading") return;
      set({ state: "loading", progress: { loaded: info.loaded, total: info.total, progress: info.progress, files: info.files } });
    },
    ready(model) {
      if (status.state === "disposed") return;
      const { loaded, total, files } = status.progress;
      set({ state: "ready", model, progress: { loaded, total: Math.max(total, loaded), progress: 100, files } });
    },
    failed(error) {
      if (status.state !== "disposed") set({ state: "error", error, progress: status.progress });
    },
    disposed() {
      if (status.state !== "disposed") set({ state: "disposed", progress: status.progress });
    },
  };
}
