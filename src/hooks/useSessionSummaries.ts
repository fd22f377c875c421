"use client";
import { hashKey } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import type { SummarizationBatchCheckResponseBody } from "../core/eventsApi";
import { isApiError } from "../client/clientErrors";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { summaryKeys } from "./keys";
import { summaryBatchCheckQueryOptions, summaryRequest, traceSummaryQueryOptions } from "./summaryQueryOptions";
import { useSummaryBatchCheck } from "./useSummaryBatchCheck";

/** Summaries generated at once by "Summarize all": each is an LLM call, so a long session must not fire them all together. */
export const SESSION_SUMMARIES_IN_FLIGHT = 2;

export interface SessionSummaries {
  /** Titles of the traces that have a summary, by trace id. */
  titles: Record<string, string>;
  /** Trace ids waiting for or being summarized. */
  summarizingIds: string[];
  errors: Record<string, unknown>;
  /** Summarizes every trace without a title (cache first, as PostHog does for missing ones). */
  summarizeAll: () => void;
  /** Set when titles cannot be looked up with these credentials (batch_check refused to a personal API key). */
  unavailable: Error | null;
}

/**
 * Cached summary titles for a session's traces, from ONE batch_check request for the whole list
 * (a failure just means no titles, as in PostHog), and "Summarize all" for the traces lacking one.
 * New titles are written into that same batch_check result, so the list is not asked for again.
 */
export function useSessionSummaries(
  traceIds: readonly string[],
  options: TraceLensHookOptions & { enabled?: boolean; timestamps?: Readonly<Record<string, string | number | null | undefined>> } = {},
): SessionSummaries {
  const { client, queryClient } = useTraceLensClient(options);
  const timestamps = useRef(options.timestamps);
  timestamps.current = options.timestamps;
  const check = useSummaryBatchCheck({ traceIds }, { ...options, enabled: options.enabled ?? true });
  const [summarizingIds, setSummarizing] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const titles: Record<string, string> = {};
  for (const s of check.data?.summaries ?? []) titles[s.trace_id] = s.title;
  const latest = useRef({ traceIds, titles, running: summarizingIds });
  latest.current = { traceIds, titles, running: summarizingIds };

  const summarizeAll = useCallback(() => {
    const { traceIds: ids, titles: known, running } = latest.current;
    if (running.length > 0) return;
    const queue = [...new Set(ids)].filter((id) => !known[id]);
    if (queue.length === 0) return;
    const checkKey = summaryBatchCheckQueryOptions(client, { traceIds: ids }).queryKey;
    setSummarizing(queue);
    setErrors({});
    const summarizeOne = async (traceId: string) => {
      const params = { traceId, timestamp: timestamps.current?.[traceId] ?? null };
      try {
        // Cached under the summary's own key (a summary panel finds it), but without the stock queryFn's
        // batch_check invalidation: that would re-ask for the whole list after every trace.
        const options = traceSummaryQueryOptions(client, params);
        const response = await queryClient.fetchQuery({
          ...options,
          queryFn: ({ signal }) => client.summarize(summaryRequest(params, false), { signal, timestamp: params.timestamp }),
        });
        queryClient.setQueryData<SummarizationBatchCheckResponseBody>(checkKey, (data) => ({
          summaries: [...(data?.summaries ?? []).filter((s) => s.trace_id !== traceId), { trace_id: traceId, title: response.summary.title || "Untitled trace", cached: true }],
        }));
      } catch (error) {
        setErrors((current) => ({ ...current, [traceId]: error }));
      } finally {
        setSummarizing((current) => current.filter((id) => id !== traceId));
      }
    };
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) await summarizeOne(id);
    };
    const ownHash = hashKey(checkKey);
    void Promise.all(Array.from({ length: Math.min(SESSION_SUMMARIES_IN_FLIGHT, queue.length) }, worker)).then(() =>
      // Other batch_check answers (a single trace's summary panel, say) are out of date now; this one is not.
      queryClient.invalidateQueries({ queryKey: summaryKeys.batchChecks(), predicate: (query) => query.queryHash !== ownHash }),
    );
  }, [client, queryClient]);

  const unavailable = isApiError(check.error) && check.error.kind === "unsupported" ? check.error : null;
  return { titles, summarizingIds, errors, summarizeAll, unavailable };
}
