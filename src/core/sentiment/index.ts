export * from "./types";
export {
  SENTIMENT_MAX_MESSAGE_CHARS,
  SENTIMENT_MAX_USER_MESSAGES,
  extractClassifiedUserMessages,
  extractUserMessages,
  sentimentContentText,
  truncateSentimentText,
} from "./extract";
export {
  SENTIMENT_EVAL_HEAD_CHARS,
  SENTIMENT_EVAL_MARKER,
  SENTIMENT_EVAL_MAX_CHARS,
  extractSentimentEvalMessages,
  truncateSentimentEvalText,
} from "./extractEval";
export {
  SENTIMENT_MAX_CLASSIFICATIONS_PER_TRACE,
  SENTIMENT_MAX_GENERATIONS_PER_TRACE,
  collectSentimentInputs,
} from "./pending";
export type { SentimentGenerationInput } from "./pending";
export { SENTIMENT_AGGREGATE_ORDER, isSentimentLabel, messageSentiment, selectSentimentLabel } from "./score";
export { SENTIMENT_NEUTRAL_MARGIN, buildGenerationSentiment } from "./scoreGeneration";
export type { GenerationSentimentMessageInput, GenerationSentimentOptions } from "./scoreGeneration";
export { buildTraceSentiment } from "./scoreTrace";
export type { TraceSentimentMessageInput, TraceSentimentOptions } from "./scoreTrace";
export { sentimentExtremes } from "./extremes";
export { isSentimentError } from "./guards";
export {
  SENTIMENT_EVALUATION_RUNTIME,
  aggregateStoredTraceSentiment,
  isStoredSentimentEvent,
  sentimentEvaluationProperties,
  storedGenerationSentiment,
  storedSentimentLookup,
  storedSentimentLookupIds,
} from "./stored";
export type { StoredSentimentEventLike, StoredSentimentLookup } from "./stored";
