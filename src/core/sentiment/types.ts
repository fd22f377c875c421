/** What a sentiment result is of: a whole trace, or one generation (PostHog's `analysis_level`). */
export type SentimentLevel = "trace" | "generation";

/** The three labels of PostHog's sentiment model, in the model's own order. */
export type SentimentLabel = "negative" | "neutral" | "positive";

/** Per-label scores, each 0–1. Generation and trace levels list them positive, neutral, negative. */
export interface SentimentScores {
  positive: number;
  neutral: number;
  negative: number;
}

/** One user message's classification, keyed in results by its index in `$ai_input`. */
export interface MessageSentiment {
  label: SentimentLabel;
  score: number;
  scores: SentimentScores;
  /** The text that was classified; only some PostHog versions return it. */
  text?: string;
}

/**
 * Where a sentiment value came from: PostHog's stored `$ai_evaluation` results (returned inline with
 * `includeSentiment`), its on-read `/sentiment/` endpoint, or a classifier in this process. tracelens
 * adds it; PostHog never sends it.
 */
export type SentimentSource = "stored" | "on-read" | "local";

/** PostHog's generation-level result (also the shape the sentiment endpoint documents for any id). */
export interface GenerationSentiment {
  label: SentimentLabel;
  score: number;
  scores: SentimentScores;
  messages: Record<string, MessageSentiment>;
  message_count: number;
  /** Where this value came from (set by tracelens' clients). */
  source?: SentimentSource;
}

/** PostHog's trace-level result: flat mean over every classified message of every generation. */
export interface TraceSentiment {
  trace_id: string;
  label: SentimentLabel;
  score: number;
  scores: SentimentScores;
  generations: Record<string, Omit<GenerationSentiment, "message_count"> & { message_count?: number }>;
  generation_count: number;
  message_count: number;
  /** Where this value came from (set by tracelens' clients). */
  source?: SentimentSource;
}

/** What the sentiment endpoint returns for an id it could not compute. */
export interface SentimentError {
  error: string;
}

export type SentimentResult = GenerationSentiment | TraceSentiment;

export const SENTIMENT_LABELS: readonly SentimentLabel[] = ["negative", "neutral", "positive"];

/** One row of the classifier pipeline's output (`top_k=None`): a label and its softmax score. */
export interface SentimentPipelineEntry {
  label: string;
  score: number;
}

/** The pipeline's output for one text, normally in descending score order. */
export type SentimentPipelineOutput = ReadonlyArray<SentimentPipelineEntry>;

/** A user message found in `$ai_input`: its position in the original array and its text. */
export interface ExtractedUserMessage {
  index: number;
  text: string;
}

/** One text waiting for classification in a trace, tagged with the generation it came from. */
export interface PendingSentimentInput {
  generationId: string;
  index: number;
  text: string;
}

/** Largest positive and negative scores among messages labelled that way (0 when none). */
export interface SentimentExtremes {
  maxPositive: number;
  maxNegative: number;
}
