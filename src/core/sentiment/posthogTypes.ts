/**
 * PostHog's sentiment answers typed as the API documents them (`POST …/llm_analytics/sentiment/`,
 * posthog-api.md §1.2), for hosts that fetch or store them themselves and pass them on: a parsed JSON
 * answer, or an object literal copied from PostHog's docs, fits these types with no cast. They are wider
 * than tracelens' own result types (a `label` is any string, a message may carry `text`, an error may
 * carry `detail`), and every component that shows sentiment accepts them; values are checked at runtime.
 */

/** Per-label scores, each 0–1 (means rounded to 4 dp). */
export interface PostHogSentimentScores {
  positive: number;
  neutral: number;
  negative: number;
}

/** One user message's result, keyed by its index in `$ai_input` ("0", "3", …). */
export interface PostHogMessageSentiment {
  /** "positive", "neutral" or "negative"; another value is shown as no data. */
  label: string;
  score: number;
  scores: PostHogSentimentScores;
  /** The classified text; only some PostHog versions send it. */
  text?: string;
}

/** A generation's result (`analysis_level: "generation"`), also the per-generation part of a trace's. */
export interface PostHogGenerationSentiment {
  label: string;
  score: number;
  scores: PostHogSentimentScores;
  messages: Record<string, PostHogMessageSentiment>;
  /** 0 means the generation had no user messages (PostHog's neutral all-zero answer). */
  message_count: number;
}

/** A trace's result (`analysis_level: "trace"`): the mean over every classified message. */
export interface PostHogTraceSentiment {
  trace_id: string;
  label: string;
  score: number;
  scores: PostHogSentimentScores;
  generations: Record<string, Omit<PostHogGenerationSentiment, "message_count"> & { message_count?: number }>;
  generation_count: number;
  message_count: number;
}

/** What PostHog answers for an id it could not compute. */
export interface PostHogSentimentError {
  error: string;
  detail?: string;
}

/** One entry of `results`: `results[id]`. */
export type PostHogSentimentEntry = PostHogGenerationSentiment | PostHogTraceSentiment | PostHogSentimentError;

/** The whole answer: every requested id is a key. */
export interface PostHogSentimentResponse {
  results: Record<string, PostHogSentimentEntry>;
}
