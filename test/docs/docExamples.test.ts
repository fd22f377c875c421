// @vitest-environment node
/**
 * The doc-example checker (`npm run test:examples`, a CI step after the build): that it finds every
 * ts/tsx block with its hidden preamble, and that it rejects what a reader should never have to write.
 * The examples themselves are checked against dist/ by the CI step, which needs the build.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkDocExamples, extractDocExamples, findCasts } from "../../scripts/docExamples";

const root = path.resolve(__dirname, "../..");

const markdown = [
  "# Title",
  "",
  "```bash",
  "npm install tracelens",
  "```",
  "",
  "<!-- example-preamble",
  "declare const rows: number[];",
  "-->",
  "",
  "```ts",
  "const total: number = rows.length;",
  "```",
  "",
  "````tsx",
  "const nested = \"```ts not a fence opener inside a longer fence\";",
  "````",
  "",
  "```json",
  '{ "skipped": true }',
  "```",
].join("\n");

describe("extractDocExamples", () => {
  it("finds ts and tsx blocks with their hidden preambles and skips other languages", () => {
    const examples = extractDocExamples(markdown, "doc.md");
    expect(examples.map((e) => [e.line, e.lang, e.code])).toEqual([
      [12, "ts", "const total: number = rows.length;"],
      [16, "tsx", 'const nested = "```ts not a fence opener inside a longer fence";'],
    ]);
    expect(examples[0]!.preamble).toBe("declare const rows: number[];");
    expect(examples[0]!.preambleLine).toBe(8);
    expect(examples[1]!.preamble).toBe("");
  });

  it("reads MDX preambles", () => {
    const mdx = ["{/* example-preamble", "declare const rows: string[];", "*/}", "```tsx", "rows;", "```"].join("\n");
    expect(extractDocExamples(mdx, "guide.mdx")[0]).toMatchObject({ preamble: "declare const rows: string[];", line: 5 });
  });

  it("finds the README's examples (the extraction is not silently empty)", () => {
    const readme = extractDocExamples(readFileSync(path.join(root, "README.md"), "utf8"), "README.md");
    expect(readme.length).toBeGreaterThanOrEqual(5);
    expect(readme[0]!.code).toContain("SentimentBar");
  });
});

describe("findCasts", () => {
  it("flags as-casts, angle-bracket casts, non-null assertions and suppressions, but not `as const`", () => {
    const code = [
      "declare const value: unknown;",
      "const a = value as never;",
      "const b = <string>value;",
      "const c = document.getElementById('root')!;",
      "// @ts-expect-error",
      "const d: number = 'x';",
      "const e = ['x'] as const;",
    ].join("\n");
    const casts = findCasts(code, "ts").map((cast) => code.slice(0, cast.offset).split("\n").length);
    expect(casts).toEqual([2, 3, 4, 5]);
  });

  it("parses tsx, where `<T>value` is an element, not a cast", () => {
    expect(findCasts("const element = <div>{'text'}</div>;", "tsx")).toEqual([]);
  });
});

describe("checkDocExamples", () => {
  it("maps type errors and casts back to the markdown file's lines", () => {
    const doc = ["```ts", "const ok: number = 1;", "const wrong: number = 'text';", "const hidden = ok as unknown;", "```"].join("\n");
    const problems = checkDocExamples(extractDocExamples(doc, "doc.md"), root);
    expect(problems.map((p) => p.at.replace(/:\d+$/, ""))).toEqual(expect.arrayContaining(["doc.md:3", "doc.md:4"]));
    expect(problems.find((p) => p.at.startsWith("doc.md:3"))?.message).toMatch(/not assignable to type 'number'/);
    expect(problems.find((p) => p.at.startsWith("doc.md:4"))?.message).toMatch(/cast/);
  });

  it("lets an example import another one of the same document by the file its first line names", () => {
    const doc = ["```ts", "// lib/total.ts", "export const total = 3;", "```", "", "```ts", "// lib/use.ts", 'import { total } from "./total";', "export const twice: number = total * 2;", "```"].join("\n");
    expect(checkDocExamples(extractDocExamples(doc, "doc.md"), root)).toEqual([]);
  });

  it("accepts a clean example", () => {
    const doc = ["<!-- example-preamble", "declare const rows: number[];", "-->", "```ts", "export const total = rows.reduce((a, b) => a + b, 0);", "```"].join("\n");
    expect(checkDocExamples(extractDocExamples(doc, "doc.md"), root)).toEqual([]);
  });
});
