// Cutting a text into sections must not change what it means: the sections parsed one by one render
// exactly what the whole text renders (markdown-it's own HTML writer is the judge here).
import { createRequire } from "node:module";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { markdownSections } from "../../src/components/ui/markdownSections";
import { llmAnswer } from "../../bench/markdownInputs";

const md = new MarkdownIt({ html: false });
const commonmark = (createRequire(import.meta.url)("commonmark-spec") as { tests: Array<{ markdown: string }> }).tests.map((t) => t.markdown.replace(/→/g, "\t"));

function expectSameMeaning(text: string, target: number) {
  const sections = markdownSections(text, target);
  expect(sections.map((s) => s.text).join("\n")).toBe(text.replace(/\r\n?/g, "\n"));
  expect(sections.map((s) => md.render(s.text)).join("")).toBe(md.render(text));
  return sections.length;
}

describe("markdownSections", () => {
  it("cuts a long model answer into many sections that render as the whole does", () => {
    expect(expectSameMeaning(llmAnswer(60_000), 2_000)).toBeGreaterThan(20);
  });

  it("keeps the meaning of every CommonMark example laid end to end, cut as finely as it goes", () => {
    // Left out: examples with definitions (a text with one is never cut) and those that leave a fence
    // open (everything after them is code, rightly never cut).
    const closed = commonmark.filter((m) => markdownSections(`${m}\n\nafter`, 1).at(-1)?.text === "after");
    expect(closed.length).toBeGreaterThan(500);
    expect(expectSameMeaning(closed.join("\n\n"), 1)).toBeGreaterThan(300);
  });

  it("keeps the meaning of random arrangements of markdown lines", () => {
    const line = fc.constantFrom(
      "", "", "text", "  indented text", "    code", "- item", "  - nested", "1. one", "2) two", "> quote", ">", "```", "```js", "~~~", "````",
      "  ```", "| a | b |", "|---|---|", "---", "***", "# h", "===", "*em", "em*", "<div>", "- [ ] task", "\t- tab item", "* star", "[a]", "[a]: /u", "  [b]:", "]: /x",
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (lines, target) => {
        expectSameMeaning(lines.join("\n"), target);
      }),
      { numRuns: 400 },
    );
  });

  it("does not cut a text with link reference definitions", () => {
    expect(markdownSections(`[a]\n\n${"x\n\n".repeat(100)}[a]: https://example.com`, 10)).toHaveLength(1);
  });
});
