/**
 * One classification of one `$ai_input` as an external store, the observer half of
 * `useLocalSentiment`: the first subscriber starts the work, the last one leaving aborts it, and
 * snapshots are immutable so `useSyncExternalStore` re-renders only on real changes.
 */
import { buildGenerationSentiment } from "../core/sentiment";
import type { GenerationSentiment, MessageSentiment, SentimentLabel } from "../core/sentiment";
import type { SentimentClassifier } from "./sentimentClassifier";

export interface SentimentRunSnapshot {
  state: "idle" | "classifying" | "done" | "error";
  /** Per-message results keyed by `$ai_input` index, as PostHog returns them. */
  messages: Record<string, MessageSentiment> | undefined;
  /** PostHog's generation-level result over those messages (means, neutral margin). */
  generation: GenerationSentiment | undefined;
  error: Error | undefined;
}

export interface SentimentRun {
  getSnapshot(): SentimentRunSnapshot;
  subscribe(listener: () => void): () => void;
}

export const IDLE_RUN: SentimentRunSnapshot = Object.freeze({
  state: "idle",
  messages: undefined,
  generation: undefined,
  error: undefined,
});

/** A message result as pipeline output again, its own label first among ties, for core's builders. */
function asPipelineOutput(result: MessageSentiment): Array<{ label: SentimentLabel; score: number }> {
  return (Object.entries(result.scores) as Array<[SentimentLabel, number]>)
    .map(([label, score]) => ({ label, score }))
    .sort((a, b) => b.score - a.score || (a.label === result.label ? -1 : b.label === result.label ? 1 : 0));
}

export function generationOf(messages: Record<string, MessageSentiment>): GenerationSentiment {
  return buildGenerationSentiment(
    Object.entries(messages).map(([index, result]) => ({ index: Number(index), text: result.text, output: asPipelineOutput(result) })),
  );
}

export function createSentimentRun(classifier: SentimentClassifier, input: unknown): SentimentRun {
  let snapshot: SentimentRunSnapshot = IDLE_RUN;
  const listeners = new Set<() => void>();
  let controller: AbortController | undefined;
  const set = (next: SentimentRunSnapshot) => {
    snapshot = next;
    for (const listener of [...listeners]) listener();
  };
  const start = () => {
    const abort = new AbortController();
    controller = abort;
    set({ ...IDLE_RUN, state: "classifying" });
    classifier.classifyInput(input, { signal: abort.signal }).then(
      (messages) => {
        if (!abort.signal.aborted) set({ state: "done", messages, generation: generationOf(messages), error: undefined });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) set({ ...IDLE_RUN, state: "error", error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
  };
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      if (snapshot.state === "idle") start();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || snapshot.state !== "classifying") return;
        // Nobody is watching an unfinished run: stop it, and start over if someone comes back.
        controller?.abort();
        snapshot = IDLE_RUN;
      };
    },
  };
}
