/** Python's `json.dumps` with default settings (ASCII-only output, `NaN`/`Infinity` allowed). */
import { pyFloatRepr, pyIntRepr } from "./pyNumber";
import { checkPyDepth, isWireIntNumber, PyError, PyFloat, PyTuple, pyItems, pyKind, type PyDictLike } from "./pyValue";

// JSON.stringify already escapes like Python (quote, backslash, \b \f \n \r \t, other controls as
// lowercase \u00xx, lone surrogates as \udxxx); Python's ensure_ascii also escapes DEL and beyond.
const NON_ASCII = /[\u007f-\uffff]/;
const NON_ASCII_ALL = /[\u007f-\uffff]/g;

function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** A JSON string literal exactly as Python's json.dumps writes it. */
export function pyJsonString(s: string): string {
  const quoted = JSON.stringify(s);
  return NON_ASCII.test(quoted) ? quoted.replace(NON_ASCII_ALL, unicodeEscape) : quoted;
}

function floatText(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return pyFloatRepr(x);
}

function keyText(k: unknown): string {
  switch (pyKind(k)) {
    case "str":
      return k as string;
    case "bool":
      return k ? "true" : "false";
    case "none":
      return "null";
    case "int":
      return pyIntRepr(k as number | bigint);
    case "float":
      return floatText(k instanceof PyFloat ? k.value : (k as number));
    default:
      throw new PyError("TypeError", "keys must be str, int, float, bool or None");
  }
}

export interface PyJsonDumpsOptions {
  /** `indent=` (spaces); omitted for single-line output with `", "` / `": "` separators. */
  indent?: number;
}

/** Appends Python's json.dumps of one value to `out` (a module-level walk: no closures per call). */
function writeValue(out: string[], v: unknown, depth: number, indent: number | undefined): void {
  checkPyDepth(depth);
  switch (typeof v) {
    case "string":
      out.push(pyJsonString(v));
      return;
    case "boolean":
      out.push(v ? "true" : "false");
      return;
    case "number":
      out.push(isWireIntNumber(v) ? pyIntRepr(v) : floatText(v));
      return;
    default:
      break;
  }
  switch (pyKind(v)) {
    case "none":
      out.push("null");
      return;
    case "int":
      out.push(pyIntRepr(v as bigint));
      return;
    case "float":
      out.push(floatText((v as PyFloat).value));
      return;
    case "list":
    case "tuple": {
      const items = v instanceof PyTuple ? v.items : (v as unknown[]);
      if (items.length === 0) {
        out.push("[]");
        return;
      }
      const inner = indent === undefined ? "" : `\n${" ".repeat(indent * (depth + 1))}`;
      out.push("[", inner);
      for (let i = 0; i < items.length; i++) {
        if (i > 0) out.push(indent === undefined ? ", " : ",", inner);
        writeValue(out, items[i], depth + 1, indent);
      }
      out.push(indent === undefined ? "]" : `\n${" ".repeat(indent * depth)}]`);
      return;
    }
    case "dict": {
      const entries = pyItems(v as PyDictLike);
      if (entries.length === 0) {
        out.push("{}");
        return;
      }
      const inner = indent === undefined ? "" : `\n${" ".repeat(indent * (depth + 1))}`;
      out.push("{", inner);
      for (let i = 0; i < entries.length; i++) {
        const [k, x] = entries[i] as [unknown, unknown];
        if (i > 0) out.push(indent === undefined ? ", " : ",", inner);
        out.push(pyJsonString(keyText(k)), ": ");
        writeValue(out, x, depth + 1, indent);
      }
      out.push(indent === undefined ? "}" : `\n${" ".repeat(indent * depth)}}`);
      return;
    }
    default:
      throw new PyError("TypeError", "Object is not JSON serializable");
  }
}

/** `json.dumps(value)` / `json.dumps(value, indent=n)`; throws PyError where Python raises. */
export function pyJsonDumps(value: unknown, options: PyJsonDumpsOptions = {}): string {
  if (typeof value === "string") return pyJsonString(value);
  const out: string[] = [];
  writeValue(out, value, 0, options.indent);
  return out.join("");
}
