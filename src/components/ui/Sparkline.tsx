import { formatCount } from "../../core/intlFormatters";

export interface SparklineProps {
  /** Counts per bucket, oldest first. */
  values: readonly number[];
  /** Bucket starts (ISO), for the description. */
  buckets?: readonly string[];
  /** What is counted ("occurrences"). */
  noun: string;
  width?: number;
  height?: number;
}

function day(iso: string | undefined): string {
  return typeof iso === "string" ? iso.slice(0, 10) : "";
}

/**
 * A small bar chart of counts per bucket, drawn as SVG and described in words for screen readers
 * ("12 occurrences in 14 buckets, at most 5 on 2025-08-01"). Non-finite counts draw as zero.
 */
export function Sparkline({ values, buckets, noun, width = 96, height = 22 }: SparklineProps) {
  const clean = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const max = Math.max(0, ...clean);
  const total = clean.reduce((sum, v) => sum + v, 0);
  const peak = clean.indexOf(max);
  const label =
    clean.length === 0
      ? `No ${noun} data`
      : `${formatCount(total)} ${noun} in ${clean.length} ${clean.length === 1 ? "bucket" : "buckets"}${max > 0 ? `, at most ${formatCount(max)}${buckets?.[peak] ? ` on ${day(buckets[peak])}` : ""}` : ""}`;
  const barWidth = clean.length > 0 ? width / clean.length : width;
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-slot="sparkline" className="tl:block tl:text-danger">
      <title>{label}</title>
      {clean.map((value, i) => {
        const h = max > 0 ? Math.max(value > 0 ? 1.5 : 0, (value / max) * (height - 1)) : 0;
        return <rect key={i} x={i * barWidth + 0.5} y={height - h} width={Math.max(0.5, barWidth - 1)} height={h} fill="currentColor" />;
      })}
      <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} stroke="currentColor" strokeOpacity={0.25} />
    </svg>
  );
}
