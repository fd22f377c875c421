/**
 * Block markdown: fenced code, ATX headings, rules, quotes, lists, GFM tables and paragraphs
 * (line breaks kept, as PostHog shows them). Line-based and linear; only anchored prefix
 * regexes, so no input can make it backtrack. Deeper nesting than MD_MAX_DEPTH stays text.
 */
import { parseInline } from "./markdownInline";
import { MD_MAX_DEPTH, type MdBlock, type MdInline } from "./markdownTypes";

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const RULE = /^ {0,3}([-*_])[ \t]*\1[ \t]*\1[-*_ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])[ \t]+/;
const DELIMITER_CELL = /^:?-+:?$/;

const blank = (line: string) => line.trim() === "";

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

function tableAt(lines: readonly string[], i: number): boolean {
  const head = lines[i] as string;
  const delimiter = lines[i + 1];
  if (delimiter === undefined || !head.includes("|") || !delimiter.includes("-")) return false;
  const cells = splitRow(delimiter);
  return cells.length > 0 && cells.every((cell) => DELIMITER_CELL.test(cell)) && splitRow(head).length === cells.length;
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || /^ {0,3}([-*+]|1[.)])[ \t]+\S/.test(line);
}

function headingText(line: string, hashes: number): string {
  let text = line.trim().slice(hashes).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  if (end < text.length && (end === 0 || text[end - 1] === " ")) text = text.slice(0, end).trim();
  return text;
}

function paragraph(lines: string[]): MdBlock {
  return { t: "p", c: parseInline(lines.map((line) => line.trim()).join("\n")) };
}

function list(lines: readonly string[], start: number, depth: number): { block: MdBlock; next: number } {
  const first = ITEM.exec(lines[start] as string) as RegExpExecArray;
  const ordered = /\d/.test(first[2] as string);
  const baseIndent = (first[1] as string).length;
  const items: string[][] = [];
  let current: string[] = [];
  let width = 0;
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as string;
    const item = ITEM.exec(line);
    const sibling = item && /\d/.test(item[2] as string) === ordered && (item[1] as string).length <= baseIndent + 1;
    if (sibling || i === start) {
      const match = (item ?? first) as RegExpExecArray;
      current = [line.slice(match[0].length)];
      width = match[0].length;
      items.push(current);
    } else if (blank(line)) {
      const next = lines[i + 1];
      if (next === undefined || (!next.startsWith(" ".repeat(width)) && !ITEM.test(next))) break;
      current.push("");
    } else if (line.startsWith(" ".repeat(Math.min(width, 4))) || (!startsBlock(line) && !blank(lines[i - 1] ?? ""))) {
      current.push(line.startsWith(" ".repeat(width)) ? line.slice(width) : line.trimStart());
    } else break;
    i++;
  }
  const startNumber = ordered ? Number.parseInt(first[2] as string, 10) : 1;
  return { block: { t: "list", ordered, start: startNumber, items: items.map((item) => parseBlocks(item, depth + 1)) }, next: i };
}

function table(lines: readonly string[], start: number): { block: MdBlock; next: number } {
  const align = splitRow(lines[start + 1] as string).map((cell) =>
    cell.startsWith(":") && cell.endsWith(":") ? "center" : cell.endsWith(":") ? "right" : cell.startsWith(":") ? "left" : null,
  );
  const head = splitRow(lines[start] as string).map((cell) => parseInline(cell));
  const rows: MdInline[][][] = [];
  let i = start + 2;
  while (i < lines.length && !blank(lines[i] as string) && (lines[i] as string).includes("|")) {
    const cells = splitRow(lines[i] as string);
    rows.push(align.map((_, c) => parseInline(cells[c] ?? "")));
    i++;
  }
  return { block: { t: "table", align, head, rows }, next: i };
}

/** Parses lines into blocks. */
export function parseBlocks(lines: readonly string[], depth = 0): MdBlock[] {
  const blocks: MdBlock[] = [];
  if (depth >= MD_MAX_DEPTH) {
    const text = lines.join("\n");
    return text.trim() ? [{ t: "p", c: [{ t: "text", v: text }] }] : [];
  }
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (blank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence && !((fence[1] as string)[0] === "`" && (fence[2] as string).includes("`"))) {
      const marker = fence[1] as string;
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const candidate = (lines[i] as string).trim();
        if (candidate.startsWith(marker) && candidate.split("").every((c) => c === marker[0])) break;
        body.push(lines[i] as string);
        i++;
      }
      i++;
      blocks.push({ t: "code", lang: (fence[2] as string).trim().split(/\s/)[0] ?? "", v: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = (heading[1] as string).length;
      blocks.push({ t: "h", level, c: parseInline(headingText(line, level)) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ t: "hr" });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] as string)) {
        body.push((lines[i] as string).replace(QUOTE, ""));
        i++;
      }
      blocks.push({ t: "quote", c: parseBlocks(body, depth + 1) });
      continue;
    }
    if (ITEM.test(line)) {
      const { block, next } = list(lines, i, depth);
      blocks.push(block);
      i = next;
      continue;
    }
    if (tableAt(lines, i)) {
      const { block, next } = table(lines, i);
      blocks.push(block);
      i = next;
      continue;
    }
    const body: string[] = [line];
    i++;
    while (i < lines.length && !blank(lines[i] as string) && !startsBlock(lines[i] as string) && !tableAt(lines, i)) {
      body.push(lines[i] as string);
      i++;
    }
    blocks.push(paragraph(body));
  }
  return blocks;
}

/** Parses a markdown text. */
export function parseMarkdown(text: string): MdBlock[] {
  return parseBlocks(text.replace(/\r\n?/g, "\n").split("\n"));
}

/**
 * Whether a text is worth rendering as markdown (headings, lists, quotes, fences, emphasis,
 * links, code). Only the first 20,000 characters are looked at.
 */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.length > 20_000 ? text.slice(0, 20_000) : text;
  return (
    /^ {0,3}(#{1,6} |[-*+] |\d{1,9}[.)] |> |```|~~~|\|)/m.test(head) ||
    head.includes("**") ||
    head.includes("__") ||
    head.includes("](") ||
    head.includes("~~") ||
    /`[^`\n]+`/.test(head)
  );
}
