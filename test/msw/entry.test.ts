// @vitest-environment node
/** The main entry must not reach msw, onnxruntime or the tokenizers, however deep the imports go. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const SRC = path.resolve(__dirname, "../../src");
const FORBIDDEN = /^(msw|msw\/.*|onnxruntime-web|onnxruntime-node|@huggingface\/tokenizers|@huggingface\/transformers)$/;

function resolveLocal(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return null;
}

function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
      const spec = match[1] ?? match[2]!;
      if (spec.startsWith(".")) {
        const next = resolveLocal(file, spec);
        if (next) stack.push(next);
      } else packages.add(spec);
    }
  }
  return { files, packages };
}

it("keeps msw, onnxruntime and tokenizers out of the main entry", () => {
  const { files, packages } = graph(path.join(SRC, "index.ts"));
  expect([...files].some((f) => f.includes(`${path.sep}client${path.sep}`))).toBe(true);
  expect([...files].some((f) => f.includes(`${path.sep}hooks${path.sep}`))).toBe(true);
  expect([...packages].filter((p) => FORBIDDEN.test(p))).toEqual([]);
  expect([...files].filter((f) => f.includes(`${path.sep}msw${path.sep}`) || f.includes(`${path.sep}inference${path.sep}`))).toEqual([]);
});

it("the msw entry does reach msw (so the check above can fail)", () => {
  const { packages } = graph(path.join(SRC, "msw", "index.ts"));
  expect([...packages]).toContain("msw");
});
