"use client";
/**
 * Batches sentiment lookups the way PostHog's UI does for visible rows (posthog-ui.md §2c):
 * every id asked for in the same tick, by every mounted row, is gathered by one zero-delay
 * timer, deduplicated, chunked to the server's limit of 5, and sent with at most 2 requests in
 * flight, leaving the browser's other connections to the rest of the page. Each id resolves as
 * soon as its own chunk answers.
 */
import { chunk, ownEntry } from "../client/clientChunk";
import { isSentimentFailure } from "../client/clientSentimentResult";
import { SENTIMENT_MAX_IDS_PER_REQUEST, type SentimentFailure, type TraceLensClient } from "../client/clientTypes";
import type { SentimentResult } from "../core/sentiment/types";
import type { SentimentLevel } from "./keys";

/** Why one id has no sentiment: PostHog's per-id `{error}`, or an answer that left the id out. */
export class SentimentUnavailableError extends Error {
  override readonly name = "SentimentUnavailableError";
  constructor(
    readonly id: string,
    reason: string,
  ) {
    super(`No sentiment for ${id}: ${reason}`);
  }
}

export interface SentimentLoadParams {
  id: string;
  level: SentimentLevel;
  dateFrom?: string | null;
  dateTo?: string | null;
  forceRefresh?: boolean;
  /** When the trace or generation happened (a row's `createdAt`): the client searches a window that holds it. */
  timestamp?: string | number | null;
}

export interface SentimentLoaderOptions {
  /** Ids per request. @default 5 (PostHog's limit) */
  chunkSize?: number;
  /** Requests in flight at once. @default 2 */
  maxInFlight?: number;
}

interface Waiter {
  resolve: (result: SentimentResult) => void;
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

function detach(waiter: Waiter): void {
  if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
}

export class SentimentLoader {
  private pending = new Map<string, Group>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Group[] = [];
  private inFlight = 0;
  private inFlightGroups = new Set<Group>();
  private readonly chunkSize: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly client: TraceLensClient,
    options: SentimentLoaderOptions = {},
  ) {
    this.chunkSize = options.chunkSize ?? SENTIMENT_MAX_IDS_PER_REQUEST;
    this.maxInFlight = options.maxInFlight ?? 2;
  }

  /** Sentiment for one id; rejects with the abort reason if `signal` aborts first. */
  load(params: SentimentLoadParams, signal?: AbortSignal): Promise<SentimentResult> {
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
      if (signal) {
        waiter.onAbort = () => {
          const index = list.indexOf(waiter);
          if (index >= 0) list.splice(index, 1);
          reject(signal.reason);
          this.abortIfAbandoned();
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
      // Rows that unmounted before the timer fired are dropped before chunking, so chunks stay full.
      const wanted = [...group.waiters].filter(([, list]) => list.length > 0).map(([id]) => id);
      // Ids close in time share a request, so each request's date window stays narrow.
      const at = (id: string) => {
        const value = group.timestamps.get(id);
        const ms = typeof value === "number" ? value : value === undefined ? Number.NaN : Date.parse(value);
        return Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY;
      };
      wanted.sort((a, b) => at(a) - at(b));
      for (const ids of chunk(wanted, this.chunkSize)) {
        const timestamps = new Map(ids.flatMap((id) => (group.timestamps.has(id) ? [[id, group.timestamps.get(id)!] as const] : [])));
        this.queue.push({ params: group.params, waiters: new Map(ids.map((id) => [id, group.waiters.get(id)!])), timestamps });
      }
    }
    this.pending.clear();
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const next = this.queue.shift()!;
      // Rows unmounted while their chunk waited: do not ask for ids nobody wants any more.
      for (const [id, list] of next.waiters) if (list.length === 0) next.waiters.delete(id);
      if (next.waiters.size > 0) void this.send(next);
    }
  }

  private abortIfAbandoned(): void {
    for (const group of this.inFlightGroups) {
      if ([...group.waiters.values()].every((list) => list.length === 0)) group.controller?.abort();
    }
  }

  private async send(group: Group): Promise<void> {
    this.inFlight += 1;
    const controller = new AbortController();
    group.controller = controller;
    this.inFlightGroups.add(group);
    const ids = [...group.waiters.keys()];
    try {
      const results = await this.client.sentiment(
        {
          ids,
          analysis_level: group.params.level,
          ...(group.params.forceRefresh ? { force_refresh: true } : {}),
          ...(group.params.dateFrom ? { date_from: group.params.dateFrom } : {}),
          ...(group.params.dateTo ? { date_to: group.params.dateTo } : {}),
        },
        { signal: controller.signal, timestamps: Object.fromEntries(group.timestamps) },
      );
      for (const id of ids) {
        const entry = ownEntry<SentimentResult | SentimentFailure>(results, id);
        for (const waiter of group.waiters.get(id) ?? []) {
          detach(waiter);
          if (entry === undefined) waiter.reject(new SentimentUnavailableError(id, "missing from the response"));
          else if (isSentimentFailure(entry)) waiter.reject(entry.cause ?? new SentimentUnavailableError(id, entry.error));
          else waiter.resolve(entry);
        }
      }
    } catch (error) {
      for (const list of group.waiters.values()) {
        for (const waiter of list) {
          detach(waiter);
          waiter.reject(error);
        }
      }
    } finally {
      this.inFlightGroups.delete(group);
      this.inFlight -= 1;
      this.pump();
    }
  }
}

const loaders = new WeakMap<TraceLensClient, SentimentLoader>();

/** One loader per client, so every row of every table on the page shares the batching. */
export function getSentimentLoader(client: TraceLensClient): SentimentLoader {
  let loader = loaders.get(client);
  if (!loader) {
    loader = new SentimentLoader(client);
    loaders.set(client, loader);
  }
  return loader;
}
