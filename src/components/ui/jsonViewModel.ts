/** Pure helpers of JsonView: value classification, previews, size estimates. */

export type JsonKind = "object" | "array" | "string" | "number" | "boolean" | "null" | "other";

export function jsonKind(value: unknown): JsonKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
    case "bigint":
      return "number";
    case "boolean":
      return "boolean";
    case "object":
      return value instanceof Date ? "other" : "object";
    default:
      return "other";
  }
}

/** Entries of an object or array, never throwing (getters that throw become an error string). */
export function jsonEntries(value: unknown): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.map((item, i) => [String(i), item]);
  if (value === null || typeof value !== "object") return [];
  const entries: Array<[string, unknown]> = [];
  for (const key of Object.keys(value)) {
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch (error) {
      item = `[unreadable: ${error instanceof Error ? error.message : String(error)}]`;
    }
    entries.push([key, item]);
  }
  return entries;
}

/** How a primitive is written in the viewer. */
export function formatPrimitive(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === undefined) return "undefined";
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : "Invalid Date";
  if (typeof value === "function") return "[function]";
  if (typeof value === "symbol") return value.toString();
  return String(value);
}

/**
 * Characters `JSON.stringify(value)` would produce, estimated without building the string and
 * stopping once past `limit` (so a 10 MB payload costs no more than reaching the gate).
 */
export function estimateJsonChars(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0 && total <= limit) {
    const item = stack.pop();
    if (typeof item === "string") total += item.length + 2;
    else if (item === null || typeof item !== "object") total += formatPrimitive(item).length;
    else if (seen.has(item)) total += 12;
    else {
      seen.add(item);
      const entries = jsonEntries(item);
      total += 2 + entries.length;
      const isArray = Array.isArray(item);
      for (const [key, child] of entries) {
        if (!isArray) total += key.length + 3;
        stack.push(child);
      }
    }
  }
  return total;
}

/** `JSON.stringify` with two-space indent that never throws (cycles, BigInt, deep nesting). */
export function safeStringify(value: unknown, indent = 2): string {
  try {
    const seen = new WeakSet<object>();
    const text = JSON.stringify(
      value,
      (_key, item: unknown) => {
        if (typeof item === "bigint") return `${item}n`;
        if (item && typeof item === "object") {
          if (seen.has(item)) return "[circular]";
          seen.add(item);
        }
        return item;
      },
      indent,
    );
    return text ?? formatPrimitive(value);
  } catch (error) {
    return `[could not serialise: ${error instanceof Error ? error.message : String(error)}]`;
  }
}

/** Parses text that looks like a JSON object or array; null when it is not one (or too large to try). */
export function parseJsonObjectText(text: string, maxChars = 1_000_000): { value: unknown } | null {
  if (text.length > maxChars) return null;
  const trimmed = text.trim();
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  if (!((first === "{" && last === "}") || (first === "[" && last === "]"))) return null;
  try {
    return { value: JSON.parse(trimmed) as unknown };
  } catch {
    return null;
  }
}

/** "1.2 MB", "340 KB", "12 B" from a character count (one byte per character, an estimate). */
export function formatSize(chars: number): string {
  if (chars >= 1_000_000) return `${(chars / 1_000_000).toFixed(1)} MB`;
  if (chars >= 1_000) return `${Math.round(chars / 1_000)} KB`;
  return `${chars} B`;
}
