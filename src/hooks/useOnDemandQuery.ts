"use client";
import { useMutation, useQuery, type QueryClient, type QueryKey, type UseMutationResult, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useState } from "react";

/** Where an on-demand summary stands. */
export type OnDemandStatus = "idle" | "checking" | "loading" | "success" | "error";

export interface OnDemandResult<T> {
  data: T | undefined;
  /** The last failure, of generating or regenerating. */
  error: Error | null;
  status: OnDemandStatus;
  /** Whether the user asked for it (or `autoGenerate` is on) for the current target. */
  requested: boolean;
  /** Load it: the server's cached copy if there is one, else a new one. */
  generate(): void;
  /** Make a new one, bypassing the server's cache (`force_refresh: true`). */
  regenerate(): void;
  /** The underlying query and mutation, for anything the fields above do not cover. */
  query: UseQueryResult<T, Error>;
  regeneration: UseMutationResult<T, Error, void>;
}

export interface OnDemandArgs<T> {
  base: { queryKey: QueryKey; queryFn?: unknown; staleTime?: unknown; retry?: unknown };
  /** Identifies the target; null disables everything. A new target forgets the last request. */
  targetKey: string | null;
  autoGenerate: boolean;
  /** Known to be in the server's cache (from batch_check): loading it costs nothing, so do. */
  cached?: boolean;
  checking?: boolean;
  force: () => Promise<T>;
  queryClient: QueryClient;
}

/**
 * A query that runs only once there is reason to (a cached copy exists, or the user asked),
 * plus a forced regeneration that writes into the same cache entry. Summaries cost an LLM call,
 * so nothing is generated just because a panel mounted.
 */
export function useOnDemandQuery<T>(args: OnDemandArgs<T>): OnDemandResult<T> {
  const { base, targetKey, queryClient } = args;
  const [requestedFor, setRequestedFor] = useState<string | null>(null);
  const requested = targetKey !== null && (args.autoGenerate || requestedFor === targetKey);
  const query = useQuery(
    { ...(base as object), queryKey: base.queryKey, enabled: targetKey !== null && (requested || args.cached === true) } as Parameters<typeof useQuery<T, Error>>[0],
    queryClient,
  );
  const regeneration = useMutation<T, Error, void>(
    { mutationFn: args.force, onSuccess: (data) => queryClient.setQueryData(base.queryKey, data) },
    queryClient,
  );
  const { reset, mutate } = regeneration;
  const generate = useCallback(() => {
    reset();
    setRequestedFor(targetKey);
  }, [reset, targetKey]);
  const regenerate = useCallback(() => {
    setRequestedFor(targetKey);
    mutate();
  }, [mutate, targetKey]);
  const error = regeneration.error ?? query.error ?? null;
  let status: OnDemandStatus = "idle";
  if (targetKey === null) status = "idle";
  else if (regeneration.isPending || query.isFetching) status = "loading";
  else if (error) status = "error";
  else if (query.data !== undefined) status = "success";
  else if (args.checking) status = "checking";
  return { data: query.data, error, status, requested, generate, regenerate, query, regeneration };
}
