/**
 * What the explore screens ask of a data source: AI sessions, error groups and their trends, and a
 * trace's newer/older neighbours. Both clients implement them (PostHog with the queries its own UI
 * sends, local from the host's traces), with one row shape each.
 */
import type { QueryDateRange, QueryPropertyFilter } from "../core/eventsTrace";
import type { ErrorGroup, ErrorSort } from "../core/errorGroups";
import type { TrendInterval } from "../core/errorTrends";
import type { SessionRow, SessionSort } from "../core/sessionRows";
import type { TraceNeighboursResult } from "../core/traceNeighbours";

/** The filters PostHog's HogQL queries take (HogQLFilters): date range, property filters, test accounts. */
export interface ExploreFilters {
  /** PostHog's `{filters}` reads an absent `date_from` as no lower bound; pass one (the UI's default is "-7d"). */
  dateRange?: QueryDateRange;
  properties?: QueryPropertyFilter[];
  filterTestAccounts?: boolean;
}

export interface SessionsParams extends ExploreFilters {
  /** @default { column: "last_seen", direction: "DESC" } */
  sort?: SessionSort;
  /** @default 50 (PostHog's page size) */
  limit?: number;
  offset?: number;
}

/** A page of AI sessions, ordered and paged by the source. */
export interface SessionsPage {
  results: SessionRow[];
  /** PostHog's rule: a full page means there may be more. */
  hasMore: boolean;
  limit: number;
  offset: number;
  sort: SessionSort;
}

export interface ErrorsParams extends ExploreFilters {
  /** @default { column: "traces", direction: "DESC" } */
  sort?: ErrorSort;
  /** @default 100 (PostHog's errors query limit) */
  limit?: number;
  offset?: number;
}

export interface ErrorsPage {
  results: ErrorGroup[];
  hasMore: boolean;
  limit: number;
  offset: number;
  sort: ErrorSort;
}

export interface ErrorTrendsParams extends ExploreFilters {
  /** The error groups (normalised messages) to count. */
  errors: string[];
  /** @default "day" */
  interval?: TrendInterval;
}

/** Counts per bucket for each requested error (every requested error is a key, zeros included). */
export interface ErrorTrends {
  interval: TrendInterval;
  /** Bucket starts, ISO. */
  buckets: string[];
  series: Record<string, number[]>;
}

export interface TraceNeighboursParams {
  traceId: string;
  /** When the trace happened (ISO; its `createdAt`). PostHog searches 3 days either side without a `dateRange`. */
  timestamp: string;
  dateRange?: QueryDateRange;
  properties?: QueryPropertyFilter[];
  filterTestAccounts?: boolean;
}

export type { TraceNeighboursResult };
