/**
 * Markdown parsing for SafeMarkdown: markdown-it (CommonMark) with raw HTML off, plus GFM tables and
 * strikethrough (markdown-it's own), task list items and extended autolinks (ours). The block pass runs
 * over the whole text; each block's inline pass runs when that block is first drawn, so a long answer's
 * parse is spread over the renders that draw it. Only the renderer (markdownRender.tsx) turns tokens into
 * elements, and it alone decides what a URL may become.
 */
import MarkdownIt, { type Env, type Token } from "markdown-it";
import { autolinkTokens, joinText } from "./markdownAutolink";
import { gfmStrikethrough } from "./markdownStrikethrough";

/** Deepest nesting of blocks (quotes, lists) and of inline markup; a block that goes deeper is shown as plain text. */
export const MD_MAX_NESTING = 32;
/** Longest inline content (one paragraph, heading or cell) given inline formatting; longer content is shown as text. */
export const MD_MAX_INLINE_CHARS = 20_000;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, maxNesting: MD_MAX_NESTING });
// The renderer is the single gate for URLs (links, images): markdown-it's own filter would leave a
// refused link as raw source text, where the renderer shows its words and names the address.
md.validateLink = () => true;
// Inline parsing happens per block, on demand (inlineOf); the other core rules are not wanted
// (linkify: GFM autolinks are ours; typographer off; text_join done in joinText).
md.core.ruler.disable(["inline", "linkify", "replacements", "smartquotes", "text_join"]);
gfmStrikethrough(md);

const TokenClass = new md.core.State("", md, {}).Token as unknown as new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

export interface MarkdownTask {
  checked: boolean;
}

/** One top-level block: its tokens `[start, end)`, and the source lines it came from. */
export interface MarkdownBlock {
  start: number;
  end: number;
  lines: [number, number];
  /** Nesting reached the limit: markdown-it stops there, so the block is shown as its source text. */
  tooDeep: boolean;
}

export interface MarkdownDocument {
  tokens: Token[];
  blocks: MarkdownBlock[];
  /** The source split in lines, for blocks shown as text. */
  lines: string[];
  env: Env;
}

const TASK = /^\[([ \txX])\](?=[ \t\n]|$)/;

/** GFM task list items (spec 5.3): `[ ]` / `[x]` opening an item's first paragraph becomes a checkbox. */
function markTasks(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.type !== "list_item_open" || tokens[i + 1]!.type !== "paragraph_open") continue;
    const inline = tokens[i + 2]!;
    const marker = inline.type === "inline" ? TASK.exec(inline.content) : null;
    if (!marker) continue;
    inline.content = inline.content.slice(3);
    inline.meta = { ...inline.meta, task: { checked: marker[1] !== " " && marker[1] !== "\t" } satisfies MarkdownTask };
  }
}

function blocksOf(tokens: Token[], lineCount: number): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let start = 0;
  let tooDeep = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.nesting === 1 && token.level >= MD_MAX_NESTING - 1) tooDeep = true;
    // A top-level block ends where the level returns to 0 (its close token, or a leaf at level 0).
    if (token.level === 0 && token.nesting !== 1) {
      const first = tokens[start]!;
      const from = first.map?.[0] ?? blocks[blocks.length - 1]?.lines[1] ?? 0;
      const to = first.map?.[1] ?? from;
      blocks.push({ start, end: i + 1, lines: [from, Math.min(to, lineCount)], tooDeep });
      start = i + 1;
      tooDeep = false;
    }
  }
  return blocks;
}

/** The block pass over the whole text (fast, linear); inline content is parsed later by `inlineOf`. */
export function parseMarkdown(source: string): MarkdownDocument {
  const env: Env = {};
  const tokens = md.parse(source, env);
  markTasks(tokens);
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  return { tokens, blocks: blocksOf(tokens, lines.length), lines, env };
}

/**
 * The inline tokens of one `inline` block token, parsed on first use (references come from the
 * document's env, filled by the block pass). Over MD_MAX_INLINE_CHARS: null, shown as text.
 */
export function inlineOf(doc: MarkdownDocument, token: Token): Token[] | null {
  if (token.content.length > MD_MAX_INLINE_CHARS) return null;
  const meta = (token.meta ??= {}) as { parsed?: Token[] };
  if (!meta.parsed) {
    const children: Token[] = [];
    md.inline.parse(token.content, md, doc.env, children);
    meta.parsed = autolinkTokens(md, joinText(children), TokenClass);
  }
  return meta.parsed;
}

/** A fence's language: the first word of its info string, with escapes and entities resolved. */
export function fenceLanguage(token: Token): string {
  const info = token.info ? md.utils.unescapeAll(token.info).trim() : "";
  return info.split(/\s+/)[0] ?? "";
}
