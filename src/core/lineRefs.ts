/**
 * Line references in PostHog summaries (`line_refs` and bullet text) pointing into the
 * line-numbered text representation (`L001: ...`). Seen forms: `L45`, `[L45]`, `[L45-52]`,
 * `L13-19, L553-555`, `[L10, L12-14]`, `L45-L52`.
 *
 * Rules chosen here:
 * - `L` must be uppercase and must not follow a letter, digit or underscore (`URL45`, `HTML5`
 *   and `xL4` are not references); the number must not run on into a letter, digit or
 *   underscore (`L45abc` is not one).
 * - Line numbers are 1 to 999,999,999 and may be zero-padded (`L001` is line 1); `L0` is not a
 *   reference.
 * - A range is `-`, `–` or `—` between two numbers, with optional spaces and an optional second
 *   `L`. A range written backwards (`L52-45`) is normalised to `{start: 45, end: 52}`.
 * - A bracketed list is one reference (brackets included) with one range per item; items are
 *   separated by `,` or `;`. Outside brackets, each `Lnn` / `Lnn-mm` is its own reference, so
 *   `L13-19, L553-555` gives two references and the ", " between them stays plain text.
 * - Offsets are UTF-16 indices into the input (what `String.prototype.slice` takes).
 */

/** An inclusive range of 1-based line numbers. */
export interface LineRefRange {
  start: number;
  end: number;
}

/** One reference found in a text. */
export interface LineRef {
  /** UTF-16 offset of the first character of the match. */
  start: number;
  /** UTF-16 offset just past the match. */
  end: number;
  /** The matched text, e.g. "[L10, L12-14]". */
  match: string;
  /** Line ranges in the order written; a single line has start === end. */
  ranges: LineRefRange[];
}

/** Plain text or a reference, in order; joining every segment's text gives the input back. */
export type LineRefSegment = { kind: "text"; text: string } | { kind: "ref"; text: string; ref: LineRef };

const NUMBER = String.raw`0*[1-9]\d{0,8}`;
const ITEM = String.raw`L(${NUMBER})(?:[ \t]*[-–—][ \t]*L?(${NUMBER}))?`;
const ITEM_SOURCE = ITEM.replace(/\((?!\?)/g, "(?:"); // same item without capture groups
const WORD = String.raw`[\p{L}\p{N}_]`;
const BRACKETED = String.raw`\[[ \t]*${ITEM_SOURCE}(?:[ \t]*[,;][ \t]*${ITEM_SOURCE})*[ \t]*\]`;
const BARE = String.raw`(?<!${WORD})${ITEM_SOURCE}(?!${WORD})`;
const ITEM_PATTERN = new RegExp(ITEM, "gu");

function parseRanges(match: string): LineRefRange[] {
  const ranges: LineRefRange[] = [];
  for (const item of match.matchAll(ITEM_PATTERN)) {
    const first = Number(item[1]);
    const second = item[2] === undefined ? first : Number(item[2]);
    ranges.push({ start: Math.min(first, second), end: Math.max(first, second) });
  }
  return ranges;
}

/** Every line reference in `text`, in order of appearance. Non-strings give []. */
export function parseLineRefs(text: string): LineRef[] {
  if (typeof text !== "string") return [];
  // A fresh regex per call: a shared global one would carry lastIndex between callers.
  const pattern = new RegExp(`${BRACKETED}|${BARE}`, "gu");
  const refs: LineRef[] = [];
  for (const found of text.matchAll(pattern)) {
    const start = found.index ?? 0;
    const match = found[0];
    refs.push({ start, end: start + match.length, match, ranges: parseRanges(match) });
  }
  return refs;
}

/** Splits `text` around its references, so a UI can render each reference as a button. */
export function splitByLineRefs(text: string): LineRefSegment[] {
  if (typeof text !== "string") return [];
  const segments: LineRefSegment[] = [];
  let cursor = 0;
  for (const ref of parseLineRefs(text)) {
    if (ref.start > cursor) segments.push({ kind: "text", text: text.slice(cursor, ref.start) });
    segments.push({ kind: "ref", text: ref.match, ref });
    cursor = ref.end;
  }
  if (cursor < text.length) segments.push({ kind: "text", text: text.slice(cursor) });
  return segments;
}

/** A canonical bracketed label such as "[L45]" or "[L10, L12-14]" (PostHog shows brackets). */
export function formatLineRefLabel(ranges: readonly LineRefRange[]): string {
  const items = ranges.map((r) => (r.start === r.end ? `L${r.start}` : `L${r.start}-${r.end}`));
  return `[${items.join(", ")}]`;
}

/** Every distinct line a reference covers, ascending; ranges longer than `limit` lines are cut. */
export function lineRefLines(ref: Pick<LineRef, "ranges">, limit = 1000): number[] {
  const lines = new Set<number>();
  for (const { start, end } of ref.ranges) {
    for (let line = start; line <= end && lines.size < limit; line++) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
}
