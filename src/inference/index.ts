// tracelens/inference: local text classification (onnxruntime-web + @huggingface/tokenizers), in a
// Web Worker in browsers and in-process in Node. Its own entry so the main bundle never carries the
// runtime; the main `tracelens` entry must never import this folder.
export { createSentimentClassifier, prepareSentimentText, toMessageSentiment } from "./sentimentClassifier";
export type { SentimentClassifier, SentimentClassifierOptions } from "./sentimentClassifier";
export { createTextClassifier } from "./textClassifier";
export type { ClassifierEngineOptions, TextClassifier, TextClassifierOptions } from "./textClassifier";
export { createEmotionClassifier } from "./emotionClassifier";
export type { EmotionClassifierOptions } from "./emotionClassifier";
export { TOXICITY_LABELS, createToxicityClassifier } from "./toxicityClassifier";
export type { ToxicityClassifierOptions } from "./toxicityClassifier";
export { toLabelResult } from "./labelClassifier";
export { createEventLabeler, isLabelableLlmEvent } from "./eventLabeler";
export type { EventLabeler, EventLabelerOptions, LabelableEvent } from "./eventLabeler";
export type { LabelClassifier, LabelClassifierOptions, LabelResult } from "./labelClassifier";
export {
  DEFAULT_EMOTION_MODEL_NAME,
  DEFAULT_MODEL_NAME,
  DEFAULT_TOXICITY_MODEL_NAME,
  defaultEmotionModel,
  defaultSentimentModel,
  defaultToxicityModel,
} from "./defaultModel";
export { DEFAULT_MODEL_FILES } from "./modelFiles";
export { MODEL_CACHE_NAME } from "./modelFetch";
export { DEFAULT_BATCH_SIZE, DEFAULT_BATCH_TOKENS } from "./engineBatch";
export { preprocessTwitterText } from "./preprocess";
export { InferenceError, ModelCorruptError, ModelFileMissingError, ModelSignatureError } from "./errors";
export type { InferenceErrorCode } from "./errors";
export type { TransformersPipeline } from "./transformersAdapter";
export type { WorkerFactory, WorkerLike, WorkerRequest, WorkerResponse } from "./workerProtocol";
export { useLocalSentiment } from "./useLocalSentiment";
export type { UseLocalSentimentOptions, UseLocalSentimentResult } from "./useLocalSentiment";
export type * from "./types";
