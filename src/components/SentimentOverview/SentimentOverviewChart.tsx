import { useId, type ReactNode } from "react";
import { cn } from "../ui/cn";
import { useSegmentRoving } from "./useSegmentRoving";

export interface SentimentOverviewChartProps {
  slot: string;
  width: number;
  height: number;
  /** The accessible name. */
  title: string;
  /** The text alternative: what a sighted reader takes from the chart. */
  description: string;
  /** Segment ids in reading order, for arrow-key roving between them. */
  segmentIds: readonly string[];
  /** Segments are buttons (the host listens for clicks), so the chart is a group rather than an image. */
  interactive: boolean;
  fontSize: number;
  className?: string;
  /** The chart's marks; `tabbable` is the one segment id in the tab order. */
  children: (tabbable: string | null) => ReactNode;
}

/** The accessible SVG frame both overview charts share: title, description and roving focus. */
export function SentimentOverviewChart({ slot, width, height, title, description, segmentIds, interactive, fontSize, className, children }: SentimentOverviewChartProps) {
  const titleId = useId();
  const descId = useId();
  const roving = useSegmentRoving(segmentIds);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role={interactive ? "group" : "img"}
      aria-labelledby={titleId}
      aria-describedby={descId}
      data-slot={slot}
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
      className={cn("tl:block tl:max-w-3xl tl:overflow-visible", className)}
      style={{ fontSize }}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {children(roving.tabbable)}
    </svg>
  );
}
