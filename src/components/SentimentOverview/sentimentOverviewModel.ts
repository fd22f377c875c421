/** Aggregation behind SentimentOverview: label counts and mean scores per group and per time bucket. */
import type { QueryDateRange, QueryPropertyFilter } from "../../core/eventsTrace";
import type { SentimentLabel, SentimentResult, SentimentScores } from "../../core/sentiment/types";
import { sentimentLabelOf } from "../../core/traceRows";
import { finishJob, type SlicedJob } from "../ui/slicedJob";
import { NO_VALUE, dimensionFilters, dimensionValue, type SentimentItem, type SentimentOverviewDimension } from "./sentimentOverviewDimensions";

export const SENTIMENT_ORDER: readonly SentimentLabel[] = ["positive", "neutral", "negative"];

export interface SentimentStats {
  /** Items per label. */
  counts: Record<SentimentLabel, number>;
  /** Items with a label. */
  classified: number;
  /** Items without sentiment (not loaded, failed, or no user messages). */
  unclassified: number;
  /** Mean per-label score over classified items. */
  meanScores: SentimentScores;
  /** Mean of positive − negative score, −1 to 1. */
  net: number;
  /** Ids per label, for the click-through filter. */
  ids: Record<SentimentLabel, string[]>;
}

export interface SentimentGroup extends SentimentStats {
  key: string;
  /** The dimension value; null for items without one. */
  value: string | null;
  label: string;
}

export interface SentimentBucket extends SentimentStats {
  key: string;
  start: number;
  end: number;
}

function emptyStats(): SentimentStats {
  return {
    counts: { positive: 0, neutral: 0, negative: 0 },
    classified: 0,
    unclassified: 0,
    meanScores: { positive: 0, neutral: 0, negative: 0 },
    net: 0,
    ids: { positive: [], neutral: [], negative: [] },
  };
}

function unit(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function add(stats: SentimentStats, item: SentimentItem): void {
  const label = sentimentLabelOf(item.sentiment);
  if (!label || !item.sentiment) {
    stats.unclassified++;
    return;
  }
  const result = item.sentiment as SentimentResult;
  const scores = result.scores ?? { positive: 0, neutral: 0, negative: 0 };
  const n = stats.classified;
  // Running means: no second pass over possibly 100,000 items.
  stats.meanScores.positive += (unit(scores.positive) - stats.meanScores.positive) / (n + 1);
  stats.meanScores.neutral += (unit(scores.neutral) - stats.meanScores.neutral) / (n + 1);
  stats.meanScores.negative += (unit(scores.negative) - stats.meanScores.negative) / (n + 1);
  stats.net += (unit(scores.positive) - unit(scores.negative) - stats.net) / (n + 1);
  stats.classified = n + 1;
  stats.counts[label]++;
  stats.ids[label].push(item.id);
}

/** Items handled between two yields of the jobs below. */
const CHUNK = 2048;

/** Groups sorted by size; past `maxGroups`, the smallest are merged into "Other". */
export function groupSentiment(items: readonly SentimentItem[], dimension: SentimentOverviewDimension, maxGroups = 8): SentimentGroup[] {
  return finishJob(groupSentimentJob(items, dimension, maxGroups));
}

/** {@link groupSentiment} as a job that yields every few thousand items (100,000 items never block the page). */
export function* groupSentimentJob(items: readonly SentimentItem[], dimension: SentimentOverviewDimension, maxGroups = 8): SlicedJob<SentimentGroup[]> {
  const groups = new Map<string, SentimentGroup>();
  // Each item's key once: the "Other" pass below reuses it.
  const keys = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const value = dimensionValue(dimension, item);
    const key = value ?? NO_VALUE;
    keys[i] = key;
    let group = groups.get(key);
    if (!group) {
      group = { ...emptyStats(), key, value, label: value ?? NO_VALUE };
      groups.set(key, group);
    }
    add(group, item);
    if (i % CHUNK === CHUNK - 1) yield;
  }
  const sorted = [...groups.values()].sort((a, b) => b.classified + b.unclassified - (a.classified + a.unclassified) || a.label.localeCompare(b.label));
  if (sorted.length <= maxGroups) return sorted;
  const kept = sorted.slice(0, maxGroups - 1);
  const keptKeys = new Set(kept.map((g) => g.key));
  const other: SentimentGroup = { ...emptyStats(), key: "\u0000other", value: null, label: `Other (${sorted.length - kept.length})` };
  for (let i = 0; i < items.length; i++) {
    if (!keptKeys.has(keys[i]!)) add(other, items[i]!);
    if (i % CHUNK === CHUNK - 1) yield;
  }
  return [...kept, other];
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Most buckets drawn; an older tail is dropped (and said so) rather than squeezing bars to nothing. */
export const MAX_BUCKETS = 240;

/** Items per UTC day or hour, every bucket from the first to the last present (empty ones too). */
export function bucketSentiment(items: readonly SentimentItem[], interval: "day" | "hour"): { buckets: SentimentBucket[]; dropped: number } {
  return finishJob(bucketSentimentJob(items, interval));
}

/** {@link bucketSentiment} as a job that yields every few thousand items. */
export function* bucketSentimentJob(items: readonly SentimentItem[], interval: "day" | "hour"): SlicedJob<{ buckets: SentimentBucket[]; dropped: number }> {
  const size = interval === "hour" ? HOUR : DAY;
  let min = Infinity;
  let max = -Infinity;
  for (const item of items) {
    if (item.time === null) continue;
    if (item.time < min) min = item.time;
    if (item.time > max) max = item.time;
  }
  if (!Number.isFinite(min)) return { buckets: [], dropped: 0 };
  const last = Math.floor(max / size);
  const first = Math.max(Math.floor(min / size), last - MAX_BUCKETS + 1);
  const dropped = Math.floor(min / size) < first ? first - Math.floor(min / size) : 0;
  const buckets: SentimentBucket[] = [];
  for (let b = first; b <= last; b++) buckets.push({ ...emptyStats(), key: String(b), start: b * size, end: (b + 1) * size });
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.time !== null) {
      const bucket = buckets[Math.floor(item.time / size) - first];
      if (bucket) add(bucket, item);
    }
    if (i % CHUNK === CHUNK - 1) yield;
  }
  return { buckets, dropped };
}

/** What a click on a chart segment (or a count in the table) hands the host, ready to drive TracesTable. */
export interface SentimentOverviewFilter {
  sentiment: SentimentLabel;
  level: "trace" | "generation";
  /** The group clicked, when grouped. */
  group: { dimension: string; value: string | null } | null;
  /** The time bucket clicked, as a TracesQuery date range. */
  dateRange: QueryDateRange | null;
  /** Property filters for a TracesQuery (`query.properties`), when the dimension has a query form. */
  properties: QueryPropertyFilter[];
  /** Ids of the matching traces or generations. */
  ids: string[];
  /** Ids of the traces those belong to (equal to `ids` at trace level). */
  traceIds: string[];
}

export function segmentFilter(
  items: readonly SentimentItem[],
  label: SentimentLabel,
  ids: readonly string[],
  dimension: SentimentOverviewDimension,
  group: SentimentGroup | null,
  bucket: SentimentBucket | null,
): SentimentOverviewFilter {
  const wanted = new Set(ids);
  const traceIds = new Set<string>();
  let level: "trace" | "generation" = "trace";
  for (const item of items) {
    if (!wanted.has(item.id)) continue;
    level = item.level;
    const traceId = item.trace?.id ?? (item.event?.properties as Record<string, unknown> | undefined)?.$ai_trace_id;
    if (typeof traceId === "string") traceIds.add(traceId);
  }
  const grouped = group && dimension.kind !== "none" && !group.key.startsWith("\u0000");
  return {
    sentiment: label,
    level,
    group: grouped ? { dimension: dimension.id, value: group.value } : null,
    dateRange: bucket ? { date_from: new Date(bucket.start).toISOString(), date_to: new Date(bucket.end - 1).toISOString() } : null,
    properties: grouped ? dimensionFilters(dimension, group.value) : [],
    ids: [...ids],
    traceIds: [...traceIds],
  };
}
