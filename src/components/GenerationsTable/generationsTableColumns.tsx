import { FORMAT_PLACEHOLDER, formatCost, formatLatency, formatTokens } from "../../core/format";
import { TRACE_TIME_DESCRIPTIONS } from "../../core/traceTimes";
import type { DataTableColumn } from "../ui/dataTableFeatures";
import { cn } from "../ui/cn";
import { TagList } from "../ui/TagList";
import { TruncatedId } from "../ui/TruncatedId";
import { TextCell, TimeCell, cachedFormat, numberCellContent } from "../cells/TableCells";
import { useTableCellContext } from "../cells/cellContext";
import type { LLMTrace } from "../../core/eventsTrace";
import { PersonCell } from "../cells/PersonCell";
import { SentimentCell } from "../cells/SentimentCell";
import {
  generationCost,
  generationCostNote,
  generationErrorText,
  generationIsError,
  generationLatency,
  generationModel,
  generationTimeMs,
  generationTokens,
  generationToolNames,
  generationPersonLabel,
  generationTraceId,
  inlineGenerationSentiment,
  type GenerationRow,
} from "../../core/generationRows";

/** A GenerationsTable column over one generation row (`{ event, trace }`). */
export type GenerationsTableColumn = DataTableColumn<GenerationRow>;

function Formatted({ kind, row }: { kind: "latency" | "tokens" | "cost"; row: GenerationRow }) {
  const { locale } = useTableCellContext();
  const text = cachedFormat(row.event, `${kind}|${locale ?? ""}`, () => {
    if (kind === "latency") return formatLatency(generationLatency(row), { locale });
    if (kind === "cost") {
      const cost = formatCost(generationCost(row), { locale });
      return generationCostNote(row) && cost !== FORMAT_PLACEHOLDER ? `≥ ${cost}` : cost;
    }
    const tokens = generationTokens(row);
    return formatTokens(tokens.input, tokens.output, { locale });
  });
  return numberCellContent(text, kind === "cost" ? generationCostNote(row) : undefined);
}

function ExpandToggle({ expanded, onToggle, tabbable, id }: { expanded: boolean; onToggle: () => void; tabbable: boolean; id: string }) {
  return (
    <button
      type="button"
      aria-expanded={expanded}
      aria-label={`${expanded ? "Hide" : "Show"} properties of generation ${id}`}
      tabIndex={tabbable ? 0 : -1}
      onClick={onToggle}
      className="tl:inline-flex tl:h-5 tl:w-5 tl:cursor-pointer tl:items-center tl:justify-center tl:rounded-sm tl:border-0 tl:bg-transparent tl:p-0 tl:text-muted tl:hover:bg-bg-subtle tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
    >
      <span aria-hidden="true">{expanded ? "▾" : "▸"}</span>
    </button>
  );
}

function ErrorMark({ row }: { row: GenerationRow }) {
  const text = generationErrorText(row);
  if (!text) return <span className="tl:text-muted">–</span>;
  return (
    <span title={text} className={cn("tl:inline-flex tl:items-center tl:gap-1 tl:text-danger")}>
      <span aria-hidden="true">❌</span>
      <span className="tl:truncate">Error</span>
    </span>
  );
}

/**
 * PostHog's generation columns (uuid, trace id, person, sentiment, model, tools, error, latency, tokens,
 * cost, time) behind a toggle that opens the generation's properties.
 */
export const generationsTableColumns: readonly GenerationsTableColumn[] = [
  {
    id: "expand",
    header: "Properties",
    headerHidden: true,
    width: 40,
    compact: true,
    hideable: false,
    cell: (row, { expanded, toggleExpanded, active }) => <ExpandToggle expanded={expanded} onToggle={toggleExpanded} tabbable={active} id={row.event.id} />,
  },
  {
    id: "id",
    header: "ID",
    width: 150,
    hideable: false,
    cell: (row, { active }) => <TruncatedId id={String(row.event.id ?? "")} kind="generation ID" tabbable={active} />,
    sortValue: (row) => String(row.event.id ?? ""),
    searchText: (row) => String(row.event.id ?? ""),
  },
  {
    id: "trace",
    header: "Trace ID",
    width: 150,
    cell: (row, { active }) => {
      const traceId = generationTraceId(row);
      return traceId ? <TruncatedId id={traceId} kind="trace ID" tabbable={active} /> : <span className="tl:text-muted">–</span>;
    },
    sortValue: generationTraceId,
  },
  {
    id: "person",
    header: "Person",
    width: 170,
    cell: (row, { active }) => (
      <PersonCell
        person={row.trace ? row.trace.person : ((row.event as { person?: LLMTrace["person"] }).person ?? undefined)}
        distinctId={row.trace ? row.trace.distinctId : (row.event as { distinctId?: unknown }).distinctId}
        active={active}
      />
    ),
    sortValue: generationPersonLabel,
  },
  {
    id: "sentiment",
    header: "Sentiment",
    width: 130,
    compact: true,
    description: "User-message sentiment of this generation",
    cell: (row) => <SentimentCell id={String(row.event.id ?? "")} inline={inlineGenerationSentiment(row)} timestamp={row.event.createdAt} />,
  },
  { id: "model", header: "Model", width: 170, compact: true, cell: (row) => <TextCell text={generationModel(row)} mono />, sortValue: generationModel },
  {
    id: "tools",
    header: "Tools",
    width: 190,
    cell: (row, { active }) => <TagList items={generationToolNames(row)} noun="tools" tabbable={active} className="tl:max-h-4 tl:overflow-hidden" />,
  },
  {
    id: "error",
    header: "Error",
    width: 90,
    cell: (row) => <ErrorMark row={row} />,
    sortValue: (row) => (generationIsError(row) ? 1 : 0),
    sortDescFirst: true,
  },
  {
    id: "latency",
    header: "Latency",
    width: 110,
    align: "end",
    description: TRACE_TIME_DESCRIPTIONS.eventLatency,
    cell: (row) => <Formatted kind="latency" row={row} />,
    sortValue: (row) => generationLatency(row) ?? undefined,
    sortDescFirst: true,
  },
  {
    id: "tokens",
    header: "Token usage",
    width: 170,
    align: "end",
    description: "Input → output tokens (∑ total)",
    cell: (row) => <Formatted kind="tokens" row={row} />,
    sortValue: (row) => generationTokens(row).total,
    sortDescFirst: true,
  },
  {
    id: "cost",
    header: "Cost",
    width: 100,
    align: "end",
    description: "Cost of this generation",
    cell: (row) => <Formatted kind="cost" row={row} />,
    sortValue: (row) => generationCost(row) ?? undefined,
    sortDescFirst: true,
  },
  {
    id: "time",
    header: "Time",
    width: 130,
    compact: true,
    cell: (row, { active }) => <TimeCell owner={row.event} value={row.event.createdAt} tabbable={active} />,
    sortValue: generationTimeMs,
    sortDescFirst: true,
  },
];
