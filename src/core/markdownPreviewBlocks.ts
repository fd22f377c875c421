/**
 * The block half of `markdownPreview`: lines, container marks (quotes, list markers), thematic breaks,
 * GFM tables and code fences. Each helper looks at one line, or (fences, tables) reads on through the
 * lines it owns, so the whole pass stays linear.
 */
import { inlinePlainText } from "./markdownPreviewInline";
import { previewWork } from "./markdownPreviewWork";

/** Lines of the input (line ends already `\n`), read on demand. */
export class LineReader {
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
export function unquote(line: string): string {
  let i = leadingBlanks(line);
  while (line[i] === ">") i = leadingBlanks(line, i + 1);
  return line.slice(i);
}

/** The run of `char` at the start of `text`. */
export function runLength(text: string, char: string): number {
  let n = 0;
  while (n < text.length && text[n] === char) n++;
  return n;
}

/** Only `char`s and blanks, at least `min` of the former. */
export function isRuleOf(text: string, char: string, min: number): boolean {
  let count = 0;
  for (const c of text) {
    if (c === char) count++;
    else if (c !== " " && c !== "\t") return false;
  }
  return count >= min;
}

export function isThematicBreak(text: string): boolean {
  return isRuleOf(text, "*", 3) || isRuleOf(text, "-", 3) || isRuleOf(text, "_", 3);
}

/** A GFM table's delimiter row (`| --- | :-: |`). */
export function isDelimiterRow(text: string): boolean {
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
export function tableRow(text: string): string {
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
export function listMarker(text: string): { rest: string; number: string } | null {
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

export function isQuoted(line: string): boolean {
  return line[leadingBlanks(line)] === ">";
}

/**
 * "[code: python, 12 lines]" for a fence of `length` × `char`, reading (and counting) up to its closing
 * fence; a fence opened in a blockquote also ends where the quote does.
 */
export function codeFence(lines: LineReader, char: string, length: number, info: string, quoted: boolean): string {
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
