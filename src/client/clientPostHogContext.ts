/**
 * What the PostHog client's parts share: the transport, the paths, what this client has learned about
 * the server it talks to (query fields it refuses, a batch_check refused to a personal key), and the
 * times it has seen for ids.
 */
import type { Limiter } from "./clientConcurrency";
import { postJson, type HttpTransport, type RequestOptions } from "./clientHttp";
import type { TimestampMemory } from "./clientLookupWindows";
import { shapeError, type ShapeCheck } from "./clientResponses";
import { createSecretScrubber } from "./clientSecretScrub";

export interface PostHogContext {
  transport: HttpTransport;
  /** `/api/environments/{id}`. */
  env: string;
  /** `/api/environments/{id}/llm_analytics`. */
  llm: string;
  /** Whether this client sends a personal API key (whose scopes PostHog checks). */
  personalApiKey: boolean;
  timestamps: TimestampMemory;
  /** Per query kind, fields this server refused as unknown (pydantic extra_forbidden); never sent again. */
  refusedQueryFields: Map<string, Set<string>>;
  /** Set once batch_check was refused to this client's personal API key. */
  batchCheckRefusal: { error: unknown } | null;
  /** Sentiment requests in flight (`SENTIMENT_MAX_IN_FLIGHT`), inside the client's overall limit. */
  sentimentSlots: Limiter;
}

/** POSTs and checks the answer's shape: a usable body, or a `parse` ApiError. */
export async function postChecked<T>(ctx: PostHogContext, path: string, body: unknown, check: ShapeCheck, options?: RequestOptions): Promise<T> {
  const value = await postJson<unknown>(ctx.transport, path, body, options);
  const problem = check(value);
  // The body is echoed into the error: scrubbed of every secret this client knows, like any error.
  if (problem) throw createSecretScrubber(ctx.transport.secrets).value(shapeError(path, 200, problem, value));
  return value as T;
}

/** The time a caller gave for an id, else the one this client remembers. */
export function knownTime(ctx: PostHogContext, id: string, options?: RequestOptions, own?: RequestOptions["timestamp"]): number | null {
  const given = own ?? options?.timestamps?.[id] ?? null;
  const ms = given === null || given === undefined || given === "" ? null : given instanceof Date ? given.getTime() : typeof given === "number" ? given : Date.parse(given);
  if (ms !== null && Number.isFinite(ms)) return ms;
  return ctx.timestamps.get(id);
}

/** Request options without the lookup hints, for the parts of a call that do not use them. */
export function plain(options?: RequestOptions & { onResults?: unknown }): RequestOptions | undefined {
  if (!options) return undefined;
  const { timestamp: _t, timestamps: _ts, onResults: _r, ...rest } = options;
  return rest;
}
