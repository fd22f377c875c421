/** Inputs for bench:markdown: model-shaped answers of any size, and the shapes that make parsers slow. */

const PARAGRAPH =
  "The **model** answered with `inline code`, a [link](https://en.wikipedia.org/wiki/Python_(language)) and *emphasis* over several words, ~~struck~~ text, www.example.com and ops@example.com.\n";

function answerSection(i: number, references: boolean): string {
  return [
    `## Step ${i}: what happened`,
    "",
    PARAGRAPH + PARAGRAPH,
    "- the first point, with **bold** words",
    "- a second point with `code` in it",
    "  - a nested point",
    "- [x] a finished task",
    "",
    "1. first",
    "2. second",
    "",
    "```python",
    `def handler(event):\n    return event["value"] * ${i}`,
    "```",
    "",
    "| metric | value | note |",
    "|:--|--:|---|",
    `| latency | ${i} ms | *fine* |`,
    `| tokens | ${i * 7} | **high** |`,
    "",
    references ? `> A quoted remark number ${i}, with a [reference][ref].` : `> A quoted remark number ${i}, with a [link](https://posthog.com/docs).`,
    "",
    ...(references ? ["[ref]: https://posthog.com/docs", ""] : []),
  ].join("\n");
}

/**
 * Markdown shaped like an LLM answer (headings, lists, code, tables, quotes), `chars` long; with
 * `references`, reference-style links and their definitions too (a text SafeMarkdown cannot cut).
 */
export function llmAnswer(chars: number, references = false): string {
  let text = "";
  for (let i = 1; text.length < chars; i++) text += answerSection(i, references);
  return text.slice(0, chars);
}

export interface BenchInput {
  name: string;
  text: string;
}

export function benchInputs(): BenchInput[] {
  return [
    { name: "LLM answer, 10 kB", text: llmAnswer(10_000) },
    { name: "LLM answer, 100 kB", text: llmAnswer(100_000) },
    { name: "LLM answer, 1 MB", text: llmAnswer(1_000_000) },
    { name: "LLM answer with link definitions, 100 kB", text: llmAnswer(100_000, true) },
    { name: "`[a(` × 100,000", text: "[a(".repeat(100_000) },
    { name: "10,000 backticks, inline", text: `x ${"`".repeat(10_000)} y` },
    { name: "10,000 backtick runs", text: Array.from({ length: 10_000 }, (_, i) => "`".repeat((i % 40) + 1)).join(" a ") },
    { name: "`>` × 10,000 (deep quote)", text: `${">".repeat(10_000)} deep` },
    { name: "list nested 2,000 deep", text: Array.from({ length: 2_000 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n") },
    { name: "`*` × 10,000 around a word", text: `${"*".repeat(10_000)}a${"*".repeat(10_000)}` },
    { name: "`![[` × 50,000", text: "![[".repeat(50_000) },
    { name: "table 5,000 columns × 20 rows", text: `|${"a|".repeat(5_000)}\n|${"-|".repeat(5_000)}\n${`|${"b|".repeat(5_000)}\n`.repeat(20)}` },
    { name: "`_a` × 50,000", text: "_a".repeat(50_000) },
  ];
}
