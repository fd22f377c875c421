/** Pure helpers shared by TraceDetail's parts: labels, colours, node facts, search and lookups. */
import { isPropertyBag, readNumber, readString, safeJsonStringify, type PropertyBag } from "../../core/eventsAccess";
import type { LLMTraceEvent } from "../../core/eventsTrace";
import { formatCount } from "../../core/format";
import type { GenerationSentiment, SentimentError, SentimentResult } from "../../core/sentiment/types";
import type { TraceNodeKind, TraceTreeNode, TraceTreeShape } from "../../core/trace";
import { finishJob } from "../../core/jobSteps";

export const KIND_LABEL: Record<TraceNodeKind, string> = {
  trace: "Trace",
  generation: "Generation",
  span: "Span",
  embedding: "Embedding",
  evaluation: "Evaluation",
  other: "Event",
};

/** Text colour per kind (literal class names, so Tailwind finds them). */
export const KIND_TEXT: Record<TraceNodeKind, string> = {
  trace: "tl:text-(color:--tl-kind-trace) tl:border-(color:--tl-kind-trace)",
  generation: "tl:text-(color:--tl-kind-generation) tl:border-(color:--tl-kind-generation)",
  span: "tl:text-(color:--tl-kind-span) tl:border-(color:--tl-kind-span)",
  embedding: "tl:text-(color:--tl-kind-embedding) tl:border-(color:--tl-kind-embedding)",
  evaluation: "tl:text-(color:--tl-kind-evaluation) tl:border-(color:--tl-kind-evaluation)",
  other: "tl:text-(color:--tl-kind-span) tl:border-(color:--tl-kind-span)",
};

/** Fill per kind for timeline bars. */
export const KIND_FILL: Record<TraceNodeKind, string> = {
  trace: "tl:bg-(color:--tl-kind-trace)",
  generation: "tl:bg-(color:--tl-kind-generation)",
  span: "tl:bg-(color:--tl-kind-span)",
  embedding: "tl:bg-(color:--tl-kind-embedding)",
  evaluation: "tl:bg-(color:--tl-kind-evaluation)",
  other: "tl:bg-(color:--tl-kind-span)",
};

/** The event's properties, or an empty bag for a synthetic root or a malformed event. */
export function nodeProperties(node: TraceTreeNode | null | undefined): PropertyBag {
  const properties = node?.event?.properties;
  return isPropertyBag(properties) ? properties : {};
}

export function nodeModel(node: TraceTreeNode): string | null {
  return readString(nodeProperties(node).$ai_model) || null;
}

export function nodeErrored(node: TraceTreeNode): boolean {
  return node.metrics.errorCount > 0;
}

/** Whole-node error text: `$ai_error` as given (string or JSON), or null. */
export function nodeError(node: TraceTreeNode): unknown {
  const error = nodeProperties(node).$ai_error;
  return error === undefined || error === null || error === "" || error === false ? null : error;
}

export function httpStatus(node: TraceTreeNode): number | null {
  return readNumber(nodeProperties(node).$ai_http_status);
}

/** The label a screen reader hears for a node, and the title shown. */
export function nodeTitle(node: TraceTreeNode): string {
  return node.name || KIND_LABEL[node.kind];
}

const SEARCH_KEYS = ["$ai_input", "$ai_output_choices", "$ai_output", "$ai_input_state", "$ai_output_state", "$ai_error", "$ai_span_name", "$ai_model", "$ai_provider", "$ai_evaluation_reasoning"];

// Lower-cased search text per node; built on first search, kept while the tree lives.
const searchTextCache = new WeakMap<TraceTreeNode, string>();
// The costly part, an event's contents, per event: a large trace's outline and its finished tree hold the
// same event objects, so a search made while the tree is being checked is not serialized again after.
const eventTextCache = new WeakMap<LLMTraceEvent, string>();

function eventSearchText(event: LLMTraceEvent | null): string {
  if (!event) return "";
  let text = eventTextCache.get(event);
  if (text === undefined) {
    const properties = isPropertyBag(event.properties) ? event.properties : {};
    const parts = [String(event.id ?? "")];
    for (const key of SEARCH_KEYS) {
      const value = properties[key];
      if (value === undefined || value === null) continue;
      parts.push(typeof value === "string" ? value : safeJsonStringify(value));
    }
    text = parts.join("\n").toLowerCase();
    eventTextCache.set(event, text);
  }
  return text;
}

/** What search looks through: the node's name, ids, model and its message and state contents. */
export function nodeSearchText(node: TraceTreeNode): string {
  let text = searchTextCache.get(node);
  if (text === undefined) {
    text = `${node.name}\n${node.key}`.toLowerCase() + "\n" + eventSearchText(node.event);
    searchTextCache.set(node, text);
  }
  return text;
}

function countIn(text: string, query: string): number {
  let found = 0;
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) found++;
  return found;
}

export interface TraceSearchResult {
  /** Trimmed, lower-cased query ("" when none). */
  query: string;
  /** Keys of nodes that match. */
  matches: ReadonlySet<string>;
  /** Matches and their ancestors: what the filtered tree shows. */
  visible: ReadonlySet<string>;
  /** Occurrences of the query over every node's search text. */
  occurrences: number;
}

/** Finds the query in every node (case-insensitive); linear in the trace's searchable text. */
export function searchTrace(tree: TraceTreeShape, rawQuery: string): TraceSearchResult {
  return finishJob(searchTraceSteps(tree, rawQuery));
}

/** Yield every this many nodes: a large trace's first search serializes every event's contents. */
const SEARCH_STEP = 256;

/** {@link searchTrace} as a job that yields between chunks of nodes, for a view that searches a large trace in slices. */
export function* searchTraceSteps(tree: TraceTreeShape, rawQuery: string): Generator<void, TraceSearchResult, void> {
  const query = rawQuery.trim().toLowerCase();
  const matches = new Set<string>();
  const visible = new Set<string>();
  let occurrences = 0;
  if (!query) return { query, matches, visible, occurrences };
  // A query without a line break cannot span the line between a node's name/key and its event's text, so
  // the two are searched apart: no joined copy of every event's text per node (a large trace's outline and
  // its finished tree have different nodes but the same events).
  const apart = !query.includes("\n");
  let seen = 0;
  for (const node of tree.nodesByKey.values()) {
    if (++seen % SEARCH_STEP === 0) yield;
    const found = apart ? countIn(`${node.name}\n${node.key}`.toLowerCase(), query) + countIn(eventSearchText(node.event), query) : countIn(nodeSearchText(node), query);
    if (found === 0) continue;
    occurrences += found;
    matches.add(node.key);
    let current: TraceTreeNode | undefined = node;
    const guard = new Set<string>();
    while (current && !visible.has(current.key) && !guard.has(current.key)) {
      guard.add(current.key);
      visible.add(current.key);
      current = current.parentKey === null ? undefined : tree.nodesByKey.get(current.parentKey);
    }
  }
  return { query, matches, visible, occurrences };
}

/** The node for a selected event id (event UUID, else node key); unknown ids fall back to the root. */
export function findSelectedNode(tree: TraceTreeShape, selectedEventId: string | null | undefined): { node: TraceTreeNode; found: boolean } {
  if (selectedEventId === null || selectedEventId === undefined || selectedEventId === "") return { node: tree.root, found: true };
  const node = tree.nodesByEventId.get(selectedEventId) ?? tree.nodesByKey.get(selectedEventId);
  return node ? { node, found: true } : { node: tree.root, found: false };
}

/**
 * The id `onSelectEvent` reports for a node: its event UUID (for an event that reuses an earlier
 * event's id with other content, the derived `id#index`), its node key for an event without an id,
 * or null for a root without an event.
 */
export function selectionIdOf(node: TraceTreeNode, tree: TraceTreeShape): string | null {
  if (node === tree.root && !node.event) return null;
  return node.eventKey ?? node.key;
}

export interface SentimentSources {
  trace?: SentimentResult | SentimentError | null;
  generations?: Readonly<Record<string, GenerationSentiment | SentimentError | null | undefined>>;
}

/** A generation's sentiment: explicit per-generation results, then the trace result's map, then inline. */
export function generationSentiment(node: TraceTreeNode, sources: SentimentSources): GenerationSentiment | SentimentError | null | undefined {
  const id = node.event?.id;
  if (!id) return undefined;
  const explicit = sources.generations?.[id];
  if (explicit !== undefined) return explicit;
  const trace = sources.trace;
  if (trace && "generations" in trace && isPropertyBag(trace.generations)) {
    const part = trace.generations[id];
    if (part) return { ...part, message_count: part.message_count ?? Object.keys(part.messages ?? {}).length };
  }
  const inline = (node.event as LLMTraceEvent).sentiment;
  return inline ?? undefined;
}

/** Kinds that exist in the tree, in a fixed order (for the type toggles and the legend). */
export function kindsInTree(tree: TraceTreeShape): TraceNodeKind[] {
  const cached = kindsCache.get(tree);
  if (cached) return cached;
  const present: Partial<Record<TraceNodeKind, true>> = {};
  for (const node of tree.nodesByKey.values()) present[node.kind] = true;
  const kinds = (["trace", "generation", "span", "embedding", "evaluation", "other"] as const).filter((kind) => present[kind]);
  kindsCache.set(tree, kinds);
  return kinds;
}

// Once per tree: the search bar and the timeline legend both ask, and a large tree has many nodes.
const kindsCache = new WeakMap<TraceTreeShape, TraceNodeKind[]>();

/** Records the kinds of `tree` worked out along with it (a scanned outline's), so {@link kindsInTree} need not walk it. */
export function rememberKindsInTree(tree: TraceTreeShape, kinds: TraceNodeKind[]): void {
  kindsCache.set(tree, kinds);
}

/** A whole number with grouping, in the given locale (an invalid tag falls back to the default); huge ones in scientific notation. */
export function formatInteger(value: number, locale?: string): string {
  return formatCount(value, { locale });
}
