import type { GenerationRow } from "../../core/generationRows";
import { dominantEmotion, toxicityClass } from "../../core/labelBreakdown";
import { eventLabelsResult, type LabelsResult } from "../../core/messageLabels";
import { LabelCell, TOXICITY_BIAS_NOTE } from "../LabelChips";
import type { DataTableColumn } from "../ui/dataTableFeatures";

const stored = new WeakMap<object, LabelsResult | null>();
const TOXICITY_RANK = { clean: 0, toxic: 1, severe: 2 } as const;

/** A generation row's stored labels (its event's properties), read once per event. */
export function generationRowLabels(row: GenerationRow): LabelsResult | null {
  const event = row.event;
  if (!event || typeof event !== "object") return null;
  if (!stored.has(event)) stored.set(event, eventLabelsResult(event));
  return stored.get(event)!;
}

export const generationRowLabelId = (row: GenerationRow) => String(row.event?.id ?? "");

/** The Emotion and Toxicity columns of GenerationsTable: the generation's own labels (its user turns). */
export const generationsTableLabelColumns: readonly DataTableColumn<GenerationRow>[] = [
  {
    id: "emotion",
    header: "Emotion",
    width: 160,
    description: "Emotions of the user messages this generation answered",
    cell: (row) => <LabelCell kind="emotion" level="generation" id={generationRowLabelId(row)} inline={generationRowLabels(row)} />,
    sortValue: (row) => dominantEmotion(generationRowLabels(row)) ?? undefined,
  },
  {
    id: "toxicity",
    header: "Toxicity",
    width: 130,
    description: `Toxic labels of the user messages. ${TOXICITY_BIAS_NOTE}`,
    cell: (row) => <LabelCell kind="toxicity" level="generation" id={generationRowLabelId(row)} inline={generationRowLabels(row)} />,
    sortValue: (row) => {
      const found = toxicityClass(generationRowLabels(row));
      return found === null ? undefined : TOXICITY_RANK[found];
    },
    sortDescFirst: true,
  },
];
