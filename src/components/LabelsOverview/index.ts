export { LabelsOverview, type LabelsOverviewProps } from "./LabelsOverview";
export { LabelsOverviewView, type LabelsOverviewViewProps } from "./LabelsOverviewView";
