export { SentimentOverview, type SentimentOverviewProps } from "./SentimentOverview";
export { SentimentOverviewView, type SentimentOverviewViewProps } from "./SentimentOverviewView";
export {
  sentimentDimensions,
  type SentimentItem,
  type SentimentOverviewDimension,
} from "./sentimentOverviewDimensions";
export {
  bucketSentiment,
  groupSentiment,
  type SentimentBucket,
  type SentimentGroup,
  type SentimentOverviewFilter,
  type SentimentStats,
} from "./sentimentOverviewModel";
