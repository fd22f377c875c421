"use client";
import { forwardRef, useMemo, type Ref } from "react";
import type { LabelFilter } from "../../core/labelBreakdown";
import { LabelFilterLookups, countUnjudged, labelRowPredicate, labelToolbarControls, rowEmotions, type LoadedLabels } from "../LabelChips";
import { generationRowLabelId, generationRowLabels } from "./generationsTableLabelColumns";
import { GenerationsTableView, type GenerationsTableViewProps } from "./GenerationsTableView";

export interface GenerationsTableLabelProps {
  /** Emotion and toxicity to keep; rows without labels fail an active filter and are counted. */
  labelFilter?: LabelFilter | null;
  onLabelFilterChange?: (next: LabelFilter) => void;
  /** Show the emotion and toxicity selects in the toolbar. @default false */
  labelControls?: boolean;
}

type Props = GenerationsTableViewProps & GenerationsTableLabelProps;

function Filtered({ rows, labelFilter, onLabelFilterChange, labelControls = false, loaded, toolbarActions, forwardedRef, ...view }: Props & { loaded: LoadedLabels | undefined; forwardedRef: Ref<HTMLDivElement> }) {
  const predicate = useMemo(() => labelRowPredicate(labelFilter, generationRowLabelId, generationRowLabels, loaded), [labelFilter, loaded]);
  const shown = useMemo(() => (predicate ? rows.filter(predicate) : rows), [rows, predicate]);
  const emotions = useMemo(() => (labelControls || predicate ? rowEmotions(rows, generationRowLabels, loaded) : []), [labelControls, predicate, rows, loaded]);
  const unjudged = useMemo(() => countUnjudged(rows, labelFilter, generationRowLabels, loaded, generationRowLabelId), [rows, labelFilter, loaded]);
  const controls = labelToolbarControls({ show: labelControls, filter: labelFilter, onFilterChange: onLabelFilterChange, emotions, unjudged });
  return <GenerationsTableView {...view} ref={forwardedRef} rows={shown} toolbarActions={controls ? <>{controls}{toolbarActions}</> : toolbarActions} />;
}

/** GenerationsTableView with the label filter applied (labels loaded for unlabelled rows while it is on). */
export const GenerationsTableLabelled = forwardRef(function GenerationsTableLabelled(props: Props, ref: Ref<HTMLDivElement>) {
  return (
    <LabelFilterLookups rows={props.rows} idOf={generationRowLabelId} stored={generationRowLabels} filter={props.labelFilter} level="generation">
      {(loaded) => <Filtered {...props} loaded={loaded} forwardedRef={ref} />}
    </LabelFilterLookups>
  );
});
