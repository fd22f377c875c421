/**
 * The shared core of the emotion and toxicity classifiers: a text classifier whose result per text
 * is the set of labels over their decision thresholds (chosen on the model's dev set and stored in
 * its `config.json`), top label first, with every label's score.
 */
import { InferenceError } from "./errors";
import { prepareSentimentText } from "./sentimentClassifier";
import { abortable, createTextClassifier, type ClassifierEngineOptions } from "./textClassifier";
import type { ClassifierStatusSource, ClassifyOptions, LabelScore, ModelInfo, ModelSource } from "./types";

/** One text's labels: those over their thresholds (highest score first) and every label's score. */
export interface LabelResult {
  /** Labels over their threshold, highest score first; empty when none applies. */
  labels: string[];
  /** Every label's score (0–1, rounded to 4 decimals). */
  scores: Record<string, number>;
}

export interface LabelClassifierOptions extends ClassifierEngineOptions {
  /** A model folder (URL, path or `file:` URL) or each file's location. @default the embedded model */
  model?: ModelSource;
  /**
   * Decision threshold for every label, or per label. Labels not named keep the model's own.
   * @default the thresholds in the model's `config.json` (chosen on its dev set), else 0.5
   */
  threshold?: number | Record<string, number>;
}

export interface LabelClassifier extends ClassifierStatusSource {
  /** One `{ labels, scores }` per text, in order. */
  classify(texts: readonly string[], options?: ClassifyOptions): Promise<LabelResult[]>;
  /** Loads the model now rather than on the first classification. */
  load(): Promise<ModelInfo>;
  dispose(): Promise<void>;
}

/** Internal knobs of a label classifier (what emotion and toxicity differ in). */
export interface LabelClassifierSetup {
  defaultModel: () => ModelSource;
  /** Labels that never appear in `labels` (toxicity's `none`). */
  excluded?: readonly string[];
  /** Report these groups of labels instead of the labels themselves (a name in `config.tracelens.groups`). */
  grouping?: string;
}

const DEFAULT_THRESHOLD = 0.5;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

function thresholdOf(label: string, model: ModelInfo, option: LabelClassifierOptions["threshold"]): number {
  if (typeof option === "number") return option;
  return option?.[label] ?? model.thresholds?.[label] ?? DEFAULT_THRESHOLD;
}

/** Labels over threshold and rounded scores for one text's label scores. */
export function toLabelResult(
  scores: readonly LabelScore[],
  model: ModelInfo,
  options: {
    threshold?: LabelClassifierOptions["threshold"];
    excluded?: readonly string[];
    groups?: Record<string, string[]>;
    /** Thresholds on the groups' own scores; a group without one applies when any member does. */
    groupThresholds?: Record<string, number>;
  },
): LabelResult {
  const byLabel = new Map(scores.map(({ label, score }) => [label, score]));
  const over = (label: string) => (byLabel.get(label) ?? 0) >= thresholdOf(label, model, options.threshold);
  let ranked: Array<{ label: string; score: number; on: boolean }>;
  if (options.groups) {
    // A group scores its best member, and applies when any member is over that member's threshold.
    ranked = Object.entries(options.groups).map(([group, members]) => {
      const score = Math.max(0, ...members.map((member) => byLabel.get(member) ?? 0));
      const own = typeof options.threshold === "number" ? options.threshold : (options.threshold?.[group] ?? options.groupThresholds?.[group]);
      return { label: group, score, on: own !== undefined ? score >= own : members.some(over) };
    });
  } else {
    ranked = scores.map(({ label, score }) => ({ label, score, on: over(label) }));
  }
  ranked.sort((a, b) => b.score - a.score);
  const result: LabelResult = { labels: [], scores: {} };
  for (const entry of ranked) {
    result.scores[entry.label] = round4(entry.score);
    if (entry.on && !options.excluded?.includes(entry.label)) result.labels.push(entry.label);
  }
  return result;
}

export function createLabelClassifier(options: LabelClassifierOptions, setup: LabelClassifierSetup): LabelClassifier {
  const text = createTextClassifier({
    ...options,
    model: options.pipeline ? options.model : (options.model ?? setup.defaultModel()),
    preprocess: prepareSentimentText,
  });
  let checked: Promise<ModelInfo> | undefined;
  const load = () => {
    checked ??= text.load().then(
      (model) => {
        if (setup.grouping && !model.groups?.[setup.grouping]) {
          throw new InferenceError("model-signature", `The model's config.json defines no "${setup.grouping}" grouping of its labels`);
        }
        return model;
      },
      (error: unknown) => {
        checked = undefined;
        throw error;
      },
    );
    return checked;
  };
  return {
    getStatus: text.getStatus,
    subscribe: text.subscribe,
    load,
    async classify(texts, classifyOptions) {
      // Both at once, so the engine knows texts are waiting while it loads (its warm-up gives way).
      const [model, outputs] = await Promise.all([abortable(load(), classifyOptions?.signal), text.classify(texts, classifyOptions)]);
      const groups = setup.grouping ? model.groups?.[setup.grouping] : undefined;
      const groupThresholds = setup.grouping ? model.groupThresholds?.[setup.grouping] : undefined;
      return outputs.map((scores) => toLabelResult(scores, model, { threshold: options.threshold, excluded: setup.excluded, groups, groupThresholds }));
    },
    dispose: text.dispose,
  };
}
