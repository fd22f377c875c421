/**
 * Python `str()` / `repr()` / truthiness for JSON-like values, as PostHog's sentiment extraction
 * applies them to content blocks. Internal to the sentiment module (not re-exported).
 *
 * A JS number is printed as a Python int when it is integral (JSON cannot tell `1` from `1.0`),
 * otherwise as a Python float. Printability uses Python 3.11's own table (Unicode 14), not the
 * JS engine's, so a character assigned later is escaped here exactly as PostHog escapes it.
 */
import { isPyPrintable } from "./pythonPrintable";

// Python would raise RecursionError far earlier than a JS stack overflow on pathological nesting;
// we print an ellipsis instead so that callers never see an exception.
const MAX_DEPTH = 500;

export function isPyDict(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function hasOwnKey(dict: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(dict, key);
}

/** Python truthiness: None, False, 0, "", [] and {} are falsy. */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === "number") return value !== 0; // NaN is truthy in Python too
  if (typeof value === "bigint") return value !== 0n;
  if (typeof value === "string") return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/** Python `str(value)`: strings are returned unchanged; containers use repr for their items. */
export function pyStr(value: unknown): string {
  return typeof value === "string" ? value : pyRepr(value);
}

/** Python `repr(value)` for JSON-like values. */
export function pyRepr(value: unknown): string {
  return reprValue(value, new Set<object>(), 0);
}

function reprValue(value: unknown, ancestors: Set<object>, depth: number): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string") return pyReprString(value);
  if (typeof value === "number") return pyNumberStr(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return "None";
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? "[...]" : "{...}";
  // Python prints a container that contains itself as [...] / {...}.
  if (ancestors.has(value)) return Array.isArray(value) ? "[...]" : "{...}";
  ancestors.add(value);
  let out: string;
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(reprValue(value[i], ancestors, depth + 1));
    out = `[${items.join(", ")}]`;
  } else {
    const dict = value as Record<string, unknown>;
    const items = Object.keys(dict).map(
      (key) => `${pyReprString(key)}: ${reprValue(dict[key], ancestors, depth + 1)}`,
    );
    out = `{${items.join(", ")}}`;
  }
  ancestors.delete(value);
  return out;
}

/** Python `repr(str)`: quote choice, backslash escapes and printability rules. */
export function pyReprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x7f || isPyPrintable(cp)) out += ch;
    else if (cp < 0x100) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + quote;
}

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, "0");
}

/** `str()` of a JSON number: integral values as Python ints, the rest as Python floats. */
export function pyNumberStr(value: number): string {
  if (Number.isInteger(value)) {
    return Math.abs(value) < 1e21 ? String(value === 0 ? 0 : value) : BigInt(value).toString();
  }
  return pyFloatRepr(value);
}

/**
 * Python `repr(float)`: the shortest round-tripping digits (the same digits JS picks), laid out
 * in fixed notation for decimal exponents -4 < e <= 16 and in scientific notation otherwise.
 */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const sign = value < 0 ? "-" : "";
  const [coef = "", expText] = String(Math.abs(value)).split("e");
  const dot = coef.indexOf(".");
  const intPart = dot < 0 ? coef : coef.slice(0, dot);
  let digits = intPart + (dot < 0 ? "" : coef.slice(dot + 1));
  // value = 0.<digits> × 10^decpt
  let decpt = intPart.length + (expText === undefined ? 0 : Number(expText));
  const leading = digits.length - digits.replace(/^0+/, "").length;
  digits = digits.slice(leading).replace(/0+$/, "");
  decpt -= leading;
  if (decpt > 16 || decpt < -3) {
    const exp = decpt - 1;
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${"0".repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}
