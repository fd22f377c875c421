/**
 * Which event each line of a trace's text_repr renders, so that a line reference in a summary can
 * select its event.
 *
 * The text a summary points into has no markers (PostHog builds it with `include_markers: false`),
 * so events are told apart by the tree's own shape: a branch line `├─ [+] [GEN] summary` opens a
 * node, and the lines indented under it (`│      …`) are its rendering. Branch lines carry no ids,
 * so their labels are matched against the labels the given events would be drawn with, which
 * depend only on each event: the server may nest or order the tree differently and the match
 * still holds. Texts with markers (`<<<GEN_EXPANDABLE|id|…>>>`, `<<<EVENT_LINK|id|…>>>`) name
 * their events and need none given.
 *
 * Line numbers are the `L…:` numbers when the text has them (gaps in a sampled text stay gaps),
 * else 1-based positions, as TextReprView numbers them.
 */
import type { LineRefRange } from "../lineRefs";
import { parseTextRepr } from "./textReprParse";
import type { TextReprLine } from "./textReprSegments";
import { traceNodeLabel } from "./textReprTraceTree";

/** An event as text_repr reads it (`LLMTraceEvent` fits). */
export interface TextReprEventLike {
  id: string;
  event?: unknown;
  properties?: unknown;
}

/** One node's lines: its branch line and the rendering under it. */
export interface TextReprEventBlock {
  /** The event drawn here, or null when no given event has this label. */
  eventId: string | null;
  /** The branch label, e.g. `[GEN] answer (1.80s, $0.0012, gpt-4o-mini)`. */
  label: string;
  /** 0 for top-level nodes. */
  depth: number;
  firstLine: number;
  lastLine: number;
}

export interface TextReprLineEvents {
  /** Nodes in the order they appear in the text. */
  blocks: TextReprEventBlock[];
  /** Line number → event id, for every line inside a node whose event is known. */
  eventByLine: ReadonlyMap<number, string>;
}

export interface MapTextReprLinesOptions {
  /** Events the text may draw, preferably in tree order (equal labels are matched in this order). */
  events?: Iterable<TextReprEventLike>;
  /** A single event's text has no tree: every numbered line belongs to this event. */
  eventId?: string | null;
}

const HIERARCHY_HEADING = "TRACE HIERARCHY:";
const PREFIX = String.raw`((?:│  |   )*)([├└]─ )`;
const BRANCH_LINE = new RegExp(String.raw`^${PREFIX}(?:\[\+\] )?(\[(?:GEN|SPAN|EMBED|EVAL|EVENT)\] .*)$`, "u");
const MARKER_PREFIX = new RegExp(String.raw`^${PREFIX}$`, "u");
const UNIT = 3;

interface OpenNode {
  block: TextReprEventBlock;
  /** What each line of its rendering starts with; null when the rendering is inside a marker. */
  contentIndent: string | null;
}

function labelQueues(events: Iterable<TextReprEventLike> | undefined): Map<string, string[]> {
  const queues = new Map<string, string[]>();
  for (const event of events ?? []) {
    if (!event || typeof event.id !== "string") continue;
    let label: string;
    try {
      label = traceNodeLabel(event);
    } catch {
      continue; // PostHog could not have drawn it either.
    }
    const queue = queues.get(label);
    if (queue) queue.push(event.id);
    else queues.set(label, [event.id]);
  }
  return queues;
}

function contentIndentOf(prefix: string, branch: string): string {
  return `${prefix}${branch.startsWith("└") ? "   " : "│  "}    `;
}

/** A node opened by this line, from a marker (id known) or a plain branch line (id by label). */
function openNode(line: TextReprLine, number: number, labels: Map<string, string[]>): OpenNode | null {
  const [first, marker] = line.segments;
  if (first?.kind === "text" && (marker?.kind === "genExpandable" || marker?.kind === "eventLink")) {
    const prefix = MARKER_PREFIX.exec(first.text);
    if (prefix) {
      const label = marker.kind === "genExpandable" ? marker.label : `${marker.label}${line.text.slice(first.text.length + marker.raw.length)}`;
      const block = { eventId: marker.eventId, label, depth: (prefix[1] ?? "").length / UNIT, firstLine: number, lastLine: number };
      return { block, contentIndent: null };
    }
  }
  const branch = BRANCH_LINE.exec(line.text);
  if (!branch) return null;
  const [, prefix = "", arm = "", label = ""] = branch;
  const eventId = labels.get(label)?.shift() ?? null;
  const block = { eventId, label, depth: prefix.length / UNIT, firstLine: number, lastLine: number };
  return { block, contentIndent: contentIndentOf(prefix, arm) };
}

/** Maps the lines of a text_repr (trace or single event) to the events they render. */
export function mapTextReprLinesToEvents(text: string, options: MapTextReprLinesOptions = {}): TextReprLineEvents {
  const lines = parseTextRepr(typeof text === "string" ? text : "");
  const numbered = lines.some((line) => line.lineNumber !== null);
  const numberOf = (line: TextReprLine) => (numbered ? line.lineNumber : line.index + 1);
  const blocks: TextReprEventBlock[] = [];
  const eventByLine = new Map<number, string>();
  const add = (number: number | null, block: TextReprEventBlock) => {
    if (number === null) return;
    block.lastLine = Math.max(block.lastLine, number);
    if (block.eventId !== null) eventByLine.set(number, block.eventId);
  };
  // The last one: a trace error printed above the tree could contain the heading too, and no
  // line inside the tree can equal it (tree lines are indented or start with a branch).
  let heading = -1;
  for (let i = lines.length - 1; i >= 0 && heading < 0; i--) if (lines[i]?.text === HIERARCHY_HEADING) heading = i;
  if (heading < 0) {
    if (!options.eventId) return { blocks, eventByLine };
    const first = lines.map(numberOf).find((n) => n !== null) ?? 1;
    const block: TextReprEventBlock = { eventId: options.eventId, label: "", depth: 0, firstLine: first, lastLine: first };
    for (const line of lines) add(numberOf(line), block);
    return { blocks: [block], eventByLine };
  }
  const labels = labelQueues(options.events);
  let current: OpenNode | null = null;
  for (let i = heading + 1; i < lines.length; i++) {
    const line = lines[i] as TextReprLine;
    const number = numberOf(line);
    if (current?.contentIndent && line.text.startsWith(current.contentIndent)) {
      add(number, current.block);
      continue;
    }
    const opened = number === null ? null : openNode(line, number, labels);
    if (!opened) continue; // the depth-limit note, or a line whose node was sampled away
    current = opened;
    blocks.push(opened.block);
    add(number, opened.block);
  }
  return { blocks, eventByLine };
}

/** The event of the first mapped line in these ranges (at most `limit` lines are looked at), or null. */
export function eventAtLines(map: TextReprLineEvents, ranges: readonly LineRefRange[], limit = 10_000): string | null {
  let looked = 0;
  for (const { start, end } of ranges) {
    for (let line = start; line <= end && looked < limit; line++, looked++) {
      const id = map.eventByLine.get(line);
      if (id !== undefined) return id;
    }
  }
  return null;
}
