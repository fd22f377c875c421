/**
 * Flat, pre-order rows for a virtualized tree view.
 */
import type { TraceTree, TraceTreeNode } from "./traceTypes";

/** What flattening reads of a tree (a finished tree, or the shape `startTraceTree` gives first). */
type TreeWithRoot = Pick<TraceTree, "root">;

/** One visible row. */
export interface TraceTreeRow {
  node: TraceTreeNode;
  /** 0 for the first visible level. */
  depth: number;
  hasChildren: boolean;
  /** True when the node has children and its key is in the collapsed set. */
  collapsed: boolean;
}

/** Options of {@link flattenTraceTree}. */
export interface FlattenTraceTreeOptions {
  /** Show the root row (default true). Without it, top-level nodes start at depth 0. */
  includeRoot?: boolean;
  /** Hide nodes (and their subtrees) for which this returns false, e.g. evaluations. */
  filter?: (node: TraceTreeNode) => boolean;
}

/**
 * Visible rows in pre-order, skipping the descendants of collapsed keys. Iterative, so a
 * 50k-deep chain does not overflow the stack; O(visible rows).
 */
export function flattenTraceTree(
  tree: TreeWithRoot | TraceTreeNode,
  collapsedKeys: ReadonlySet<string> = new Set(),
  options: FlattenTraceTreeOptions = {},
): TraceTreeRow[] {
  const root = "root" in tree ? tree.root : tree;
  const includeRoot = options.includeRoot ?? true;
  const filter = options.filter;
  const rows: TraceTreeRow[] = [];
  // Two parallel stacks rather than one of {node, depth} pairs: one object fewer per node, in a view's first render.
  const nodes: TraceTreeNode[] = [];
  const depths: number[] = [];

  const pushChildren = (node: TraceTreeNode, depth: number): void => {
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i] as TraceTreeNode;
      if (!filter || filter(child)) {
        nodes.push(child);
        depths.push(depth);
      }
    }
  };

  if (includeRoot) {
    nodes.push(root);
    depths.push(0);
  } else pushChildren(root, 0);

  while (nodes.length > 0) {
    const node = nodes.pop() as TraceTreeNode;
    const depth = depths.pop() as number;
    const hasChildren = filter ? node.children.some(filter) : node.children.length > 0;
    const collapsed = hasChildren && collapsedKeys.has(node.key);
    rows.push({ node, depth, hasChildren, collapsed });
    if (hasChildren && !collapsed) pushChildren(node, depth + 1);
  }
  return rows;
}

/** Keys of the nodes on the way from the root to `key` (root first), e.g. to expand a selection. */
export function traceNodeAncestorKeys(tree: Pick<TraceTree, "nodesByKey">, key: string): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  let current = tree.nodesByKey.get(key);
  while (current && current.parentKey !== null && !seen.has(current.parentKey)) {
    seen.add(current.parentKey);
    keys.push(current.parentKey);
    current = tree.nodesByKey.get(current.parentKey);
  }
  return keys.reverse();
}
