import { describeCostBreakdown, eventCostBreakdown, traceCostBreakdown, type CostBreakdown } from "../../core/traceCostBreakdown";
import { generationModelParameters, traceModelParameters, type ModelParameter, type TraceModelParameters } from "../../core/traceModelParameters";
import type { TraceTree, TraceTreeNode } from "../../core/traceTypes";
import { TraceDetailChip } from "./TraceDetailChip";

/** The header chips' parameters, in PostHog's order. */
const HEADER_PARAMETERS = ["temperature", "maxTokens", "stream"] as const;

/** Cost parts ("Input: $0.0012", "Web search: $0.01", …) one per line, for a cost tooltip; "" when none was reported. */
export function costPartsDetail(breakdown: CostBreakdown, locale?: string): string {
  return describeCostBreakdown(breakdown, locale)
    .map((line) => `${line.label}: ${line.text}`)
    .join("\n");
}

// The whole trace's breakdown and parameters walk every node: once per tree, not on every header render.
const traceBreakdowns = new WeakMap<TraceTree, CostBreakdown | null>();
const traceParameters = new WeakMap<TraceTree, TraceModelParameters | null>();

/** `compute(tree)` once per tree; null when it throws (a malformed trace loses the figure, not the header). */
function oncePerTree<T>(cache: WeakMap<TraceTree, T | null>, tree: TraceTree, compute: (tree: TraceTree) => T): T | null {
  let value = cache.get(tree);
  if (value === undefined) {
    try {
      value = compute(tree);
    } catch {
      value = null;
    }
    cache.set(tree, value);
  }
  return value;
}

function breakdownOf(tree: TraceTree, nodeKey: string | undefined): CostBreakdown | null {
  if (nodeKey !== undefined) return traceCostBreakdown(tree, nodeKey);
  return oncePerTree(traceBreakdowns, tree, (whole) => traceCostBreakdown(whole));
}

/** Works out the header's trace-wide figures (cost parts, model parameters) ahead of its render, e.g. in a background task. */
export function warmTraceDetailHeader(tree: TraceTree): void {
  breakdownOf(tree, undefined);
  safeTraceParameters(tree);
}

/** The parts of a trace's (or a node's subtree's) cost; `""` when it cannot be read. */
export function treeCostDetail(tree: TraceTree, nodeKey?: string, locale?: string): string {
  try {
    const breakdown = breakdownOf(tree, nodeKey);
    return breakdown ? costPartsDetail(breakdown, locale) : "";
  } catch {
    return "";
  }
}

/** The parts of one event's own cost. */
export function eventCostDetail(node: TraceTreeNode, locale?: string): string {
  return costPartsDetail(eventCostBreakdown(node.event?.properties), locale);
}

function safeTraceParameters(tree: TraceTree): TraceModelParameters | null {
  return oncePerTree(traceParameters, tree, traceModelParameters);
}

function valuesText(values: ReadonlyArray<{ text: string; generations: number }>): { text: string; detail?: string } {
  const first = values[0]?.text ?? "";
  if (values.length === 1) return { text: first.length > 24 ? `${first.slice(0, 24)}…` : first, detail: first.length > 24 ? first : undefined };
  return { text: `${values.length} values`, detail: values.map((v) => `${v.text} (${v.generations} ${v.generations === 1 ? "generation" : "generations"})`).join("\n") };
}

/**
 * Model parameters of the trace's generations for its header: temperature, max tokens, stream
 * and the tools offered; other parameters go in the Tools/"More" chip's tooltip. Nothing when no
 * generation reported any.
 */
export function TraceDetailModelParameters({ tree }: { tree: TraceTree }) {
  const params = safeTraceParameters(tree);
  if (!params || params.generationCount === 0) return null;
  const byKey = new Map(params.parameters.map((p) => [p.key, p]));
  const others = params.parameters.filter((p) => !(HEADER_PARAMETERS as readonly string[]).includes(p.key));
  return (
    <>
      {HEADER_PARAMETERS.map((key) => {
        const parameter = byKey.get(key);
        if (!parameter) return null;
        const { text, detail } = valuesText(parameter.values);
        return (
          <TraceDetailChip key={key} label={parameter.label} showLabel data-slot={`chip-param-${key}`} detail={detail}>
            {text}
          </TraceDetailChip>
        );
      })}
      {params.tools.length > 0 && (
        <TraceDetailChip label="Tools" showLabel data-slot="chip-param-tools" detail={params.tools.map((t) => `${t.name} (offered to ${t.generations} ${t.generations === 1 ? "generation" : "generations"})`).join("\n")}>
          {params.tools.length}
        </TraceDetailChip>
      )}
      {others.length > 0 && (
        <TraceDetailChip label="More parameters" data-slot="chip-param-more" detail={others.map((p) => `${p.label}: ${p.values.map((v) => v.text).join(", ")}`).join("\n")}>
          +{others.length} params
        </TraceDetailChip>
      )}
    </>
  );
}

/** One generation's parameters as lines ("Temperature: 0.2"), for its event header; `[]` when it has none. */
export function generationParameterLines(node: TraceTreeNode): ModelParameter[] {
  if (node.kind !== "generation") return [];
  try {
    return generationModelParameters(node.event?.properties).parameters;
  } catch {
    return [];
  }
}
