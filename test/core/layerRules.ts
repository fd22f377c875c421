// The layer rules of docs/architecture.md as functions over an import graph, so the test can run them on
// the real source and on small made-up graphs that break each rule once (a rule that cannot fail is no rule).
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";

export interface ImportEdge {
  /** The file, relative to src, with forward slashes. */
  from: string;
  /** The imported file relative to src, or null for a package. */
  to: string | null;
  /** What the import statement names (a package name for packages). */
  spec: string;
  /** `import type` / `export type`: gone after compilation. */
  typeOnly: boolean;
  /** The imported bindings (`{ a, type B }` gives a and B). */
  names: string[];
}

export type ImportGraph = ImportEdge[];

const STATEMENT = /(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g;

function bindings(clause: string): string[] {
  const braces = /\{([^}]*)\}/.exec(clause);
  const named = braces ? braces[1]!.split(",").map((part) => part.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!.trim()) : [];
  const outside = (braces ? clause.replace(braces[0], "") : clause).split(",").map((part) => part.trim()).filter((part) => part && part !== "*" && !part.startsWith("* as"));
  return [...named, ...outside].filter(Boolean);
}

function resolve(srcRoot: string, fromFile: string, spec: string): string {
  const base = path.resolve(path.dirname(path.join(srcRoot, fromFile)), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return path.relative(srcRoot, candidate).split(path.sep).join("/");
  }
  throw new Error(`cannot resolve ${spec} from ${fromFile}`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Every import and re-export of every source file under `srcRoot`. */
export function sourceImportGraph(srcRoot: string): ImportGraph {
  const edges: ImportGraph = [];
  for (const full of sourceFiles(srcRoot)) {
    const from = path.relative(srcRoot, full).split(path.sep).join("/");
    const text = readFileSync(full, "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
    for (const match of text.matchAll(STATEMENT)) {
      const spec = match[4] ?? match[5] ?? match[6]!;
      const typeOnly = Boolean(match[2]);
      const names = match[3] ? bindings(match[3]) : [];
      edges.push({ from, to: spec.startsWith(".") ? resolve(srcRoot, from, spec) : null, spec, typeOnly, names });
    }
  }
  return edges;
}

/** Which part of the library a file belongs to: a layer, `ui`, `cells`, or `component:<Folder>`. */
export function layerOf(file: string): string {
  const parts = file.split("/");
  if (parts.length === 1) return "entry";
  if (parts[0] !== "components") return parts[0]!;
  if (parts[1] === "ui" || parts[1] === "cells") return parts[1];
  return `component:${parts[1]}`;
}

const isComponentSide = (layer: string) => layer === "ui" || layer === "cells" || layer.startsWith("component:");
const componentFolder = (file: string) => file.split("/")[1]!;
const show = (edge: ImportEdge) => `${edge.from} -> ${edge.to ?? edge.spec}`;

/** The one edge from hooks into components: the provider sets the media policy the views read (docs/architecture.md). */
const PROVIDER_VIEW_SETTINGS = new Set(["components/ui/mediaPolicy.ts", "components/ui/mediaPolicyContext.ts"]);

export interface LayerRule {
  name: string;
  violations: (graph: ImportGraph) => string[];
}

export const LAYER_RULES: LayerRule[] = [
  {
    name: "components/ui imports no hooks, client, inference, mock backend, React Query or other component folder",
    violations: (graph) =>
      graph
        .filter((e) => layerOf(e.from) === "ui")
        .filter((e) => (e.to ? layerOf(e.to) !== "ui" && layerOf(e.to) !== "core" : e.spec.startsWith("@tanstack/react-query")))
        .map(show),
  },
  {
    name: "only hooks read the TraceLensContext (and React Query's context)",
    violations: (graph) =>
      graph
        .filter((e) => layerOf(e.from) !== "hooks" && e.names.some((n) => n === "TraceLensContext" || n === "QueryClientContext"))
        .map(show),
  },
  {
    name: "components do not import @tanstack/react-query",
    violations: (graph) => graph.filter((e) => isComponentSide(layerOf(e.from)) && e.to === null && e.spec.startsWith("@tanstack/react-query")).map(show),
  },
  {
    name: "a component folder reaches another only through its index (its public surface), never its files",
    violations: (graph) =>
      graph
        .filter((e) => e.to && isComponentSide(layerOf(e.from)) && layerOf(e.to).startsWith("component:") && layerOf(e.to) !== layerOf(e.from))
        .filter((e) => e.to !== `components/${componentFolder(e.to!)}/index.ts`)
        .map(show),
  },
  {
    name: "component folders do not import each other in a cycle",
    violations: (graph) => folderCycles(graph),
  },
  {
    name: "components import from the client only its types (client/clientTypes)",
    violations: (graph) =>
      graph.filter((e) => e.to && isComponentSide(layerOf(e.from)) && layerOf(e.to) === "client" && !(e.typeOnly && e.to === "client/clientTypes.ts")).map(show),
  },
  {
    name: "hooks import no components (but the provider's media-policy settings) and no inference or mock backend",
    violations: (graph) =>
      graph
        .filter((e) => e.to && layerOf(e.from) === "hooks")
        .filter((e) => {
          const to = layerOf(e.to!);
          if (to === "inference" || to === "msw") return true;
          return isComponentSide(to) && !(e.from === "hooks/TraceLensProvider.tsx" && PROVIDER_VIEW_SETTINGS.has(e.to!));
        })
        .map(show),
  },
  {
    name: "the client imports only core (and no React)",
    violations: (graph) =>
      graph
        .filter((e) => layerOf(e.from) === "client")
        .filter((e) => (e.to ? layerOf(e.to) !== "client" && layerOf(e.to) !== "core" : e.spec === "react" || e.spec.startsWith("@tanstack/")))
        .map(show),
  },
];

/** Cycles among component folders (a folder that reaches itself through others), each once. */
function folderCycles(graph: ImportGraph): string[] {
  const next = new Map<string, Set<string>>();
  for (const e of graph) {
    if (!e.to) continue;
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    if (from === to || !isComponentSide(from) || !isComponentSide(to)) continue;
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)!.add(to);
  }
  const cycles = new Set<string>();
  const walk = (node: string, trail: string[]) => {
    for (const to of next.get(node) ?? []) {
      const at = trail.indexOf(to);
      if (at >= 0) {
        const loop = trail.slice(at);
        const start = loop.indexOf([...loop].sort()[0]!);
        cycles.add([...loop.slice(start), ...loop.slice(0, start), loop[start]].join(" -> "));
      } else {
        walk(to, [...trail, to]);
      }
    }
  };
  for (const node of next.keys()) walk(node, [node]);
  return [...cycles];
}
