/**
 * Keyboard behaviour of the span tree (WAI-ARIA tree view pattern), as pure functions over the
 * visible rows so it can be tested without a DOM.
 */
import type { TraceTreeRow } from "../../core/trace";
import { nodeTitle } from "./traceDetailModel";

export type TreeKeyAction =
  | { type: "focus"; index: number }
  | { type: "expand"; key: string }
  | { type: "collapse"; key: string }
  | { type: "select"; index: number }
  | { type: "expandSiblings"; keys: string[] };

const PAGE = 10;

function parentIndex(rows: readonly TraceTreeRow[], index: number): number {
  const depth = rows[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0; i--) if ((rows[i] as TraceTreeRow).depth < depth) return i;
  return -1;
}

/** What a navigation key does at row `active`; null for keys the tree does not handle. */
export function treeKeyAction(key: string, rows: readonly TraceTreeRow[], active: number): TreeKeyAction | null {
  const last = rows.length - 1;
  const row = rows[active];
  if (!row) return last >= 0 ? { type: "focus", index: 0 } : null;
  switch (key) {
    case "ArrowDown":
      return { type: "focus", index: Math.min(active + 1, last) };
    case "ArrowUp":
      return { type: "focus", index: Math.max(active - 1, 0) };
    case "PageDown":
      return { type: "focus", index: Math.min(active + PAGE, last) };
    case "PageUp":
      return { type: "focus", index: Math.max(active - PAGE, 0) };
    case "Home":
      return { type: "focus", index: 0 };
    case "End":
      return { type: "focus", index: last };
    case "ArrowRight":
      if (!row.hasChildren) return null;
      return row.collapsed ? { type: "expand", key: row.node.key } : { type: "focus", index: Math.min(active + 1, last) };
    case "ArrowLeft": {
      if (row.hasChildren && !row.collapsed) return { type: "collapse", key: row.node.key };
      const parent = parentIndex(rows, active);
      return parent >= 0 ? { type: "focus", index: parent } : null;
    }
    case "Enter":
    case " ":
      return { type: "select", index: active };
    case "*": {
      const parent = parentIndex(rows, active);
      const keys: string[] = [];
      for (let i = parent + 1; i < rows.length; i++) {
        const sibling = rows[i] as TraceTreeRow;
        if (sibling.depth < row.depth) break;
        if (sibling.depth === row.depth && sibling.collapsed) keys.push(sibling.node.key);
      }
      return keys.length ? { type: "expandSiblings", keys } : null;
    }
    default:
      return null;
  }
}

/**
 * Type-ahead: the next row after `active` (wrapping) whose title starts with `buffer`. A buffer of
 * one repeated character cycles through the rows starting with that character.
 */
export function typeAheadIndex(rows: readonly TraceTreeRow[], active: number, buffer: string): number {
  if (!buffer || rows.length === 0) return -1;
  const needle = buffer.toLowerCase();
  const repeated = needle.length > 1 && [...needle].every((ch) => ch === needle[0]);
  const prefix = repeated ? (needle[0] as string) : needle;
  // A growing prefix may still match the active row; a fresh one starts after it.
  const startOffset = needle.length > 1 && !repeated ? 0 : 1;
  for (let step = 0; step < rows.length; step++) {
    const index = (active + startOffset + step) % rows.length;
    const row = rows[index] as TraceTreeRow;
    if (nodeTitle(row.node).toLowerCase().startsWith(prefix)) return index;
  }
  return -1;
}
