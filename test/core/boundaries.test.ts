// Layer rules from docs/architecture.md: core imports nothing outside itself; the main entry never reaches
// onnxruntime, tokenizers or msw; hooks connect and components render (layerRules.ts). Checked on the source
// import graph, so a violation fails before any build; each rule is also shown failing on a made-up graph.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { LAYER_RULES, sourceImportGraph, type ImportEdge, type ImportGraph } from "./layerRules";

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

describe("hooks connect, components render", () => {
  const graph = sourceImportGraph(SRC);

  it("reads every import of the source", () => {
    // A sanity floor, so a broken parser cannot pass every rule by finding nothing.
    expect(graph.length).toBeGreaterThan(1000);
    expect(graph).toContainEqual(
      expect.objectContaining({ from: "components/TracesTable/TracesTable.tsx", to: "hooks/context.ts", names: ["useTraceLensClient", "TraceLensHookOptions"] }),
    );
  });

  it.each(LAYER_RULES.map((rule) => [rule.name, rule] as const))("%s", (_name, rule) => {
    expect(rule.violations(graph)).toEqual([]);
  });
});

describe("each layer rule fails on a graph that breaks it", () => {
  const edge = (from: string, to: string, extra: Partial<ImportEdge> = {}): ImportEdge => ({ from, to, spec: to, typeOnly: false, names: [], ...extra });
  const pkg = (from: string, spec: string, names: string[] = []): ImportEdge => ({ from, to: null, spec, typeOnly: false, names });
  /** Imports every rule allows: the shapes the real source uses. */
  const clean: ImportGraph = [
    edge("components/ui/DataTableFrame.tsx", "core/format.ts"),
    pkg("components/ui/VirtualDataTable.tsx", "@tanstack/react-virtual"),
    edge("components/cells/SentimentCell.tsx", "hooks/useSentiment.ts"),
    edge("components/cells/SentimentCell.tsx", "components/SentimentBar/index.ts"),
    edge("components/TracesTable/TracesTable.tsx", "components/cells/TableCells.tsx"),
    edge("components/TracesTable/TracesTable.tsx", "hooks/context.ts", { names: ["useTraceLensClient"] }),
    edge("components/TracesTable/TracesTable.tsx", "client/clientTypes.ts", { typeOnly: true, names: ["TracesParams"] }),
    edge("components/TraceDetail/TraceDetailSummary.tsx", "components/SummaryPanel/index.ts"),
    edge("hooks/useTraces.ts", "hooks/context.ts", { names: ["TraceLensContext"] }),
    pkg("hooks/useTraces.ts", "@tanstack/react-query", ["QueryClientContext"]),
    edge("hooks/TraceLensProvider.tsx", "components/ui/mediaPolicyContext.ts"),
    edge("client/clientPostHog.ts", "core/eventsApi.ts"),
  ];
  /** One import per rule, in the order of LAYER_RULES, that breaks that rule (and maybe others). */
  const breaking: ImportEdge[][] = [
    [edge("components/ui/DataTableFrame.tsx", "hooks/useTraces.ts")],
    [edge("components/SessionView/SessionView.tsx", "hooks/context.ts", { names: ["TraceLensContext"] })],
    [pkg("components/SentimentOverview/SentimentOverview.tsx", "@tanstack/react-query", ["useQuery"])],
    [edge("components/GenerationsTable/generationsTableColumns.tsx", "components/TracesTable/tracesTableColumns.tsx")],
    [edge("components/TraceDetail/TraceDetail.tsx", "components/SessionView/index.ts"), edge("components/SessionView/SessionView.tsx", "components/TraceDetail/index.ts")],
    [edge("components/TracesTable/TracesTable.tsx", "client/clientPostHog.ts", { names: ["createPostHogClient"] })],
    [edge("hooks/useTraces.ts", "components/TracesTable/index.ts")],
    [edge("client/clientPostHog.ts", "hooks/keys.ts")],
  ];

  it("lists one breaking graph per rule", () => expect(breaking).toHaveLength(LAYER_RULES.length));

  it.each(LAYER_RULES.map((rule, i) => [rule.name, rule, i] as const))("%s", (_name, rule, i) => {
    expect(rule.violations(clean)).toEqual([]);
    const found = rule.violations([...clean, ...breaking[i]!]);
    expect(found.length).toBeGreaterThan(0);
    for (const text of found) expect(breaking[i]!.some((e) => text.includes(e.from.split("/")[1]!))).toBe(true);
  });
});
