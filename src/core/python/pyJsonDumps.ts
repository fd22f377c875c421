/** Python's `json.dumps` with default settings (ASCII-only output, `NaN`/`Infinity` allowed). */
import { pyFloatRepr, pyIntRepr } from "./pyNumber";
import { checkPyDepth, PyError, PyFloat, PyTuple, pyItems, pyKind, type PyDictLike } from "./pyValue";

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

// Everything outside printable ASCII, plus the quote and backslash, is escaped (ensure_ascii).
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\uffff]/g;

/** A JSON string literal exactly as Python's json.dumps writes it. */
export function pyJsonString(s: string): string {
  const body = s.replace(NEEDS_ESCAPE, (ch) => {
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) return short;
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
  return `"${body}"`;
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

/** `json.dumps(value)` / `json.dumps(value, indent=n)`; throws PyError where Python raises. */
export function pyJsonDumps(value: unknown, options: PyJsonDumpsOptions = {}): string {
  const out: string[] = [];
  const indent = options.indent;
  const itemSep = indent === undefined ? ", " : ",";

  const write = (v: unknown, depth: number): void => {
    checkPyDepth(depth);
    switch (pyKind(v)) {
      case "none":
        out.push("null");
        return;
      case "bool":
        out.push(v ? "true" : "false");
        return;
      case "int":
        out.push(pyIntRepr(v as number | bigint));
        return;
      case "float":
        out.push(floatText(v instanceof PyFloat ? v.value : (v as number)));
        return;
      case "str":
        out.push(pyJsonString(v as string));
        return;
      case "list":
      case "tuple": {
        const items = v instanceof PyTuple ? v.items : (v as unknown[]);
        writeContainer("[", "]", items.length, depth, (i) => write(items[i], depth + 1));
        return;
      }
      case "dict": {
        const entries = pyItems(v as PyDictLike);
        writeContainer("{", "}", entries.length, depth, (i) => {
          const [k, x] = entries[i] as [unknown, unknown];
          out.push(pyJsonString(keyText(k)), ": ");
          write(x, depth + 1);
        });
        return;
      }
      default:
        throw new PyError("TypeError", "Object is not JSON serializable");
    }
  };

  const writeContainer = (
    open: string,
    close: string,
    count: number,
    depth: number,
    writeItem: (i: number) => void,
  ): void => {
    if (count === 0) {
      out.push(open, close);
      return;
    }
    const inner = indent === undefined ? "" : `\n${" ".repeat(indent * (depth + 1))}`;
    const outer = indent === undefined ? "" : `\n${" ".repeat(indent * depth)}`;
    out.push(open, inner);
    for (let i = 0; i < count; i++) {
      if (i > 0) out.push(itemSep, inner);
      writeItem(i);
    }
    out.push(outer, close);
  };

  write(value, 0);
  return out.join("");
}
