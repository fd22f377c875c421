/**
 * A cost split the way PostHog's cost tooltip splits it: input (`$ai_input_cost_usd`), output
 * (`$ai_output_cost_usd`), request (`$ai_request_cost_usd`) and web search
 * (`$ai_web_search_cost_usd`), for one event or a whole (sub)tree.
 *
 * A part nobody reported stays `null`; the total follows `reportedUsage` (`$ai_total_cost_usd`,
 * else the sum of the parts given). When the total is larger than its itemised parts (providers
 * bill cache writes, tool use and so on under the total only), the difference is `other`.
 */
import { isPropertyBag } from "./eventsAccess";
import { formatCost } from "./format";
import { asTraceTree, type TraceInsightInput } from "./traceInsightInput";
import type { TraceTreeNode } from "./traceTypes";
import { reportedUsage, type UsageCoverage } from "./traceUsage";

/** One part of a cost: its sum over the events that reported it. */
export interface CostPart {
  /** USD; `null` when no event reported this part. */
  amount: number | null;
  /** Events that reported it. */
  reported: number;
}

/** The cost of an event or a (sub)tree, by part. */
export interface CostBreakdown {
  input: CostPart;
  output: CostPart;
  request: CostPart;
  webSearch: CostPart;
  /** USD; `null` when no event reported any cost. */
  total: number | null;
  /** Total minus the four parts, when positive; `null` when there is nothing unexplained. */
  other: number | null;
  /** Generations/embeddings covered and how many reported a cost (for `describeCost`). */
  coverage: UsageCoverage;
  /** The figures are the `$ai_trace` event's own (an SDK aggregate), not sums over events. */
  fromTrace: boolean;
}

/** Property of each part, in display order. */
export const COST_PART_PROPERTIES = {
  input: "$ai_input_cost_usd",
  output: "$ai_output_cost_usd",
  request: "$ai_request_cost_usd",
  webSearch: "$ai_web_search_cost_usd",
} as const;

type PartName = keyof typeof COST_PART_PROPERTIES;
const PART_NAMES = Object.keys(COST_PART_PROPERTIES) as PartName[];
const PART_LABELS: Record<PartName, string> = { input: "Input", output: "Output", request: "Request", webSearch: "Web search" };

function emptyBreakdown(): CostBreakdown {
  const part = (): CostPart => ({ amount: null, reported: 0 });
  return {
    input: part(),
    output: part(),
    request: part(),
    webSearch: part(),
    total: null,
    other: null,
    coverage: { usageEvents: 0, costReported: 0, tokensReported: 0, costFromTrace: false, tokensFromTrace: false, costMissingNames: [], tokensMissingNames: [] },
    fromTrace: false,
  };
}

function amount(properties: Record<string, unknown>, key: string): number | null {
  const value = properties[key];
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function addEvent(into: CostBreakdown, properties: Record<string, unknown>): boolean {
  for (const name of PART_NAMES) {
    const value = amount(properties, COST_PART_PROPERTIES[name]);
    if (value === null) continue;
    into[name].amount = (into[name].amount ?? 0) + value;
    into[name].reported++;
  }
  const cost = reportedUsage(properties).cost;
  if (cost) into.total = (into.total ?? 0) + cost.total;
  return cost !== null;
}

function settle(breakdown: CostBreakdown): CostBreakdown {
  if (breakdown.total !== null) {
    const parts = PART_NAMES.reduce((sum, name) => sum + (breakdown[name].amount ?? 0), 0);
    const rest = breakdown.total - parts;
    // Costs come rounded from SDKs; a difference below a millionth of a cent is rounding, not a part.
    breakdown.other = rest > 1e-8 ? rest : null;
  }
  return breakdown;
}

/** The cost breakdown of one event's properties. Never throws. */
export function eventCostBreakdown(properties: unknown): CostBreakdown {
  const breakdown = emptyBreakdown();
  const p = isPropertyBag(properties) ? properties : {};
  breakdown.coverage.usageEvents = 1;
  if (addEvent(breakdown, p)) breakdown.coverage.costReported = 1;
  return settle(breakdown);
}

/**
 * The cost breakdown of a trace (or of the subtree under `nodeKey`): the parts summed over its
 * generations and embeddings. For the whole trace, a cost the `$ai_trace` event reports itself
 * wins (`fromTrace`), as in `describeCost`. Never throws; an unknown `nodeKey` gives an empty breakdown.
 */
export function traceCostBreakdown(trace: TraceInsightInput, nodeKey?: string): CostBreakdown {
  const tree = asTraceTree(trace);
  const start = nodeKey === undefined ? tree.root : tree.nodesByKey.get(nodeKey);
  const breakdown = emptyBreakdown();
  if (!start) return breakdown;
  if (start === tree.root && tree.root.event && isPropertyBag(tree.root.event.properties) && reportedUsage(tree.root.event.properties).cost) {
    addEvent(breakdown, tree.root.event.properties);
    breakdown.fromTrace = true;
    breakdown.coverage.costFromTrace = true;
  }
  const own = emptyBreakdown();
  const stack: TraceTreeNode[] = [start];
  while (stack.length > 0) {
    const node = stack.pop() as TraceTreeNode;
    if (node.kind === "generation" || node.kind === "embedding") {
      own.coverage.usageEvents++;
      const p = isPropertyBag(node.event?.properties) ? node.event.properties : {};
      if (addEvent(own, p)) own.coverage.costReported++;
      else if (own.coverage.costMissingNames.length < 10) own.coverage.costMissingNames.push(node.name.slice(0, 60));
    }
    for (const child of node.children) stack.push(child);
  }
  if (!breakdown.fromTrace) return settle(own);
  breakdown.coverage = { ...own.coverage, costFromTrace: true };
  return settle(breakdown);
}

/** The reported parts as tooltip lines ("Input: $0.0012"), `other` last; empty when nothing was reported. */
export function describeCostBreakdown(breakdown: CostBreakdown, locale?: string): Array<{ part: PartName | "other"; label: string; text: string }> {
  const lines: Array<{ part: PartName | "other"; label: string; text: string }> = [];
  for (const name of PART_NAMES) {
    const value = breakdown[name].amount;
    if (value !== null) lines.push({ part: name, label: PART_LABELS[name], text: formatCost(value, { locale }) });
  }
  if (breakdown.other !== null) lines.push({ part: "other", label: lines.length > 0 ? "Other" : "Total", text: formatCost(breakdown.other, { locale }) });
  return lines;
}
