/**
 * Tokenizer for the subset of Python that `ast.literal_eval` can accept, with CPython's line rules
 * for eval mode: one logical line, blank and comment lines ignored, no indentation, brackets join
 * lines, at most 200 nested brackets. Anything outside that subset is a failure, which is all the
 * caller needs (Python raises either SyntaxError or ValueError there).
 */
import { pyNumberFromText } from "./pyJsonLoads";
import { PyOpaque } from "./pyValue";

export type PyLiteralToken =
  | { t: "num"; value: unknown; complex: boolean }
  | { t: "str"; value: string; bytes: boolean }
  | { t: "name"; value: string }
  | { t: "op"; value: string };

/** Not an Error, so throwing it captures no stack: most state strings are prose that fails at once. */
export class LiteralFail {
  constructor(readonly reason: string) {}
}

const MAX_NESTING = 200;
const DIGITS = "[0-9](?:_?[0-9])*";
const POINT_FLOAT = `(?:(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.)`;
const EXPONENT = `[eE][+-]?${DIGITS}`;
const FLOAT = `(?:${POINT_FLOAT}(?:${EXPONENT})?|${DIGITS}${EXPONENT})`;
const NUMBER = new RegExp(
  [
    `(?<imag>(?:${FLOAT}|${DIGITS})[jJ])`,
    `(?<float>${FLOAT})`,
    "(?<radix>0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+)",
    "(?<int>[1-9](?:_?[0-9])*|0+(?:_?0)*)",
  ].join("|"),
  "y",
);
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const IDENT_CHAR = /[A-Za-z0-9_\u0080-\uffff]/;
const LITERAL_NAMES = new Set(["True", "False", "None", "set"]);
const STRING_PREFIXES = new Set(["", "r", "u", "b", "br", "rb", "f", "fr", "rf"]);
const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
};

function decodeEscapes(body: string): string {
  return body.replace(/\\(\n|[0-7]{1,3}|x.{0,2}|u.{0,4}|U.{0,8}|N|[\s\S])?/g, (whole, esc?: string) => {
    if (esc === undefined) throw new LiteralFail("trailing backslash");
    if (esc === "\n") return "";
    const simple = SIMPLE_ESCAPES[esc];
    if (simple !== undefined) return simple;
    const head = esc[0] ?? "";
    if (/[0-7]/.test(head)) return String.fromCodePoint(parseInt(esc, 8));
    const width = head === "x" ? 2 : head === "u" ? 4 : head === "U" ? 8 : 0;
    if (width > 0) {
      const hex = esc.slice(1);
      if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) throw new LiteralFail("bad escape");
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) throw new LiteralFail("escape out of range");
      return String.fromCodePoint(cp);
    }
    if (esc === "N") throw new LiteralFail("named escapes are not supported");
    return whole; // unknown escapes keep their backslash
  });
}

/** Split `source` (already left-stripped of spaces and tabs) into tokens, or throw LiteralFail. */
export function tokenizeLiteral(raw: string): PyLiteralToken[] {
  const src = raw.replace(/\r\n?/g, "\n");
  const tokens: PyLiteralToken[] = [];
  let i = 0;
  let depth = 0;
  let lineStart = true;
  let sawContent = false;

  const readString = (prefix: string): void => {
    const quote = src[i] as string;
    const triple = src.startsWith(quote.repeat(3), i);
    const delim = triple ? quote.repeat(3) : quote;
    let j = i + delim.length;
    for (;;) {
      if (j >= src.length) throw new LiteralFail("unterminated string");
      const c = src[j];
      if (c === "\\") j += 2;
      else if (src.startsWith(delim, j)) break;
      else if (c === "\n" && !triple) throw new LiteralFail("newline in string");
      else j++;
    }
    const body = src.slice(i + delim.length, j);
    i = j + delim.length;
    if (prefix.includes("f")) throw new LiteralFail("f-strings are not literals");
    const bytes = prefix.includes("b");
    if (bytes && /[^\x00-\x7f]/.test(body)) throw new LiteralFail("non-ASCII bytes");
    const raw = prefix.includes("r");
    const value = bytes ? body : raw ? body : decodeEscapes(body);
    tokens.push({ t: "str", value, bytes });
  };

  while (i < src.length) {
    if (lineStart && depth === 0) {
      let col = 0;
      while (i < src.length && (src[i] === " " || src[i] === "\t" || src[i] === "\f")) {
        col = src[i] === "\f" ? 0 : col + 1;
        i++;
      }
      if (i >= src.length) {
        if (col > 0) throw new LiteralFail("unexpected indent");
        break;
      }
      const c = src[i];
      if (c === "\n" || c === "#") {
        while (i < src.length && src[i] !== "\n") i++;
        i++;
        continue;
      }
      if (col > 0 || sawContent) throw new LiteralFail("second statement or indent");
      sawContent = true;
      lineStart = false;
    }
    const c = src[i] as string;
    if (c === " " || c === "\t" || c === "\f") {
      i++;
    } else if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === "\n") {
      i++;
      if (depth === 0) lineStart = true;
    } else if (c === "\\") {
      if (src[i + 1] !== "\n" || i + 2 >= src.length) throw new LiteralFail("bad continuation");
      i += 2;
    } else if (c === "'" || c === '"') {
      readString("");
    } else if ("([{".includes(c)) {
      depth++;
      if (depth > MAX_NESTING) throw new LiteralFail("too many nested parentheses");
      tokens.push({ t: "op", value: c });
      i++;
    } else if (")]}".includes(c)) {
      depth--;
      if (depth < 0) throw new LiteralFail("unmatched bracket");
      tokens.push({ t: "op", value: c });
      i++;
    } else if (",:+-".includes(c)) {
      tokens.push({ t: "op", value: c });
      i++;
    } else if (/[0-9.]/.test(c)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src);
      const groups = m?.groups;
      if (!m || !groups) throw new LiteralFail("bad number");
      i += m[0].length;
      if (i < src.length && IDENT_CHAR.test(src[i] as string)) throw new LiteralFail("bad number");
      const text = m[0].replace(/_/g, "");
      if (groups.imag !== undefined) {
        tokens.push({ t: "num", value: new PyOpaque("complex", `${text}`, true), complex: true });
      } else if (groups.float !== undefined) {
        tokens.push({ t: "num", value: pyNumberFromText(text, true), complex: false });
      } else {
        const n = BigInt(text);
        tokens.push({ t: "num", value: groups.radix !== undefined ? bigToValue(n) : pyNumberFromText(text, false), complex: false });
      }
    } else {
      NAME.lastIndex = i;
      const m = NAME.exec(src);
      if (!m) throw new LiteralFail(`unexpected character ${c}`);
      i += m[0].length;
      const next = src[i];
      if ((next === "'" || next === '"') && STRING_PREFIXES.has(m[0].toLowerCase())) {
        readString(m[0].toLowerCase());
      } else {
        if (i < src.length && IDENT_CHAR.test(src[i] as string)) throw new LiteralFail("name");
        // Only these names can be part of a literal; failing here keeps prose states cheap.
        if (!LITERAL_NAMES.has(m[0])) throw new LiteralFail(`name ${m[0]}`);
        tokens.push({ t: "name", value: m[0] });
      }
    }
  }
  if (depth !== 0) throw new LiteralFail("unclosed bracket");
  return tokens;
}

function bigToValue(n: bigint): unknown {
  const safe = n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER);
  return safe ? Number(n) : n;
}

