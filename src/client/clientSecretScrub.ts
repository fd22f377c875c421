/**
 * Scrubbing credentials out of anything an error may carry: strings, parsed bodies of any depth,
 * and error objects with their message, stack, extra fields and `cause` chains (cycles included).
 * Everything is walked iteratively, with no depth limit, so whatever a message builder can reach,
 * the scrubber has reached first.
 */
import { secretForms } from "./clientSecretForms";

export const REDACTED = "[redacted]";

// Providers echo masked keys ("sk-abc***xyz") in their 401 messages; PostHog keys are phx_/phs_/phc_.
const KEY_SHAPED = /\b(?:sk|phx|phc|phs)[-_][A-Za-z0-9*_.-]{6,}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `%2f` and `%2F` are the same byte: percent escapes match in either case. */
function formPattern(form: string): string {
  return escapeRegExp(form).replace(/%([0-9A-Fa-f])([0-9A-Fa-f])/g, (_, a: string, b: string) => {
    const either = (c: string) => (/[0-9]/.test(c) ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`);
    return `%${either(a)}${either(b)}`;
  });
}

/** Removes credentials from values; build one per set of secrets with {@link createSecretScrubber}. */
export interface SecretScrubber {
  /** A string with every form of every secret (and key-shaped tokens) replaced. */
  text(text: string): string;
  /** A scrubbed deep copy of a value (keys included); errors become scrubbed errors of the same class. */
  value<T>(value: T): T;
}

type Source = object;

function isErrorLike(value: object): boolean {
  if (value instanceof Error) return true;
  const tag = Object.prototype.toString.call(value);
  return tag === "[object Error]" || tag === "[object DOMException]";
}

function isHeadersLike(value: object): value is { forEach(cb: (v: string, k: string) => void): void } {
  return typeof (value as { forEach?: unknown }).forEach === "function" && typeof (value as { get?: unknown }).get === "function" && typeof (value as { has?: unknown }).has === "function";
}

function own(source: object, key: PropertyKey): unknown {
  try {
    return (source as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

function define(target: object, key: string, value: unknown): void {
  // defineProperty: a "__proto__" key must stay data, never become the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function createSecretScrubber(secrets: Iterable<string | null | undefined>): SecretScrubber {
  const forms = new Set<string>();
  for (const secret of secrets) if (typeof secret === "string") for (const form of secretForms(secret)) forms.add(form);
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  const pattern = ordered.length === 0 ? null : new RegExp(ordered.map(formPattern).join("|"), "g");

  const text = (input: string): string => {
    const out = pattern ? input.replace(pattern, REDACTED) : input;
    return out.replace(KEY_SHAPED, REDACTED);
  };

  const value = <T,>(root: T): T => {
    const copies = new Map<Source, unknown>();
    const work: Array<() => void> = [];
    const visit = (item: unknown): unknown => {
      if (typeof item === "string") return text(item);
      if (typeof item === "function" || typeof item === "symbol") return undefined;
      if (typeof item !== "object" || item === null) return item;
      const known = copies.get(item);
      if (known !== undefined) return known;
      if (item instanceof Date) return item;
      if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) {
        const bytes = `[binary, ${item.byteLength} bytes]`;
        copies.set(item, bytes);
        return bytes;
      }
      if (Array.isArray(item)) {
        const copy: unknown[] = [];
        copies.set(item, copy);
        work.push(() => {
          for (let i = 0; i < item.length; i++) copy.push(visit(own(item, i)));
        });
        return copy;
      }
      if (isErrorLike(item)) return copyError(item);
      if (item instanceof Map || item instanceof Set || isHeadersLike(item)) {
        const copy: unknown[] = [];
        copies.set(item, copy);
        work.push(() => {
          const entries: unknown[] = [];
          try {
            (item as { forEach(cb: (v: unknown, k: unknown) => void): void }).forEach((v, k) => entries.push(item instanceof Set ? v : [k, v]));
          } catch {
            // A hostile collection yields what it yielded.
          }
          for (const entry of entries) copy.push(visit(entry));
        });
        return copy;
      }
      const copy: Record<string, unknown> = {};
      copies.set(item, copy);
      work.push(() => {
        let keys: string[] = [];
        try {
          keys = Object.keys(item);
        } catch {
          keys = [];
        }
        for (const key of keys) define(copy, text(key), visit(own(item, key)));
      });
      return copy;
    };

    // Same class (so `instanceof`, `name` and prototype getters still work), scrubbed own fields.
    const copyError = (error: object): object => {
      let proto: object | null = Error.prototype;
      try {
        proto = Object.getPrototypeOf(error) as object | null;
      } catch {
        proto = Error.prototype;
      }
      const copy = Object.create(proto) as Record<string, unknown>;
      copies.set(error, copy);
      work.push(() => {
        let keys: PropertyKey[] = [];
        try {
          keys = Reflect.ownKeys(error);
        } catch {
          keys = [];
        }
        const fields = new Set<PropertyKey>(["name", "message", "stack", "cause", ...keys]);
        for (const key of fields) {
          if (typeof key === "symbol") continue;
          const hasOwn = Object.prototype.hasOwnProperty.call(error, key);
          const v = own(error, key);
          if (!hasOwn && (key === "cause" || v === undefined)) continue;
          // DOMException keeps name and message on its prototype; copy them so they are scrubbed too.
          const data = visit(v);
          if (data === undefined && typeof v === "function") continue;
          Object.defineProperty(copy, key, { value: data, enumerable: hasOwn && Object.prototype.propertyIsEnumerable.call(error, key), writable: true, configurable: true });
        }
      });
      return copy;
    };

    const result = visit(root);
    while (work.length > 0) (work.pop() as () => void)();
    return result as T;
  };

  return { text, value };
}
