export { SentimentOverview, type SentimentOverviewProps } from "./SentimentOverview";
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
