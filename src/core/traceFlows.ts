/**
 * The most common ways through a set of traces:
 * - `commonSpanPaths`: root-to-leaf name paths (`agent_run › planner › web_search`), one per leaf;
 * - `commonSpanFlows`: n-grams of consecutive sibling steps (`gpt-4.1 → read_file`), one per window.
 *
 * Steps are nodes of the kinds asked for (default: spans, generations, embeddings and unknown
 * events; never the root or evaluations). A node of another kind is looked through: its children
 * take its place. Paths are interned in a trie and only the top `limit` are spelled out, so deep
 * trees stay linear.
 */
import { NodeVocabulary, traceEventRef, workChildren, asTraceTree, type TraceEventRef, type TraceInsightInput } from "./traceInsightInput";
import type { TraceNodeKind, TraceTree, TraceTreeNode } from "./traceTypes";

/** One step of a path or flow. */
export interface SpanPathStep {
  kind: TraceNodeKind;
  name: string;
}

/** A path or flow with how often it occurred. */
export interface SpanFlowCount {
  steps: SpanPathStep[];
  /** Names joined with " › " (paths) or " → " (flows). */
  label: string;
  /** Leaves with this path / windows with this flow, over the whole set. */
  occurrences: number;
  /** Traces it occurs in. */
  traceCount: number;
  /** Its first occurrence (the leaf of a path, the first step of a flow). */
  example: TraceEventRef;
}

/** Options of `commonSpanPaths` / `commonSpanFlows`. */
export interface TraceFlowOptions {
  /** How many to return, most common first (`Infinity` for all). @default 20 */
  limit?: number;
  /** Node kinds that count as steps. @default ["span", "generation", "embedding", "other"] */
  kinds?: readonly TraceNodeKind[];
  /** `commonSpanFlows`: steps per window (n of the n-gram). @default 2 */
  length?: number;
}

const DEFAULT_KINDS: readonly TraceNodeKind[] = ["span", "generation", "embedding", "other"];

interface Tally {
  occurrences: number;
  traceCount: number;
  lastTrace: number;
  /** First occurrence; turned into a `TraceEventRef` only for the tallies returned. */
  tree: TraceTree;
  node: TraceTreeNode;
}

/** Interned sequences of steps: id → (parent id, step). */
class StepTrie {
  readonly parent: number[] = [];
  readonly step: SpanPathStep[] = [];
  private readonly vocabulary = new NodeVocabulary();
  /** One map per parent (index parent + 1): step word → child id. */
  private readonly next: Array<Map<number, number> | undefined> = [];

  child(parent: number, node: TraceTreeNode): number {
    const word = this.vocabulary.id(node);
    let children = this.next[parent + 1];
    if (!children) this.next[parent + 1] = children = new Map();
    let id = children.get(word);
    if (id === undefined) {
      id = this.parent.length;
      this.parent.push(parent);
      this.step.push({ kind: node.kind, name: node.name });
      children.set(word, id);
    }
    return id;
  }

  steps(id: number): SpanPathStep[] {
    const out: SpanPathStep[] = [];
    for (let at = id; at >= 0; at = this.parent[at] as number) out.push(this.step[at] as SpanPathStep);
    return out.reverse();
  }
}

function tally(tallies: Map<number, Tally>, id: number, traceIndex: number, tree: TraceTree, node: TraceTreeNode): void {
  const t = tallies.get(id);
  if (!t) {
    tallies.set(id, { occurrences: 1, traceCount: 1, lastTrace: traceIndex, tree, node });
    return;
  }
  t.occurrences++;
  if (t.lastTrace !== traceIndex) {
    t.lastTrace = traceIndex;
    t.traceCount++;
  }
}

/** Ranks before: more occurrences, then in more traces, then first seen (trie ids grow as paths are met). */
function before([a, x]: [number, Tally], [b, y]: [number, Tally]): number {
  return y.occurrences - x.occurrences || y.traceCount - x.traceCount || a - b;
}

/** The `limit` best tallies in rank order: a full sort when most are wanted, else one selection pass (O(n·limit) worst, O(n) typical). */
function best(tallies: Map<number, Tally>, limit: number): Array<[number, Tally]> {
  if (limit <= 0) return [];
  if (limit * 8 >= tallies.size) return [...tallies.entries()].sort(before).slice(0, limit);
  const kept: Array<[number, Tally]> = [];
  for (const entry of tallies) {
    if (kept.length === limit && before(entry, kept[limit - 1] as [number, Tally]) >= 0) continue;
    let i = kept.length;
    kept.push(entry);
    while (i > 0 && before(entry, kept[i - 1] as [number, Tally]) < 0) {
      kept[i] = kept[i - 1] as [number, Tally];
      i--;
    }
    kept[i] = entry;
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

function top(trie: StepTrie, tallies: Map<number, Tally>, limit: number, separator: string): SpanFlowCount[] {
  // Only the returned paths are spelled out.
  return best(tallies, limit).map(([id, t]) => {
    const steps = trie.steps(id);
    return { steps, label: steps.map((s) => s.name).join(separator), occurrences: t.occurrences, traceCount: t.traceCount, example: traceEventRef(t.tree, t.node) };
  });
}

function limitOf(options: TraceFlowOptions): number {
  return typeof options.limit === "number" && !Number.isNaN(options.limit) ? Math.max(0, Math.floor(options.limit)) : 20;
}

/** Each node's steps among its work children, with looked-through nodes replaced by their own. */
function stepChildren(node: TraceTreeNode, kinds: ReadonlySet<TraceNodeKind>): TraceTreeNode[] {
  const out: TraceTreeNode[] = [];
  const stack = workChildren(node).slice().reverse();
  while (stack.length > 0) {
    const child = stack.pop() as TraceTreeNode;
    if (kinds.has(child.kind)) out.push(child);
    else {
      const inner = workChildren(child);
      for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i] as TraceTreeNode);
    }
  }
  return out;
}

function pathsOfTree(tree: TraceTree, traceIndex: number, kinds: ReadonlySet<TraceNodeKind>, trie: StepTrie, tallies: Map<number, Tally>): void {
  const stack: Array<{ node: TraceTreeNode; path: number }> = stepChildren(tree.root, kinds).map((node) => ({ node, path: -1 }));
  while (stack.length > 0) {
    const { node, path: parentPath } = stack.pop() as { node: TraceTreeNode; path: number };
    const path = trie.child(parentPath, node);
    const next = stepChildren(node, kinds);
    if (next.length === 0) tally(tallies, path, traceIndex, tree, node);
    for (const child of next) stack.push({ node: child, path });
  }
}

/**
 * Root-to-leaf name paths across `traces`, most common first (then in more traces, then first seen).
 * O(total nodes), plus limit × depth to spell out the paths returned; never throws.
 */
export function commonSpanPaths(traces: Iterable<TraceInsightInput>, options: TraceFlowOptions = {}): SpanFlowCount[] {
  const kinds = new Set(options.kinds ?? DEFAULT_KINDS);
  const trie = new StepTrie();
  const tallies = new Map<number, Tally>();
  let traceIndex = 0;
  for (const trace of traces) pathsOfTree(asTraceTree(trace), traceIndex++, kinds, trie, tallies);
  return top(trie, tallies, limitOf(options), " › ");
}

/**
 * n-grams of consecutive sibling steps (time order) across `traces`, most common first (then in
 * more traces, then first seen). A parent
 * with fewer than n steps adds nothing. O(total nodes × n); never throws.
 */
export function commonSpanFlows(traces: Iterable<TraceInsightInput>, options: TraceFlowOptions = {}): SpanFlowCount[] {
  const kinds = new Set(options.kinds ?? DEFAULT_KINDS);
  const n = typeof options.length === "number" && Number.isFinite(options.length) ? Math.max(1, Math.floor(options.length)) : 2;
  const trie = new StepTrie();
  const tallies = new Map<number, Tally>();
  let traceIndex = 0;
  for (const trace of traces) {
    const tree = asTraceTree(trace);
    const stack: TraceTreeNode[] = [tree.root];
    while (stack.length > 0) {
      const parent = stack.pop() as TraceTreeNode;
      const steps = stepChildren(parent, kinds);
      for (let i = 0; i + n <= steps.length; i++) {
        let id = -1;
        for (let j = i; j < i + n; j++) id = trie.child(id, steps[j] as TraceTreeNode);
        const first = steps[i] as TraceTreeNode;
        tally(tallies, id, traceIndex, tree, first);
      }
      for (const step of steps) stack.push(step);
    }
    traceIndex++;
  }
  return top(trie, tallies, limitOf(options), " → ");
}
