/**
 * `createSentimentClassifier`: PostHog's sentiment classification, locally. Texts are cut to their
 * last 2,000 characters and given cardiffnlp's `@user`/`http` preprocessing, classified by the
 * embedded model (or any negative/neutral/positive model), and rounded and labelled with core's
 * PostHog rules, so results are interchangeable with the sentiment endpoint's.
 */
import { extractClassifiedUserMessages, messageSentiment, truncateSentimentText } from "../core/sentiment";
import type { MessageSentiment, SentimentLabel } from "../core/sentiment";
import { defaultSentimentModel } from "./defaultModel";
import { InferenceError } from "./errors";
import { preprocessTwitterText } from "./preprocess";
import { abortable, createTextClassifier, type ClassifierEngineOptions } from "./textClassifier";
import type { ClassifierStatusSource, ClassifyOptions, LabelScore, ModelInfo, ModelSource } from "./types";

export interface SentimentClassifierOptions extends ClassifierEngineOptions {
  /**
   * A negative/neutral/positive model folder (URL, path or `file:` URL) or each file's location,
   * such as PostHog's `cardiffnlp/twitter-roberta-base-sentiment-latest` served by the host.
   * @default the embedded model shipped in the package
   */
  model?: ModelSource;
  /**
   * Maps the model's own label names to PostHog's. Names that already are `negative`, `neutral` or
   * `positive` (any case) need no entry. @default { LABEL_0: "negative", LABEL_1: "neutral", LABEL_2: "positive" }
   */
  labelMap?: Record<string, SentimentLabel>;
}

export interface SentimentClassifier extends ClassifierStatusSource {
  /** One PostHog message result per text, in order: `{ label, score, scores }`, rounded to 4 dp. */
  classify(texts: readonly string[], options?: ClassifyOptions): Promise<MessageSentiment[]>;
  /**
   * Classifies the user messages of one `$ai_input` as PostHog extracts them; results are keyed by
   * each message's index in the original input and carry the classified `text`.
   */
  classifyInput(aiInput: unknown, options?: ClassifyOptions): Promise<Record<string, MessageSentiment>>;
  /** Loads the model now rather than on the first classification. */
  load(): Promise<ModelInfo>;
  dispose(): Promise<void>;
}

/** The older cardiffnlp checkpoint names its labels by position. */
const POSITIONAL_LABELS: Record<string, SentimentLabel> = { LABEL_0: "negative", LABEL_1: "neutral", LABEL_2: "positive" };

function sentimentLabelOf(label: string, labelMap: Record<string, SentimentLabel>): SentimentLabel | undefined {
  const mapped = labelMap[label];
  if (mapped) return mapped;
  const lower = label.toLowerCase();
  return lower === "negative" || lower === "neutral" || lower === "positive" ? lower : undefined;
}

/** Throws unless the model's labels cover negative, neutral and positive. */
function checkLabels(labels: readonly string[], labelMap: Record<string, SentimentLabel>): void {
  if (labels.length === 0) return; // a pipeline without a readable config: checked per result instead
  const covered = new Set(labels.map((label) => sentimentLabelOf(label, labelMap)));
  if (!covered.has("negative") || !covered.has("neutral") || !covered.has("positive")) {
    throw new InferenceError(
      "model-signature",
      `The model's labels (${labels.join(", ")}) do not map to negative, neutral and positive; pass a labelMap`,
    );
  }
}

/** PostHog's message result from one text's label scores. */
export function toMessageSentiment(scores: readonly LabelScore[], labelMap: Record<string, SentimentLabel>): MessageSentiment {
  return messageSentiment(scores.map(({ label, score }) => ({ label: sentimentLabelOf(label, labelMap) ?? label, score })));
}

/** What the sentiment model reads for one message: its last 2,000 characters, preprocessed. */
export function prepareSentimentText(text: string): string {
  return preprocessTwitterText(truncateSentimentText(text));
}

/**
 * A sentiment classifier with PostHog-shaped results. With no options it runs the embedded model,
 * in a Web Worker in browsers and in-process in Node.
 *
 * @example
 * const sentiment = createSentimentClassifier();
 * const [result] = await sentiment.classify(["This is the best support I've had"]);
 * // { label: "positive", score: 0.93, scores: { positive: 0.93, neutral: 0.05, negative: 0.02 } }
 */
export function createSentimentClassifier(options: SentimentClassifierOptions = {}): SentimentClassifier {
  const labelMap = { ...POSITIONAL_LABELS, ...options.labelMap };
  const text = createTextClassifier({
    ...options,
    model: options.pipeline ? options.model : (options.model ?? defaultSentimentModel()),
    preprocess: prepareSentimentText,
  });
  let checked: Promise<ModelInfo> | undefined;
  const load = () => {
    checked ??= text.load().then(
      (model) => {
        checkLabels(model.labels, labelMap);
        return model;
      },
      (error: unknown) => {
        checked = undefined;
        throw error;
      },
    );
    return checked;
  };
  const classify = async (texts: readonly string[], classifyOptions?: ClassifyOptions) => {
    // Both at once, so the engine knows texts are waiting while it loads (its warm-up gives way).
    const [, outputs] = await Promise.all([abortable(load(), classifyOptions?.signal), text.classify(texts, classifyOptions)]);
    return outputs.map((scores) => toMessageSentiment(scores, labelMap));
  };
  return {
    getStatus: text.getStatus,
    subscribe: text.subscribe,
    load,
    classify,
    async classifyInput(aiInput, classifyOptions) {
      const messages = extractClassifiedUserMessages(aiInput);
      const results = await classify(
        messages.map((message) => message.text),
        classifyOptions,
      );
      const byIndex: Record<string, MessageSentiment> = {};
      messages.forEach((message, i) => {
        byIndex[String(message.index)] = { ...(results[i] as MessageSentiment), text: message.text };
      });
      return byIndex;
    },
    dispose: text.dispose,
  };
}
