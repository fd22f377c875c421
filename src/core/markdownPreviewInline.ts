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
import { BacktickRuns, autolinkEnd, inlineLinkEnd, isAsciiPunctuation, referenceEnd } from "./markdownPreviewScan";
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
