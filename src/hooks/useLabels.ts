"use client";
import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { LabelsError, LabelsResult } from "../core/messageLabels";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import type { SentimentLevel } from "./keys";
import { labelsQueryOptions } from "./labelsQueryOptions";

/**
 * Whether labels can be loaded here: a provider (or the explicit client) whose client classifies
 * them (the local client with `labelClassifiers`). Labels stored on events need no client.
 */
export function useLabelsAvailable(options: TraceLensHookOptions = {}): boolean {
  const connection = useTraceLensClient({ ...options, optional: true });
  return typeof connection?.client.labels === "function";
}

export interface LabelResultsParams {
  ids: readonly string[];
  /** @default "trace" */
  level?: SentimentLevel;
  /** @default true */
  enabled?: boolean;
}

export interface UseLabelResultsResult {
  /** Per id, what arrived: its labels or `{error}`. The same object until something new arrives. */
  data: Readonly<Record<string, LabelsResult | LabelsError>>;
  /** Ids still loading for the first time. */
  pendingIds: readonly string[];
  isPending: boolean;
}

/**
 * Emotion and toxicity labels for many ids from the client's classifiers, gathered into one call per
 * tick and cached. Needs a provider or `{ client }` whose client has `labels()` (see `useLabelsAvailable`).
 *
 * @example
 * const { data } = useLabelResults({ ids: traces.map((t) => t.id) });
 */
export function useLabelResults(params: LabelResultsParams, options: TraceLensHookOptions = {}): UseLabelResultsResult {
  const { client, queryClient } = useTraceLensClient(options);
  const enabled = (params.enabled ?? true) && typeof client.labels === "function";
  const key = enabled ? [...new Set(params.ids.filter((id) => typeof id === "string" && id !== ""))].join("\u0000") : "";
  const ids = useMemo(() => (key ? key.split("\u0000") : []), [key]);
  const combine = useCallback(
    (results: Array<UseQueryResult<LabelsResult | LabelsError, Error>>): UseLabelResultsResult => {
      const data: Record<string, LabelsResult | LabelsError> = Object.create(null) as Record<string, LabelsResult | LabelsError>;
      const pendingIds: string[] = [];
      results.forEach((result, i) => {
        const id = ids[i]!;
        if (result.data !== undefined) data[id] = result.data;
        else if (result.error) data[id] = { error: result.error.message };
        else if (result.isPending) pendingIds.push(id);
      });
      return { data, pendingIds, isPending: pendingIds.length > 0 };
    },
    [ids],
  );
  return useQueries({ queries: ids.map((id) => labelsQueryOptions(client, { id, level: params.level })), combine }, queryClient);
}
