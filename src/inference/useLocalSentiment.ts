/**
 * `useLocalSentiment`: a classifier's model status and download progress, and optionally the
 * classification of one `$ai_input`, read through `useSyncExternalStore` from the classifier's own
 * stores (no effect-driven message wiring). Lives in `tracelens/inference` so the main entry stays
 * free of onnxruntime.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { createSentimentClassifier, type SentimentClassifier, type SentimentClassifierOptions } from "./sentimentClassifier";
import type { ClassifierStatus } from "./types";
import { IDLE_RUN, createSentimentRun, type SentimentRunSnapshot } from "./useLocalSentimentRun";

export interface UseLocalSentimentOptions extends SentimentClassifierOptions {
  /**
   * A classifier the host owns (it is not disposed on unmount), e.g. one shared by several components
   * or handed to `createLocalClient`. Without one, the hook makes its own from the other options when
   * it mounts (later changes to those options are not applied) and disposes it when it unmounts.
   */
  classifier?: SentimentClassifier;
  /** An `$ai_input` (string, message, or message list) to classify; its user messages get results. */
  input?: unknown;
  /** Start loading the model as soon as the hook mounts, before there is any input. @default false */
  preload?: boolean;
  /** Set false to hold classification back (the status is still reported). @default true */
  enabled?: boolean;
}

export interface UseLocalSentimentResult extends SentimentRunSnapshot {
  /** Model status and download progress (per file and in bytes). */
  status: ClassifierStatus;
  /** The classifier in use, for direct `classify(texts)` calls or a local client. */
  classifier: SentimentClassifier;
}

const idleRun = { getSnapshot: () => IDLE_RUN, subscribe: () => () => undefined };

/** Keeps a hook-owned classifier alive across StrictMode's unmount/remount and disposes it on a real unmount. */
function useOwnedClassifier(options: UseLocalSentimentOptions): SentimentClassifier {
  const owned = useRef<SentimentClassifier | undefined>(undefined);
  const pendingDispose = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (!options.classifier && !owned.current) {
    const { classifier: _host, input: _input, preload: _preload, enabled: _enabled, ...classifierOptions } = options;
    owned.current = createSentimentClassifier(classifierOptions);
  }
  useEffect(() => {
    clearTimeout(pendingDispose.current);
    return () => {
      const mine = owned.current;
      if (!mine) return;
      // A remount within the same task (StrictMode) cancels this; a real unmount frees the worker.
      pendingDispose.current = setTimeout(() => {
        owned.current = undefined;
        void mine.dispose();
      }, 0);
    };
  }, []);
  return options.classifier ?? (owned.current as SentimentClassifier);
}

/**
 * @example
 * const { status, messages } = useLocalSentiment({ input: generation.properties.$ai_input });
 * if (status.state === "loading") return <progress value={status.progress.progress} max={100} />;
 */
export function useLocalSentiment(options: UseLocalSentimentOptions = {}): UseLocalSentimentResult {
  const classifier = useOwnedClassifier(options);
  const status = useSyncExternalStore(classifier.subscribe, classifier.getStatus, classifier.getStatus);
  const { input, enabled = true, preload = false } = options;
  // Inputs are compared by content, so a host re-creating the same message array does not reclassify.
  const inputKey = input === undefined ? undefined : JSON.stringify(input);
  const run = useMemo(
    () => (enabled && inputKey !== undefined ? createSentimentRun(classifier, JSON.parse(inputKey) as unknown) : idleRun),
    [classifier, enabled, inputKey],
  );
  const snapshot = useSyncExternalStore(run.subscribe, run.getSnapshot, run.getSnapshot);
  useEffect(() => {
    // Loading is the classifier's own job; the effect only says "now" instead of "on first input".
    if (preload) classifier.load().catch(() => undefined);
  }, [classifier, preload]);
  return { ...snapshot, status, classifier };
}
