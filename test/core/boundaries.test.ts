// Layer rules from the architecture: core imports nothing outside itself; the main entry never reaches
// onnxruntime, tokenizers or msw. Checked on the source import graph, so a violation fails before any build.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const SRC = path.resolve(__dirname, "../../src");
const IMPORT = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolveFile(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && /\.(tsx?)$/.test(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

/** Every file reachable from `entry` through relative imports, and every bare package it names. */
function importGraph(entry: string) {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const spec = match[1] ?? match[2]!;
      if (spec.startsWith(".")) queue.push(resolveFile(file, spec));
      else packages.set(spec, path.relative(SRC, file));
    }
  }
  return { files: [...files].map((f) => path.relative(SRC, f)), packages };
}

test("tracelens/core imports only its own files", () => {
  const { files, packages } = importGraph(path.join(SRC, "core/index.ts"));
  expect(files.filter((f) => !f.startsWith(`core${path.sep}`))).toEqual([]);
  expect([...packages.keys()]).toEqual([]);
});

test("tracelens/core uses no DOM, fetch or Node globals", () => {
  const { files } = importGraph(path.join(SRC, "core/index.ts"));
  const offenders = files.filter((f) =>
    /\b(?:window|document|fetch|Buffer|process|require)\s*[.(]/.test(
      readFileSync(path.join(SRC, f), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ""),
    ),
  );
  expect(offenders).toEqual([]);
});

test("the main entry never reaches onnxruntime, tokenizers or msw", () => {
  const { files, packages } = importGraph(path.join(SRC, "index.ts"));
  const forbidden = [...packages.keys()].filter((p) => /onnxruntime|@huggingface\/|^msw/.test(p));
  expect(forbidden).toEqual([]);
  expect(files.filter((f) => f.startsWith(`inference${path.sep}`) || f.startsWith(`msw${path.sep}`))).toEqual([]);
});

test("markdown-it and the highlighter are reached only through lazy import(), never statically from an entry", () => {
  const STATIC = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']/g;
  const staticPackages = (entry: string) => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const queue = [entry];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const match of readFileSync(file, "utf8").matchAll(STATIC)) {
        const spec = match[1]!;
        if (spec.startsWith(".")) queue.push(resolveFile(file, spec));
        else packages.add(spec);
      }
    }
    return packages;
  };
  for (const entry of ["index.ts", "tables.ts", "trace.ts", "overview.ts", "evaluations.ts"]) {
    expect([...staticPackages(path.join(SRC, entry))].filter((p) => /^(markdown-it|lowlight|highlight\.js)/.test(p)), entry).toEqual([]);
  }
  // …and the lazy chunk does reach it (so the check above is looking at the right graph).
  expect([...staticPackages(path.join(SRC, "components/ui/markdownBody.tsx"))]).toContain("markdown-it");
  expect([...staticPackages(path.join(SRC, "components/ui/codeHighlight.tsx"))]).toContain("lowlight");
  expect([...staticPackages(path.join(SRC, "components/ui/markdownBody.tsx"))]).not.toContain("lowlight");
  expect([...importGraph(path.join(SRC, "trace.ts")).packages.keys()]).toEqual(expect.arrayContaining(["markdown-it", "lowlight"]));
});
