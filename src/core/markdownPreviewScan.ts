/**
 * Scanners for `markdownPreview`'s inline pass: code-span closers, link destinations and titles,
 * reference labels and autolinks. Each stops at a bound (the next backtick run of its length, 32 nested
 * parentheses, 2,048 destination characters, 999 label characters, the first space or `<`), so no
 * scan can make the pass quadratic.
 */
import { previewWork } from "./markdownPreviewWork";

const MAX_DESTINATION_CHARS = 2048;
const MAX_PAREN_DEPTH = 32;
const MAX_LABEL_CHARS = 999;

export function isAsciiPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

/** Positions of backtick runs by length, with a cursor each, so every code span finds its closer in amortised O(1). */
export class BacktickRuns {
  private readonly byLength = new Map<number, { positions: number[]; next: number }>();
  constructor(text: string) {
    for (let i = text.indexOf("`"); i >= 0; i = text.indexOf("`", i)) {
      let end = i;
      while (end < text.length && text.charCodeAt(end) === 0x60) end++;
      previewWork.steps += end - i;
      const entry = this.byLength.get(end - i) ?? { positions: [], next: 0 };
      entry.positions.push(i);
      this.byLength.set(end - i, entry);
      i = end;
    }
  }
  /** The next run of exactly `length` backticks that starts after `after`, or -1. */
  closer(length: number, after: number): number {
    const entry = this.byLength.get(length);
    if (!entry) return -1;
    while (entry.next < entry.positions.length && entry.positions[entry.next]! <= after) {
      entry.next++;
      previewWork.steps++;
    }
    return entry.next < entry.positions.length ? entry.positions[entry.next]! : -1;
  }
}

/** `(destination "title")` after a link's `]`: the index after its `)`, or -1 when it is not one. */
export function inlineLinkEnd(text: string, open: number): number {
  let i = open + 1;
  const skipSpace = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n")) {
      i++;
      previewWork.steps++;
    }
  };
  skipSpace();
  if (text[i] === "<") {
    // <destination>: no line break and no unescaped `<` inside, so the scan ends at the next `<` at the latest.
    for (i++; i < text.length && text[i] !== ">"; i++) {
      previewWork.steps++;
      if (text[i] === "\n" || text[i] === "<") return -1;
      if (text[i] === "\\") i++;
    }
    if (i >= text.length) return -1;
    i++;
  } else {
    let depth = 0;
    const start = i;
    for (; i < text.length; i++) {
      previewWork.steps++;
      const c = text[i]!;
      if (c === "\\" && i + 1 < text.length && isAsciiPunctuation(text.charCodeAt(i + 1))) i++;
      else if (c === "(") {
        if (++depth > MAX_PAREN_DEPTH) return -1;
      } else if (c === ")") {
        if (depth === 0) break;
        depth--;
      } else if (c === " " || c === "\t" || c === "\n" || text.charCodeAt(i) < 0x20) break;
      if (i - start > MAX_DESTINATION_CHARS) return -1;
    }
    if (depth !== 0) return -1;
  }
  const beforeTitle = i;
  skipSpace();
  const quote = text[i];
  if (i > beforeTitle && (quote === '"' || quote === "'" || quote === "(")) {
    // A title ends at the first unescaped closing mark; a `(` title may not hold another `(`.
    const close = quote === "(" ? ")" : quote;
    for (i++; i < text.length && text[i] !== close; i++) {
      previewWork.steps++;
      if (text[i] === "\\") i++;
      else if (quote === "(" && text[i] === "(") return -1;
    }
    if (i >= text.length) return -1;
    i++;
    skipSpace();
  }
  return text[i] === ")" ? i + 1 : -1;
}

/** `[label]` after a link's `]` (a full or collapsed reference): the index after it, or -1. */
export function referenceEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length && i - open <= MAX_LABEL_CHARS; i++) {
    previewWork.steps++;
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "[") return -1;
    else if (c === "]") return i + 1;
  }
  return -1;
}

/** `<scheme:…>` or `<name@host>`: the index after the `>`, or -1. Stops at the first space, `<` or `>`. */
export function autolinkEnd(text: string, open: number): number {
  let colon = false;
  let at = false;
  for (let i = open + 1; i < text.length; i++) {
    previewWork.steps++;
    const c = text[i]!;
    if (c === ">") return i > open + 1 && (colon || at) ? i + 1 : -1;
    if (c === "<" || c === " " || c === "\n" || text.charCodeAt(i) < 0x20) return -1;
    if (c === ":") colon = true;
    if (c === "@") at = true;
  }
  return -1;
}
