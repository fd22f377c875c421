/**
 * Renderings reused within one formatTextRepr call. An agent trace repeats itself: every generation
 * carries the same tool list, as fresh objects with equal contents, and repeats the conversation so
 * far, so the same tool calls recur (their signatures are keyed by name and argument text). Messages
 * repeat too, but they render about as fast as they compare, so they are not memoised. A tool list
 * is reused only when its value equals, in plain JSON terms and key order, one rendered earlier in
 * the same call; nothing outlives the call, so no state is kept on the caller's objects.
 */

/** Deeper values are simply rendered again (and a cycle cannot recurse forever). */
const MAX_EQUAL_DEPTH = 24;
/** How many distinct tool lists one call remembers (a trace rarely has more than a few). */
const MAX_TOOL_LISTS = 8;

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * True when `a` and `b` are the same JSON-like value: equal primitives (numbers by `Object.is`),
 * or arrays / plain objects with equal items, keys in the same order. Anything else (class
 * instances such as PyDict or PyFloat, functions) counts as different unless it is the very same
 * object, so it is rendered anew. Properties are read as rendering reads them (a getter is called).
 */
export function samePlainValue(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return typeof a !== "number" || Object.is(a, b);
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return typeof a === "number" && typeof b === "number" && Object.is(a, b);
  }
  if (depth >= MAX_EQUAL_DEPTH) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length || !isPlainArray(a) || !isPlainArray(b)) return false;
    for (let i = 0; i < a.length; i++) if (!samePlainValue(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i] as string;
    if (key !== keysB[i]) return false;
    const va = (a as Record<string, unknown>)[key];
    if (!samePlainValue(va, (b as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

function isPlainArray(a: unknown[]): boolean {
  return Object.getPrototypeOf(a) === Array.prototype;
}

interface Rendered<T> {
  value: unknown;
  rendered: T;
}

class RenderMemo {
  readonly tools: Rendered<readonly string[]>[] = [];
  /** Tool-call signatures by name, then by argument text. */
  readonly signatures = new Map<string, Map<string, string>>();
}

let memo: RenderMemo | null = null;

/** Runs `render` with reuse enabled, dropped when it returns. */
export function withRenderMemo<T>(render: () => T): T {
  if (memo !== null) return render();
  memo = new RenderMemo();
  try {
    return render();
  } finally {
    memo = null;
  }
}

/** The lines `render` gives for a tool list, reused when an equal list was rendered before in this call. */
export function memoTools(tools: unknown, render: () => readonly string[]): readonly string[] {
  if (memo === null) return render();
  for (const entry of memo.tools) if (samePlainValue(entry.value, tools)) return entry.rendered;
  const rendered = render();
  if (memo.tools.length < MAX_TOOL_LISTS) memo.tools.push({ value: tools, rendered });
  return rendered;
}

/** A tool call's signature, rendered once per name and argument text in this call. */
export function memoSignature(name: string, args: string, render: (name: string, args: string) => string): string {
  if (memo === null) return render(name, args);
  let byArgs = memo.signatures.get(name);
  if (byArgs === undefined) memo.signatures.set(name, (byArgs = new Map()));
  let signature = byArgs.get(args);
  if (signature === undefined) {
    signature = render(name, args);
    byArgs.set(args, signature);
  }
  return signature;
}
