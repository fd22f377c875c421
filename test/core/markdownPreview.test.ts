import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MARKDOWN_PREVIEW_MAX_CHARS, cutAtGrapheme, markdownPreview } from "../../src/core";
import { previewWork } from "../../src/core/markdownPreviewWork";

const graphemes = (text: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((s) => s.segment);

describe("markdownPreview", () => {
  it.each([
    ["**Baixa** é a *melhor* opção", "Baixa é a melhor opção"],
    ["# Title\n\nSome `code` and [a link](https://x.com \"t\")", "Title Some code and a link"],
    ["![alt text](img.png) and ![](x.png)", "[image: alt text] and [image]"],
    ["- [ ] task one\n- [x] task two\n* bullet\n+ plus", "task one task two bullet plus"],
    ["1. first\n2) second", "1. first 2) second"],
    ["> quoted **bold**\n> > nested", "quoted bold nested"],
    ["Intro:\n```python\nprint(1)\nprint(2)\n```\nafter", "Intro: [code: python, 2 lines] after"],
    ["~~~\none\n~~~", "[code, 1 line]"],
    ["```js\n```", "[code: js]"],
    ["```\nunclosed\nfence", "[code, 2 lines]"],
    ["- item\n  ```ts\n  const a = 1;\n  ```", "item [code: ts, 1 line]"],
    ["| a | b |\n|---|:-:|\n| 1 | **2** |\n| 3 | 4 |\n\nend", "a, b; 1, 2; 3, 4 end"],
    ["Setext\n===\n\nNext\n---\ntext\n\n***", "Setext Next text"],
    ["snake_case_name, 2 * 3 * 4, a*b*c, ~~gone~~, ~~~kept~~~", "snake_case_name, 2 * 3 * 4, abc, gone, ~~~kept~~~"],
    ["&amp; &lt;b&gt; &#x1F600; &#65; &#0; &unknown; &copy;", "& <b> 😀 A \ufffd &unknown; ©"],
    ["[ref][1] and [short] and <https://auto.link> <mailto:a@x.com> <b>raw</b>\n\n[1]: https://x", "ref and [short] and https://auto.link a@x.com <b>raw</b>"],
    ["escaped \\*not\\* emphasis and \\[not a link\\]", "escaped *not* emphasis and [not a link]"],
    ["***both*** __strong__ _em_ `` a ` b ``", "both strong em a ` b"],
    ["## Closed ##\nHeading ##", "Closed Heading ##"],
    ["line one  \nline two\\\nline three\r\nline four\rfive", "line one line two line three line four five"],
    ["[outer [inner](a)](b)", "[outer inner](b)"],
    ["[link](<a b> 'title') [bad](a\nb)", "link [bad](a b)"],
  ])("%j → %j", (markdown, expected) => {
    expect(markdownPreview(markdown)).toBe(expected);
  });

  it("gives an empty string for anything but text, and for a zero length", () => {
    for (const value of [null, undefined, 42, {}, ["**a**"]]) expect(markdownPreview(value)).toBe("");
    expect(markdownPreview("**a**", 0)).toBe("");
    expect(markdownPreview("**a**", Number.NaN)).toBe("a");
  });

  it("cuts on a grapheme boundary, ellipsis included in the length", () => {
    const family = "👨‍👩‍👧‍👦";
    expect(markdownPreview(family.repeat(40), 50)).toBe(`${family.repeat(4)}…`);
    expect(markdownPreview("e\u0301".repeat(30), 10)).toBe(`${"e\u0301".repeat(4)}…`);
    expect(markdownPreview("🇫🇷🇩🇪🇯🇵", 6)).toBe("🇫🇷…");
    expect(cutAtGrapheme("abc", 3)).toBe("abc");
    expect(cutAtGrapheme("abcd", 3)).toBe("ab…");
  });

  it("reads a bounded stretch of a huge message, but counts a whole code fence", () => {
    const huge = `**Log:**\n${"x".repeat(300_000)}`;
    expect(markdownPreview(huge, 20)).toBe(`Log: ${"x".repeat(14)}…`);
    const fence = `\`\`\`text\n${"line\n".repeat(50_000)}\`\`\`\nDone.`;
    expect(markdownPreview(fence)).toBe("[code: text, 50000 lines] Done.");
    previewWork.steps = 0;
    markdownPreview(`${"word ".repeat(200_000)}`, MARKDOWN_PREVIEW_MAX_CHARS);
    // The documented reading budget, looked at by the line pass and the inline pass: far below the 1,000,000 characters given.
    expect(previewWork.steps).toBeLessThan((MARKDOWN_PREVIEW_MAX_CHARS * 32 + 4096) * 3);
  });
});

const markdownChars = fc.constantFrom(..."*_~`[]()!<>&#;\\|-=:+>\"' \n\tab1.x@\u0301👍");
const markdownish = fc.array(markdownChars, { maxLength: 200 }).map((chars) => chars.join(""));

describe("markdownPreview properties", () => {
  it("always gives one line within the length, never splitting a grapheme", () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ unit: "grapheme", maxLength: 120 })), fc.integer({ min: 1, max: 80 }), (text, max) => {
        const preview = markdownPreview(text, max);
        expect(preview.length).toBeLessThanOrEqual(max);
        expect(preview).not.toMatch(/[\n\r\t]| {2}/);
        expect(preview).toBe(preview.trim());
        // A cut preview is the start of the uncut one, by whole graphemes.
        const full = markdownPreview(text, 100_000);
        if (preview.endsWith("…") && !full.endsWith("…")) {
          const kept = graphemes(preview.slice(0, -1));
          expect(graphemes(full).slice(0, kept.length).join("").trimEnd()).toBe(kept.join(""));
        } else if (full.length <= max) expect(preview).toBe(full);
      }),
      { numRuns: 400 },
    );
  });

  it("leaves text without markdown alone, apart from whitespace", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ,.?\n]{0,80}$/), (text) => {
        expect(markdownPreview(text, 1000)).toBe(text.replace(/\s+/g, " ").trim());
      }),
      { numRuns: 200 },
    );
  });

  // The work is counted in characters looked at, so this checks linearity without timing anything.
  const hostile = fc.oneof(
    markdownish,
    fc.tuple(fc.constantFrom("[a](", "[a](x[b](y)", "*a", "_a ", "a*", "`", "``x", "[", "![", "](<", "<a", "&#", "&amp", "\\", "> ", "- ", "|", "~~", "[a][", "[a](b \"", "(("), fc.integer({ min: 1, max: 400 })).map(([unit, n]) => unit.repeat(n)),
    fc.array(fc.constantFrom("`", "``", "```x", "[", "](", "(", ")", "*", "_", " "), { maxLength: 600 }).map((parts) => parts.join("")),
  );

  it("does work linear in the input on hostile text", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        previewWork.steps = 0;
        markdownPreview(text, 1_000_000);
        expect(previewWork.steps).toBeLessThanOrEqual(40 * text.length + 50);
      }),
      { numRuns: 300 },
    );
  });

  it.each(["[a](", "[a](x", "*a_", "`".repeat(3) + "a", "` `` ", "[[[[", "![", "&#x", "[a](b \"", "(((", "[a](<"])("stays linear on %j repeated 20,000 times", (unit) => {
    const text = unit.repeat(20_000);
    previewWork.steps = 0;
    markdownPreview(text, 1_000_000);
    expect(previewWork.steps).toBeLessThanOrEqual(40 * text.length);
  });
});
