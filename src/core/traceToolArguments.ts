/**
 * When two tool calls have "the same" or "near-same" arguments.
 *
 * Arguments arrive as JSON strings (OpenAI), objects (Anthropic, LangChain), or Python reprs
 * (posthog-python writes span states with `repr`: `{'path': 'a.py'}`); all are parsed first.
 *
 * - **Same** (`"exact"` key): equal after parsing, with object keys sorted and whitespace outside
 *   strings ignored. `{"b":1, "a":"x"}` and `{'a': 'x', 'b': 1}` are the same.
 * - **Near-same** (`"near"` key): equal after also replacing every number with `#` and, inside
 *   every string, lower-casing, replacing UUIDs and hex ids (8+ hex digits mixing letters and
 *   digits) with `<id>`, ISO-8601 dates/times with `<time>` and runs of 6+ digits (epoch times,
 *   numeric ids) with `#`, then trimming and collapsing whitespace. Shorter digit runs in strings
 *   are kept, because they usually name different things (`module_13.py`, `ZX-1043`). So
 *   `search({q: "Flights  to Paris 2026-05-01", page: 2, request_id: "9f2c4e1ab7"})` and
 *   `search({q: "flights to paris 2026-05-02", page: 3, request_id: "77aa01c3e9"})` are near-same;
 *   `read("a.py")` and `read("b.py")` are not. Booleans, null, key names and array order count.
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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO_TIME = /\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?/g;
const HEX_ID = /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/g;
const LONG_DIGITS = /\d{6,}/g;
const SPACE = /\s+/g;

/** A string as near-same matching sees it (see the module comment). */
export function nearSameText(text: string): string {
  return text.toLowerCase().replace(UUID, "<id>").replace(ISO_TIME, "<time>").replace(HEX_ID, "<id>").replace(LONG_DIGITS, "#").replace(SPACE, " ").trim();
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
    const keys = Object.keys(value).sort();
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
