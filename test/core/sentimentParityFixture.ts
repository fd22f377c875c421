import { readFileSync } from "node:fs";

/** Shapes of test/fixtures/posthog-parity/sentiment.json (recorded from PostHog's Python code). */
export type IndexedText = [number, string];

export interface ExtractCase {
  category: string;
  name: string;
  input: unknown;
  expected: IndexedText[];
  expected_classified: IndexedText[];
  expected_eval: IndexedText[];
}

export interface AggregateCase {
  category: string;
  name: string;
  level: "message" | "generation" | "trace" | "trace_pipeline";
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}

export interface SentimentParityFile {
  source: string;
  extract: ExtractCase[];
  aggregate: AggregateCase[];
}

export const sentimentParity = JSON.parse(
  readFileSync(new URL("../fixtures/posthog-parity/sentiment.json", import.meta.url), "utf8"),
) as SentimentParityFile;

export function aggregateCases(level: AggregateCase["level"]): AggregateCase[] {
  return sentimentParity.aggregate.filter((c) => c.level === level);
}
