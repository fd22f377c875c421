/**
 * Repeated calls: the same tool with the same or near-same arguments, and the same model with
 * exactly the same input.
 */
import { isPropertyBag, readString } from "./eventsAccess";
import { commonParentKey, figuresPhrase, inSequence, loopEvents, loopFigures, loopPattern, repeatSpan, type TreeIndex } from "./traceLoopsFigures";
import type { TraceLoop, TraceLoopKind, TraceLoopPattern } from "./traceLoopsTypes";
import { toolArgumentsKey } from "./traceToolArguments";
import { traceToolCalls, type TraceToolCall } from "./traceToolCalls";
import type { TraceTreeNode } from "./traceTypes";

/** One call as repeat detection sees it. */
interface Call {
  name: string;
  node: TraceTreeNode;
  nearKey: string;
  exactKey: string;
  order: number;
}

function byTime(a: Call, b: Call): number {
  const as = a.node.startMs ?? Number.POSITIVE_INFINITY;
  const bs = b.node.startMs ?? Number.POSITIVE_INFINITY;
  return as !== bs ? (as < bs ? -1 : 1) : a.order - b.order;
}

function times(n: number): string {
  return n === 2 ? "twice" : `${n} times`;
}

function describe(kind: TraceLoopKind, name: string, repeats: number, match: "exact" | "near", pattern: TraceLoopPattern, parallel: boolean): string {
  const what = kind === "tool-repeat" ? (match === "exact" ? "the same arguments" : "near-same arguments") : match === "exact" ? "the same input" : "near-same input";
  if (pattern === "retry") return `${name} retried with ${what}: ${repeats} calls, the earlier ones failed, the last succeeded`;
  if (pattern === "failing") return `${name} failed ${times(repeats)} with ${what}`;
  return `${name} called ${times(repeats)}${parallel ? " in parallel" : ""} with ${what}`;
}

function groupToLoops(index: TreeIndex, kind: TraceLoopKind, calls: Call[], minRepeats: number, locale: string | undefined, into: TraceLoop[]): void {
  const groups = new Map<string, Call[]>();
  for (const call of calls) {
    const key = `${call.name}\u0000${call.nearKey}`;
    const group = groups.get(key);
    if (group) group.push(call);
    else groups.set(key, [call]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort(byTime);
    const pattern = loopPattern(group.map((call) => call.node.metrics.errorCount > 0));
    if (group.length < minRepeats && pattern === "loop") continue;
    const match = group.every((call) => call.exactKey === (group[0] as Call).exactKey) ? "exact" : "near";
    let parallel = false;
    for (let i = 1; i < group.length && !parallel; i++) {
      const a = group[i - 1] as Call;
      const b = group[i] as Call;
      parallel = a.node === b.node || !inSequence(repeatSpan([a.node]), repeatSpan([b.node]));
    }
    const nodes = group.map((call) => call.node);
    const figures = loopFigures(index, nodes);
    const name = (group[0] as Call).name;
    into.push({
      kind,
      traceId: index.tree.traceId,
      label: name,
      block: [name],
      period: 1,
      repeats: group.length,
      match,
      pattern,
      parallel,
      parentKey: commonParentKey(index, nodes),
      events: loopEvents(index, nodes.map((node) => [node])),
      figures,
      description: describe(kind, name, group.length, match, pattern, parallel) + figuresPhrase(figures, locale),
    });
  }
}

/** Tool repeats. Tools with spans are judged on their spans; tools without, on the calls generations requested. */
export function toolRepeatLoops(index: TreeIndex, minRepeats: number, locale: string | undefined, into: TraceLoop[]): void {
  const found = traceToolCalls(index.tree);
  const withSpans = new Set(found.spans.map((call) => call.name));
  const chosen: TraceToolCall[] = [...found.spans, ...found.requests.filter((call) => !withSpans.has(call.name))];
  const calls = chosen.map<Call>((call, order) => ({
    name: call.name,
    node: call.node,
    nearKey: toolArgumentsKey(call.arguments, "near"),
    exactKey: toolArgumentsKey(call.arguments, "exact"),
    order,
  }));
  groupToLoops(index, "tool-repeat", calls, minRepeats, locale, into);
}

/** Generation repeats: same `$ai_model` and exactly the same `$ai_input` (after parsing, keys sorted). */
export function generationRepeatLoops(index: TreeIndex, minRepeats: number, locale: string | undefined, into: TraceLoop[]): void {
  const calls: Call[] = [];
  index.order.forEach((node, order) => {
    if (node.kind !== "generation") return;
    const p = isPropertyBag(node.event?.properties) ? node.event.properties : {};
    if (p.$ai_input === undefined || p.$ai_input === null) return;
    const exactKey = toolArgumentsKey(p.$ai_input, "exact");
    calls.push({ name: readString(p.$ai_model) || node.name, node, nearKey: exactKey, exactKey, order });
  });
  groupToLoops(index, "generation-repeat", calls, minRepeats, locale, into);
}
