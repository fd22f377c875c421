/**
 * Emotion and toxicity over many traces (or generations): each one's dominant emotion and toxicity
 * class, the breakdowns an overview draws, and the filters the tables apply. Every trace lands in
 * exactly one bucket per breakdown, or is counted as unlabelled, failed or pending: none is dropped.
 */
import { isLabelsError, type LabelsError, type LabelsResult } from "./messageLabels";

/** The toxicity classes a trace falls in: severe (hate speech), toxic (other toxic labels), or clean. */
export type ToxicityClass = "severe" | "toxic" | "clean";
export const TOXICITY_CLASSES: readonly ToxicityClass[] = ["severe", "toxic", "clean"];

/** What the tables filter on. An empty or absent part keeps every row. */
export interface LabelFilter {
  /** Keep rows where any of these emotions applied to a user message. */
  emotions?: readonly string[] | null;
  /** Keep rows in these toxicity classes. */
  toxicity?: readonly ToxicityClass[] | null;
}

/**
 * The emotion a trace is filed under: its most frequent emotion other than `neutral`, else `neutral`
 * (also when no emotion passed its threshold, as PostHog-LLM's "" means); null when nothing was judged.
 */
export function dominantEmotion(result: LabelsResult | null | undefined): string | null {
  if (!result || result.emotionMessages === 0) return null;
  return result.emotions.find((entry) => entry.label !== "neutral")?.label ?? "neutral";
}

/** A trace's toxicity class; null when no toxicity result exists for it. */
export function toxicityClass(result: LabelsResult | null | undefined): ToxicityClass | null {
  if (!result || result.toxicityMessages === 0) return null;
  return result.severe ? "severe" : result.toxic ? "toxic" : "clean";
}

export function isLabelFilterActive(filter: LabelFilter | null | undefined): boolean {
  return Boolean(filter && ((filter.emotions?.length ?? 0) > 0 || (filter.toxicity?.length ?? 0) > 0));
}

/**
 * Whether a row's labels pass the filter: true or false, or null when the row has no labels for a
 * part the filter uses (it cannot be judged, and the table says how many such rows it hides).
 */
export function matchesLabelFilter(result: LabelsResult | null | undefined, filter: LabelFilter | null | undefined): boolean | null {
  if (!isLabelFilterActive(filter)) return true;
  const emotions = filter?.emotions ?? [];
  const classes = filter?.toxicity ?? [];
  if (emotions.length > 0) {
    if (!result || result.emotionMessages === 0) return null;
    // A judged trace where no emotion passed its threshold is filed as neutral (see dominantEmotion),
    // so the neutral filter keeps it too: a bucket never counts rows its filter would hide.
    const applied = result.emotions.length > 0 ? result.emotions.map((entry) => entry.label) : ["neutral"];
    if (!applied.some((label) => emotions.includes(label))) return false;
  }
  if (classes.length > 0) {
    const found = toxicityClass(result);
    if (found === null) return null;
    if (!classes.includes(found)) return false;
  }
  return true;
}

export interface LabelBucket {
  label: string;
  traces: number;
}

export interface LabelBreakdown {
  /** Entries considered. */
  total: number;
  /** Entries still loading, failed, or with no labels at all. */
  pending: number;
  failed: number;
  unlabelled: number;
  /** Traces per dominant emotion, most first (`neutral` last); they sum to `emotionLabelled`. */
  emotions: LabelBucket[];
  emotionLabelled: number;
  /** Traces per toxicity class, in `TOXICITY_CLASSES` order; they sum to `toxicityLabelled`. */
  toxicity: Array<{ label: ToxicityClass; traces: number }>;
  toxicityLabelled: number;
  /** Traces with at least one message of each toxic label (a trace may count under several). */
  toxicLabels: LabelBucket[];
}

/**
 * Breakdowns over entries: a result, `{error}`, null (no labels) or undefined (still loading).
 * Pure and order-independent.
 */
export function labelBreakdown(entries: Iterable<LabelsResult | LabelsError | null | undefined>): LabelBreakdown {
  const emotions = new Map<string, number>();
  const classes = new Map<ToxicityClass, number>(TOXICITY_CLASSES.map((name) => [name, 0]));
  const toxicLabels = new Map<string, number>();
  const out = { total: 0, pending: 0, failed: 0, unlabelled: 0, emotionLabelled: 0, toxicityLabelled: 0 };
  for (const entry of entries) {
    out.total += 1;
    if (entry === undefined) out.pending += 1;
    else if (entry === null) out.unlabelled += 1;
    else if (isLabelsError(entry)) out.failed += 1;
    else {
      const emotion = dominantEmotion(entry);
      const found = toxicityClass(entry);
      if (emotion === null && found === null) out.unlabelled += 1;
      if (emotion !== null) {
        out.emotionLabelled += 1;
        emotions.set(emotion, (emotions.get(emotion) ?? 0) + 1);
      }
      if (found !== null) {
        out.toxicityLabelled += 1;
        classes.set(found, classes.get(found)! + 1);
        for (const { label } of entry.toxicity) toxicLabels.set(label, (toxicLabels.get(label) ?? 0) + 1);
      }
    }
  }
  const order = (a: LabelBucket, b: LabelBucket) =>
    Number(a.label === "neutral") - Number(b.label === "neutral") || b.traces - a.traces || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  return {
    ...out,
    emotions: [...emotions].map(([label, traces]) => ({ label, traces })).sort(order),
    toxicity: TOXICITY_CLASSES.map((label) => ({ label, traces: classes.get(label)! })),
    toxicLabels: [...toxicLabels].map(([label, traces]) => ({ label, traces })).sort(order),
  };
}
