"use client";
/**
 * Emotion and toxicity labels through TanStack Query. Ids asked for in the same tick (every row on
 * screen) are gathered into one `client.labels()` call of at most 25 ids, so a local classifier
 * runs one batch for them rather than one per row.
 */
import { queryOptions } from "@tanstack/react-query";
import { chunk } from "../client/clientChunk";
import { ownEntry } from "../client/clientSentimentResult";
import type { LabelsResults, TraceLensClient } from "../client/clientTypes";
import type { LabelsError, LabelsResult } from "../core/messageLabels";
import type { SentimentLevel } from "./keys";

/** Labels stay as long as sentiment does. */
export const LABELS_STALE_TIME_MS = 86_400_000;
const IDS_PER_CALL = 25;

export const labelKeys = {
  all: ["tracelens", "labels"] as const,
  detail: (scope: string, level: SentimentLevel, id: string) => [...labelKeys.all, level, scope, id] as const,
};

type Waiter = { resolve: (value: LabelsResult | LabelsError) => void; reject: (error: unknown) => void };

class LabelsLoader {
  private pending = new Map<SentimentLevel, Map<string, Waiter[]>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  constructor(private readonly client: TraceLensClient) {}

  load(id: string, level: SentimentLevel): Promise<LabelsResult | LabelsError> {
    return new Promise((resolve, reject) => {
      const byId = this.pending.get(level) ?? new Map<string, Waiter[]>();
      this.pending.set(level, byId);
      byId.set(id, [...(byId.get(id) ?? []), { resolve, reject }]);
      this.timer ??= setTimeout(() => this.flush(), 0);
    });
  }

  private flush(): void {
    this.timer = null;
    const groups = [...this.pending];
    this.pending.clear();
    for (const [level, byId] of groups) {
      for (const ids of chunk([...byId.keys()], IDS_PER_CALL)) void this.send(level, ids, byId);
    }
  }

  private async send(level: SentimentLevel, ids: string[], byId: Map<string, Waiter[]>): Promise<void> {
    try {
      if (!this.client.labels) throw new Error("This client offers no labels (pass labelClassifiers to createLocalClient)");
      const results: LabelsResults = await this.client.labels({ ids, analysis_level: level });
      for (const id of ids) {
        const entry = ownEntry<LabelsResult | LabelsError>(results, id);
        for (const waiter of byId.get(id) ?? []) waiter.resolve(entry ?? { error: "Missing from the response" });
      }
    } catch (error) {
      for (const id of ids) for (const waiter of byId.get(id) ?? []) waiter.reject(error);
    }
  }
}

const loaders = new WeakMap<TraceLensClient, LabelsLoader>();

function loaderFor(client: TraceLensClient): LabelsLoader {
  let loader = loaders.get(client);
  if (!loader) loaders.set(client, (loader = new LabelsLoader(client)));
  return loader;
}

/** Options for one trace's (or generation's) labels from the client's classifiers. A per-id failure resolves to `{error}`. */
export function labelsQueryOptions(client: TraceLensClient, params: { id: string; level?: SentimentLevel }) {
  const level = params.level ?? "trace";
  return queryOptions({
    queryKey: labelKeys.detail(client.scope, level, params.id),
    queryFn: () => loaderFor(client).load(params.id, level),
    staleTime: LABELS_STALE_TIME_MS,
    enabled: Boolean(params.id) && typeof client.labels === "function",
  });
}
