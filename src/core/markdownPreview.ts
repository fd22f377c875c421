/**
 * `markdownPreview`: markdown → one line of plain text, for previews (table cells, session rows,
 * collapsed messages). Model output is markdown; a preview that shows `**Baixa**` with its asterisks
 * shows syntax, not the answer.
 *
 * A small hand-written stripper, not a parser: the main entry must not carry markdown-it (SafeMarkdown
 * loads it lazily for full rendering), and a preview needs the words, not the structure.
 * What it does:
 * - emphasis, strong and strikethrough marks go (CommonMark's flanking rules; `snake_case` and `2 * 3` stay);
 * - code spans keep their content; fenced code becomes "[code: python, 12 lines]";
 * - links keep their text, images become "[image: alt]", autolinks keep their address;
 * - headings, blockquote marks, bullets, task boxes, thematic breaks, setext underlines and link
 *   reference definitions go; an ordered list keeps its numbers (they are content);
 * - a GFM table reads "a, b; 1, 2" (cells by commas, rows by semicolons);
 * - backslash escapes and character references (numeric, and the common named ones) are decoded;
 * - whitespace collapses to single spaces, and the result is cut to `maxChars` on a grapheme boundary.
 * Limits, by design:
 * - Indentation is not structure: indented code reads as text, and nested lists flatten.
 * - Raw HTML stays as written, as SafeMarkdown shows it (it never renders HTML).
 * - A shortcut reference `[text]` stays as written (the definitions are not collected); `[text][id]`
 *   and `[text](url)` become their text. Emphasis pairing is simpler than CommonMark's (one stack per
 *   mark character, no rule of three), so rare interleavings keep a stray mark.
 * - Named character references beyond ~70 common ones stay as written.
 * Cost: linear in the input, with no regular expression that could backtrack; it reads at most
 * `maxChars × 32 + 4096` characters outside code fences (a preview needs no more), and code fences
 * are only counted in lines.
 */
import { inlinePlainText } from "./markdownPreviewInline";
import { previewWork } from "./markdownPreviewWork";

/** The default length of a preview, in UTF-16 code units (the ellipsis included). */
export const MARKDOWN_PREVIEW_MAX_CHARS = 300;

const ELLIPSIS = "…";

let segmenter: Intl.Segmenter | null | undefined;

function graphemeSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== "undefined" && typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
  }
  return segmenter;
}

/** `text` cut to at most `max` code units, ending in an ellipsis, without splitting a grapheme (an emoji, a letter and its accents). */
export function cutAtGrapheme(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return "";
  const room = max - 1;
  let end = 0;
  const segments = graphemeSegmenter();
  if (segments) {
    // Boundaries up to `room` depend only on the text before them and one character after.
    for (const { index } of segments.segment(text.slice(0, room + 2))) {
      if (index > room) break;
      end = index;
    }
    const last = text.slice(0, room + 2);
    if (last.length <= room) end = last.length;
  }
  // The first grapheme alone is longer than the room (a letter under hundreds of accents): show none of it.
  if (end === 0 && segments) return ELLIPSIS;
  if (end === 0) {
    // No Intl.Segmenter: at least never split a surrogate pair.
    end = room;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
  }
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/** Collects blocks as collapsed one-line text until there is enough for the preview. */
class PreviewOutput {
  private readonly parts: string[] = [];
  private length = 0;
  constructor(private readonly want: number) {}
  get full(): boolean {
    return this.length >= this.want;
  }
  push(text: string, separator = " "): void {
    const line = text.replace(/\s+/g, " ").trim();
    if (!line) return;
    this.parts.push(this.parts.length > 0 ? `${separator}${line}` : line);
    this.length += line.length + 1;
  }
  text(): string {
    return this.parts.join("");
  }
}

/** Lines of the input (line ends already `\n`), read on demand. */
class LineReader {
  private pos = 0;
  constructor(private readonly text: string) {}
  private lineAt(from: number): { line: string; next: number } | null {
    if (from > this.text.length || (from === this.text.length && from > 0)) return null;
    // indexOf scans natively, once per line; the callers count the characters they then look at.
    let end = this.text.indexOf("\n", from);
    if (end < 0) end = this.text.length;
    return { line: this.text.slice(from, end), next: end + 1 };
  }
  next(): string | null {
    const found = this.lineAt(this.pos);
    if (!found) return null;
    this.pos = found.next;
    return found.line;
  }
  peek(): string | null {
    return this.lineAt(this.pos)?.line ?? null;
  }
}

function leadingBlanks(line: string, from = 0): number {
  let i = from;
  while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
  return i;
}

/** The line without blockquote marks and leading blanks. */
function unquote(line: string): string {
  let i = leadingBlanks(line);
  while (line[i] === ">") i = leadingBlanks(line, i + 1);
  return line.slice(i);
}

/** The run of `char` at the start of `text`. */
function runLength(text: string, char: string): number {
  let n = 0;
  while (n < text.length && text[n] === char) n++;
  return n;
}

/** Only `char`s and blanks, at least `min` of the former. */
function isRuleOf(text: string, char: string, min: number): boolean {
  let count = 0;
  for (const c of text) {
    if (c === char) count++;
    else if (c !== " " && c !== "\t") return false;
  }
  return count >= min;
}

function isThematicBreak(text: string): boolean {
  return isRuleOf(text, "*", 3) || isRuleOf(text, "-", 3) || isRuleOf(text, "_", 3);
}

/** A GFM table's delimiter row (`| --- | :-: |`). */
function isDelimiterRow(text: string): boolean {
  let dash = false;
  let pipe = false;
  for (const c of text) {
    if (c === "-") dash = true;
    else if (c === "|") pipe = true;
    else if (c !== ":" && c !== " " && c !== "\t") return false;
  }
  return dash && (pipe || text.includes(":"));
}

/** The cells of a table row, split on unescaped pipes, each made plain. */
function tableRow(text: string): string {
  let body = text.trim();
  if (body.startsWith("|")) body = body.slice(1);
  if (body.endsWith("|") && !body.endsWith("\\|")) body = body.slice(0, -1);
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\") i++;
    else if (body[i] === "|") {
      cells.push(body.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(body.slice(start));
  return cells
    .map((cell) => inlinePlainText(cell.trim()).replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join(", ");
}

/**
 * A list marker at the start of `text`: a bullet (`- `, `* `, `+ `, with a task box after it, if any)
 * goes; an ordered marker (`1. `, `2) `) is kept as `number`, since its numbers are content.
 */
function listMarker(text: string): { rest: string; number: string } | null {
  const c = text[0];
  if ((c === "-" || c === "*" || c === "+") && (text.length === 1 || text[1] === " " || text[1] === "\t")) {
    let rest = text.slice(leadingBlanks(text, 1));
    if (rest[0] === "[" && rest[2] === "]" && (rest[1] === " " || rest[1] === "x" || rest[1] === "X") && (rest.length === 3 || rest[3] === " " || rest[3] === "\t")) rest = rest.slice(3).trimStart();
    return { rest, number: "" };
  }
  let digits = 0;
  while (digits < text.length && digits < 10 && text.charCodeAt(digits) >= 0x30 && text.charCodeAt(digits) <= 0x39) digits++;
  const ordered = digits >= 1 && digits <= 9 && (text[digits] === "." || text[digits] === ")") && (text.length === digits + 1 || text[digits + 1] === " " || text[digits + 1] === "\t");
  return ordered ? { rest: text.slice(leadingBlanks(text, digits + 1)), number: text.slice(0, digits + 1) } : null;
}

function isQuoted(line: string): boolean {
  return line[leadingBlanks(line)] === ">";
}

/**
 * "[code: python, 12 lines]" for a fence of `length` × `char`, reading (and counting) up to its closing
 * fence; a fence opened in a blockquote also ends where the quote does.
 */
function codeFence(lines: LineReader, char: string, length: number, info: string, quoted: boolean): string {
  let count = 0;
  for (let line = lines.peek(); line !== null && (!quoted || isQuoted(line)); line = lines.peek()) {
    lines.next();
    previewWork.steps += line.length + 1;
    const body = unquote(line);
    const run = runLength(body, char);
    if (run >= length && body.slice(run).trim() === "") break;
    count++;
  }
  const word = info.trim().split(/[\s{}]/, 1)[0]?.replace(/^[.{]+|[}]+$/g, "") ?? "";
  const language = word.length > 30 ? `${word.slice(0, 30)}…` : word;
  const label = language ? `code: ${language}` : "code";
  return count === 0 ? `[${label}]` : `[${label}, ${count} ${count === 1 ? "line" : "lines"}]`;
}

/**
 * Markdown as one line of plain text, at most `maxChars` long (an ellipsis marks a cut). Anything but a
 * string gives "". See the module comment for what is stripped and the limits.
 */
export function markdownPreview(markdown: unknown, maxChars: number = MARKDOWN_PREVIEW_MAX_CHARS): string {
  if (typeof markdown !== "string" || markdown === "") return "";
  const max = Number.isFinite(maxChars) ? Math.max(0, Math.floor(maxChars)) : MARKDOWN_PREVIEW_MAX_CHARS;
  if (max === 0) return "";
  const budget = max * 32 + 4096;
  const out = new PreviewOutput(max + 16);
  const lines = new LineReader(markdown.includes("\r") ? markdown.replace(/\r\n?/g, "\n") : markdown);
  let paragraph: string[] = [];
  let read = 0;
  const flush = () => {
    if (paragraph.length > 0) out.push(inlinePlainText(paragraph.join("\n")));
    paragraph = [];
  };
  for (let next = lines.next(); next !== null && !out.full && read < budget; next = lines.next()) {
    // A line longer than what is left of the budget is read only that far (a 300 kB one-line log).
    const line = next.length > budget - read ? next.slice(0, budget - read) : next;
    read += line.length + 1;
    previewWork.steps += line.length + 1;
    const quoted = unquote(line);
    if (quoted.trim() === "") {
      flush();
      continue;
    }
    // A line of `=` or `-` under a paragraph underlines it as a heading; alone, `---` is a thematic break.
    if ((paragraph.length > 0 && (isRuleOf(quoted, "=", 1) || isRuleOf(quoted, "-", 1))) || isThematicBreak(quoted)) {
      flush();
      continue;
    }
    // List markers (nested ones too: `1. - a`) start an item; an empty one cannot interrupt a paragraph.
    let body = quoted;
    let item = false;
    for (let marker = listMarker(body); marker && !(paragraph.length > 0 && marker.rest.trim() === ""); marker = listMarker(body)) {
      if (!item) flush();
      item = true;
      if (marker.number) out.push(marker.number);
      body = unquote(marker.rest);
    }
    const fenceChar = body[0] === "`" || body[0] === "~" ? body[0] : "";
    const fenceLength = fenceChar ? runLength(body, fenceChar) : 0;
    if (fenceLength >= 3 && !(fenceChar === "`" && body.slice(fenceLength).includes("`"))) {
      flush();
      out.push(codeFence(lines, fenceChar, fenceLength, body.slice(fenceLength), isQuoted(line)));
      continue;
    }
    const hashes = runLength(body, "#");
    if (hashes >= 1 && hashes <= 6 && (body.length === hashes || body[hashes] === " " || body[hashes] === "\t")) {
      flush();
      let heading = body.slice(hashes).trim();
      const closing = heading.length - runLength([...heading].reverse().join(""), "#");
      if (closing === 0 || heading[closing - 1] === " " || heading[closing - 1] === "\t") heading = heading.slice(0, closing).trim();
      out.push(inlinePlainText(heading));
      continue;
    }
    if (!item && body.includes("|")) {
      const next = lines.peek();
      if (next !== null && isDelimiterRow(unquote(next).trim())) {
        flush();
        lines.next();
        const rows = [tableRow(body)];
        for (let row = lines.peek(); row !== null && read + row.length < budget && unquote(row).includes("|") && unquote(row).trim() !== ""; row = lines.peek()) {
          lines.next();
          read += row.length + 1;
          previewWork.steps += row.length + 1;
          rows.push(tableRow(unquote(row)));
        }
        out.push(rows.filter(Boolean).join("; "));
        continue;
      }
    }
    // A link reference definition (`[id]: https://…`) is not text; it cannot interrupt a paragraph.
    if (!item && paragraph.length === 0 && body[0] === "[" && /^\[[^\]]{1,999}\]:/.test(body.slice(0, 1004))) continue;
    paragraph.push(body);
  }
  flush();
  return cutAtGrapheme(out.text(), max);
}
