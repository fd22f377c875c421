/** Python's `repr()` and `str()` for the values of the pyValue model. */
import { pyFloatRepr, pyIntRepr } from "./pyNumber";
import { pyIsPrintable } from "./pyUnicode";
import {
  checkPyDepth,
  PyFloat,
  PyOpaque,
  PyTuple,
  pyItems,
  pyKind,
  type PyDictLike,
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

function reprAt(v: unknown, depth: number): string {
  checkPyDepth(depth);
  switch (pyKind(v)) {
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
    case "list":
      return `[${(v as unknown[]).map((x) => reprAt(x, depth + 1)).join(", ")}]`;
    case "tuple": {
      const items = (v as PyTuple).items;
      const inner = items.map((x) => reprAt(x, depth + 1)).join(", ");
      return items.length === 1 ? `(${inner},)` : `(${inner})`;
    }
    case "dict": {
      const entries = pyItems(v as PyDictLike).map(
        ([k, x]) => `${reprAt(k, depth + 1)}: ${reprAt(x, depth + 1)}`,
      );
      return `{${entries.join(", ")}}`;
    }
    default:
      return v instanceof PyOpaque ? v.reprText : String(v);
  }
}

/** Python's `repr(v)`. */
export function pyRepr(v: unknown): string {
  return reprAt(v, 0);
}

/** Python's `str(v)`: the text itself for a str, `repr` for everything else. */
export function pyStr(v: unknown): string {
  return typeof v === "string" ? v : reprAt(v, 0);
}

