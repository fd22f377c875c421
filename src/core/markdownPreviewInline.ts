/**
 * The inline half of `markdownPreview`: one paragraph of markdown → its plain text. Emphasis, strong and
 * strikethrough marks go, code spans keep their content, links keep their text, images become
 * "[image: alt]", autolinks keep their address, backslash escapes and character references are decoded.
 *
 * Every step is linear in the paragraph: code spans find their closer through a per-length index of
 * backtick runs, emphasis pairs through one stack per delimiter character, brackets through one stack
 * with a link counter (no rescans), and a link destination gives up past 32 nested parentheses or
 * 2,048 characters. No regular expression runs over the text.
 */
import { decodeCharacterReference } from "./markdownPreviewEntities";
import { previewWork } from "./markdownPreviewWork";

interface Delimiter {
  char: string;
  length: number;
  canOpen: boolean;
  canClose: boolean;
}

type Piece = string | Delimiter;

interface Bracket {
  piece: number;
  image: boolean;
  /** Links completed when this bracket opened: a link cannot contain a link (CommonMark 6.3). */
  linksBefore: number;
}

const MAX_DESTINATION_CHARS = 2048;
const MAX_PAREN_DEPTH = 32;
const MAX_LABEL_CHARS = 999;

function isAsciiPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

function isWhitespace(char: string): boolean {
  return char === "" || char === " " || char === "\t" || char === "\n" || char === "\r" || char === "\f" || char === "\u00a0" || (char > "\u007f" && /^\s$/u.test(char));
}

const PUNCTUATION = /^[\p{P}\p{S}]$/u;

function isPunctuation(char: string): boolean {
  if (char === "") return false;
  const code = char.charCodeAt(0);
  return code < 0x80 ? isAsciiPunctuation(code) : PUNCTUATION.test(char);
}

/** The character before `index` (a whole surrogate pair), or "" at the start. */
function charBefore(text: string, index: number): string {
  if (index <= 0) return "";
  const code = text.charCodeAt(index - 1);
  return code >= 0xdc00 && code <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text[index - 1]!;
}

function charAt(text: string, index: number): string {
  if (index >= text.length) return "";
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(index, index + 2) : text[index]!;
}

/** Positions of backtick runs by length, with a cursor each, so every code span finds its closer in amortised O(1). */
class BacktickRuns {
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
function inlineLinkEnd(text: string, open: number): number {
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
function referenceEnd(text: string, open: number): number {
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
function autolinkEnd(text: string, open: number): number {
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

function flanking(text: string, start: number, end: number): { left: boolean; right: boolean; before: string; after: string } {
  const before = charBefore(text, start);
  const after = charAt(text, end);
  const left = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
  const right = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
  return { left, right, before, after };
}

/** Pairs emphasis delimiters (one stack per character) and drops the paired marks. */
function resolveEmphasis(pieces: Piece[]): void {
  const stacks = new Map<string, Delimiter[]>();
  for (const piece of pieces) {
    if (typeof piece === "string") continue;
    const stack = stacks.get(piece.char) ?? [];
    stacks.set(piece.char, stack);
    while (piece.canClose && piece.length > 0 && stack.length > 0) {
      previewWork.steps++;
      const opener = stack[stack.length - 1]!;
      // GFM strikethrough pairs only runs of the same length.
      if (piece.char === "~" && opener.length !== piece.length) break;
      const used = Math.min(opener.length, piece.length);
      opener.length -= used;
      piece.length -= used;
      if (opener.length === 0) stack.pop();
    }
    if (piece.canOpen && piece.length > 0) stack.push(piece);
  }
}

/** One paragraph (lines joined with "\n") as plain text, whitespace not yet collapsed. */
export function inlinePlainText(text: string): string {
  const pieces: Piece[] = [];
  const brackets: Bracket[] = [];
  const runs = text.includes("`") ? new BacktickRuns(text) : null;
  let links = 0;
  let plainStart = 0;
  const flush = (end: number) => {
    if (end > plainStart) pieces.push(text.slice(plainStart, end));
  };
  let i = 0;
  while (i < text.length) {
    previewWork.steps++;
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length && (isAsciiPunctuation(text.charCodeAt(i + 1)) || text[i + 1] === "\n")) {
      flush(i);
      pieces.push(text[i + 1] === "\n" ? " " : text[i + 1]!);
      i += 2;
      plainStart = i;
    } else if (c === "`") {
      flush(i);
      let end = i;
      while (end < text.length && text[end] === "`") end++;
      const close = runs ? runs.closer(end - i, i) : -1;
      if (close < 0) {
        pieces.push(text.slice(i, end));
        i = end;
      } else {
        let code = text.slice(end, close).replace(/\n/g, " ");
        if (code.length >= 2 && code.startsWith(" ") && code.endsWith(" ") && code.trim() !== "") code = code.slice(1, -1);
        pieces.push(code);
        i = close + (end - i);
      }
      plainStart = i;
    } else if (c === "*" || c === "_" || c === "~") {
      flush(i);
      let end = i;
      while (end < text.length && text[end] === c) end++;
      const { left, right, before, after } = flanking(text, i, end);
      const length = end - i;
      let canOpen = left;
      let canClose = right;
      if (c === "_") {
        canOpen = left && (!right || isPunctuation(before));
        canClose = right && (!left || isPunctuation(after));
      }
      if (c === "~" && length > 2) pieces.push(text.slice(i, end));
      else pieces.push({ char: c, length, canOpen, canClose });
      i = end;
      plainStart = i;
    } else if (c === "[" || (c === "!" && text[i + 1] === "[")) {
      flush(i);
      const image = c === "!";
      brackets.push({ piece: pieces.length, image, linksBefore: links });
      pieces.push(image ? "![" : "[");
      i += image ? 2 : 1;
      plainStart = i;
    } else if (c === "]") {
      flush(i);
      const opener = brackets.pop();
      const end = !opener ? -1 : text[i + 1] === "(" ? inlineLinkEnd(text, i + 1) : text[i + 1] === "[" ? referenceEnd(text, i + 1) : -1;
      if (!opener || end < 0 || (!opener.image && opener.linksBefore !== links)) {
        pieces.push("]");
        i++;
      } else {
        const empty = opener.piece === pieces.length - 1;
        if (opener.image) {
          pieces[opener.piece] = empty ? "[image]" : "[image: ";
          if (!empty) pieces.push("]");
        } else {
          pieces[opener.piece] = "";
          links++;
        }
        i = end;
      }
      plainStart = i;
    } else if (c === "<") {
      const end = autolinkEnd(text, i);
      if (end < 0) {
        i++;
        continue;
      }
      flush(i);
      pieces.push(text.slice(i + 1, end - 1).replace(/^mailto:/i, ""));
      i = end;
      plainStart = i;
    } else if (c === "&") {
      const decoded = decodeCharacterReference(text, i);
      if (!decoded) {
        i++;
        continue;
      }
      flush(i);
      pieces.push(decoded.text);
      i = decoded.end;
      plainStart = i;
    } else i++;
  }
  flush(text.length);
  resolveEmphasis(pieces);
  let out = "";
  for (const piece of pieces) out += typeof piece === "string" ? piece : piece.char.repeat(piece.length);
  return out;
}
