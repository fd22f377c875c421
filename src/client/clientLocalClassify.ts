/**
 * The classifier seam of the local client. Any object with `classify(texts)` works: the
 * `tracelens/inference` classifier, a transformers.js pipeline wrapper, or a test double.
 */
import type { SentimentPipelineOutput, SentimentScores } from "../core/sentiment/types";
import { isAbortError } from "./clientErrors";

/**
 * One text's classification: the pipeline's `[{label, score}, …]` (`top_k=None`), a scored
 * result `{label?, score?, scores: {positive, neutral, negative}}`, or the bare scores.
 */
export type ClassifierOutput = SentimentPipelineOutput | { label?: string; score?: number; scores: SentimentScores } | SentimentScores;

/** The per-id error when texts need scoring and the local client has no classifier. */
export const NO_CLASSIFIER_MESSAGE = "No sentiment classifier configured";

/** A sentiment classifier: one output per input text, in order. */
export interface SentimentClassifier {
  classify(texts: string[], options?: { signal?: AbortSignal }): Promise<ReadonlyArray<ClassifierOutput>>;
}

/**
 * Pipeline form of a scored result. Scores are listed high to low, with the result's own label
 * first among ties, so core's "first maximum wins" picks the label the classifier chose.
 */
export function toPipelineOutput(output: unknown): SentimentPipelineOutput | null {
  if (Array.isArray(output)) return output as SentimentPipelineOutput;
  if (typeof output !== "object" || output === null) return null;
  const record = output as { scores?: unknown; label?: unknown };
  const label = record.label;
  const scores = typeof record.scores === "object" && record.scores !== null ? record.scores : output;
  const entries = (["positive", "neutral", "negative"] as const)
    .map((name) => ({ label: name, score: Number((scores as Record<string, unknown>)[name]) }))
    .filter((entry) => Number.isFinite(entry.score));
  if (entries.length === 0) return null;
  return entries.sort((a, b) => b.score - a.score || (a.label === label ? -1 : b.label === label ? 1 : 0));
}

async function classifyAll(classifier: SentimentClassifier, texts: string[], signal?: AbortSignal): Promise<SentimentPipelineOutput[]> {
  const raw = await classifier.classify(texts, signal ? { signal } : undefined);
  if (!Array.isArray(raw) || raw.length !== texts.length) {
    throw new Error(`The classifier returned ${Array.isArray(raw) ? raw.length : "no"} results for ${texts.length} texts`);
  }
  return raw.map((output, i) => {
    const pipeline = toPipelineOutput(output);
    if (!pipeline) throw new Error(`The classifier returned an unreadable result for text ${i}`);
    return pipeline;
  });
}

/**
 * Classifies every job's texts: one call for all of them (as PostHog runs one inference per
 * request); if that call fails, each job is retried on its own, so one bad text costs only its
 * own id a result. A job's entry is its outputs, or the Error that stopped it.
 */
export async function classifyEach(
  classifier: SentimentClassifier | undefined,
  jobs: readonly string[][],
  signal?: AbortSignal,
): Promise<Array<SentimentPipelineOutput[] | Error>> {
  if (signal?.aborted) throw signal.reason;
  const needed = jobs.some((texts) => texts.length > 0);
  if (!needed) return jobs.map(() => []);
  if (!classifier) {
    const missing = new Error(NO_CLASSIFIER_MESSAGE);
    return jobs.map((texts) => (texts.length === 0 ? [] : missing));
  }
  try {
    const flat = await classifyAll(classifier, jobs.flat(), signal);
    let cursor = 0;
    return jobs.map((texts) => flat.slice(cursor, (cursor += texts.length)));
  } catch (error) {
    if (signal?.aborted || isAbortError(error)) throw signal?.reason ?? error;
  }
  const outcomes: Array<SentimentPipelineOutput[] | Error> = [];
  for (const texts of jobs) {
    if (texts.length === 0) {
      outcomes.push([]);
      continue;
    }
    try {
      outcomes.push(await classifyAll(classifier, texts, signal));
    } catch (error) {
      if (signal?.aborted || isAbortError(error)) throw signal?.reason ?? error;
      outcomes.push(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return outcomes;
}
