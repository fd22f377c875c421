/**
 * Cuts a markdown text into sections that parse to exactly what the whole text would, so each can be
 * parsed and drawn in its own slice of work. A cut goes only before a line that starts a new top-level
 * block whatever precedes it: after a blank line, outside fenced code, at a line that starts at column 0
 * with something other than a list marker or `>` (so loose lists and quotes stay whole). A text with
 * link reference definitions is not cut (a definition may be used anywhere in the text).
 */

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const CONTINUES = /^(?:[-*+][ \t]|[-*+]$|\d{1,9}[.)](?:[ \t]|$)|>|[ \t])/;

export interface MarkdownSection {
  text: string;
}

/** Sections of about `target` characters (a section without a cut point runs on until one). */
export function markdownSections(text: string, target: number): MarkdownSection[] {
  const source = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  // A definition's label may span lines or sit in a quote: any "]:" counts, to be sure.
  if (source.length <= target || source.includes("]:")) return [{ text: source }];
  const lines = source.split("\n");
  const sections: MarkdownSection[] = [];
  let start = 0;
  let chars = 0;
  let fence: { char: string; length: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = null;
    } else {
      if (chars >= target && i > start && line !== "" && !CONTINUES.test(line) && lines[i - 1]!.trim() === "") {
        sections.push({ text: lines.slice(start, i).join("\n") });
        start = i;
        chars = 0;
      }
      const open = FENCE_OPEN.exec(line);
      // A backtick fence's info string may not hold a backtick (then it is not a fence).
      if (open && !(open[1]![0] === "`" && open[2]!.includes("`"))) fence = { char: open[1]![0]!, length: open[1]!.length };
    }
    chars += line.length + 1;
  }
  sections.push({ text: lines.slice(start).join("\n") });
  return sections;
}
