import type { LLMTrace } from "../../core/eventsTrace";
import { dominantEmotion, toxicityClass } from "../../core/labelBreakdown";
import { traceLabelsFromProperties, type LabelsResult } from "../../core/messageLabels";
import { LabelCell, TOXICITY_BIAS_NOTE } from "../LabelChips";
import type { DataTableColumn } from "../ui/dataTableFeatures";
import { useMemo } from "react";

const TOXICITY_RANK = { clean: 0, toxic: 1, severe: 2 } as const;

/** Sort keys for label columns: the dominant emotion's name; toxicity severe > toxic > clean; unlabelled last. */
export function emotionSortValue(labels: LabelsResult | null): string | undefined {
  return dominantEmotion(labels) ?? undefined;
}

export function toxicitySortValue(labels: LabelsResult | null): number | undefined {
  const found = toxicityClass(labels);
  return found === null ? undefined : TOXICITY_RANK[found];
}

/**
 * The emotion and toxicity columns of TracesTable: labels its events carry (tracelens' or PostHog-LLM's
 * property names), else those the client's classifiers find for rendered rows. Sorting uses the
 * stored labels only.
 */
export const tracesTableLabelColumns: readonly DataTableColumn<LLMTrace>[] = [
  {
    id: "emotion",
    header: "Emotion",
    width: 170,
    description: "Emotions of the user messages, most frequent first",
    cell: (trace) => <LabelCell kind="emotion" id={trace.id} inline={traceLabelsFromProperties(trace)} />,
    sortValue: (trace) => emotionSortValue(traceLabelsFromProperties(trace)),
  },
  {
    id: "toxicity",
    header: "Toxicity",
    width: 140,
    description: `Toxic labels of the user messages. ${TOXICITY_BIAS_NOTE}`,
    cell: (trace) => <LabelCell kind="toxicity" id={trace.id} inline={traceLabelsFromProperties(trace)} />,
    sortValue: (trace) => toxicitySortValue(traceLabelsFromProperties(trace)),
    sortDescFirst: true,
  },
];

/** How many host rows are looked at to decide whether they carry labels. */
const LABEL_SCAN = 200;

/**
 * The table's columns: the host's own when given; otherwise the defaults, with the label columns added
 * when asked, or (unasked) when the rows carry labels or the client classifies them.
 */
export function useLabelColumns(
  columns: readonly DataTableColumn<LLMTrace>[] | undefined,
  defaults: readonly DataTableColumn<LLMTrace>[],
  traces: readonly LLMTrace[] | undefined,
  asked: boolean | undefined,
  available: boolean,
): { columns: readonly DataTableColumn<LLMTrace>[]; labelControls: boolean } {
  const carried = useMemo(() => asked === undefined && !available && (traces ?? []).slice(0, LABEL_SCAN).some((trace) => traceLabelsFromProperties(trace) !== null), [asked, available, traces]);
  const show = asked ?? (available || carried);
  const list = useMemo(() => columns ?? (show ? [...defaults, ...tracesTableLabelColumns] : defaults), [columns, show, defaults]);
  return { columns: list, labelControls: show || list.some((column) => column.id === "emotion" || column.id === "toxicity") };
}
