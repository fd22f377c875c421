"use client";
import { useMemo } from "react";
import type { TraceNeighboursParams } from "../../client/clientTypes";
import { listNeighbours } from "../../core/traceNeighbours";
import { useTraceNeighbours } from "../../hooks/useExploreData";
import type { TraceDetailNeighbours } from "./TraceDetailNavigation";

/** A list a trace was opened from, newest first (a table's rows). */
export type TraceListEntry = { id: string; createdAt?: string | null };

export interface TraceDetailNeighbourOptions {
  traceId: string | null | undefined;
  timestamp: string | null | undefined;
  /** The list the trace was opened from: its rows either side are the neighbours. */
  traceList?: readonly TraceListEntry[];
  /** Without a list: PostHog's TraceNeighborsQuery under these filters (needs a provider). */
  neighboursQuery?: Omit<TraceNeighboursParams, "traceId" | "timestamp">;
  /** Look anything up at all (only when the host navigates). */
  enabled: boolean;
}

/** The rows either side of a trace in the list it came from; null when it is not in the list. */
export function neighboursInList(traceList: readonly TraceListEntry[] | undefined, traceId: string | null | undefined): TraceDetailNeighbours | null {
  if (!traceList || !traceId) return null;
  const { newer, older, index } = listNeighbours(traceList, traceId);
  if (index < 0) return null;
  const entry = (row: TraceListEntry | null) => (row ? { traceId: row.id, timestamp: row.createdAt ?? null } : null);
  return { newer: entry(newer), older: entry(older) };
}

/** Newer and older traces from the list the trace came from, or else from the neighbours query. */
/** Inside a provider: newer and older traces from the list the trace came from, or else the neighbours query. */
export function useTraceDetailNeighbours({ traceId, timestamp, traceList, neighboursQuery, enabled }: TraceDetailNeighbourOptions): TraceDetailNeighbours {
  const fromList = useMemo(() => neighboursInList(traceList, traceId), [traceList, traceId]);
  const ask = enabled && fromList === null && Boolean(traceId && timestamp);
  const query = useTraceNeighbours(ask ? { ...neighboursQuery, traceId: traceId!, timestamp: timestamp! } : null, { enabled: ask });
  if (fromList) return fromList;
  const data = query.data;
  return {
    newer: data?.newerTraceId ? { traceId: data.newerTraceId, timestamp: data.newerTimestamp } : null,
    older: data?.olderTraceId ? { traceId: data.olderTraceId, timestamp: data.olderTimestamp } : null,
    loading: ask && query.isPending,
  };
}
