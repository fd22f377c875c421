// The drop-ins' prop vocabulary (docs/components.md), read from the source: every shell and pure view is a
// client module, every connected drop-in takes `client`/`queryClient` and `query`, exports its pure view
// from its entry, and a callback name carries one payload wherever it appears.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SRC = path.resolve(__dirname, "../../src");
const read = (file: string) => readFileSync(path.join(SRC, file), "utf8");

/** Drop-ins that can load their own data: folder, pure view, and the entry that publishes them. */
const CONNECTED = [
  { name: "TracesTable", view: "TracesTableView", entry: "tables.ts", query: true },
  { name: "GenerationsTable", view: "GenerationsTableView", entry: "tables.ts", query: true },
  { name: "TraceDetail", view: "TraceDetailView", entry: "trace.ts", query: true },
  { name: "SummaryPanel", view: "SummaryPanelView", entry: "trace.ts", query: true },
  { name: "SessionView", view: "SessionViewTraceList", entry: "trace.ts", query: true },
  { name: "SentimentOverview", view: "SentimentOverviewView", entry: "overview.ts", query: true },
  { name: "TraceBreakdown", view: "TraceBreakdownView", entry: "trace.ts", query: true },
  { name: "SessionsTable", view: "SessionsTableView", entry: "tables.ts", query: true },
  { name: "ErrorsTable", view: "ErrorsTableView", entry: "tables.ts", query: true },
  // Its whole request is the evaluation id, the generation ids and the (controllable) filter: no `query`.
  { name: "EvaluationSummaryPanel", view: "EvaluationSummaryPanelView", entry: "evaluations.ts", query: false },
  { name: "LabelsOverview", view: "LabelsOverviewView", entry: "overview.ts", query: true },
] as const;
/** Drop-ins that only render what they are given (they are their own pure view). */
const PURE = [
  { name: "SentimentBar", entry: "index.ts" },
  { name: "TextReprView", entry: "trace.ts" },
  // Controlled filter bar and person badge: no data of their own to load.
  { name: "TraceFilters", entry: "tables.ts" },
  { name: "PersonBadge", entry: "tables.ts" },
] as const;

/** The text of `interface NameProps … {` up to its closing brace at the start of a line. */
function propsInterface(source: string, name: string): string {
  const start = source.indexOf(`export interface ${name}Props`);
  if (start < 0) return "";
  const end = source.indexOf("\n}", start);
  return source.slice(start, end < 0 ? undefined : end);
}

function componentFiles(dir: string): string[] {
  return readdirSync(path.join(SRC, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(SRC, rel)).isDirectory()) return componentFiles(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** Every declaration `onXxx?: (…) => void` of the given callback names, as `name → signatures (file)`. */
export function callbackSignatures(files: Record<string, string>, names: readonly string[]): Map<string, Map<string, string[]>> {
  const found = new Map<string, Map<string, string[]>>();
  for (const [file, text] of Object.entries(files)) {
    for (const match of text.matchAll(/\b(on[A-Z]\w*)\?:\s*(\([^)]*\)\s*=>\s*\w+)/g)) {
      const [, name, signature] = match;
      if (!names.includes(name!)) continue;
      const bySignature = found.get(name!) ?? new Map<string, string[]>();
      const normal = signature!.replace(/\s+/g, " ");
      bySignature.set(normal, [...(bySignature.get(normal) ?? []), file]);
      found.set(name!, bySignature);
    }
  }
  return found;
}

describe("the drop-ins' prop vocabulary", () => {
  it.each(CONNECTED)("$name: a client module taking client, queryClient and query, its view $view exported", ({ name, view, entry, query }) => {
    const shell = read(`components/${name}/${name}.tsx`);
    expect(shell.startsWith('"use client";')).toBe(true);
    const props = propsInterface(shell, name);
    expect(props).toMatch(/\bTraceLensHookOptions\b/);
    if (query) expect(props).toMatch(/\n\s+query\?:/);
    // An older name for the request may stay only as a marked alias.
    for (const old of props.matchAll(/(?:^|\n)((?:\s*\/\*\*[^\n]*\*\/)?)\s*(traceParams|params)\?:/g)) expect(old[1]).toMatch(/@deprecated/);
    const viewFile = componentFiles(`components/${name}`).find((file) => new RegExp(`export const ${view}\\b`).test(read(file)));
    expect(viewFile, `${view} is defined in components/${name}`).toBeDefined();
    expect(read(viewFile!).startsWith('"use client";')).toBe(true);
    expect(read(`components/${name}/index.ts`)).toMatch(new RegExp(`export \\{[^}]*\\b${view}\\b`));
    expect(read(entry)).toContain(`export * from "./components/${name}";`);
  });

  it.each(PURE)("$name: a client module published from $entry", ({ name, entry }) => {
    expect(read(`components/${name}/${name}.tsx`).startsWith('"use client";')).toBe(true);
    expect(read(entry)).toContain(`export * from "./components/${name}";`);
  });

  it("gives each click callback one payload wherever it is declared", () => {
    const files = Object.fromEntries(componentFiles("components").map((file) => [file, read(file)]));
    const found = callbackSignatures(files, ["onTraceClick", "onGenerationClick"]);
    expect([...found.keys()].sort()).toEqual(["onGenerationClick", "onTraceClick"]);
    for (const [name, bySignature] of found) expect([...bySignature.keys()], name).toHaveLength(1);
    expect([...found.get("onTraceClick")!.keys()][0]).toBe("(traceId: string, details: TraceClickDetails) => void");
    expect([...found.get("onGenerationClick")!.keys()][0]).toBe("(generationId: string, details: GenerationClickDetails) => void");
  });

  it("tells two payloads for one callback name apart (the check can fail)", () => {
    const found = callbackSignatures(
      { "a.tsx": "onTraceClick?: (traceId: string, details: TraceClickDetails) => void;", "b.tsx": "onTraceClick?: (trace: LLMTrace) => void;" },
      ["onTraceClick"],
    );
    expect([...found.get("onTraceClick")!.keys()]).toHaveLength(2);
  });

  it("composes refs only through the one helper", () => {
    for (const file of componentFiles("components")) {
      if (file === "components/ui/composeRefs.ts") continue;
      // Handing a node to a ref that may be a function is what the helper is for.
      expect(read(file), file).not.toMatch(/typeof \w*[rR]ef === "function"/);
    }
  });
});
