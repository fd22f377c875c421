/**
 * Text cut to a budget while it is being built, never after: a 300 kB message or a deep JSON blob costs
 * only as much work as the characters kept. (PostHog's #52912 crashed Chromium by rendering full markdown
 * in every row; a preview that serialises everything first is the same mistake one step earlier.)
 */

/** The ellipsis appended to cut text. */
export const CUT_MARK = "…";

/** At most `max` characters of `text`, on a code-point boundary, with an ellipsis when cut. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  // Do not split a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${CUT_MARK}`;
}

/** Collapses runs of whitespace so a preview line shows words, not blank lines. */
export function squashWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

class Budget {
  parts: string[] = [];
  used = 0;
  constructor(readonly max: number) {}
  get full(): boolean {
    return this.used >= this.max;
  }
  push(text: string): void {
    if (this.full) return;
    const room = this.max - this.used;
    const piece = text.length > room ? text.slice(0, room) : text;
    this.parts.push(piece);
    this.used += piece.length;
  }
}

function read(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return "[unreadable]";
  }
}

function writeJson(value: unknown, out: Budget, seen: WeakSet<object>, depth: number): void {
  if (out.full) return;
  if (value === null || value === undefined) return out.push("null");
  switch (typeof value) {
    case "string":
      // Quote only the part that fits; JSON.stringify of a slice never touches the rest of the string.
      return out.push(JSON.stringify(value.length > out.max ? value.slice(0, out.max) : value));
    case "number":
      return out.push(Number.isFinite(value) ? String(value) : "null");
    case "boolean":
      return out.push(String(value));
    case "bigint":
      return out.push(value.toString());
    case "object":
      break;
    default:
      return out.push("null");
  }
  const object = value as object;
  if (seen.has(object)) return out.push('"[circular]"');
  if (depth > 50) return out.push('"[…]"');
  seen.add(object);
  if (Array.isArray(object)) {
    out.push("[");
    for (let i = 0; i < object.length && !out.full; i++) {
      if (i > 0) out.push(",");
      writeJson(object[i], out, seen, depth + 1);
    }
    out.push("]");
  } else {
    out.push("{");
    let first = true;
    for (const key in object) {
      if (out.full) break;
      if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
      const item = read(object, key);
      if (item === undefined || typeof item === "function") continue;
      if (!first) out.push(",");
      first = false;
      out.push(JSON.stringify(key));
      out.push(":");
      writeJson(item, out, seen, depth + 1);
    }
    out.push("}");
  }
  seen.delete(object);
}

/** Compact JSON of any value, stopping once `max` characters are written (then ending in an ellipsis). */
export function boundedJson(value: unknown, max: number): string {
  const out = new Budget(max + 1);
  try {
    writeJson(value, out, new WeakSet(), 0);
  } catch {
    return "[unreadable]";
  }
  return cutText(out.parts.join(""), max);
}

/** A string as is, anything else as bounded JSON; both cut to `max`. */
export function boundedString(value: unknown, max: number): string {
  if (typeof value === "string") return cutText(value, max);
  return boundedJson(value, max);
}
