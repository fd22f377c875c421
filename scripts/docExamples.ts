/**
 * The code examples of the README and the guides, checked the way a user's project would compile them:
 * every ```ts / ```tsx block is typechecked against the BUILT package (`dist/*.d.ts`, reached through
 * package.json's `exports` as `tracelens`, `tracelens/trace`, …), strict, with no cast and nothing skipped.
 *
 * Convention for fragments. An example that uses names it does not define (a route handler's
 * `isSignedIn`, the host's `traces`) gets them from a hidden preamble: a comment directly above the
 * fence (blank lines between are fine), which readers do not see:
 *
 *   README.md (GitHub markdown)          guides (MDX)
 *   <!-- example-preamble                {/* example-preamble
 *   declare const traces: LLMTrace[];    declare const traces: LLMTrace[];
 *   -->                                  *\/}
 *
 * The preamble is TypeScript placed before the example in the same module, so it may import types
 * and declare values. Each example is a module of its own; nothing carries over between examples.
 *
 * The visible code may not cast: an example that compiles only through `as …` (other than `as const`),
 * `<T>value`, a non-null `!` or a `@ts-…` comment tells readers the types are wrong, so each is a problem.
 * (A preamble may cast: it stands for the host's own code.)
 */
import path from "node:path";
import ts from "typescript";

export interface DocExample {
  /** The markdown file, relative to the repository root. */
  file: string;
  /** 1-based line of the example's first code line in that file. */
  line: number;
  lang: "ts" | "tsx";
  code: string;
  preamble: string;
  /** 1-based line of the preamble's first line, when there is one. */
  preambleLine: number | null;
}

export interface DocExampleProblem {
  example: DocExample;
  /** Where in the markdown file, `file:line:column`. */
  at: string;
  message: string;
}

const OPEN = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/;
const LANGS: Record<string, "ts" | "tsx"> = { ts: "ts", typescript: "ts", tsx: "tsx" };
const PREAMBLE_START = /^\s*(<!--|\{\/\*)\s*example-preamble\s*$/;
const PREAMBLE_END = /^\s*(-->|\*\/\})\s*$/;

/** The hidden preamble ending just above line index `fence` (0-based), if any. */
function preambleAbove(lines: readonly string[], fence: number): { text: string; line: number } | null {
  let end = fence - 1;
  while (end >= 0 && lines[end]!.trim() === "") end--;
  if (end < 0 || !PREAMBLE_END.test(lines[end]!)) return null;
  for (let start = end - 1; start >= 0; start--) {
    if (PREAMBLE_START.test(lines[start]!)) return { text: lines.slice(start + 1, end).join("\n"), line: start + 2 };
    if (PREAMBLE_END.test(lines[start]!)) return null;
  }
  return null;
}

/** Every ```ts / ```tsx block of a markdown or MDX file, with its hidden preamble. Other fences are skipped whole. */
export function extractDocExamples(markdown: string, file: string): DocExample[] {
  const lines = markdown.split(/\r?\n/);
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const lang = LANGS[open[2]!.toLowerCase()];
    let close = i + 1;
    while (close < lines.length && !new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`).test(lines[close]!)) close++;
    if (lang) {
      const preamble = preambleAbove(lines, i);
      examples.push({ file, line: i + 2, lang, code: lines.slice(i + 1, close).join("\n"), preamble: preamble?.text ?? "", preambleLine: preamble?.line ?? null });
    }
    i = close;
  }
  return examples;
}

/** The options of a consumer's project: strict, bundler resolution through `exports`, React JSX. */
export const CONSUMER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  jsx: ts.JsxEmit.ReactJSX,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: ["node"],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  isolatedModules: true,
};

const SUPPRESSION = /@ts-(ignore|expect-error|nocheck)\b/;

/** The casts in `code` (an example's visible part), as 0-based offsets with a description. */
export function findCasts(code: string, lang: "ts" | "tsx"): { offset: number; message: string }[] {
  const source = ts.createSourceFile(`example.${lang}`, code, ts.ScriptTarget.Latest, true, lang === "tsx" ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { offset: number; message: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isAsExpression(node) && !(ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === "const")) {
      found.push({ offset: node.type.getStart(source), message: `A cast (\`as ${node.type.getText(source)}\`): documented examples must compile without one.` });
    } else if (ts.isTypeAssertionExpression(node)) {
      found.push({ offset: node.getStart(source), message: "A cast (`<T>value`): documented examples must compile without one." });
    } else if (ts.isNonNullExpression(node)) {
      found.push({ offset: node.getEnd() - 1, message: "A non-null assertion (`!`): documented examples must compile without one." });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const suppression = new RegExp(SUPPRESSION.source, "g");
  for (let match = suppression.exec(code); match; match = suppression.exec(code)) {
    found.push({ offset: match.index, message: `\`${match[0]}\` hides a type error: documented examples must compile without one.` });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

// An example whose first line names its file (`// app/traces/page.tsx (a server component)`) is placed at
// that path, so another example of the same document can import it (`import { TracesPage } from "./TracesPage"`).
const FILE_COMMENT = /^\s*\/\/\s*((?:[\w.[\]-]+\/)*[\w.[\]-]+\.(?:tsx?|mts|cts))(?=[\s,;(]|$)/;

function virtualNames(root: string, examples: readonly DocExample[]): string[] {
  const taken = new Set<string>();
  return examples.map((example, index) => {
    const slug = example.file.replace(/[^\w]+/g, "_");
    // Inside the package's own directory, so `import "tracelens/…"` resolves to this package's exports (self-reference).
    const dir = path.join(root, ".doc-examples", slug);
    const declared = FILE_COMMENT.exec(example.code.split("\n", 1)[0] ?? "")?.[1];
    let name = declared ? path.join(dir, declared) : path.join(dir, `L${example.line}.${example.lang}`);
    if (taken.has(name) || !name.startsWith(dir + path.sep)) name = path.join(dir, `L${example.line}_${index}.${example.lang}`);
    taken.add(name);
    return name;
  });
}

/**
 * Typechecks the examples as modules inside `root` (a package whose `exports` point at built types).
 * Returns every problem, mapped back to the markdown file's lines.
 */
export function checkDocExamples(examples: readonly DocExample[], root: string, options: ts.CompilerOptions = CONSUMER_OPTIONS): DocExampleProblem[] {
  const files = new Map<string, { example: DocExample; preambleLines: number }>();
  const sources = new Map<string, string>();
  const names = virtualNames(root, examples);
  examples.forEach((example, index) => {
    const name = names[index]!;
    const preamble = example.preamble ? `${example.preamble}\n` : "";
    files.set(name, { example, preambleLines: preamble ? preamble.split("\n").length - 1 : 0 });
    sources.set(name, `${preamble}${example.code}\n`);
  });
  const host = ts.createCompilerHost(options, true);
  const virtualDirs = new Set<string>();
  for (const name of sources.keys()) for (let dir = path.dirname(name); dir.length > root.length; dir = path.dirname(dir)) virtualDirs.add(dir);
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  host.fileExists = (name) => sources.has(name) || fileExists.call(host, name);
  host.readFile = (name) => sources.get(name) ?? readFile.call(host, name);
  host.directoryExists = (name) => virtualDirs.has(name) || (directoryExists ? directoryExists.call(host, name) : true);
  host.getSourceFile = (name, language, onError, create) => {
    const text = sources.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, language, true) : getSourceFile.call(host, name, language, onError, create);
  };
  const program = ts.createProgram({ rootNames: [...sources.keys()], options, host });
  const problems: DocExampleProblem[] = [];
  for (const example of examples) {
    for (const cast of findCasts(example.code, example.lang)) {
      const before = example.code.slice(0, cast.offset).split("\n");
      problems.push({ example, at: `${example.file}:${example.line + before.length - 1}:${before[before.length - 1]!.length + 1}`, message: cast.message });
    }
  }
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const entry = diagnostic.file ? files.get(diagnostic.file.fileName) : undefined;
    if (!entry || diagnostic.start === undefined) {
      // A problem outside the examples (options, a declaration file): it concerns all of them.
      const first = examples[0];
      if (first) problems.push({ example: first, at: diagnostic.file?.fileName ?? "(program)", message });
      continue;
    }
    const { line, character } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
    const { example, preambleLines } = entry;
    const at =
      line < preambleLines
        ? `${example.file}:${(example.preambleLine ?? example.line) + line}:${character + 1} (preamble)`
        : `${example.file}:${example.line + line - preambleLines}:${character + 1}`;
    problems.push({ example, at, message });
  }
  return problems;
}
