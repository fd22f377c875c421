"use client";
import type { LabelsError, LabelsResult } from "../../core/messageLabels";
import { useLabelResults, useLabelsAvailable } from "../../hooks/useLabels";
import { EmotionChips } from "./EmotionChips";
import { ToxicityChip } from "./ToxicityChip";

export interface LabelCellProps {
  /** The row's trace or generation id. */
  id: string;
  /** Labels the row carries (its events' properties); they win, and nothing is loaded. */
  inline: LabelsResult | LabelsError | null | undefined;
  /** @default "trace" */
  level?: "trace" | "generation";
  /** The part to show. */
  kind: "emotion" | "toxicity";
}

function Chips({ kind, labels, loading }: { kind: LabelCellProps["kind"]; labels: LabelsResult | LabelsError | null | undefined; loading?: boolean }) {
  return kind === "emotion" ? <EmotionChips labels={labels} loading={loading} focusable={false} /> : <ToxicityChip labels={labels} loading={loading} clean="dash" focusable={false} />;
}

function LoadedLabelCell({ id, level = "trace", kind }: Omit<LabelCellProps, "inline">) {
  // Mounted only for rendered rows; every id asked for in the same tick goes in one labels() call.
  const { data, isPending } = useLabelResults({ ids: [id], level });
  return <Chips kind={kind} labels={data[id]} loading={isPending} />;
}

/**
 * A table row's emotion or toxicity: what its events carry when they do, else loaded through the
 * client's classifiers when it has them (the local client with `labelClassifiers`), else "–".
 */
export function LabelCell({ id, inline, level, kind }: LabelCellProps) {
  const canLoad = useLabelsAvailable();
  if (inline || !canLoad || !id) return <Chips kind={kind} labels={inline ?? null} />;
  return <LoadedLabelCell id={id} level={level} kind={kind} />;
}
