export { EmotionChips, type EmotionChipsProps } from "./EmotionChips";
export { ToxicityChip, type ToxicityChipProps } from "./ToxicityChip";
export { TOXICITY_BIAS_NOTE, emotionChipModel, labelText, toxicityChipModel, type ChipEntry, type ChipLabels, type ChipModel } from "./labelChipsModel";
export { LabelCell, type LabelCellProps } from "./LabelCells";
export { LabelFilterControls, type LabelFilterControlsProps } from "./LabelFilterControls";
export { LABEL_FILTER_LOOKUP_LIMIT, LabelFilterLookups, countUnjudged, labelRowPredicate, labelToolbarControls, rowEmotions, type LoadedLabels } from "./LabelRowFilter";
