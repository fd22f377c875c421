/** Python's `repr()` and `str()` for the values of the pyValue model. */
import { pyFloatRepr, pyIntRepr } from "./pyNumber";
import { pyIsPrintable } from "./pyUnicode";
import {
  checkPyDepth,
  PY_MAX_DEPTH,
  PyFloat,
  PyOpaque,
  PyTuple,
  pyItems,
  pyKind,
  type PyDictLike,
  type PyKind,
} from "./pyValue";

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** `repr(s)` for a str: single quotes unless the text has `'` and no `"`. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const parts: string[] = [quote];
  let run = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    let esc: string | null = null;
    if (ch === quote || ch === "\\") esc = `\\${ch}`;
    else if (ch === "\t") esc = "\\t";
    else if (ch === "\n") esc = "\\n";
    else if (ch === "\r") esc = "\\r";
    else if (cp < 0x20 || cp === 0x7f) esc = `\\x${hex(cp, 2)}`;
    else if (cp > 0x7f && !pyIsPrintable(cp)) {
      if (cp <= 0xff) esc = `\\x${hex(cp, 2)}`;
      else if (cp <= 0xffff) esc = `\\u${hex(cp, 4)}`;
      else esc = `\\U${hex(cp, 8)}`;
    }
    if (esc === null) {
      run += ch;
    } else {
      parts.push(run, esc);
      run = "";
    }
  }
  parts.push(run, quote);
  return parts.join("");
}

function floatValue(v: unknown): number {
  return v instanceof PyFloat ? v.value : (v as number);
}

const ELLIPSIS: Partial<Record<PyKind, string>> = { list: "[...]", tuple: "(...)", dict: "{...}" };

function scalarRepr(v: unknown, kind: PyKind): string {
  switch (kind) {
    case "none":
      return "None";
    case "bool":
      return v ? "True" : "False";
    case "int":
      return pyIntRepr(v as number | bigint);
    case "float":
      return pyFloatRepr(floatValue(v));
    case "str":
      return pyStrRepr(v as string);
    default:
      return v instanceof PyOpaque ? v.reprText : String(v);
  }
}

function reprValue(root: unknown, ellipsisDepth: number): string {
  // Containers being printed: like CPython, one met again inside itself prints as an ellipsis.
  const open = new Set<unknown>();
  const at = (v: unknown, depth: number): string => {
    checkPyDepth(depth);
    const kind = pyKind(v);
    const ellipsis = ELLIPSIS[kind];
    if (ellipsis === undefined) return scalarRepr(v, kind);
    if (depth >= ellipsisDepth || open.has(v)) return ellipsis;
    open.add(v);
    let out: string;
    if (kind === "dict") {
      const entries = pyItems(v as PyDictLike).map(([k, x]) => `${at(k, depth + 1)}: ${at(x, depth + 1)}`);
      out = `{${entries.join(", ")}}`;
    } else {
      const items = v instanceof PyTuple ? v.items : (v as unknown[]);
      // Array.from visits holes of a sparse array as undefined, so they print as None.
      const inner = Array.from(items, (x) => at(x, depth + 1)).join(", ");
      out = kind === "list" ? `[${inner}]` : items.length === 1 ? `(${inner},)` : `(${inner})`;
    }
    open.delete(v);
    return out;
  };
  return at(root, 0);
}

/** Python's `repr(v)`; past {@link PY_MAX_DEPTH} it raises RecursionError, as CPython does. */
export function pyRepr(v: unknown): string {
  return reprValue(v, Infinity);
}

/** Python's `str(v)`: the text itself for a str, `repr` for everything else. */
export function pyStr(v: unknown): string {
  return typeof v === "string" ? v : reprValue(v, Infinity);
}

/**
 * `str(v)` for callers that must print whatever users sent without failing: containers nested
 * `ellipsisDepth` deep (at most {@link PY_MAX_DEPTH}) print as `[...]` / `{...}` instead of
 * raising RecursionError.
 */
export function pyStrCapped(v: unknown, ellipsisDepth: number): string {
  return typeof v === "string" ? v : reprValue(v, Math.min(ellipsisDepth, PY_MAX_DEPTH));
}
