/**
 * GFM's extended autolinks (GFM spec 0.29-gfm, section 6.9 "Autolinks (extension)"): `www.` names,
 * bare http(s) URLs and email addresses (with optional `mailto:`/`xmpp:`) in text become links.
 * Runs over inline tokens after markdown-it's inline pass, outside links. Every scan is bounded
 * (domains by DNS's 253 characters, a failed email at the next `@`), so hostile text stays linear.
 */
import type { MarkdownIt, Token } from "markdown-it";

const MAX_DOMAIN = 253;
/** Trailing characters never part of an autolink (the spec's list, plus quotes as cmark-gfm does). */
const TRAILING = "?!.,:*_~'\"";
/** A `www.` link starts at a line start, after whitespace, or after one of these. */
const WWW_BOUNDARY = "*_~(";

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
const isAlpha = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);
const isAlnum = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9]$/.test(c);
/** Letters and digits of any script count in domains, as in cmark-gfm. */
const isHostChar = (c: string | undefined) => c !== undefined && (isAlnum(c) || (c.charCodeAt(0) >= 0x80 && /[\p{L}\p{N}]/u.test(c)));

/** Length of a valid domain at `start` (segments of host characters, `-` and `_`; no `_` in the last two), or 0. */
function domainLength(s: string, start: number, needDot: boolean): number {
  let dots = 0;
  let underscoresLast = 0;
  let underscoresBefore = 0;
  let i = start;
  const end = Math.min(s.length, start + MAX_DOMAIN);
  for (; i < end; i++) {
    const c = s[i];
    if (c === "_") underscoresLast++;
    else if (c === ".") {
      // A dot must be followed by another host character to belong to the domain.
      if (!isHostChar(s[i + 1]) && s[i + 1] !== "-" && s[i + 1] !== "_") break;
      underscoresBefore = underscoresLast;
      underscoresLast = 0;
      dots++;
    } else if (!isHostChar(c) && c !== "-") break;
  }
  if (i === start || underscoresBefore > 0 || underscoresLast > 0) return 0;
  return needDot && dots === 0 ? 0 : i - start;
}

/** The end of a link at `start..end` after GFM's trailing-punctuation, parenthesis and entity rules. */
function trimLinkEnd(s: string, start: number, end: number): number {
  let opens = 0;
  let closes = 0;
  for (let i = start; i < end; i++) {
    if (s[i] === "(") opens++;
    else if (s[i] === ")") closes++;
  }
  while (end > start) {
    const last = s[end - 1] as string;
    if (TRAILING.includes(last)) end--;
    else if (last === ";") {
      // `&name;` at the end looks like an entity reference and is left out whole.
      let k = end - 2;
      while (k > start && isAlnum(s[k])) k--;
      end = k < end - 2 && s[k] === "&" ? k : end - 1;
    } else if (last === ")" && closes > opens) {
      closes--;
      end--;
    } else break;
  }
  return end;
}

/** The non-space, non-`<` run from `from`. */
function bodyEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && !isSpace(s[i]) && s[i] !== "<") i++;
  return i;
}

interface Match {
  start: number;
  end: number;
  href: string;
}

function matchWww(s: string, i: number, boundary: boolean): Match | null {
  if (!boundary || !s.startsWith("www.", i)) return null;
  const domain = domainLength(s, i, false);
  if (!domain) return null;
  const end = trimLinkEnd(s, i, bodyEnd(s, i + domain));
  return end > i + 4 ? { start: i, end, href: `http://${s.slice(i, end)}` } : null;
}

function matchUrl(s: string, i: number): Match | null {
  const scheme = /^https?:\/\//i.exec(s.slice(i, i + 8));
  if (!scheme || isAlpha(s[i - 1])) return null;
  const domainStart = i + scheme[0].length;
  const domain = domainLength(s, domainStart, false);
  if (!domain) return null;
  const end = trimLinkEnd(s, i, bodyEnd(s, domainStart + domain));
  return end > domainStart ? { start: i, end, href: s.slice(i, end) } : null;
}

const LOCAL = /[A-Za-z0-9.+\-_]/;

/** An email address around the `@` at `at`, with an optional `mailto:` or `xmpp:` (and xmpp resource) around it. */
function matchEmail(s: string, at: number, floor: number): Match | null {
  let start = at;
  while (start > floor && LOCAL.test(s[start - 1] as string)) start--;
  if (start === at) return null;
  let scheme = "";
  for (const candidate of ["mailto:", "xmpp:"]) {
    if (start - candidate.length >= floor && s.slice(start - candidate.length, start).toLowerCase() === candidate) scheme = candidate;
  }
  let end = at + 1;
  let dots = 0;
  for (; end < s.length; end++) {
    const c = s[end];
    if (isAlnum(c) || c === "-" || c === "_") continue;
    if (c === "." && isAlnum(s[end + 1])) {
      dots++;
      continue;
    }
    break;
  }
  const last = s[end - 1];
  if (end === at + 1 || dots === 0 || !(isAlpha(last) || last === ".")) return null;
  if (scheme === "xmpp:" && s[end] === "/") {
    let r = end + 1;
    while (r < s.length && (isAlnum(s[r]) || s[r] === "@" || s[r] === ".")) r++;
    if (r > end + 1) end = r;
  }
  end = trimLinkEnd(s, start, end);
  if (end <= at + 1) return null;
  const from = start - scheme.length;
  const text = s.slice(from, end);
  return { start: from, end, href: scheme ? text : `mailto:${text}` };
}

/** Every autolink in `s`, left to right, not overlapping. */
export function findAutolinks(s: string, startsAtBoundary: boolean): Match[] {
  const found: Match[] = [];
  let floor = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    let match: Match | null = null;
    if (c === "w") match = matchWww(s, i, i === 0 ? startsAtBoundary : isSpace(s[i - 1]) || WWW_BOUNDARY.includes(s[i - 1] as string));
    else if (c === "h" || c === "H") match = matchUrl(s, i);
    else if (c === "@") match = matchEmail(s, i, floor);
    if (match && match.start >= floor) {
      found.push(match);
      floor = match.end;
      i = match.end - 1;
    }
  }
  return found;
}

/** Joins adjacent text tokens (escapes and entities arrive as their own), as markdown-it's text_join does. */
export function joinText(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.type === "text_special") token.type = "text";
    const previous = out[out.length - 1];
    if (token.type === "text" && previous?.type === "text") previous.content += token.content;
    else out.push(token);
  }
  return out;
}

/** Whether the text after `token` starts where a `www.` link may (line start, after space or `*_~`). */
function boundaryAfter(token: Token | undefined): boolean {
  if (!token) return true;
  if (token.type === "softbreak" || token.type === "hardbreak") return true;
  return /^(em|strong|s)_(open|close)$/.test(token.type);
}

/** Inline tokens with GFM autolinks turned into link tokens; text inside links and images is left alone. */
export function autolinkTokens(md: MarkdownIt, tokens: Token[], TokenClass: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token): Token[] {
  const out: Token[] = [];
  let inLink = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as Token;
    if (token.type === "link_open") inLink++;
    if (token.type === "link_close") inLink--;
    const matches = token.type === "text" && inLink === 0 ? findAutolinks(token.content, boundaryAfter(tokens[t - 1])) : [];
    if (matches.length === 0) {
      out.push(token);
      continue;
    }
    let at = 0;
    const text = (content: string) => {
      const piece = new TokenClass("text", "", 0);
      piece.content = content;
      return piece;
    };
    for (const match of matches) {
      if (match.start > at) out.push(text(token.content.slice(at, match.start)));
      const open = new TokenClass("link_open", "a", 1);
      open.attrs = [["href", md.normalizeLink(match.href)]];
      open.markup = "linkify";
      open.info = "auto";
      const close = new TokenClass("link_close", "a", -1);
      close.markup = "linkify";
      close.info = "auto";
      out.push(open, text(token.content.slice(match.start, match.end)), close);
      at = match.end;
    }
    if (at < token.content.length) out.push(text(token.content.slice(at)));
  }
  return out;
}
