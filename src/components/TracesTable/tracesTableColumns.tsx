import { formatLatency } from "../../core/format";
import { TRACE_TIME_DESCRIPTIONS } from "../../core/traceTimes";
import { describeCost, describeTokens, isCostUnknown, llmTraceUsage } from "../../core/traceUsage";
import type { LLMTrace } from "../../core/eventsTrace";
import { readNumber } from "../../core/eventsAccess";
import type { DataTableColumn } from "../ui/dataTableFeatures";
import { TagList } from "../ui/TagList";
import { TruncatedId } from "../ui/TruncatedId";
import { ErrorCountCell, PreviewCell, TextCell, TimeCell, cachedFormat, numberCellContent } from "../cells/TableCells";
import { useTableCellContext } from "../cells/cellContext";
import {
  inlineTraceSentiment,
  sentimentSortValue,
  traceErrorCount,
  traceErrorText,
  traceNameLabel,
  tracePersonLabel,
  traceTimeMs,
  traceTools,
  traceTotalTokens,
} from "../../core/traceRows";
import { traceInputPreview, traceOutputPreview } from "../../core/tracePreviews";
import { PersonCell } from "../cells/PersonCell";
import { SentimentCell } from "../cells/SentimentCell";
import { OutlierCell } from "./TracesTableOutliers";

/** A TracesTable column: a header, a cell renderer over the trace, and optionally a sort key and search text. */
export type TracesTableColumn = DataTableColumn<LLMTrace>;

/** Ids of the built-in columns, in PostHog's default order. */
export type TracesTableColumnId =
  | "id"
  | "name"
  | "input"
  | "output"
  | "person"
  | "sentiment"
  | "tools"
  | "errors"
  | "latency"
  | "tokens"
  | "cost"
  | "outlier"
  | "time";

const usages = new WeakMap<LLMTrace, ReturnType<typeof llmTraceUsage>>();

/** A row's usage, worked out once for its token and cost cells (each walks the trace's events). Read only. */
function rowUsage(trace: LLMTrace): ReturnType<typeof llmTraceUsage> {
  let usage = usages.get(trace);
  if (!usage) {
    usage = llmTraceUsage(trace);
    usages.set(trace, usage);
  }
  return usage;
}

function usageDisplay(kind: "tokens" | "cost", trace: LLMTrace, locale: string | undefined) {
  const usage = rowUsage(trace);
  return kind === "tokens" ? describeTokens(usage.inputTokens, usage.outputTokens, usage.coverage, locale) : describeCost(usage.totalCost, usage.coverage, locale);
}

/** The cost to sort by: none where the cell shows it as unknown. */
function costSortValue(trace: LLMTrace): number | undefined {
  const usage = llmTraceUsage(trace);
  return isCostUnknown(usage.totalCost, usage.coverage) ? undefined : (usage.totalCost ?? undefined);
}

function Formatted({ kind, trace }: { kind: "latency" | "tokens" | "cost"; trace: LLMTrace }) {
  const { locale } = useTableCellContext();
  const key = `${kind}|${locale ?? ""}`;
  if (kind === "latency") return numberCellContent(cachedFormat(trace, key, () => formatLatency(readNumber(trace.totalLatency), { locale })));
  // Unknown stays unknown: a cost or token count no event reported shows "–", never 0.
  const text = cachedFormat(trace, key, () => {
    const display = usageDisplay(kind, trace, locale);
    cachedFormat(trace, `${key}|note`, () => display.note);
    return display.text;
  });
  const note = cachedFormat(trace, `${key}|note`, () => usageDisplay(kind, trace, locale).note);
  return numberCellContent(text, note);
}

/**
 * Every built-in cell keeps nothing of its own that belongs to its row (a copy button's "Copied" goes with
 * the text it copied; a popover opens in the focused row, which stays pinned and is never reused; a tooltip
 * belongs to the element under the pointer and then shows that element's new text), so a jump down the
 * table may draw new rows into the elements already there.
 */
function withRecycling(columns: TracesTableColumn[]): readonly TracesTableColumn[] {
  return columns.map((column) => ({ ...column, recycle: true }));
}

/**
 * PostHog's default trace columns: ID, trace name, input and output previews, person, sentiment, tools,
 * errors, latency, token usage, cost, time. Spread and extend it to add your own:
 * `columns={[...tracesTableColumns, { id: "plan", header: "Plan", cell: (t) => t.person?.properties.plan }]}`.
 */
export const tracesTableColumns: readonly TracesTableColumn[] = withRecycling([
  {
    id: "id",
    header: "ID",
    width: 150,
    hideable: false,
    cell: (trace, { active }) => <TruncatedId id={trace.id} kind="trace ID" tabbable={active} />,
    sortValue: (trace) => trace.id,
    searchText: (trace) => trace.id,
  },
  {
    id: "name",
    header: "Trace name",
    width: 160,
    compact: true,
    cell: (trace) => <TextCell text={traceNameLabel(trace)} strong />,
    sortValue: (trace) => traceNameLabel(trace),
  },
  { id: "input", header: "Input", width: 260, cell: (trace) => <PreviewCell preview={traceInputPreview(trace)} /> },
  {
    id: "output",
    header: "Output",
    width: 260,
    cell: (trace) => <PreviewCell preview={traceOutputPreview(trace)} error={traceErrorCount(trace) > 0 ? traceErrorText(trace) : null} />,
  },
  {
    id: "person",
    header: "Person",
    width: 170,
    cell: (trace, { active }) => <PersonCell person={trace.person} distinctId={trace.distinctId} active={active} />,
    sortValue: (trace) => tracePersonLabel(trace),
  },
  {
    id: "sentiment",
    header: "Sentiment",
    width: 130,
    compact: true,
    description: "User-message sentiment of the trace",
    cell: (trace) => <SentimentCell id={trace.id} inline={inlineTraceSentiment(trace)} timestamp={trace.createdAt} />,
    sortValue: (trace) => sentimentSortValue(inlineTraceSentiment(trace)),
    sortDescFirst: true,
  },
  {
    id: "tools",
    header: "Tools",
    width: 200,
    cell: (trace, { active }) => <TagList items={traceTools(trace)} noun="tools" tabbable={active} className="tl:max-h-9 tl:overflow-hidden" />,
  },
  {
    id: "errors",
    header: "Errors",
    width: 80,
    align: "end",
    description: "Number of errors in this trace",
    cell: (trace) => <ErrorCountCell count={traceErrorCount(trace)} />,
    sortValue: (trace) => traceErrorCount(trace),
    sortDescFirst: true,
  },
  {
    id: "latency",
    header: "Latency",
    width: 110,
    align: "end",
    // PostHog's figure, which is a sum of latencies and not the trace's wall clock (TraceDetail shows both).
    description: TRACE_TIME_DESCRIPTIONS.postHogLatency,
    cell: (trace) => <Formatted kind="latency" trace={trace} />,
    sortValue: (trace) => readNumber(trace.totalLatency) ?? undefined,
    sortDescFirst: true,
  },
  {
    id: "tokens",
    header: "Token usage",
    width: 170,
    align: "end",
    description: "Input → output tokens (∑ total), over generations and embeddings",
    cell: (trace) => <Formatted kind="tokens" trace={trace} />,
    sortValue: traceTotalTokens,
    sortDescFirst: true,
  },
  {
    id: "cost",
    header: "Cost",
    width: 100,
    align: "end",
    description: "Total cost of the trace in USD",
    cell: (trace) => <Formatted kind="cost" trace={trace} />,
    sortValue: costSortValue,
    sortDescFirst: true,
  },
  {
    id: "outlier",
    header: "Outlier",
    width: 140,
    description: "Stands out from the loaded traces in cost, latency, tokens, errors or loops (median and MAD); the reasons are in its tooltip",
    cell: (trace, { active }) => <OutlierCell traceId={trace.id} active={active} />,
  },
  {
    id: "time",
    header: "Time",
    width: 130,
    compact: true,
    cell: (trace, { active }) => <TimeCell owner={trace} value={trace.createdAt} tabbable={active} />,
    sortValue: traceTimeMs,
    sortDescFirst: true,
  },
]);
