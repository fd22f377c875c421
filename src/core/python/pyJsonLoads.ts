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

/** A parse failure; not an Error, so throwing it captures no stack (failures are common input). */
class JsonFail {
  constructor(
    readonly message: string,
    readonly kind: PyJsonFailure = "JSONDecodeError",
  ) {}
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

// JSON.parse gives Python's answer unless the text has a number Python keeps as a float with an
// integral value (`1.0`, `1e2`, `-0.0`), an int beyond 2^53, a key JS would move to the front
// (integer-like), or nesting deep enough for Python's recursion limit. The native parse runs first;
// a walk of its result (not of the text) rules those out, and the character-level parser takes the
// rest.
const INTEGER_LIKE_KEY = /^\d/;
// A float token with an integral value needs digits beside a point or an exponent somewhere.
const FLOAT_SHAPE = /\d[.eE]/;
const FAST_MAX_DEPTH = 500;

/** Flags from walking a natively parsed value: 1 = holds an integral number, 2 = needs the careful parser. */
function inspect(v: unknown, depth: number): number {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return 2; // a literal too long for a double
    if (!Number.isInteger(v)) return 0;
    return Number.isSafeInteger(v) && !Object.is(v, -0) ? 1 : 2;
  }
  if (typeof v !== "object" || v === null) return 0;
  if (depth > FAST_MAX_DEPTH) return 2;
  let flags = 0;
  if (Array.isArray(v)) {
    for (const item of v) {
      flags |= inspect(item, depth + 1);
      if (flags & 2) return 2;
    }
    return flags;
  }
  for (const key in v) {
    if (INTEGER_LIKE_KEY.test(key)) return 2;
    flags |= inspect((v as Record<string, unknown>)[key], depth + 1);
    if (flags & 2) return 2;
  }
  return flags;
}

/** The native parse when it is certain to agree with Python; undefined when the careful parser must decide. */
function fastLoads(text: string): PyParseResult | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const flags = inspect(value, 0);
  // An integral number may have been written `1.0` or `1e2`, which Python keeps as a float.
  if (flags & 2 || (flags & 1 && FLOAT_SHAPE.test(text))) return undefined;
  return { ok: true, value };
}

/** `json.loads(text)`; `{ ok: false }` where Python raises. */
export function pyJsonLoads(text: string): PyParseResult {
  return fastLoads(text) ?? carefulLoads(text);
}

/** The character-level parser alone (exported for tests that compare it with the native path). */
export function carefulLoads(text: string): PyParseResult {
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
