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
import { LineReader, codeFence, isDelimiterRow, isQuoted, isRuleOf, isThematicBreak, listMarker, runLength, tableRow, unquote } from "./markdownPreviewBlocks";
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
