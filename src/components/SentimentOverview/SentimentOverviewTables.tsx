import type { ReactNode } from "react";
import { formatCount } from "../../core/intlFormatters";
import type { SentimentLabel } from "../../core/sentiment/types";
import { useDrawnCount } from "../ui/useDrawnCount";
import { DataTable, DataTableBody, DataTableCell, DataTableHead, DataTableHeader, DataTableRow } from "../ui/DataTableParts";
import { SENTIMENT_ORDER, type SentimentBucket, type SentimentGroup, type SentimentStats } from "./sentimentOverviewModel";
import { LABEL_TEXT, formatNet, percentOf } from "./SentimentOverviewSegment";
import { bucketLabel } from "./SentimentOverviewTimeline";

const WORD: Record<SentimentLabel, string> = { positive: "Positive", neutral: "Neutral", negative: "Negative" };

function CountCell({ stats, label, rowName, noun, onSelect }: { stats: SentimentStats; label: SentimentLabel; rowName: string; noun: string; onSelect?: () => void }) {
  const count = stats.counts[label];
  const text = `${formatCount(count)} (${percentOf(count, stats.classified)})`;
  return (
    <DataTableCell className="tl:text-right tl:tabular-nums">
      {onSelect && count > 0 ? (
        <button
          type="button"
          onClick={onSelect}
          aria-label={`${rowName}: ${count} ${LABEL_TEXT[label]} ${noun}, show them`}
          className="tl:cursor-pointer tl:rounded-sm tl:border-0 tl:bg-transparent tl:p-0 tl:text-accent tl:underline tl:tabular-nums tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        >
          {text}
        </button>
      ) : (
        text
      )}
    </DataTableCell>
  );
}

function StatsTable<T extends SentimentStats & { key: string }>({
  caption,
  firstHeader,
  rows,
  name,
  noun,
  onSelect,
}: {
  caption: string;
  firstHeader: string;
  rows: readonly T[];
  name: (row: T) => string;
  noun: string;
  onSelect?: (row: T, label: SentimentLabel) => void;
}): ReactNode {
  return (
    <DataTable layout="auto" className="tl:w-full">
      <caption className="tl:mb-1 tl:text-left tl:text-xs tl:font-semibold">{caption}</caption>
      <DataTableHeader className="tl:static">
        <DataTableRow className="tl:hover:bg-transparent">
          <DataTableHead scope="col">{firstHeader}</DataTableHead>
          {SENTIMENT_ORDER.map((label) => (
            <DataTableHead key={label} scope="col" className="tl:text-right">
              {WORD[label]}
            </DataTableHead>
          ))}
          <DataTableHead scope="col" className="tl:text-right">
            Without sentiment
          </DataTableHead>
          {SENTIMENT_ORDER.map((label) => (
            <DataTableHead key={`mean-${label}`} scope="col" className="tl:text-right">
              Mean {LABEL_TEXT[label]}
            </DataTableHead>
          ))}
          <DataTableHead scope="col" className="tl:text-right">
            Net
          </DataTableHead>
        </DataTableRow>
      </DataTableHeader>
      <DataTableBody>
        {rows.map((row) => {
          // Named once per row: the header cell and each count's button label share it.
          const rowName = name(row);
          return (
            <DataTableRow key={row.key}>
              <DataTableHead scope="row" className="tl:bg-transparent tl:font-normal">
                {rowName}
              </DataTableHead>
              {SENTIMENT_ORDER.map((label) => (
                <CountCell key={label} stats={row} label={label} rowName={rowName} noun={noun} onSelect={onSelect ? () => onSelect(row, label) : undefined} />
              ))}
              <DataTableCell className="tl:text-right tl:tabular-nums">{formatCount(row.unclassified)}</DataTableCell>
              {SENTIMENT_ORDER.map((label) => (
                <DataTableCell key={`mean-${label}`} className="tl:text-right tl:tabular-nums">
                  {row.classified ? row.meanScores[label].toFixed(2) : "–"}
                </DataTableCell>
              ))}
              <DataTableCell className="tl:text-right tl:tabular-nums">{row.classified ? formatNet(row.net) : "–"}</DataTableCell>
            </DataTableRow>
          );
        })}
      </DataTableBody>
    </DataTable>
  );
}

interface TablesProps {
  groups: readonly SentimentGroup[];
  buckets: readonly SentimentBucket[];
  dimensionLabel: string;
  interval: "day" | "hour";
  noun: string;
  locale?: string;
  onSelectGroup?: (group: SentimentGroup, label: SentimentLabel) => void;
  onSelectBucket?: (bucket: SentimentBucket, label: SentimentLabel) => void;
}

/**
 * Time-bucket rows put in the table per painted frame: 240 hours at once are 2,900 cells laid out in one
 * task; a frame's worth at a time keeps each task short.
 */
export const BUCKET_ROWS_PER_DRAW = 40;

/** The charts' numbers as tables: per group and per time bucket, counts (as buttons when clickable) and means. */
export function SentimentOverviewTables({ groups, buckets, dimensionLabel, interval, noun, locale, onSelectGroup, onSelectBucket }: TablesProps) {
  const drawn = useDrawnCount(buckets.length, BUCKET_ROWS_PER_DRAW);
  const drawing = drawn < buckets.length;
  const left = buckets.length - drawn;
  return (
    <div data-slot="sentiment-overview-tables" aria-busy={drawing || undefined} className="tl:flex tl:flex-col tl:gap-4 tl:overflow-x-auto">
      <StatsTable
        caption={`Sentiment of ${noun} by ${dimensionLabel.toLowerCase()}`}
        firstHeader={dimensionLabel}
        rows={groups}
        name={(g) => g.label}
        noun={noun}
        onSelect={onSelectGroup}
      />
      {buckets.length > 0 && (
        <StatsTable
          caption={`Sentiment of ${noun} per ${interval} (UTC)`}
          firstHeader={interval === "day" ? "Day" : "Hour"}
          rows={drawing ? buckets.slice(0, drawn) : buckets}
          name={(b) => bucketLabel(b, interval, locale)}
          noun={noun}
          onSelect={onSelectBucket}
        />
      )}
      {drawing && (
        // Until every row is in: a partly drawn table never reads as complete.
        <p data-slot="sentiment-overview-drawing" className="tl:m-0 tl:text-xs tl:italic tl:text-muted">
          {`Drawing ${formatCount(left)} more ${left === 1 ? interval : `${interval}s`}…`}
        </p>
      )}
    </div>
  );
}
