// tracelens: the main entry. Components, hooks, client and types only; local inference lives in
// `tracelens/inference` and the mock backend in `tracelens/msw`, so hosts that do not use them pay nothing.
export * from "./components/SentimentBar";
export type { GenerationLabels, LabelCount, LabelsError, LabelsResult, MessageLabels } from "./core/messageLabels";
export type { LabelFilter, ToxicityClass } from "./core/labelBreakdown";
export type {
  GenerationSentiment,
  MessageSentiment,
  SentimentError,
  SentimentLabel,
  SentimentResult,
  SentimentScores,
  TraceSentiment,
} from "./core/sentiment/types";
// PostHog's sentiment answer as its API documents it: what hosts that fetch it themselves pass to SentimentBar.
export type {
  PostHogGenerationSentiment,
  PostHogMessageSentiment,
  PostHogSentimentEntry,
  PostHogSentimentError,
  PostHogSentimentResponse,
  PostHogSentimentScores,
  PostHogTraceSentiment,
} from "./core/sentiment/posthogTypes";
// Data layer: the TraceLensClient seam (PostHog over HTTP, or local), and TanStack Query hooks over it.
export * from "./client";
export * from "./hooks";
export type { MediaPolicy, MediaPolicyOptions, RemoteMediaMode } from "./components/ui/mediaPolicy";
// Components beyond SentimentBar live in their own entries (`tracelens/tables`, `tracelens/trace`,
// `tracelens/overview`, `tracelens/evaluations`) so this entry stays within its size budget.
