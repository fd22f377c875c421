"use client";
import { useId } from "react";
import type { LabelFilter, ToxicityClass } from "../../core/labelBreakdown";
import { cn } from "../ui/cn";
import { TOXICITY_BIAS_NOTE, labelText } from "./labelChipsModel";

export interface LabelFilterControlsProps {
  filter: LabelFilter | null | undefined;
  onFilterChange: (next: LabelFilter) => void;
  /** Emotions offered (those the rows carry, say); the filter's own are always kept. */
  emotions: readonly string[];
  /** Rows hidden because they have no labels to judge. */
  unjudged?: number;
  className?: string;
}

const TOXICITY_CHOICES: Array<{ value: string; text: string; classes: ToxicityClass[] }> = [
  { value: "", text: "Any toxicity", classes: [] },
  { value: "toxic", text: "Toxic (any)", classes: ["toxic", "severe"] },
  { value: "severe", text: "Severe only", classes: ["severe"] },
  { value: "clean", text: "Not toxic", classes: ["clean"] },
];

const SELECT = "tl:h-7 tl:max-w-40 tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-1 tl:text-xs tl:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-focus";

function toxicityValue(classes: readonly ToxicityClass[] | null | undefined): string {
  const set = [...(classes ?? [])].sort().join(",");
  return TOXICITY_CHOICES.find((choice) => [...choice.classes].sort().join(",") === set)?.value ?? "";
}

/** An emotion select and a toxicity select for a table's toolbar; the filter is the host's (controlled). */
export function LabelFilterControls({ filter, onFilterChange, emotions, unjudged = 0, className }: LabelFilterControlsProps) {
  const noteId = useId();
  const chosen = filter?.emotions?.[0] ?? "";
  const offered = [...new Set([...(filter?.emotions ?? []), ...emotions])];
  return (
    <span data-slot="label-filter" className={cn("tl:inline-flex tl:flex-wrap tl:items-center tl:gap-1", className)}>
      <select
        aria-label="Emotion filter"
        value={chosen}
        onChange={(event) => onFilterChange({ ...filter, emotions: event.target.value ? [event.target.value] : [] })}
        className={SELECT}
      >
        <option value="">Any emotion</option>
        {offered.map((emotion) => (
          <option key={emotion} value={emotion}>
            {labelText(emotion).slice(0, 40)}
          </option>
        ))}
      </select>
      <select
        aria-label="Toxicity filter"
        aria-describedby={noteId}
        value={toxicityValue(filter?.toxicity)}
        onChange={(event) => onFilterChange({ ...filter, toxicity: TOXICITY_CHOICES.find((choice) => choice.value === event.target.value)?.classes ?? [] })}
        className={SELECT}
        title={TOXICITY_BIAS_NOTE}
      >
        {TOXICITY_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.text}
          </option>
        ))}
      </select>
      <span id={noteId} className="tl:sr-only">
        {TOXICITY_BIAS_NOTE}
      </span>
      {(filter?.toxicity?.length ?? 0) > 0 && (
        <span aria-hidden="true" data-slot="label-filter-bias-note" className="tl:text-[11px] tl:text-muted">
          Toxicity labels can be biased (see tooltip): read before acting.
        </span>
      )}
      {unjudged > 0 && (
        <span data-slot="label-filter-unjudged" className="tl:text-xs tl:text-muted">
          {unjudged} without labels hidden
        </span>
      )}
    </span>
  );
}
