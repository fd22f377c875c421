export { SummaryPanel, type SummaryPanelProps } from "./SummaryPanel";
export { SummaryPanelView, type SummaryPanelViewProps } from "./SummaryPanelView";
export { SummaryPanelContent, type SummaryPanelContentProps } from "./SummaryPanelContent";
export type { SummaryFeedback } from "./SummaryPanelToolbar";
export {
  eventSubject,
  itemLineRanges,
  summaryToMarkdown,
  type SummaryLineRefTarget,
  type SummaryPanelStatus,
  type SummarySubject,
} from "./summaryPanelModel";
