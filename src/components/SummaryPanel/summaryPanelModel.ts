/** Pure helpers of SummaryPanel: line references of a summary item, the subject's words, markdown export. */
import type { SummarizationSummary, SummaryLineItem } from "../../core/eventsApi";
import { formatLineRefLabel, parseLineRefs, type LineRefRange } from "../../core/lineRefs";

/** What a summary is of, in the words the panel uses. */
export type SummarySubject = "trace" | "generation" | "span" | "event";

/** Where a summary stands: the hook's states, plus a subject PostHog cannot summarize. */
export type SummaryPanelStatus = "idle" | "checking" | "loading" | "success" | "error" | "unsupported";

/** What a click on a line reference reports. */
export interface SummaryLineRefTarget {
  /** The lines referred to, in the numbers of the summarized text (`L045` is 45). */
  ranges: LineRefRange[];
  /** The event those lines render, when the text's structure tells (null for the trace heading). */
  eventId: string | null;
}

/** The ranges a `line_refs` field names. Bare numbers (`"45"`, `"45-52"`) are read as lines too. */
export function itemLineRanges(item: Pick<SummaryLineItem, "line_refs">): LineRefRange[] {
  const raw = typeof item.line_refs === "string" ? item.line_refs.slice(0, 500) : "";
  let refs = parseLineRefs(raw);
  if (refs.length === 0 && /^\s*\d+(\s*-\s*\d+)?\s*$/.test(raw)) refs = parseLineRefs(`L${raw.trim()}`);
  return refs.flatMap((ref) => ref.ranges);
}

/** The subject of an event summary by its `$ai_*` name; null for what PostHog cannot summarize. */
export function eventSubject(eventName: unknown): SummarySubject | null {
  if (eventName === "$ai_generation") return "generation";
  if (eventName === "$ai_span") return "span";
  if (eventName === "$ai_trace") return "trace";
  return null;
}

/** The well-formed items of a `summary_bullets` / `interesting_notes` value (model output may be anything). */
export function summaryItems(value: unknown): SummaryLineItem[] {
  return Array.isArray(value) ? value.filter((item): item is SummaryLineItem => typeof item === "object" && item !== null) : [];
}

function listItem(item: SummaryLineItem): string {
  const ranges = itemLineRanges(item);
  const text = String(item.text ?? "").replace(/\s*\n\s*/g, " ");
  return `- ${text}${ranges.length ? ` ${formatLineRefLabel(ranges)}` : ""}`;
}

/** The summary as markdown, for Copy: title, flow diagram in a fence, bullets and notes with their refs. */
export function summaryToMarkdown(summary: SummarizationSummary): string {
  const parts: string[] = [`## ${String(summary.title ?? "").trim() || "Summary"}`];
  const flow = String(summary.flow_diagram ?? "").trimEnd();
  if (flow) {
    // A fence longer than any backtick run inside, so the diagram cannot close it early.
    const longest = Math.max(2, ...(flow.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longest + 1);
    parts.push("### Flow", `${fence}\n${flow}\n${fence}`);
  }
  const bullets = summaryItems(summary.summary_bullets);
  if (bullets.length) parts.push("### Summary", bullets.map(listItem).join("\n"));
  const notes = summaryItems(summary.interesting_notes);
  if (notes.length) parts.push("### Interesting notes", notes.map(listItem).join("\n"));
  return `${parts.join("\n\n")}\n`;
}
