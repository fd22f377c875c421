import type { SentimentLabel } from "../../core/sentiment/types";
import { cutText } from "../../core/boundedText";
import { SENTIMENT_ORDER, type SentimentGroup } from "./sentimentOverviewModel";
import { SentimentOverviewChart } from "./SentimentOverviewChart";
import { LABEL_TEXT, SentimentOverviewSegment, formatNet, percentOf } from "./SentimentOverviewSegment";

const WIDTH = 640;
const ROW = 30;
const BAR = 16;
const LABEL_W = 150;
const BAR_X = 160;
const BAR_W = 340;
const TOP = 22;

interface DistributionProps {
  groups: readonly SentimentGroup[];
  /** What the rows are ("Model", "Everything"). */
  dimensionLabel: string;
  noun: string;
  onSelect?: (group: SentimentGroup, label: SentimentLabel) => void;
}

/**
 * Label shares per group as 100% stacked bars, each with its classified count and net mean score
 * (mean positive − negative score). An SVG with a title and description; each segment is a button when
 * the host listens for clicks.
 */
export function SentimentOverviewDistribution({ groups, dimensionLabel, noun, onSelect }: DistributionProps) {
  const height = TOP + groups.length * ROW + 4;
  const segmentIds = groups.flatMap((g) => (g.classified ? SENTIMENT_ORDER.filter((l) => g.counts[l] > 0).map((l) => `${g.key}:${l}`) : []));
  const summary = groups
    .map((g) => `${g.label}: ${SENTIMENT_ORDER.map((l) => `${g.counts[l]} ${LABEL_TEXT[l]}`).join(", ")}, net ${formatNet(g.net)}`)
    .join("; ");
  return (
    <SentimentOverviewChart
      slot="sentiment-overview-distribution"
      width={WIDTH}
      height={height}
      title={`Sentiment of ${noun} by ${dimensionLabel.toLowerCase()}`}
      description={summary || "No data"}
      segmentIds={segmentIds}
      interactive={Boolean(onSelect)}
      fontSize={12}
      className="tl:text-fg"
    >
      {(tabbable) => (
        <>
          <text x={BAR_X} y={14} className="tl:fill-muted" aria-hidden="true">
            Share of classified {noun}
          </text>
          <text x={BAR_X + BAR_W + 12} y={14} className="tl:fill-muted" aria-hidden="true">
            n
          </text>
          <text x={WIDTH - 4} y={14} textAnchor="end" className="tl:fill-muted" aria-hidden="true">
            net
          </text>
          {groups.map((group, row) => {
            const y = TOP + row * ROW;
            const total = group.classified;
            let x = BAR_X;
            return (
              <g key={group.key} data-group={group.key}>
                <text x={LABEL_W} y={y + BAR / 2 + 4} textAnchor="end" className="tl:fill-fg" aria-hidden="true">
                  {cutText(group.label, 22)}
                </text>
                <rect x={BAR_X} y={y} width={BAR_W} height={BAR} className="tl:fill-track" aria-hidden="true" />
                {SENTIMENT_ORDER.map((label) => {
                  const count = group.counts[label];
                  if (!count || !total) return null;
                  const width = Math.max(2, (count / total) * BAR_W);
                  const segment = (
                    <SentimentOverviewSegment
                      key={label}
                      id={`${group.key}:${label}`}
                      tabbable={tabbable === `${group.key}:${label}`}
                      label={label}
                      x={x}
                      y={y}
                      width={Math.min(width, BAR_X + BAR_W - x)}
                      height={BAR}
                      description={`${group.label}: ${count} ${LABEL_TEXT[label]} of ${total} ${noun} (${percentOf(count, total)})`}
                      onSelect={onSelect ? () => onSelect(group, label) : undefined}
                    />
                  );
                  x += width;
                  return segment;
                })}
                <text x={BAR_X + BAR_W + 12} y={y + BAR / 2 + 4} className="tl:fill-fg tl:tabular-nums" aria-hidden="true">
                  {total}
                  {group.unclassified ? ` (+${group.unclassified} n/a)` : ""}
                </text>
                <text x={WIDTH - 4} y={y + BAR / 2 + 4} textAnchor="end" className="tl:fill-fg tl:tabular-nums" aria-hidden="true">
                  {total ? formatNet(group.net) : "–"}
                </text>
              </g>
            );
          })}
        </>
      )}
    </SentimentOverviewChart>
  );
}
