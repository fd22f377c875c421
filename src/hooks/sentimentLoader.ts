"use client";
/**
 * Gathers sentiment lookups the way PostHog's UI does for visible rows (posthog-ui.md §2c): every id
 * asked for in the same tick, by every mounted row, is collected by one zero-delay timer, deduplicated
 * and sent to the client in one call per kind of lookup (level, dates, forced refresh). The client keeps
 * to the server's rules (PostHog: 5 ids a request, 2 requests in flight) and hands each part of its
 * answer back as it arrives, so each id resolves as soon as its own request answers. Ids whose rows
 * unmounted before the timer fired are not asked for; a call nobody waits for any more is aborted.
 */
import { isApiError } from "../client/clientErrors";
import { sentimentEntry, sentimentFailure } from "../client/clientSentimentResult";
import type { SentimentFailure, SentimentResults, TraceLensClient } from "../client/clientTypes";
import type { SentimentLevel, SentimentResult } from "../core/sentiment/types";

export interface SentimentLoadParams {
  id: string;
  level: SentimentLevel;
  dateFrom?: string | null;
  dateTo?: string | null;
  forceRefresh?: boolean;
  /** When the trace or generation happened (a row's `createdAt`): the client searches a window that holds it. */
  timestamp?: string | number | null;
}

/** One id's outcome: its result, or why there is none (never thrown; only an abort rejects). */
export type SentimentOutcome = SentimentResult | SentimentFailure;

interface Waiter {
  resolve: (outcome: SentimentOutcome) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Group {
  params: Omit<SentimentLoadParams, "id" | "timestamp">;
  waiters: Map<string, Waiter[]>;
  /** Per id, the time a caller gave for it (the latest one given wins). */
  timestamps: Map<string, string | number>;
  controller?: AbortController;
}

function groupKey(p: SentimentLoadParams): string {
  return JSON.stringify([p.level, p.dateFrom ?? null, p.dateTo ?? null, p.forceRefresh === true]);
}

function settle(waiters: readonly Waiter[] | undefined, outcome: SentimentOutcome): void {
  for (const waiter of waiters ?? []) {
    if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
    waiter.resolve(outcome);
  }
}

export class SentimentLoader {
  private pending = new Map<string, Group>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly client: TraceLensClient) {}

  /** Sentiment for one id: its result or its failure; rejects only with the abort reason if `signal` aborts first. */
  load(params: SentimentLoadParams, signal?: AbortSignal): Promise<SentimentOutcome> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const key = groupKey(params);
      let group = this.pending.get(key);
      if (!group) {
        const { id: _id, timestamp: _t, ...rest } = params;
        group = { params: rest, waiters: new Map(), timestamps: new Map() };
        this.pending.set(key, group);
      }
      if (params.timestamp !== undefined && params.timestamp !== null && params.timestamp !== "") group.timestamps.set(params.id, params.timestamp);
      const list = group.waiters.get(params.id) ?? [];
      group.waiters.set(params.id, list);
      const waiter: Waiter = { resolve, reject, signal };
      const owner = group;
      if (signal) {
        waiter.onAbort = () => {
          const index = list.indexOf(waiter);
          if (index >= 0) list.splice(index, 1);
          reject(signal.reason);
          // A call whose every row went away is not worth its requests.
          if ([...owner.waiters.values()].every((waiting) => waiting.length === 0)) owner.controller?.abort(signal.reason);
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      list.push(waiter);
      this.timer ??= setTimeout(() => this.flush(), 0);
    });
  }

  private flush(): void {
    this.timer = null;
    for (const group of this.pending.values()) {
      // Rows that unmounted before the timer fired are left out of the call.
      for (const [id, list] of group.waiters) if (list.length === 0) group.waiters.delete(id);
      if (group.waiters.size > 0) void this.send(group);
    }
    this.pending.clear();
  }

  private async send(group: Group): Promise<void> {
    const controller = new AbortController();
    group.controller = controller;
    const ids = [...group.waiters.keys()];
    const take = (results: SentimentResults, from: readonly string[]) => {
      for (const id of from) {
        const waiters = group.waiters.get(id);
        if (!waiters) continue;
        group.waiters.delete(id);
        settle(waiters, sentimentEntry<SentimentOutcome>(results, id));
      }
    };
    try {
      const results = await this.client.sentiment(
        {
          ids,
          analysis_level: group.params.level,
          ...(group.params.forceRefresh ? { force_refresh: true } : {}),
          ...(group.params.dateFrom ? { date_from: group.params.dateFrom } : {}),
          ...(group.params.dateTo ? { date_to: group.params.dateTo } : {}),
        },
        {
          signal: controller.signal,
          timestamps: Object.fromEntries(group.timestamps),
          onResults: (part) => take(part, Object.keys(part)),
        },
      );
      take(results, ids);
    } catch (error) {
      // Aborted because every row left: each was told by its own signal. Anything else fails each id alike.
      if (controller.signal.aborted) return;
      const failure = sentimentFailure(error instanceof Error ? error.message : String(error), isApiError(error) ? error : undefined);
      for (const [id, waiters] of group.waiters) {
        group.waiters.delete(id);
        settle(waiters, failure);
      }
    }
  }
}

const loaders = new WeakMap<TraceLensClient, SentimentLoader>();

/** One loader per client, so every row of every table on the page shares the gathering. */
export function getSentimentLoader(client: TraceLensClient): SentimentLoader {
  let loader = loaders.get(client);
  if (!loader) {
    loader = new SentimentLoader(client);
    loaders.set(client, loader);
  }
  return loader;
}
