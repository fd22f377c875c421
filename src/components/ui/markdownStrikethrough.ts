/**
 * GFM strikethrough (GFM spec 0.29-gfm, section 6.5): text between a matching pair of one or two
 * tildes. markdown-it's own rule takes only `~~` and strikes inside `~~~x~~~`; this one follows GFM:
 * runs of one or two tildes are delimiters that pair only with a run of the same length (a distinct
 * marker for each length keeps markdown-it's pairing from mixing them), and longer runs stay text.
 */
import type { MarkdownIt, StateInline } from "markdown-it";

const TILDE = 0x7e;
/** Pairing marker of a `~~` run; a single `~` pairs under TILDE. */
const DOUBLE = 0x7e7e;

function tokenize(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== TILDE) return false;
  const scanned = state.scanDelims(state.pos, true);
  const run = state.src.slice(state.pos, state.pos + scanned.length);
  const token = state.push("text", "", 0);
  token.content = run;
  if (scanned.length <= 2) {
    state.delimiters.push({
      marker: scanned.length === 1 ? TILDE : DOUBLE,
      length: 0,
      token: state.tokens.length - 1,
      end: -1,
      open: scanned.can_open,
      close: scanned.can_close,
    });
  }
  state.pos += scanned.length;
  return true;
}

function pairUp(state: StateInline, delimiters: StateInline["delimiters"]): void {
  for (const start of delimiters) {
    if ((start.marker !== TILDE && start.marker !== DOUBLE) || start.end === -1) continue;
    const end = delimiters[start.end]!;
    const markup = start.marker === TILDE ? "~" : "~~";
    const open = state.tokens[start.token]!;
    open.type = "s_open";
    open.tag = "s";
    open.nesting = 1;
    open.markup = markup;
    open.content = "";
    const close = state.tokens[end.token]!;
    close.type = "s_close";
    close.tag = "s";
    close.nesting = -1;
    close.markup = markup;
    close.content = "";
  }
}

function postProcess(state: StateInline): boolean {
  pairUp(state, state.delimiters);
  for (const meta of state.tokens_meta) if (meta?.delimiters) pairUp(state, meta.delimiters);
  return false;
}

/** Replaces markdown-it's strikethrough with GFM's. */
export function gfmStrikethrough(md: MarkdownIt): void {
  md.inline.ruler.at("strikethrough", tokenize);
  md.inline.ruler2.at("strikethrough", postProcess);
}
