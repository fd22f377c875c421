/** What the evaluation summary panel shows for each filter, and how it words counts and failures. */
import { errorBodyText } from "../ui/readableError";
import type { EvaluationSummaryFilter, EvaluationSummaryPattern, EvaluationSummaryResponseBody } from "../../core/eventsApi";

export type EvaluationPatternKind = Exclude<EvaluationSummaryFilter, "all">;

export interface EvaluationFilterOption {
  value: EvaluationSummaryFilter;
  label: string;
}

export const EVALUATION_FILTER_OPTIONS: readonly EvaluationFilterOption[] = [
  { value: "all", label: "All" },
  { value: "pass", label: "Passing" },
  { value: "fail", label: "Failing" },
  { value: "na", label: "N/A" },
];

/** Heading, glyph (so pass and fail never rest on colour alone) and wording per kind of pattern. */
export const PATTERN_KINDS: Record<EvaluationPatternKind, { heading: string; glyph: string; adjective: string; field: keyof EvaluationSummaryResponseBody }> = {
  pass: { heading: "Passing patterns", glyph: "✓", adjective: "passing", field: "pass_patterns" },
  fail: { heading: "Failing patterns", glyph: "✗", adjective: "failing", field: "fail_patterns" },
  na: { heading: "N/A patterns", glyph: "–", adjective: "N/A", field: "na_patterns" },
};

export interface PatternSection {
  kind: EvaluationPatternKind;
  patterns: EvaluationSummaryPattern[];
}

function patternsOf(summary: EvaluationSummaryResponseBody, kind: EvaluationPatternKind): EvaluationSummaryPattern[] {
  const value = summary[PATTERN_KINDS[kind].field];
  // Model output: a null or a string among the patterns is dropped rather than drawn as a card.
  return Array.isArray(value) ? value.filter((p): p is EvaluationSummaryPattern => typeof p === "object" && p !== null) : [];
}

/**
 * The pattern sections for a filter. Under "all", passing and failing side by side, each only
 * when it has patterns (PostHog drops an empty side), and N/A when there are any; under a
 * filter, that one section, even when empty, so its "none identified" message can be shown.
 */
export function patternSections(summary: EvaluationSummaryResponseBody, filter: EvaluationSummaryFilter): PatternSection[] {
  if (filter !== "all") return [{ kind: filter, patterns: patternsOf(summary, filter) }];
  return (["pass", "fail", "na"] as const).map((kind) => ({ kind, patterns: patternsOf(summary, kind) })).filter((s) => s.patterns.length > 0);
}

/** "12 passed, 3 failed, 1 N/A" under "all"; "3 failing runs analyzed" under a filter. */
export function statisticsLine(stats: EvaluationSummaryResponseBody["statistics"] | undefined, filter: EvaluationSummaryFilter, locale?: string): string {
  const n = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);
  if (!stats) return "";
  if (filter !== "all") {
    // The filter's own count: right both for a response of that filter and for an "all" response viewed through it.
    const total = n(stats[`${filter}_count`]);
    return `${total.toLocaleString(locale)} ${PATTERN_KINDS[filter].adjective} ${total === 1 ? "run" : "runs"} analyzed`;
  }
  const na = n(stats.na_count);
  return `${n(stats.pass_count).toLocaleString(locale)} passed, ${n(stats.fail_count).toLocaleString(locale)} failed${na > 0 ? `, ${na.toLocaleString(locale)} N/A` : ""}`;
}

/** A run count worth wording; anything else (null, NaN, a string) reads as unknown. */
const knownCount = (count: unknown): number | undefined => (typeof count === "number" && Number.isFinite(count) ? count : undefined);

/** "Analyzing 23 failing evaluation results..." (PostHog's loading line). */
export function analyzingLine(filter: EvaluationSummaryFilter, runCount: number | undefined, locale?: string): string {
  const runs = knownCount(runCount);
  const which = filter === "all" ? "" : `${PATTERN_KINDS[filter].adjective} `;
  return runs === undefined ? `Analyzing ${which}evaluation results...` : `Analyzing ${runs.toLocaleString(locale)} ${which}evaluation results...`;
}

/** The idle prompt; `runCount` of 0 means there is nothing to summarize. */
export function summarizePrompt(filter: EvaluationSummaryFilter, runCount: number | undefined, locale?: string): string {
  const runs = knownCount(runCount);
  const which = filter === "all" ? "" : `${PATTERN_KINDS[filter].adjective} `;
  if (runs === 0) return `No ${which}evaluation results to summarize.`;
  const count = runs === undefined ? "" : `${runs.toLocaleString(locale)} `;
  return `Use AI to analyze patterns in ${count}${which}evaluation results.`;
}

/** PostHog answers 400 "No evaluation runs found…" when a filter matches no runs: an empty state, not a failure. */
export function isNoRunsError(error: unknown): boolean {
  const e = error as { status?: unknown; body?: unknown } | null;
  return typeof e === "object" && e !== null && e.status === 400 && /no evaluation runs/i.test(errorBodyText(e.body) ?? "");
}
