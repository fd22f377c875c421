export { SentimentBar, type SentimentBarProps } from "./SentimentBar";
export {
  resolveSentimentBar,
  SENTIMENT_MARKER_THRESHOLD,
  type SentimentBarInput,
  type SentimentBarModel,
  type SentimentBarState,
} from "./sentimentBarModel";
