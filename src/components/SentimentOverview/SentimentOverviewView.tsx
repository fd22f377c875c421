"use client";
import { forwardRef, useCallback, useId, useMemo, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { SentimentLabel } from "../../core/sentiment/types";
import { cn } from "../ui/cn";
import { ErrorState } from "../ui/ErrorState";
import { Skeleton } from "../ui/Skeleton";
import { useLandmarkOrdinal } from "../ui/useLandmarkOrdinal";
import { useSlicedJob } from "../ui/useSlicedJob";
import { SentimentOverviewControls, SentimentOverviewLegend } from "./SentimentOverviewControls";
import type { SentimentItem, SentimentOverviewDimension } from "./sentimentOverviewDimensions";
import { SentimentOverviewDistribution } from "./SentimentOverviewDistribution";
import {
  bucketSentimentJob,
  groupSentimentJob,
  segmentFilter,
  type SentimentBucket,
  type SentimentGroup,
  type SentimentOverviewFilter,
} from "./sentimentOverviewModel";
import { SentimentOverviewTables } from "./SentimentOverviewTables";
import { SentimentOverviewTimeline } from "./SentimentOverviewTimeline";

export interface SentimentOverviewViewProps extends Omit<ComponentPropsWithoutRef<"section">, "children" | "title"> {
  items: readonly SentimentItem[];
  level: "trace" | "generation";
  dimensions: readonly SentimentOverviewDimension[];
  groupBy: SentimentOverviewDimension;
  onGroupByChange: (id: string) => void;
  interval: "day" | "hour";
  onIntervalChange: (interval: "day" | "hour") => void;
  display: "chart" | "table";
  onDisplayChange: (display: "chart" | "table") => void;
  onSegmentClick?: (filter: SentimentOverviewFilter) => void;
  status: "loading" | "error" | "ready";
  error?: unknown;
  onRetry?: () => void;
  /** Items whose sentiment is still loading. */
  pending: number;
  /**
   * Host records still being read into `items` (100,000 traces take a few frames): while non-zero the view
   * says it is counting, and `items` are the last finished ones (or none yet). @default 0
   */
  preparing?: number;
  title: ReactNode;
  maxGroups: number;
  locale?: string;
}

const NO_GROUPS: SentimentGroup[] = [];
const NO_BUCKETS = { buckets: [] as SentimentBucket[], dropped: 0 };

/** The pure half of SentimentOverview: items with sentiment in, charts and tables out. */
export const SentimentOverviewView = forwardRef(function SentimentOverviewView(
  {
    items, level, dimensions, groupBy, onGroupByChange, interval, onIntervalChange, display, onDisplayChange, onSegmentClick,
    status, error, onRetry, pending, preparing = 0, title, maxGroups, locale, className, ...rest
  }: SentimentOverviewViewProps,
  ref: Ref<HTMLElement>,
) {
  const titleId = useId();
  const noun = level === "generation" ? "generations" : "traces";
  // The region is named by its visible title, numbered when an earlier overview on the page has the
  // same one ("Sentiment", "Sentiment (2)"). A host's aria-label or aria-labelledby wins.
  const hostNamed = rest["aria-label"] !== undefined || rest["aria-labelledby"] !== undefined;
  const ordinal = useLandmarkOrdinal(hostNamed ? null : typeof title === "string" ? title : titleId);
  // 100,000 items are counted in slices after the next paint (none of it in the render that changed what
  // is counted); the last counts stay on show meanwhile, marked as being recounted.
  const grouped = useSlicedJob(() => groupSentimentJob(items, groupBy, maxGroups), [items, groupBy, maxGroups], items.length, { afterPaint: true });
  const bucketed = useSlicedJob(() => bucketSentimentJob(items, interval), [items, interval], items.length, { afterPaint: true });
  const groups = grouped.value ?? NO_GROUPS;
  const { buckets, dropped } = bucketed.value ?? NO_BUCKETS;
  const counting = preparing > 0 || grouped.pending || bucketed.pending;
  // While host data is still being read, how many items it makes is not known yet (generations come out of traces).
  const counted = preparing > 0 ? noun : `${items.length.toLocaleString("en-US")} ${noun}`;
  const classified = groups.reduce((sum, g) => sum + g.classified, 0);

  const selectGroup = useCallback(
    (group: SentimentGroup, label: SentimentLabel) => onSegmentClick?.(segmentFilter(items, label, group.ids[label], groupBy, group, null)),
    [items, groupBy, onSegmentClick],
  );
  const selectBucket = useCallback(
    (bucket: SentimentBucket, label: SentimentLabel) => onSegmentClick?.(segmentFilter(items, label, bucket.ids[label], groupBy, null, bucket)),
    [items, groupBy, onSegmentClick],
  );
  const clickable = Boolean(onSegmentClick);

  let body: ReactNode;
  if (status === "loading") body = <Skeleton lines={6} label="Loading sentiment overview" />;
  else if (status === "error") body = <ErrorState title="The sentiment overview could not be loaded" error={error} onRetry={onRetry} />;
  else if (items.length === 0 && preparing > 0) body = <Skeleton lines={6} label={`Counting ${counted}`} />;
  else if (items.length === 0) body = <p className="tl:m-0 tl:py-6 tl:text-center tl:text-sm tl:text-muted">There were no {noun} in this period.</p>;
  else if (!grouped.value || !bucketed.value) body = <Skeleton lines={6} label={`Counting ${counted}`} />;
  else if (display === "table") {
    body = (
      <SentimentOverviewTables
        groups={groups}
        buckets={buckets}
        dimensionLabel={groupBy.label}
        interval={interval}
        noun={noun}
        locale={locale}
        onSelectGroup={clickable ? selectGroup : undefined}
        onSelectBucket={clickable ? selectBucket : undefined}
      />
    );
  } else {
    body = (
      <div className="tl:flex tl:flex-col tl:gap-4">
        <SentimentOverviewLegend />
        <SentimentOverviewDistribution groups={groups} dimensionLabel={groupBy.label} noun={noun} onSelect={clickable ? selectGroup : undefined} />
        {buckets.length > 0 && (
          <SentimentOverviewTimeline buckets={buckets} interval={interval} noun={noun} locale={locale} onSelect={clickable ? selectBucket : undefined} />
        )}
      </div>
    );
  }

  return (
    <section
      {...rest}
      ref={ref}
      aria-labelledby={hostNamed ? rest["aria-labelledby"] : ordinal > 1 ? `${titleId} ${titleId}-ordinal` : titleId}
      data-slot="sentiment-overview"
      data-state={status === "ready" && items.length === 0 && preparing === 0 ? "empty" : status}
      data-display={display}
      aria-busy={counting || undefined}
      className={cn("tl-root tl:flex tl:flex-col tl:gap-3 tl:font-body tl:text-fg", className)}
    >
      <div className="tl:flex tl:flex-wrap tl:items-center tl:justify-between tl:gap-2">
        <h3 id={titleId} className="tl:m-0 tl:text-sm tl:font-semibold">
          {title}
        </h3>
        {ordinal > 1 && (
          <span id={`${titleId}-ordinal`} className="tl:sr-only">
            ({ordinal})
          </span>
        )}
        <SentimentOverviewControls
          dimensions={dimensions}
          groupBy={groupBy.id}
          onGroupByChange={onGroupByChange}
          interval={interval}
          onIntervalChange={onIntervalChange}
          display={display}
          onDisplayChange={onDisplayChange}
        />
      </div>
      {status === "ready" && (items.length > 0 || preparing > 0) && (
        <p role="status" data-slot="sentiment-overview-summary" className="tl:m-0 tl:text-xs tl:text-muted">
          {counting ? (
            `Counting ${counted}…`
          ) : (
            <>
              {classified.toLocaleString("en-US")} of {items.length.toLocaleString("en-US")} {noun} have sentiment
              {pending > 0 ? `; loading ${pending.toLocaleString("en-US")}` : ""}
              {dropped > 0 ? `; the oldest ${dropped} ${interval}s are not drawn` : ""}.
            </>
          )}
        </p>
      )}
      {/* While new counts are made the last ones stay, faded: they do not read as the answer to the new question. */}
      <div data-slot="sentiment-overview-body" data-stale={counting || undefined} className={counting ? "tl:opacity-50" : undefined}>
        {body}
      </div>
    </section>
  );
});
SentimentOverviewView.displayName = "SentimentOverviewView";
