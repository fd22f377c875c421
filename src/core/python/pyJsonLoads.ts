/**
 * Python's `json.loads`: keeps what `JSON.parse` loses. `1.0` stays a float (PyFloat), big ints
 * keep every digit (bigint), `NaN`/`Infinity`/`-Infinity` are accepted, and a repeated key keeps
 * its first position with the last value (PyDict).
 */
import { PY_MAX_DEPTH, PyDict, PyFloat } from "./pyValue";

/** The exception Python's json.loads raises: JSONDecodeError, or the ValueError / RecursionError around it. */
export type PyJsonFailure = "JSONDecodeError" | "ValueError" | "RecursionError";

export type PyParseResult = { ok: true; value: unknown } | { ok: false; error?: PyJsonFailure };

/** Python 3.11 refuses to convert ints longer than this many digits. */
export const PY_INT_MAX_DIGITS = 4300;

class JsonFail extends Error {
  constructor(
    message: string,
    readonly kind: PyJsonFailure = "JSONDecodeError",
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const SIMPLE_CHARS = /[^"\\\u0000-\u001f]*/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Turn the digits Python's scanner matched into an int or float value. */
export function pyNumberFromText(text: string, isFloat: boolean): unknown {
  if (isFloat) {
    const x = Number(text);
    return Number.isInteger(x) || Object.is(x, -0) ? new PyFloat(x) : x;
  }
  const digits = text.replace(/^[-+]/, "");
  if (digits.length > PY_INT_MAX_DIGITS) throw new JsonFail("int too long", "ValueError");
  const n = BigInt(text);
  const small = n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER);
  return small ? Number(n) : n;
}

/** `json.loads(text)`; `{ ok: false }` where Python raises. */
export function pyJsonLoads(text: string): PyParseResult {
  let i = 0;
  const ws = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") break;
      i++;
    }
  };

  const parseString = (): string => {
    i++; // opening quote
    const parts: string[] = [];
    for (;;) {
      SIMPLE_CHARS.lastIndex = i;
      const m = SIMPLE_CHARS.exec(text);
      if (m && m[0].length > 0) {
        parts.push(m[0]);
        i += m[0].length;
      }
      const c = text[i];
      if (c === '"') {
        i++;
        return parts.join("");
      }
      if (c !== "\\") throw new JsonFail("bad string"); // end of text or a raw control char
      const e = text[i + 1];
      if (e === "u") {
        const hexText = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hexText)) throw new JsonFail("bad \\u");
        parts.push(String.fromCharCode(parseInt(hexText, 16)));
        i += 6;
      } else {
        const rep = e === undefined ? undefined : ESCAPES[e];
        if (rep === undefined) throw new JsonFail("bad escape");
        parts.push(rep);
        i += 2;
      }
    }
  };

  /** After an item: true at the closing bracket, false after a comma; anything else fails. */
  const endOfItem = (close: string): boolean => {
    ws();
    const c = text[i];
    if (c !== "," && c !== close) throw new JsonFail(`expected , or ${close}`);
    i++;
    return c === close;
  };

  const parseValue = (depth: number): unknown => {
    if (depth > PY_MAX_DEPTH) throw new JsonFail("too deep", "RecursionError");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const d = new PyDict();
      ws();
      if (text[i] === "}") {
        i++;
        return d;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new JsonFail("key");
        const key = parseString();
        ws();
        if (text[i] !== ":") throw new JsonFail("colon");
        i++;
        d.set(key, parseValue(depth + 1));
        if (endOfItem("}")) return d;
      }
    }
    if (c === "[") {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        if (endOfItem("]")) return arr;
      }
    }
    if (c === '"') return parseString();
    for (const [word, value] of WORDS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) throw new JsonFail("value");
    i += m[0].length;
    return pyNumberFromText(m[0], m[1] !== undefined || m[2] !== undefined);
  };

  try {
    const value = parseValue(0);
    ws();
    if (i !== text.length) return { ok: false, error: "JSONDecodeError" };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof JsonFail) return { ok: false, error: e.kind };
    throw e;
  }
}

const WORDS: ReadonlyArray<readonly [string, unknown]> = [
  ["null", null],
  ["true", true],
  ["false", false],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
];
