/**
 * What a trace's cost, tokens and latency are, and how much of them anyone reported.
 *
 * Rules (tracelens's, stricter than PostHog's sums, which count a missing cost as 0):
 * - A cost or token count nobody reported stays unknown: it is never shown as `$0.00`.
 * - A trace where some generations/embeddings reported a cost and others did not shows the known
 *   sum as a lower bound (`≥ $0.42`) and says how many reported nothing.
 * - Cost, tokens and latency set on the `$ai_trace` event itself (SDK aggregates: the Claude
 *   Agent SDK's `total_cost_usd`, the OpenAI Agents trace latency) are the trace's own figures:
 *   they replace the sum of the events below for that measure, so nothing is counted twice.
 */
import { isPropertyBag, readNumber, type PropertyBag } from "./eventsAccess";
import type { LLMTrace } from "./eventsTrace";
import { FORMAT_PLACEHOLDER, formatCost, formatTokens } from "./format";

/** Costs and tokens one event reported; `null` for a measure it did not report. */
export interface ReportedUsage {
  cost: { total: number; input: number | null; output: number | null } | null;
  tokens: { input: number | null; output: number | null } | null;
  latency: number | null;
}

function amount(properties: PropertyBag, key: string): number | null {
  const value = readNumber(properties[key]);
  return value !== null && value >= 0 ? value : null;
}

/** What an event's properties report (`$ai_total_cost_usd`, else the sum of the parts it gives). */
export function reportedUsage(properties: unknown): ReportedUsage {
  const p = isPropertyBag(properties) ? properties : {};
  const input = amount(p, "$ai_input_cost_usd");
  const output = amount(p, "$ai_output_cost_usd");
  const request = amount(p, "$ai_request_cost_usd");
  const webSearch = amount(p, "$ai_web_search_cost_usd");
  const explicit = amount(p, "$ai_total_cost_usd");
  const parts = [input, output, request, webSearch].filter((v): v is number => v !== null);
  const total = explicit ?? (parts.length > 0 ? parts.reduce((a, b) => a + b, 0) : null);
  const inTokens = amount(p, "$ai_input_tokens");
  const outTokens = amount(p, "$ai_output_tokens");
  return {
    cost: total === null ? null : { total, input, output },
    tokens: inTokens === null && outTokens === null ? null : { input: inTokens, output: outTokens },
    latency: amount(p, "$ai_latency"),
  };
}

/** How much of a trace's usage was reported. */
export interface UsageCoverage {
  /** Generations and embeddings seen. */
  usageEvents: number;
  /** Of those, how many reported a cost (0 counts as reported). */
  costReported: number;
  /** Of those, how many reported input or output tokens. */
  tokensReported: number;
  /** The `$ai_trace` event reported the trace's cost, which then is the trace total. */
  costFromTrace: boolean;
  tokensFromTrace: boolean;
  /** Display names of usage events without a cost / tokens (at most 10), for notes. */
  costMissingNames: string[];
  tokensMissingNames: string[];
}

export type UsageStatus = "complete" | "partial" | "unknown";

/** A figure ready to show: its text, whether it is complete, and a note saying what is missing. */
export interface UsageDisplay {
  text: string;
  status: UsageStatus;
  /** Plain sentence for a tooltip or screen readers; "" when nothing needs saying. */
  note: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function missingNote(what: string, reported: number, total: number, names: readonly string[]): string {
  const missing = total - reported;
  const list = names.length > 0 ? `: ${names.join(", ")}${missing > names.length ? ", …" : ""}` : "";
  return `${plural(missing, "generation or embedding")} of ${total} reported no ${what}${list}. The figure counts only what was reported.`;
}

/**
 * Whether {@link describeCost} would show the cost as unknown, without formatting anything (a sort key
 * read for 100,000 rows).
 */
export function isCostUnknown(total: number | null | undefined, coverage: UsageCoverage): boolean {
  const value = usableCost(total);
  if (coverage.costFromTrace && value !== null) return false;
  // A positive total with no reporting event in view came from elsewhere (a server aggregate): it is known.
  return coverage.costReported === 0 && !(value !== null && value > 0);
}

function usableCost(total: number | null | undefined): number | null {
  return typeof total === "number" && Number.isFinite(total) && total >= 0 ? total : null;
}

/** The cost to show for `total` given who reported what. */
export function describeCost(total: number | null | undefined, coverage: UsageCoverage, locale?: string): UsageDisplay {
  const value = usableCost(total);
  if (coverage.costFromTrace && value !== null) return { text: formatCost(value, { locale }), status: "complete", note: "Cost reported on the trace event." };
  if (isCostUnknown(value, coverage)) return { text: FORMAT_PLACEHOLDER, status: "unknown", note: coverage.usageEvents > 0 ? "No event reported a cost." : "" };
  const shown = value ?? 0;
  if (coverage.costReported === 0) return { text: formatCost(shown, { locale }), status: "complete", note: "" };
  if (coverage.costReported < coverage.usageEvents) {
    return { text: `≥ ${formatCost(shown, { locale })}`, status: "partial", note: missingNote("cost", coverage.costReported, coverage.usageEvents, coverage.costMissingNames) };
  }
  return { text: formatCost(shown, { locale }), status: "complete", note: "" };
}

/** Token usage to show ("in → out (∑ total)") given who reported what. */
export function describeTokens(input: number | null | undefined, output: number | null | undefined, coverage: UsageCoverage, locale?: string): UsageDisplay {
  const known = (v: number | null | undefined) => typeof v === "number" && Number.isFinite(v) && v >= 0;
  if (coverage.tokensReported === 0 && !coverage.tokensFromTrace) {
    if ((known(input) && (input as number) > 0) || (known(output) && (output as number) > 0)) return { text: formatTokens(input, output, { locale }), status: "complete", note: "" };
    return { text: FORMAT_PLACEHOLDER, status: "unknown", note: coverage.usageEvents > 0 ? "No event reported token counts." : "" };
  }
  const text = formatTokens(known(input) ? input : 0, known(output) ? output : 0, { locale });
  if (!coverage.tokensFromTrace && coverage.tokensReported < coverage.usageEvents) {
    return { text: `≥ ${text}`, status: "partial", note: missingNote("token counts", coverage.tokensReported, coverage.usageEvents, coverage.tokensMissingNames) };
  }
  return { text, status: "complete", note: coverage.tokensFromTrace ? "Tokens reported on the trace event." : "" };
}

function eventName(properties: PropertyBag, fallback: string): string {
  const name = properties.$ai_span_name ?? properties.$ai_model;
  return typeof name === "string" && name !== "" ? name.slice(0, 60) : fallback;
}

/** Coverage over a list of events (an `LLMTrace`'s `events`, which may include the `$ai_trace` event). */
export function eventsUsageCoverage(events: readonly unknown[]): UsageCoverage {
  const coverage: UsageCoverage = { usageEvents: 0, costReported: 0, tokensReported: 0, costFromTrace: false, tokensFromTrace: false, costMissingNames: [], tokensMissingNames: [] };
  for (const item of events) {
    if (!isPropertyBag(item)) continue;
    const properties = isPropertyBag(item.properties) ? item.properties : {};
    const usage = reportedUsage(properties);
    if (item.event === "$ai_trace") {
      if (usage.cost) coverage.costFromTrace = true;
      if (usage.tokens) coverage.tokensFromTrace = true;
      continue;
    }
    if (item.event !== "$ai_generation" && item.event !== "$ai_embedding") continue;
    coverage.usageEvents++;
    const name = eventName(properties, item.event === "$ai_generation" ? "generation" : "embedding");
    if (usage.cost) coverage.costReported++;
    else if (coverage.costMissingNames.length < 10) coverage.costMissingNames.push(name);
    if (usage.tokens) coverage.tokensReported++;
    else if (coverage.tokensMissingNames.length < 10) coverage.tokensMissingNames.push(name);
  }
  return coverage;
}

/** An `LLMTrace`'s usage figures with their coverage, as the tables and session view show them. */
export interface TraceUsageFigures {
  coverage: UsageCoverage;
  totalCost: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
}

/**
 * Usage of an `LLMTrace` as the tables see it. Figures: those of a `$ai_trace` event among its
 * events when it reports them; else the trace's own fields (PostHog's sums, or tracelens's from
 * `summarizeTraceEvents`, which marks trace-event figures with `usageReportedOnTrace`); else the
 * sum of what its events reported. Coverage counts its events (TracesQuery lists only the
 * direct children, so nested generations are not counted).
 */
export function llmTraceUsage(trace: LLMTrace): TraceUsageFigures {
  const events = Array.isArray(trace.events) ? trace.events : [];
  const coverage = eventsUsageCoverage(events);
  const marker = trace.usageReportedOnTrace;
  if (isPropertyBag(marker)) {
    if (marker.cost === true) coverage.costFromTrace = true;
    if (marker.tokens === true) coverage.tokensFromTrace = true;
  }
  let onTrace: ReportedUsage | null = null;
  let summed = { cost: 0, input: 0, output: 0, anyCost: false, anyTokens: false };
  for (const item of events) {
    if (!isPropertyBag(item)) continue;
    const usage = reportedUsage(item.properties);
    if (item.event === "$ai_trace") {
      onTrace ??= usage;
      continue;
    }
    if (item.event !== "$ai_generation" && item.event !== "$ai_embedding") continue;
    if (usage.cost) summed = { ...summed, cost: summed.cost + usage.cost.total, anyCost: true };
    if (usage.tokens) summed = { ...summed, input: summed.input + (usage.tokens.input ?? 0), output: summed.output + (usage.tokens.output ?? 0), anyTokens: true };
  }
  const given = (value: unknown) => readNumber(value);
  return {
    coverage,
    totalCost: onTrace?.cost ? onTrace.cost.total : (given(trace.totalCost) ?? (summed.anyCost ? summed.cost : null)),
    inputTokens: onTrace?.tokens ? onTrace.tokens.input : (given(trace.inputTokens) ?? (summed.anyTokens ? summed.input : null)),
    outputTokens: onTrace?.tokens ? onTrace.tokens.output : (given(trace.outputTokens) ?? (summed.anyTokens ? summed.output : null)),
  };
}

/** The parts of a tree node `treeUsageCoverage` reads (kept structural to avoid an import cycle). */
interface UsageNode {
  kind: string;
  name: string;
  metrics: { costReported: boolean; tokensReported: boolean };
}

/** Coverage over a built tree's nodes, with the `$ai_trace` event's own report. */
export function treeUsageCoverage(nodes: Iterable<UsageNode>, traceReported: ReportedUsage | null): UsageCoverage {
  const coverage: UsageCoverage = {
    usageEvents: 0,
    costReported: 0,
    tokensReported: 0,
    costFromTrace: traceReported?.cost != null,
    tokensFromTrace: traceReported?.tokens != null,
    costMissingNames: [],
    tokensMissingNames: [],
  };
  for (const node of nodes) {
    if (node.kind !== "generation" && node.kind !== "embedding") continue;
    coverage.usageEvents++;
    if (node.metrics.costReported) coverage.costReported++;
    else if (coverage.costMissingNames.length < 10) coverage.costMissingNames.push(node.name.slice(0, 60));
    if (node.metrics.tokensReported) coverage.tokensReported++;
    else if (coverage.tokensMissingNames.length < 10) coverage.tokensMissingNames.push(node.name.slice(0, 60));
  }
  return coverage;
}

/** Coverage of a subtree from its totals (no names: a subtree note only counts). */
export function totalsUsageCoverage(totals: { generationCount: number; embeddingCount: number; costReportedCount: number; tokensReportedCount: number }): UsageCoverage {
  return {
    usageEvents: totals.generationCount + totals.embeddingCount,
    costReported: totals.costReportedCount,
    tokensReported: totals.tokensReportedCount,
    costFromTrace: false,
    tokensFromTrace: false,
    costMissingNames: [],
    tokensMissingNames: [],
  };
}
