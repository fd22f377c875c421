/** Prompts for `openAICompatibleSummarizer`: tracelens' own wording of PostHog's summary contract. */
import type { SummarizationMode } from "../core/eventsApi";

const CONTRACT = [
  "You summarize what happened in a run of an LLM application, for the engineers who built it.",
  "The user message is a plain-text rendering of one trace or one event. Every line starts with its number, such as `L012: `.",
  "Reply with a single JSON object with exactly these keys:",
  '- "title": what happened, in ten words or fewer.',
  '- "flow_diagram": the main steps as plain-text ASCII art, one step per line, steps joined by ↓, branches drawn with ├─→ and └─→, ✓ after a step that succeeded and ✗ after one that failed. Never Mermaid or Markdown.',
  '- "summary_bullets": a list of {"text", "line_refs"}; "line_refs" is exactly one line reference such as "L45", naming the line that best supports the bullet.',
  '- "interesting_notes": a list of {"text", "line_refs"} for errors, surprises, risks or waste; "line_refs" is one reference such as "L45", or "" when no single line fits.',
  "Cite only line numbers that appear in the text. Write references as L followed by the number, with no brackets, ranges or lists.",
  "If the text begins with a [SAMPLED VIEW: …] note, or its line numbers jump, some lines were left out: do not guess what they said.",
].join("\n");

const MODE_GUIDANCE: Record<SummarizationMode, string> = {
  minimal:
    "Keep it short: 3 to 5 bullets, at most 2 notes and only for things that really matter, and a flow of 3 to 7 steps.",
  detailed:
    "Be thorough: 5 to 10 bullets, a note for everything noteworthy, and a flow of 5 to 10 steps that marks outcomes with ✓ and ✗ and parallel work with ||.",
};

/** The system prompt for a mode. */
export function summarySystemPrompt(mode: SummarizationMode): string {
  return `${CONTRACT}\n\n${MODE_GUIDANCE[mode] ?? MODE_GUIDANCE.minimal}`;
}

/** The user prompt around the line-numbered text. */
export function summaryUserPrompt(text: string): string {
  return `Summarize this run. Its lines are numbered; cite them.\n\n${text}`;
}
