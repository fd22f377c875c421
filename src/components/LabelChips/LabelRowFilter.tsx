"use client";
import { useMemo, type ReactNode } from "react";
import { isLabelFilterActive, matchesLabelFilter, type LabelFilter } from "../../core/labelBreakdown";
import type { LabelsError, LabelsResult } from "../../core/messageLabels";
import { isLabelsError } from "../../core/messageLabels";
import { useLabelResults, useLabelsAvailable } from "../../hooks/useLabels";
import { LabelFilterControls } from "./LabelFilterControls";

/** Loaded labels by id (from the client's classifiers), beyond what rows carry. */
export type LoadedLabels = Readonly<Record<string, LabelsResult | LabelsError>>;

/** Most rows a label filter labels through the client at once; beyond it, rows without stored labels stay out (and are counted). */
export const LABEL_FILTER_LOOKUP_LIMIT = 1000;

interface LookupProps<T> {
  rows: readonly T[];
  idOf: (row: T) => string;
  stored: (row: T) => LabelsResult | null;
  filter: LabelFilter | null | undefined;
  level: "trace" | "generation";
  children: (loaded: LoadedLabels | undefined, pending: number) => ReactNode;
}

const NONE: string[] = [];

function Loaded<T>({ ids, level, children }: { ids: readonly string[]; level: "trace" | "generation"; children: LookupProps<T>["children"] }) {
  const { data, pendingIds } = useLabelResults({ ids, level });
  return <>{children(data, pendingIds.length)}</>;
}

/**
 * While a label filter is on and the client classifies labels, labels for the rows that carry none
 * (the same cached lookups the cells make, so a row already shown costs nothing).
 */
export function LabelFilterLookups<T>({ rows, idOf, stored, filter, level, children }: LookupProps<T>) {
  const available = useLabelsAvailable();
  const active = available && isLabelFilterActive(filter);
  const ids = useMemo(() => {
    if (!active) return NONE;
    const out: string[] = [];
    for (const row of rows) {
      if (out.length >= LABEL_FILTER_LOOKUP_LIMIT) break;
      if (!stored(row)) out.push(idOf(row));
    }
    return out;
  }, [active, rows, idOf, stored]);
  if (ids.length === 0) return <>{children(undefined, 0)}</>;
  return (
    <Loaded ids={ids} level={level}>
      {children}
    </Loaded>
  );
}

/** A row test for the label filter (stored labels first, then loaded ones); null when the filter is off. */
export function labelRowPredicate<T>(
  filter: LabelFilter | null | undefined,
  idOf: (row: T) => string,
  stored: (row: T) => LabelsResult | null,
  loaded: LoadedLabels | undefined,
): ((row: T) => boolean) | null {
  if (!isLabelFilterActive(filter)) return null;
  return (row) => {
    const own = stored(row);
    const other = own ?? (loaded ? loaded[idOf(row)] : undefined);
    return matchesLabelFilter(other && !isLabelsError(other) ? other : null, filter) === true;
  };
}

/** Rows an active label filter hides only because they have no labels to judge. */
export function countUnjudged<T>(rows: readonly T[], filter: LabelFilter | null | undefined, stored: (row: T) => LabelsResult | null, loaded: LoadedLabels | undefined, idOf?: (row: T) => string): number {
  if (!isLabelFilterActive(filter)) return 0;
  let count = 0;
  for (const row of rows) {
    const own = stored(row);
    const other = own ?? (loaded && idOf ? loaded[idOf(row)] : undefined);
    if (matchesLabelFilter(other && !isLabelsError(other) ? other : null, filter) === null) count += 1;
  }
  return count;
}

/** Emotions the rows carry (stored or loaded), most common first, for the filter's choices. */
export function rowEmotions<T>(rows: readonly T[], stored: (row: T) => LabelsResult | null, loaded?: LoadedLabels, limit = 2000): string[] {
  const counts = new Map<string, number>();
  const add = (labels: LabelsResult | LabelsError | null | undefined) => {
    if (!labels || isLabelsError(labels)) return;
    for (const entry of labels.emotions) counts.set(entry.label, (counts.get(entry.label) ?? 0) + 1);
  };
  for (const row of rows.slice(0, limit)) add(stored(row));
  for (const labels of Object.values(loaded ?? {})) add(labels);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([label]) => label);
}

/** The toolbar's label controls, or null when the table shows no label columns and no filter is on. */
export function labelToolbarControls(options: {
  show: boolean;
  filter: LabelFilter | null | undefined;
  onFilterChange?: (next: LabelFilter) => void;
  emotions: readonly string[];
  unjudged: number;
}): ReactNode {
  if (!options.onFilterChange || (!options.show && !isLabelFilterActive(options.filter))) return null;
  return <LabelFilterControls filter={options.filter} onFilterChange={options.onFilterChange} emotions={options.emotions} unjudged={options.unjudged} />;
}


