/**
 * A small model of Python values on top of plain JSON data.
 *
 * Data loaded with `JSON.parse` is read as Python would read the same JSON (integral numbers are
 * ints, other numbers floats, objects dicts). Values that JSON cannot tell apart but Python can
 * (`1.0`, big ints, tuples, dicts with repeated or non-string keys) come from our own Python-style
 * parsers and are wrapped in the classes below so that repr/json.dumps print them as Python does.
 */

/** The boxed values that are objects in JS but not dicts to Python (one instanceof tells them apart). */
abstract class PyNonDict {}

/** A Python float that JS would print as an int: integral values such as `1.0` and `-0.0`. */
export class PyFloat extends PyNonDict {
  constructor(readonly value: number) {
    super();
  }
}

/** A Python tuple: json.dumps writes it as a list, repr with parentheses. */
export class PyTuple extends PyNonDict {
  constructor(readonly items: readonly unknown[]) {
    super();
  }
}

/** A value json.dumps refuses (bytes, set, complex…); only its repr and truthiness are kept. */
export class PyOpaque extends PyNonDict {
  constructor(
    readonly typeName: string,
    readonly reprText: string,
    readonly truthy: boolean,
  ) {
    super();
  }
}

/** Raised where Python would raise; `kind` is the Python exception class. */
export class PyError extends Error {
  constructor(
    readonly kind: "TypeError" | "ValueError" | "RecursionError",
    message: string,
  ) {
    super(`${kind}: ${message}`);
    this.name = "PyError";
  }
}

/** Python's default recursion limit; deeper walks raise RecursionError, as CPython would. */
export const PY_MAX_DEPTH = 1000;

export function checkPyDepth(depth: number): void {
  if (depth > PY_MAX_DEPTH) throw new PyError("RecursionError", "maximum recursion depth exceeded");
}

let opaqueKeyCounter = 0;

/** Python dict semantics: insertion order, and equal keys (1 == 1.0 == True) share one slot. */
export class PyDict {
  readonly keys: unknown[] = [];
  readonly values: unknown[] = [];
  private readonly slots = new Map<string, number>();

  /** Like `d[key] = value`: a repeated key keeps its first position and its first key object. */
  set(key: unknown, value: unknown): void {
    const h = pyHashKey(key);
    const at = this.slots.get(h);
    if (at === undefined) {
      this.slots.set(h, this.keys.length);
      this.keys.push(key);
      this.values.push(value);
    } else {
      this.values[at] = value;
    }
  }

  getStr(key: string): unknown {
    const at = this.slots.get(`s:${key}`);
    return at === undefined ? undefined : this.values[at];
  }

  hasStr(key: string): boolean {
    return this.slots.has(`s:${key}`);
  }

  get size(): number {
    return this.keys.length;
  }
}

function pyHashKey(key: unknown): string {
  switch (pyKind(key)) {
    case "none":
      return "N";
    case "str":
      return `s:${key as string}`;
    case "bool":
      return key ? "n:1" : "n:0";
    case "int":
      return `n:${typeof key === "bigint" ? key.toString() : String(key)}`;
    case "float": {
      const v = key instanceof PyFloat ? key.value : (key as number);
      return Number.isInteger(v) ? `n:${BigInt(v).toString()}` : `f:${String(v)}`;
    }
    case "tuple":
      return `t:(${(key as PyTuple).items.map(pyHashKey).join(",")})`;
    default:
      // Unhashable or identity-hashed values never compare equal to another literal.
      opaqueKeyCounter += 1;
      return `o:${opaqueKeyCounter}`;
  }
}

export type PyKind = "none" | "bool" | "int" | "float" | "str" | "list" | "tuple" | "dict" | "opaque";

/**
 * Whether a JS number reaches PostHog's Python as an int: JSON.stringify writes integral numbers below
 * 1e21 as plain digits (Python's json reads an int) and larger ones with an exponent (`1e+21`: a float).
 */
export function isWireIntNumber(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < 1e21;
}

/** How Python would see this value (JSON `1` is an int, `1.5` and `1e+21` floats, `-0` the int 0). */
export function pyKind(v: unknown): PyKind {
  if (v === null || v === undefined) return "none";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "bigint":
      return "int";
    case "number":
      return isWireIntNumber(v) ? "int" : "float";
    case "string":
      return "str";
    case "object":
      if (Array.isArray(v)) return "list";
      if (v instanceof PyFloat) return "float";
      if (v instanceof PyTuple) return "tuple";
      if (v instanceof PyDict) return "dict";
      if (v instanceof PyOpaque) return "opaque";
      return "dict";
    default:
      return "opaque";
  }
}

/** A plain-object or PyDict dict. */
export type PyDictLike = Record<string, unknown> | PyDict;

export function isPyDict(v: unknown): v is PyDictLike {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof PyNonDict);
}

/** `d.get(key)`; `undefined` when `d` is not a dict or lacks the key (never inherited members). */
export function pyGet(d: unknown, key: string): unknown {
  if (d instanceof PyDict) return d.getStr(key);
  if (!isPyDict(d)) return undefined;
  // Look up first: most lookups miss, and what Object.prototype lends (methods, `__proto__`) is never
  // a primitive, so only an object or function found needs the own-property check.
  const v = (d as Record<string, unknown>)[key];
  if (v === undefined) return undefined;
  if (typeof v !== "object" && typeof v !== "function") return v;
  return Object.hasOwn(d, key) ? v : undefined;
}

/** `d.get(key)` for a value already known to be a dict. */
export function dictGet(d: PyDictLike, key: string): unknown {
  if (d instanceof PyDict) return d.getStr(key);
  const v = d[key];
  if (v === undefined) return undefined;
  if (typeof v !== "object" && typeof v !== "function") return v;
  return Object.hasOwn(d, key) ? v : undefined;
}

/** `key in d`. */
export function pyHas(d: unknown, key: string): boolean {
  if (d instanceof PyDict) return d.hasStr(key);
  return isPyDict(d) && Object.hasOwn(d, key);
}

/** `d.get(key, fallback)`: the fallback only when the key is absent (a stored None is kept). */
export function pyGetOr(d: unknown, key: string, fallback: unknown): unknown {
  return pyHas(d, key) ? pyGet(d, key) : fallback;
}

/** `list(d.items())`. */
export function pyItems(d: PyDictLike): Array<[unknown, unknown]> {
  if (d instanceof PyDict) return d.keys.map((k, i) => [k, d.values[i]]);
  return Object.keys(d).map((k) => [k, d[k]]);
}

export function pyDictSize(d: PyDictLike): number {
  return d instanceof PyDict ? d.size : Object.keys(d).length;
}

/** `not d`, without listing the keys. */
function isEmptyDict(d: PyDictLike): boolean {
  if (d instanceof PyDict) return d.size === 0;
  for (const key in d) if (Object.hasOwn(d, key)) return false;
  return true;
}

/** Python truthiness. */
export function pyTruthy(v: unknown): boolean {
  switch (pyKind(v)) {
    case "none":
      return false;
    case "bool":
      return v as boolean;
    case "int":
      return typeof v === "bigint" ? v !== 0n : v !== 0;
    case "float": {
      const x = v instanceof PyFloat ? v.value : (v as number);
      return x !== 0; // NaN is truthy in Python too
    }
    case "str":
      return (v as string).length > 0;
    case "list":
      return (v as unknown[]).length > 0;
    case "tuple":
      return (v as PyTuple).items.length > 0;
    case "dict":
      return !isEmptyDict(v as PyDictLike);
    default:
      return v instanceof PyOpaque ? v.truthy : true;
  }
}

/** `a or b or …`: the first truthy value, else the last one. */
export function pyOr(...values: unknown[]): unknown {
  for (const v of values) if (pyTruthy(v)) return v;
  return values[values.length - 1];
}

/** `type(v).__name__`. */
export function pyTypeName(v: unknown): string {
  const kind = pyKind(v);
  switch (kind) {
    case "none":
      return "NoneType";
    case "opaque":
      return v instanceof PyOpaque ? v.typeName : "object";
    default:
      return kind;
  }
}

/** The numeric value of an int/float/bool, or null for anything else. */
export function pyNumber(v: unknown): number | null {
  switch (pyKind(v)) {
    case "bool":
      return v ? 1 : 0;
    case "int":
      return typeof v === "bigint" ? Number(v) : (v as number);
    case "float":
      return v instanceof PyFloat ? v.value : (v as number);
    default:
      return null;
  }
}
