/**
 * Story helpers for emotion and toxicity labels: a local client whose label classifiers are the
 * embedded models of tracelens/inference (in Web Workers), and host-labelled synthetic traces.
 */
import { useEffect, useState, type ReactNode } from "react";
import { createLocalClient, type TraceLensClient } from "../src/all";
import type { LLMTrace } from "../src/core";
import { createEmotionClassifier, createSentimentClassifier, createToxicityClassifier } from "../src/inference";
import { withPostHogLlmLabels } from "./fixtures/labelFixtures";
import { LocalProvider } from "./TracesTableStoryParts";

/** The embedded default, end to end: sentiment, emotion and toxicity from the models in `models/`, run in this page. */
export function EmbeddedModelsProvider({ traces, children }: { traces: readonly LLMTrace[]; children: ReactNode }) {
  const [client, setClient] = useState<TraceLensClient | null>(null);
  useEffect(() => {
    const sentiment = createSentimentClassifier();
    const emotion = createEmotionClassifier();
    const toxicity = createToxicityClassifier();
    setClient(createLocalClient({ traces: [...traces], classifier: sentiment, labelClassifiers: { emotion, toxicity } }));
    return () => {
      void sentiment.dispose();
      void emotion.dispose();
      void toxicity.dispose();
    };
  }, [traces]);
  return client ? <LocalProvider client={client}>{children}</LocalProvider> : null;
}

const EMOTIONS = ["annoyance", "gratitude", "", "curiosity", "confusion", "joy", "anger", "disappointment"];

/** Synthetic traces labelled at ingestion under PostHog-LLM's names (a few unlabelled, some toxic). */
export function hostLabelled(traces: readonly LLMTrace[]): LLMTrace[] {
  return traces.map((trace, i) => (i % 11 === 10 ? trace : withPostHogLlmLabels(trace, EMOTIONS[i % EMOTIONS.length]!, i % 13 === 0 ? 1 : 0, i % 39 === 0 ? 1 : 0)));
}
