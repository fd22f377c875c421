/**
 * Inline markdown (code spans, emphasis, strikethrough, links, images, autolinks, hard breaks).
 * Linear time: every search for a closing token goes through a per-token cache that only moves
 * forward, so hostile input such as 50,000 unmatched `[` or `*` costs one pass.
 */
import { MD_MAX_DEPTH, type MdInline } from "./markdownTypes";

class NextFinder {
  private readonly cache = new Map<string, number>();
  constructor(private readonly text: string) {}
  /** First index of `token` at or after `from`, or -1. */
  find(token: string, from: number): number {
    const cached = this.cache.get(token);
    if (cached !== undefined && (cached === -1 || cached >= from)) return cached;
    const found = this.text.indexOf(token, from);
    this.cache.set(token, found);
    return found;
  }
}

const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const isSpace = (ch: string | undefined) => ch === undefined || ch === " " || ch === "\t" || ch === "\n";
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

function pushText(out: MdInline[], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last?.t === "text") last.v += text;
  else out.push({ t: "text", v: text });
}

/** `(url "title")` after a `]`: the destination and where the construct ends. */
function destination(text: string, open: number, finder: NextFinder): { url: string; end: number } | null {
  if (text[open] !== "(") return null;
  const close = finder.find(")", open + 1);
  if (close < 0 || close - open > 4096) return null;
  const inner = text.slice(open + 1, close).trim();
  if (inner.includes("\n")) return null;
  const space = inner.search(/\s/);
  const url = space < 0 ? inner : inner.slice(0, space);
  return { url: url.startsWith("<") && url.endsWith(">") ? url.slice(1, -1) : url, end: close + 1 };
}

function bareUrlEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && !isSpace(text[end]) && text[end] !== "<") end++;
  while (end > start && ".,;:!?)'\"*_".includes(text[end - 1] as string)) end--;
  return end;
}

/** Parses inline markdown into nodes; `depth` bounds recursion into emphasis and link text. */
export function parseInline(text: string, depth = 0): MdInline[] {
  const out: MdInline[] = [];
  if (depth >= MD_MAX_DEPTH) {
    pushText(out, text);
    return out;
  }
  const finder = new NextFinder(text);
  let i = 0;
  let plainStart = 0;
  const flush = (to: number) => {
    pushText(out, text.slice(plainStart, to));
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "\\" && i + 1 < text.length && PUNCTUATION.includes(text[i + 1] as string)) {
      flush(i);
      pushText(out, text[i + 1] as string);
      i += 2;
      plainStart = i;
      continue;
    }
    if (ch === "\n") {
      flush(i);
      out.push({ t: "br" });
      i += 1;
      plainStart = i;
      continue;
    }
    if (ch === "`") {
      let run = 1;
      while (text[i + run] === "`") run++;
      const fence = "`".repeat(run);
      const close = finder.find(fence, i + run);
      if (close > 0) {
        flush(i);
        out.push({ t: "code", v: text.slice(i + run, close).replace(/^ (.*) $/s, "$1") });
        i = close + run;
        plainStart = i;
      } else i += run;
      continue;
    }
    if (ch === "!" && text[i + 1] === "[") {
      const close = finder.find("]", i + 2);
      const dest = close > 0 && close - i < 1024 ? destination(text, close + 1, finder) : null;
      if (dest) {
        flush(i);
        out.push({ t: "image", src: dest.url, alt: text.slice(i + 2, close) });
        i = dest.end;
        plainStart = i;
        continue;
      }
      i += 1;
      continue;
    }
    if (ch === "[") {
      const close = finder.find("]", i + 1);
      const dest = close > 0 && close - i < 1024 ? destination(text, close + 1, finder) : null;
      if (dest) {
        flush(i);
        out.push({ t: "link", href: dest.url, c: parseInline(text.slice(i + 1, close), depth + 1) });
        i = dest.end;
        plainStart = i;
        continue;
      }
      i += 1;
      continue;
    }
    if (ch === "<" && (text.startsWith("http://", i + 1) || text.startsWith("https://", i + 1))) {
      const close = finder.find(">", i + 1);
      const url = close > 0 ? text.slice(i + 1, close) : "";
      if (url && !/\s/.test(url)) {
        flush(i);
        out.push({ t: "link", href: url, c: [{ t: "text", v: url }] });
        i = close + 1;
        plainStart = i;
        continue;
      }
    }
    if (ch === "h" && !isWordChar(text[i - 1]) && (text.startsWith("http://", i) || text.startsWith("https://", i))) {
      const end = bareUrlEnd(text, i);
      if (end > i + 8) {
        flush(i);
        const url = text.slice(i, end);
        out.push({ t: "link", href: url, c: [{ t: "text", v: url }] });
        i = end;
        plainStart = i;
        continue;
      }
    }
    if (ch === "*" || ch === "_" || (ch === "~" && text[i + 1] === "~")) {
      const double = text[i + 1] === ch;
      const token = double ? ch + ch : ch;
      const opensWord = ch === "_" && isWordChar(text[i - 1]);
      if (!opensWord && !isSpace(text[i + token.length])) {
        const close = finder.find(token, i + token.length);
        const validClose =
          close > i + token.length &&
          !isSpace(text[close - 1]) &&
          !(ch === "_" && isWordChar(text[close + token.length])) &&
          (ch !== "~" || double);
        if (validClose) {
          flush(i);
          const kind = ch === "~" ? "del" : double ? "strong" : "em";
          out.push({ t: kind, c: parseInline(text.slice(i + token.length, close), depth + 1) });
          i = close + token.length;
          plainStart = i;
          continue;
        }
      }
      i += token.length;
      continue;
    }
    i += 1;
  }
  flush(text.length);
  return out;
}
