/**
 * PostHog's summary contract (posthog-api.md §3.3), as a validator for answers from any model
 * and as the JSON schema sent to OpenAI-compatible endpoints for structured output.
 */
import type { SummarizationSummary, SummaryLineItem } from "../core/eventsApi";
import { parseLineRefs } from "../core/lineRefs";

/** Why a model's answer was refused. */
export class SummaryFormatError extends Error {
  override readonly name = "SummaryFormatError";
}

/** Strict JSON schema of a summary (OpenAI `response_format: json_schema`, `strict: true`). */
export const SUMMARY_JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["title", "flow_diagram", "summary_bullets", "interesting_notes"],
  properties: {
    title: { type: "string", description: "At most ten words." },
    flow_diagram: { type: "string", description: "Plain-text ASCII flow using ↓, ├─→, └─→, ✓ and ✗. Not Mermaid." },
    summary_bullets: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["text", "line_refs"],
        properties: { text: { type: "string" }, line_refs: { type: "string", description: 'One line reference such as "L45".' } },
      },
    },
    interesting_notes: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["text", "line_refs"],
        properties: { text: { type: "string" }, line_refs: { type: "string", description: 'One reference such as "L45", or "".' } },
      },
    },
  },
} as const;

/** The highest line number in a line-numbered text (`L001: …`), or 0 when it has none. */
export function maxLineNumber(text: string): number {
  let max = 0;
  for (const match of text.matchAll(/^L(\d+):/gm)) max = Math.max(max, Number(match[1]));
  return max;
}

function checkRefs(refs: string, where: string, lineCount: number | undefined, required: boolean): void {
  const trimmed = refs.trim();
  if (trimmed === "") {
    if (required) throw new SummaryFormatError(`${where}: line_refs is empty`);
    return;
  }
  const found = parseLineRefs(trimmed);
  // Whatever is not a reference may only be separators; prose in line_refs means the model ignored the contract.
  const rest = found.reduceRight((acc, ref) => acc.slice(0, ref.start) + acc.slice(ref.end), trimmed);
  if (found.length === 0 || /[^\s,;]/.test(rest)) throw new SummaryFormatError(`${where}: "${trimmed.slice(0, 40)}" is not a line reference`);
  if (lineCount === undefined || lineCount === 0) return;
  for (const ref of found) {
    for (const range of ref.ranges) {
      if (range.end > lineCount) throw new SummaryFormatError(`${where}: L${range.end} is past the last line (L${lineCount})`);
    }
  }
}

function items(value: unknown, field: string, lineCount: number | undefined, refsRequired: boolean): SummaryLineItem[] {
  if (!Array.isArray(value)) throw new SummaryFormatError(`${field} must be an array`);
  return value.map((item, i) => {
    const where = `${field}[${i}]`;
    if (typeof item !== "object" || item === null) throw new SummaryFormatError(`${where} must be an object`);
    const { text, line_refs: refs } = item as { text?: unknown; line_refs?: unknown };
    if (typeof text !== "string" || text.trim() === "") throw new SummaryFormatError(`${where}.text must be a non-empty string`);
    const lineRefs = refs === undefined || refs === null ? "" : refs;
    if (typeof lineRefs !== "string") throw new SummaryFormatError(`${where}.line_refs must be a string`);
    checkRefs(lineRefs, where, lineCount, refsRequired);
    return { text, line_refs: lineRefs.trim() };
  });
}

export interface ValidateSummaryOptions {
  /** Last line of the text the summary cites; references beyond it are refused. */
  lineCount?: number;
}

/**
 * A checked summary: title and flow diagram are strings, there is at least one bullet, every
 * bullet cites a line (`L45`, `[L45]`, `[L45-52]`; PostHog's older prompts used ranges), notes
 * cite a line or nothing, and no reference points past the text. Unknown keys are dropped.
 */
export function validateSummary(value: unknown, options: ValidateSummaryOptions = {}): SummarizationSummary {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SummaryFormatError("The summary must be a JSON object");
  const record = value as Record<string, unknown>;
  if (typeof record.title !== "string" || record.title.trim() === "") throw new SummaryFormatError("title must be a non-empty string");
  if (typeof record.flow_diagram !== "string") throw new SummaryFormatError("flow_diagram must be a string");
  const bullets = items(record.summary_bullets, "summary_bullets", options.lineCount, true);
  if (bullets.length === 0) throw new SummaryFormatError("summary_bullets must not be empty");
  const notes = items(record.interesting_notes ?? [], "interesting_notes", options.lineCount, false);
  return { title: record.title.trim(), flow_diagram: record.flow_diagram, summary_bullets: bullets, interesting_notes: notes };
}
