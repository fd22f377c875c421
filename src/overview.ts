// tracelens/overview: sentiment across models, segments and time, for dashboards.
export * from "./components/SentimentOverview";
export * from "./components/LabelsOverview";
