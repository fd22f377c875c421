/**
 * Suggestions for a property-filter builder from data already loaded: which keys exist (event and
 * person), their apparent type, and each key's distinct values with how often they occur. Values are
 * counted as PostHog compares them (the text `hogqlPropertyText` gives), so picking a suggestion with
 * `exact` matches exactly the events it counted.
 */
import { isPropertyBag } from "./eventsAccess";
import type { LLMTrace } from "./eventsTrace";
import type { PropertyValueType } from "./filterProperties";
import { hogqlPropertyText } from "./filterPropertiesMatch";

export interface PropertyKeySuggestion {
  type: "event" | "person";
  key: string;
  /** Events (event keys) or traces (person keys) that carry the key. */
  count: number;
  valueType: PropertyValueType;
}

export interface PropertyValueSuggestion {
  /** The value as PostHog compares it. */
  value: string;
  count: number;
}

export interface SuggestionOptions {
  /** Only keys/values containing this text (case-insensitive). */
  search?: string;
  /** @default 50 */
  limit?: number;
  /** Values longer than this are left out (prompts and outputs make useless chips). @default 200 */
  maxValueLength?: number;
}

function eventsOf(trace: LLMTrace): readonly { properties?: unknown }[] {
  return Array.isArray(trace?.events) ? trace.events.filter((event) => isPropertyBag(event)) : [];
}

function typeOf(value: unknown): PropertyValueType {
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string") {
    if (value === "true" || value === "false") return "boolean";
    if (value.trim() !== "" && Number.isFinite(Number(value))) return "number";
    if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}|$)/.test(value)) return "date";
    return "string";
  }
  return "unknown";
}

function mergeType(a: PropertyValueType | undefined, b: PropertyValueType): PropertyValueType {
  if (a === undefined || a === b) return b;
  if (b === "unknown") return a;
  if (a === "unknown") return b;
  return "string";
}

function byCount<T extends { count: number }>(name: (item: T) => string) {
  return (a: T, b: T) => b.count - a.count || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
}

/** Every event and person property key in the traces, most common first. */
export function propertyKeySuggestions(traces: readonly LLMTrace[], options: SuggestionOptions = {}): PropertyKeySuggestion[] {
  const found = new Map<string, PropertyKeySuggestion>();
  const note = (type: "event" | "person", key: string, value: unknown) => {
    const id = `${type}\u0000${key}`;
    const entry = found.get(id) ?? { type, key, count: 0, valueType: "unknown" as PropertyValueType };
    entry.count += 1;
    entry.valueType = value === null || value === undefined ? entry.valueType : mergeType(entry.count === 1 ? undefined : entry.valueType, typeOf(value));
    found.set(id, entry);
  };
  for (const trace of traces ?? []) {
    for (const event of eventsOf(trace)) {
      if (isPropertyBag(event.properties)) for (const [key, value] of Object.entries(event.properties)) note("event", key, value);
    }
    const person = isPropertyBag(trace?.person) && isPropertyBag(trace.person.properties) ? trace.person.properties : null;
    if (person) for (const [key, value] of Object.entries(person)) note("person", key, value);
  }
  const needle = options.search?.toLowerCase() ?? "";
  return [...found.values()]
    .filter((entry) => needle === "" || entry.key.toLowerCase().includes(needle))
    .sort(byCount((entry) => `${entry.type}:${entry.key}`))
    .slice(0, options.limit ?? 50);
}

/**
 * The distinct values of one property across the traces, counted (events for event keys, traces for
 * person keys), most common first. Objects and arrays are left out: they make no useful chip.
 */
export function propertyValueSuggestions(traces: readonly LLMTrace[], type: "event" | "person", key: string, options: SuggestionOptions = {}): PropertyValueSuggestion[] {
  const counts = new Map<string, number>();
  const maxLength = options.maxValueLength ?? 200;
  const add = (value: unknown) => {
    if (isPropertyBag(value) || Array.isArray(value)) return;
    const text = hogqlPropertyText(value);
    if (text === null || text.length > maxLength) return;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  };
  for (const trace of traces ?? []) {
    if (type === "person") {
      if (key === "distinct_id") add(trace?.distinctId ?? trace?.person?.distinct_id);
      else if (isPropertyBag(trace?.person) && isPropertyBag(trace.person.properties)) add(trace.person.properties[key]);
      continue;
    }
    for (const event of eventsOf(trace)) if (isPropertyBag(event.properties)) add(event.properties[key]);
  }
  const needle = options.search?.toLowerCase() ?? "";
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .filter((entry) => needle === "" || entry.value.toLowerCase().includes(needle))
    .sort(byCount((entry) => entry.value))
    .slice(0, options.limit ?? 50);
}
