/** What SentimentOverview groups by: nothing, the model, a person property, any property path, or a function. */
import type { LLMTrace, LLMTraceEvent, QueryPropertyFilter } from "../../core/eventsTrace";
import type { SentimentResult } from "../../core/sentiment/types";
import { cutText } from "../../core/boundedText";
import { traceModels } from "../../core/traceRows";

/** One trace or generation with its sentiment (null while unknown or absent). */
export interface SentimentItem {
  id: string;
  level: "trace" | "generation";
  /** Epoch ms of the trace or generation, when readable. */
  time: number | null;
  trace: LLMTrace | null;
  /** The generation event (generation level only). */
  event: LLMTraceEvent | null;
  sentiment: SentimentResult | null;
}

export interface SentimentOverviewDimension {
  /** Stable id, used by the group-by select and `groupBy`. */
  id: string;
  /** Shown in the select and in chart titles. */
  label: string;
  kind: "none" | "model" | "person" | "property" | "custom";
  /** Person property name (`kind: "person"`). */
  property?: string;
  /** Dot path (`kind: "property"`): `properties.$ai_provider`, `traceName`, `person.properties.plan`, `trace.traceName`. */
  path?: string;
  /** Group value of an item (`kind: "custom"`). */
  value?: (item: SentimentItem) => unknown;
}

/** Ready-made dimensions. */
export const sentimentDimensions = {
  none: { id: "none", label: "Everything", kind: "none" } as SentimentOverviewDimension,
  model: { id: "model", label: "Model", kind: "model" } as SentimentOverviewDimension,
  /** A person property, e.g. `sentimentDimensions.person("plan")`. */
  person: (property: string, label = `Person ${property}`): SentimentOverviewDimension => ({ id: `person:${property}`, label, kind: "person", property }),
  /** Any property path, e.g. `sentimentDimensions.property("properties.$ai_provider", "Provider")`. */
  property: (path: string, label = path): SentimentOverviewDimension => ({ id: `path:${path}`, label, kind: "property", path }),
  custom: (id: string, label: string, value: (item: SentimentItem) => unknown): SentimentOverviewDimension => ({ id, label, kind: "custom", value }),
};

/** The group of items with no value for the dimension. */
export const NO_VALUE = "(none)";

function readPath(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (!node || typeof node !== "object") return undefined;
    try {
      node = (node as Record<string, unknown>)[key];
    } catch {
      return undefined;
    }
  }
  return node;
}

function eventsOf(trace: LLMTrace | null): LLMTraceEvent[] {
  return trace && Array.isArray(trace.events) ? trace.events.filter((e) => e && typeof e === "object") : [];
}

function propertyPathValue(item: SentimentItem, path: string): unknown {
  const parts = path.split(".").filter(Boolean);
  if (parts[0] === "trace") return readPath(item.trace, parts.slice(1));
  if (item.event) return readPath(item.event, parts);
  // A trace has no `properties` of its own: the first of its events that has the property speaks for it.
  if (parts[0] === "properties") {
    for (const event of eventsOf(item.trace)) {
      const value = readPath(event, parts);
      if (value !== undefined && value !== null && value !== "") return value;
    }
    return undefined;
  }
  return readPath(item.trace, parts);
}

function asGroup(value: unknown): string | null {
  if (typeof value === "string") return value.trim() ? cutText(value.trim(), 80) : null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return null;
}

/** The group an item falls in, or null for "no value". */
export function dimensionValue(dimension: SentimentOverviewDimension, item: SentimentItem): string | null {
  try {
    switch (dimension.kind) {
      case "none":
        return "All";
      case "model": {
        if (item.event) return asGroup(readPath(item.event, ["properties", "$ai_model"]));
        return item.trace ? (traceModels(item.trace)[0] ?? null) : null;
      }
      case "person":
        return asGroup(readPath(item.trace, ["person", "properties", dimension.property ?? ""]));
      case "property":
        return asGroup(propertyPathValue(item, dimension.path ?? ""));
      case "custom":
        return asGroup(dimension.value?.(item));
    }
  } catch {
    return null;
  }
  return null;
}

/** Property filters that select a group's items in a TracesQuery (empty when the dimension has no query form). */
export function dimensionFilters(dimension: SentimentOverviewDimension, value: string | null): QueryPropertyFilter[] {
  const match = (type: "event" | "person", key: string): QueryPropertyFilter[] => [
    value === null ? { type, key, operator: "is_not_set" } : { type, key, operator: "exact", value },
  ];
  if (dimension.kind === "model") return match("event", "$ai_model");
  if (dimension.kind === "person" && dimension.property) return match("person", dimension.property);
  if (dimension.kind === "property" && dimension.path) {
    const parts = dimension.path.split(".").filter(Boolean);
    if (parts[0] === "properties" && parts.length === 2) return match("event", parts[1]!);
    if (parts[0] === "person" && parts[1] === "properties" && parts.length === 3) return match("person", parts[2]!);
  }
  return [];
}
