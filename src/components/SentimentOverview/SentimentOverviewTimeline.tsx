import { dateTimeFormat } from "../../core/intlFormatters";
import type { SentimentLabel } from "../../core/sentiment/types";
import { SENTIMENT_ORDER, type SentimentBucket } from "./sentimentOverviewModel";
import { SentimentOverviewChart } from "./SentimentOverviewChart";
import { LABEL_TEXT, SentimentOverviewSegment, formatNet } from "./SentimentOverviewSegment";

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 36;
const RIGHT = 40;
const TOP = 12;
const BOTTOM = 28;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

const DAY_LABEL: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", timeZone: "UTC" };
const HOUR_LABEL: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" };

/** "Jun 4" for days, "Jun 4, 14:00" for hours, in UTC like the buckets themselves. */
export function bucketLabel(bucket: SentimentBucket, interval: "day" | "hour", locale?: string): string {
  const date = new Date(bucket.start);
  // What toLocaleString answers for a time outside the Date range (a formatter would throw).
  if (Number.isNaN(date.getTime())) return "Invalid Date";
  try {
    // A shared formatter, as toLocaleString would build one per label: 240 hours × 4 labels each in the table.
    return dateTimeFormat(locale, interval === "day" ? DAY_LABEL : HOUR_LABEL).format(date);
  } catch {
    return date.toISOString().slice(0, interval === "day" ? 10 : 16);
  }
}

interface TimelineProps {
  buckets: readonly SentimentBucket[];
  interval: "day" | "hour";
  noun: string;
  locale?: string;
  onSelect?: (bucket: SentimentBucket, label: SentimentLabel) => void;
}

/**
 * Classified items per UTC day or hour as stacked columns (positive at the bottom), with the net mean
 * score as a line on the right-hand axis (−1 to +1).
 */
export function SentimentOverviewTimeline({ buckets, interval, noun, locale, onSelect }: TimelineProps) {
  const max = Math.max(1, ...buckets.map((b) => b.classified));
  const segmentIds = buckets.flatMap((b) => SENTIMENT_ORDER.filter((l) => b.counts[l] > 0).map((l) => `${b.key}:${l}`));
  const slot = PLOT_W / Math.max(1, buckets.length);
  const barWidth = Math.max(1, slot * 0.78);
  const y = (count: number) => TOP + PLOT_H - (count / max) * PLOT_H;
  const netY = (net: number) => TOP + PLOT_H / 2 - (net * PLOT_H) / 2;
  const tickEvery = Math.max(1, Math.ceil(buckets.length / 7));
  const netPoints = buckets
    .map((b, i) => (b.classified ? `${LEFT + i * slot + slot / 2},${netY(b.net)}` : null))
    .filter(Boolean)
    .join(" ");
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  const total = buckets.reduce((sum, b) => sum + b.classified, 0);
  const summary =
    first && last
      ? `${total} classified ${noun} from ${bucketLabel(first, interval, locale)} to ${bucketLabel(last, interval, locale)}, per ${interval}; at most ${max} in one ${interval}.`
      : "No data";
  return (
    <SentimentOverviewChart
      slot="sentiment-overview-timeline"
      width={WIDTH}
      height={HEIGHT}
      title={`Sentiment of ${noun} per ${interval}`}
      description={summary}
      segmentIds={segmentIds}
      interactive={Boolean(onSelect)}
      fontSize={11}
    >
      {(tabbable) => (
        <>
          <g aria-hidden="true">
            <line x1={LEFT} x2={LEFT + PLOT_W} y1={TOP + PLOT_H} y2={TOP + PLOT_H} className="tl:stroke-border" />
            <line x1={LEFT} x2={LEFT + PLOT_W} y1={TOP} y2={TOP} className="tl:stroke-border" strokeDasharray="3 3" />
            <text x={LEFT - 4} y={TOP + 4} textAnchor="end" className="tl:fill-muted">
              {max}
            </text>
            <text x={LEFT - 4} y={TOP + PLOT_H} textAnchor="end" className="tl:fill-muted">
              0
            </text>
            <text x={LEFT + PLOT_W + 4} y={TOP + 4} className="tl:fill-muted">
              +1
            </text>
            <text x={LEFT + PLOT_W + 4} y={TOP + PLOT_H / 2 + 4} className="tl:fill-muted">
              net
            </text>
            <text x={LEFT + PLOT_W + 4} y={TOP + PLOT_H} className="tl:fill-muted">
              −1
            </text>
            {buckets.map((bucket, i) =>
              i % tickEvery === 0 ? (
                <text key={bucket.key} x={LEFT + i * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle" className="tl:fill-muted">
                  {bucketLabel(bucket, interval, locale)}
                </text>
              ) : null,
            )}
          </g>
          {buckets.map((bucket, i) => {
            let top = TOP + PLOT_H;
            const x = LEFT + i * slot + (slot - barWidth) / 2;
            const when = bucketLabel(bucket, interval, locale);
            return (
              <g key={bucket.key} data-bucket={bucket.key}>
                {SENTIMENT_ORDER.map((label) => {
                  const count = bucket.counts[label];
                  if (!count) return null;
                  const h = Math.max(1, TOP + PLOT_H - y(count));
                  top -= h;
                  return (
                    <SentimentOverviewSegment
                      key={label}
                      id={`${bucket.key}:${label}`}
                      tabbable={tabbable === `${bucket.key}:${label}`}
                      label={label}
                      x={x}
                      y={top}
                      width={barWidth}
                      height={h}
                      description={`${when}: ${count} ${LABEL_TEXT[label]} of ${bucket.classified} ${noun}, net ${formatNet(bucket.net)}`}
                      onSelect={onSelect ? () => onSelect(bucket, label) : undefined}
                    />
                  );
                })}
              </g>
            );
          })}
          {netPoints && <polyline points={netPoints} fill="none" className="tl:stroke-accent" strokeWidth={1.5} aria-hidden="true" />}
        </>
      )}
    </SentimentOverviewChart>
  );
}
