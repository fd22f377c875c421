/**
 * Display rows of a TextReprView: the parsed text_repr lines with expanded markers spliced in.
 * Expanded GEN/TOOLS content becomes indented rows of its own and an expanded TRUNCATED middle
 * is split at its newlines, so no single row ever holds a whole event's text and the list can be
 * virtualized whatever is open.
 */
import { parseTextRepr, type TextReprLine, type TextReprSegment } from "../../core/textRepr";
import { formatCount } from "../../core/intlFormatters";
import type { LineRefRange } from "../../core/lineRefs";

export type TextReprPiece =
  | { kind: "text"; text: string }
  | { kind: "truncatedText"; text: string }
  | { kind: "marker"; segment: Exclude<TextReprSegment, { kind: "text" }>; key: string; expanded: boolean }
  | { kind: "collapse"; key: string };

export interface TextReprRow {
  /** Stable across expansions, so measured heights survive. */
  key: string;
  /** Number shown in the gutter (top-level lines only). */
  gutter: number | null;
  /** Number used for highlighting: the gutter number of the top-level line this row belongs to. */
  lineNumber: number | null;
  /** 0 for the text's own lines; +1 per expanded GEN/TOOLS level. */
  depth: number;
  pieces: TextReprPiece[];
}

/** Which markers are open: every marker when `all`, with `toggled` keys flipped either way. */
export interface TextReprExpansion {
  all: boolean;
  toggled: ReadonlySet<string>;
}

export const NOTHING_EXPANDED: TextReprExpansion = { all: false, toggled: new Set() };

export function isExpanded(expansion: TextReprExpansion, key: string): boolean {
  return expansion.all !== expansion.toggled.has(key);
}

export function toggleExpansion(expansion: TextReprExpansion, key: string): TextReprExpansion {
  const toggled = new Set(expansion.toggled);
  if (toggled.has(key)) toggled.delete(key);
  else toggled.add(key);
  return { all: expansion.all, toggled };
}

// Parsed marker contents, per segment object (segments are stable while their text is).
const contentCache = new WeakMap<object, TextReprLine[]>();

function contentLines(segment: { content: string }): TextReprLine[] {
  let lines = contentCache.get(segment);
  if (!lines) {
    lines = parseTextRepr(segment.content, { lineNumbers: false });
    contentCache.set(segment, lines);
  }
  return lines;
}

export interface BuildRowsOptions {
  /** Decides each marker's state; defaults to the expansion set. */
  expanded: (key: string, segment: TextReprSegment) => boolean;
  /** Whether gutter numbers come from `L…:` prefixes (true) or line positions (false). */
  numbered: boolean;
}

function buildInto(lines: readonly TextReprLine[], prefix: string, depth: number, parentNumber: number | null, o: BuildRowsOptions, out: TextReprRow[]): void {
  for (const line of lines) {
    const own = depth === 0 ? (o.numbered ? line.lineNumber : line.index + 1) : null;
    const number = depth === 0 ? own : parentNumber;
    const base = `${prefix}${line.index}`;
    let row: TextReprRow = { key: base, gutter: own, lineNumber: number, depth, pieces: [] };
    let continuation = 0;
    const children: Array<{ key: string; lines: TextReprLine[] }> = [];
    line.segments.forEach((segment, j) => {
      if (segment.kind === "text") {
        row.pieces.push({ kind: "text", text: segment.text });
        return;
      }
      const key = `${base}:${j}`;
      const open = segment.kind !== "eventLink" && o.expanded(key, segment);
      row.pieces.push({ kind: "marker", segment, key, expanded: open });
      if (!open) return;
      if (segment.kind === "truncated") {
        row.pieces.pop();
        // A collapse control at both ends: the far one may be thousands of rows away.
        row.pieces.push({ kind: "collapse", key });
        const parts = segment.content.split("\n");
        parts.forEach((part, p) => {
          if (p > 0) {
            out.push(row);
            row = { key: `${key}~${++continuation}`, gutter: null, lineNumber: number, depth, pieces: [] };
          }
          if (part) row.pieces.push({ kind: "truncatedText", text: part });
        });
        row.pieces.push({ kind: "collapse", key });
      } else if (segment.kind === "genExpandable" || segment.kind === "toolsExpandable") {
        children.push({ key: `${key}/`, lines: contentLines(segment) });
      }
    });
    out.push(row);
    for (const child of children) buildInto(child.lines, child.key, depth + 1, number, o, out);
  }
}

/** Rows for the given lines and expansion. Linear in the lines shown. */
export function buildTextReprRows(lines: readonly TextReprLine[], options: BuildRowsOptions): TextReprRow[] {
  const out: TextReprRow[] = [];
  buildInto(lines, "", 0, null, options, out);
  return out;
}

/** Whether the text carries `L…:` numbers (then unnumbered lines such as the sampling notice get none). */
export function isNumbered(lines: readonly TextReprLine[]): boolean {
  return lines.some((line) => line.lineNumber !== null);
}

/** The plain text of a marker as shown when collapsed. */
export function markerText(segment: Exclude<TextReprSegment, { kind: "text" }>): string {
  switch (segment.kind) {
    case "truncated":
      return `... (${formatCount(segment.omittedChars)} chars truncated)`;
    case "toolsExpandable":
      return segment.label;
    case "genExpandable":
      return segment.label;
    case "eventLink":
      return segment.label;
  }
}

/** One row as plain text (used by Copy), indented by depth and prefixed with its number. */
export function rowText(row: TextReprRow, numberWidth: number): string {
  let text = "";
  for (const piece of row.pieces) {
    if (piece.kind === "text" || piece.kind === "truncatedText") text += piece.text;
    else if (piece.kind === "marker") text += markerText(piece.segment);
  }
  const indent = "    ".repeat(row.depth);
  const number = row.gutter !== null && numberWidth > 0 ? `L${String(row.gutter).padStart(numberWidth, "0")}: ` : "";
  return `${number}${indent}${text}`;
}

export type TextReprLineSelection = number | LineRefRange | ReadonlyArray<number | LineRefRange>;

/** Normalises `highlightLines` into ranges (invalid entries dropped). */
export function selectionRanges(selection: TextReprLineSelection | null | undefined): LineRefRange[] {
  if (selection === null || selection === undefined) return [];
  const list: ReadonlyArray<number | LineRefRange> = Array.isArray(selection)
    ? (selection as ReadonlyArray<number | LineRefRange>)
    : [selection as number | LineRefRange];
  const ranges: LineRefRange[] = [];
  for (const item of list) {
    if (typeof item === "number") {
      if (Number.isFinite(item)) ranges.push({ start: item, end: item });
    } else if (item && Number.isFinite(item.start) && Number.isFinite(item.end)) {
      ranges.push({ start: Math.min(item.start, item.end), end: Math.max(item.start, item.end) });
    }
  }
  return ranges;
}

export function inRanges(line: number | null, ranges: readonly LineRefRange[]): boolean {
  if (line === null) return false;
  for (const range of ranges) if (line >= range.start && line <= range.end) return true;
  return false;
}
