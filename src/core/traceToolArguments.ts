/**
 * When two tool calls have "the same" or "near-same" arguments.
 *
 * Arguments arrive as JSON strings (OpenAI), objects (Anthropic, LangChain), or Python reprs
 * (posthog-python writes span states with `repr`: `{'path': 'a.py'}`); all are parsed first.
 *
 * - **Same** (`"exact"` key): equal after parsing, with object keys sorted and whitespace outside
 *   strings ignored. `{"b":1, "a":"x"}` and `{'a': 'x', 'b': 1}` are the same.
 * - **Near-same** (`"near"` key): equal after also
 *   - replacing every number with `#` (page 2 and page 3 of the same search are near-same);
 *   - dropping fields that only make a call unique: keys such as `request_id`, `trace_id`,
 *     `idempotency_key`, `nonce`, `timestamp` (see `VOLATILE_KEYS`; matched case- and
 *     separator-insensitively);
 *   - inside strings: lower-casing, trimming and collapsing whitespace, and replacing ISO-8601
 *     date-times that carry a time with `<time>` and standalone runs of 10+ digits (epoch times) with `#`.
 *   Entity ids (UUIDs, `order_id` values) and bare dates are kept: they name different work, so
 *   `get_order("ZX-1043")` and `get_order("ZX-1044")` are not near-same, nor are flight searches
 *   for different days. Booleans, null, the remaining key names and array order always count.
 */
import { isPropertyBag, safeJsonParse } from "./eventsAccess";
import { pyLiteralEval } from "./python/pyLiteralEval";
import { PyDict, PyFloat, PyOpaque, PyTuple } from "./python/pyValue";

/** Which equality a key encodes; see the module comment. */
export type ToolArgumentsMatch = "exact" | "near";

/** Deeper values are cut (hostile or cyclic input must still give a key). */
const MAX_DEPTH = 48;
/** Keys longer than this are shortened to a prefix plus a 64-bit hash of the whole text. */
const MAX_KEY_LENGTH = 400;

/**
 * Tool arguments as data: a string that holds JSON or a Python literal is parsed (Python dicts,
 * tuples and floats become plain objects, arrays and numbers); anything else is returned as is.
 */
export function parseToolArguments(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return value;
  const first = text[0];
  if (first === "{" || first === "[" || first === '"') {
    const parsed = safeJsonParse(text);
    if (parsed !== undefined) return parsed;
  }
  if (first === "{" || first === "[" || first === "(") {
    const literal = pyLiteralEval(text);
    if (literal.ok) return fromPython(literal.value, 0);
  }
  return value;
}

function fromPython(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyOpaque) return value.reprText;
  if (value instanceof PyTuple) return value.items.map((item) => fromPython(item, depth + 1));
  if (Array.isArray(value)) return value.map((item) => fromPython(item, depth + 1));
  if (value instanceof PyDict) {
    const out: Record<string, unknown> = {};
    value.keys.forEach((key, i) => {
      out[typeof key === "string" ? key : String(fromPython(key, depth + 1))] = fromPython(value.values[i], depth + 1);
    });
    return out;
  }
  return typeof value === "bigint" ? Number(value) : value;
}

const ISO_DATE_TIME = /\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?/g;
const EPOCH_DIGITS = /(?<![\w-])\d{10,}(?![\w-])/g;
const SPACE = /\s+/g;

/** Keys (lower-cased, `_`/`-`/spaces removed) whose values only make a call unique; near-same matching drops them. */
export const VOLATILE_KEYS: ReadonlySet<string> = new Set([
  "requestid",
  "reqid",
  "clientrequestid",
  "traceid",
  "spanid",
  "runid",
  "correlationid",
  "idempotencykey",
  "nonce",
  "timestamp",
  "ts",
  "requestedat",
  "sentat",
  "cachebuster",
]);

function isVolatileKey(key: string): boolean {
  return VOLATILE_KEYS.has(key.toLowerCase().replace(/[_\-\s]/g, ""));
}

/** A string as near-same matching sees it (see the module comment). */
export function nearSameText(text: string): string {
  return text.toLowerCase().replace(ISO_DATE_TIME, "<time>").replace(EPOCH_DIGITS, "#").replace(SPACE, " ").trim();
}

function write(value: unknown, match: ToolArgumentsMatch, depth: number, out: string[]): void {
  if (depth > MAX_DEPTH) {
    out.push("…");
    return;
  }
  if (value === null || value === undefined) {
    out.push("null");
  } else if (typeof value === "string") {
    out.push(JSON.stringify(match === "near" ? nearSameText(value) : value));
  } else if (typeof value === "number" || typeof value === "bigint") {
    out.push(match === "near" ? "#" : String(value));
  } else if (typeof value === "boolean") {
    out.push(value ? "true" : "false");
  } else if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      write(value[i], match, depth + 1, out);
    }
    out.push("]");
  } else if (value instanceof PyDict || value instanceof PyTuple || value instanceof PyFloat || value instanceof PyOpaque) {
    write(fromPython(value, depth), match, depth, out);
  } else if (isPropertyBag(value)) {
    out.push("{");
    const all = Object.keys(value).sort();
    const keys = match === "near" ? all.filter((key) => !isVolatileKey(key)) : all;
    keys.forEach((key, i) => {
      if (i > 0) out.push(",");
      out.push(JSON.stringify(key), ":");
      write(value[key], match, depth + 1, out);
    });
    out.push("}");
  } else {
    out.push(JSON.stringify(typeof value));
  }
}

/** FNV-1a over UTF-16 code units, twice with different offsets: 64 bits as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000197);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/**
 * A string key such that two argument values have equal keys exactly when they are the same
 * (`"exact"`) or near-same (`"near"`) as defined in the module comment. Strings are parsed with
 * {@link parseToolArguments} first. Never throws; long keys are shortened with a 64-bit hash.
 */
export function toolArgumentsKey(value: unknown, match: ToolArgumentsMatch = "near"): string {
  const out: string[] = [];
  try {
    write(parseToolArguments(value), match, 0, out);
  } catch {
    return "<unreadable>";
  }
  const text = out.join("");
  return text.length <= MAX_KEY_LENGTH ? text : `${text.slice(0, 160)}…#${hash64(text)}:${text.length}`;
}
