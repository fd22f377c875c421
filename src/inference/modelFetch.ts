/**
 * Reads model files with per-file byte progress: from the file system in Node, otherwise with
 * `fetch`, through the Cache API when the runtime has one (so a page reload does not download a
 * model twice). Progress events use transformers.js' `status` vocabulary.
 */
import { ModelCorruptError, ModelFileMissingError } from "./errors";
import { isFileLocation, type ModelFileLocation } from "./modelFiles";
import { nodeBuiltin } from "./runtimeEnv";
import type { ProgressCallback } from "./types";

/** The Cache API bucket model files are kept in. Bump the suffix if the stored form ever changes. */
export const MODEL_CACHE_NAME = "tracelens-models-v1";

export interface ReadOptions {
  /** The model's name, repeated in every progress event. */
  name: string;
  /** Use the Cache API. @default true */
  cache?: boolean;
  onProgress?: ProgressCallback;
}

/** Running byte counts of every file of one load, for `progress_total`. */
export type FileTotals = Map<string, { loaded: number; total: number }>;

type NodeFs = { readFile(path: string | URL): Promise<Uint8Array> };


function emitBytes(file: string, loaded: number, total: number, totals: FileTotals, options: ReadOptions): void {
  totals.set(file, { loaded, total });
  const progress = total > 0 ? Math.min(100, (loaded / total) * 100) : 0;
  options.onProgress?.({ status: "progress", name: options.name, file, progress, loaded, total });
  let sumLoaded = 0;
  let sumTotal = 0;
  const files: Record<string, { loaded: number; total: number }> = {};
  for (const [name, counts] of totals) {
    files[name] = { ...counts };
    sumLoaded += counts.loaded;
    sumTotal += counts.total;
  }
  const overall = sumTotal > 0 ? Math.min(100, (sumLoaded / sumTotal) * 100) : 0;
  options.onProgress?.({ status: "progress_total", name: options.name, progress: overall, loaded: sumLoaded, total: sumTotal, files });
}

async function readFromDisk(where: ModelFileLocation): Promise<Uint8Array> {
  const fs = nodeBuiltin<NodeFs>("node:fs/promises");
  if (!fs) throw new ModelFileMissingError(where.file, where.location, undefined, { cause: new Error("no file system") });
  try {
    return await fs.readFile(where.location.startsWith("file:") ? new URL(where.location) : where.location);
  } catch (cause) {
    throw new ModelFileMissingError(where.file, where.location, undefined, { cause });
  }
}

async function openCache(enabled: boolean, url: string): Promise<Cache | undefined> {
  if (!enabled || !/^https?:/i.test(url) || typeof caches === "undefined") return undefined;
  try {
    return await caches.open(MODEL_CACHE_NAME);
  } catch {
    return undefined; // opaque origins and some private modes refuse the Cache API; just fetch
  }
}

/** The body in chunks, reporting bytes as they arrive; a lying content-length is corrected at the end. */
async function readBody(response: Response, where: ModelFileLocation, totals: FileTotals, options: ReadOptions) {
  let total = Number(response.headers.get("content-length")) || 0;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    emitBytes(where.file, bytes.length, bytes.length, totals, options);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  emitBytes(where.file, 0, total, totals, options);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    // Compressed transfers announce the compressed size; never report more than 100%.
    if (loaded > total && total > 0) total = loaded;
    emitBytes(where.file, loaded, total, totals, options);
  }
  if (total !== loaded) emitBytes(where.file, loaded, loaded, totals, options);
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function readFromNetwork(where: ModelFileLocation, totals: FileTotals, options: ReadOptions): Promise<Uint8Array> {
  const url = where.location;
  const cache = await openCache(options.cache !== false, url);
  const cached = cache ? await cache.match(url).catch(() => undefined) : undefined;
  if (cached) {
    options.onProgress?.({ status: "download", name: options.name, file: where.file });
    return readBody(cached, where, totals, options);
  }
  let response: Response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw new ModelFileMissingError(where.file, url, undefined, { cause });
  }
  if (!response.ok) throw new ModelFileMissingError(where.file, url, response.status);
  options.onProgress?.({ status: "download", name: options.name, file: where.file });
  const bytes = await readBody(response, where, totals, options);
  if (cache) {
    const headers = { "content-type": response.headers.get("content-type") ?? "application/octet-stream" };
    // A full quota only costs the next visit a download.
    await cache.put(url, new Response(bytes, { headers })).catch(() => undefined);
  }
  return bytes;
}

/**
 * Reads one file's bytes, emitting `initiate`, then — once the file is known to exist — `download`,
 * `progress` (each followed by `progress_total`) and `done`. A missing file stops after `initiate`.
 */
export async function readModelFile(where: ModelFileLocation, totals: FileTotals, options: ReadOptions): Promise<Uint8Array> {
  const { name, onProgress } = options;
  onProgress?.({ status: "initiate", name, file: where.file });
  let bytes: Uint8Array;
  if (isFileLocation(where.location)) {
    bytes = await readFromDisk(where);
    onProgress?.({ status: "download", name, file: where.file });
    emitBytes(where.file, bytes.length, bytes.length, totals, options);
  } else {
    bytes = await readFromNetwork(where, totals, options);
  }
  onProgress?.({ status: "done", name, file: where.file });
  return bytes;
}

/** Parses a JSON model file; anything that is not a JSON object is a corrupt file. */
export function parseJsonFile(bytes: Uint8Array, file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (cause) {
    throw new ModelCorruptError(file, `not valid JSON (${(cause as Error).message})`, { cause });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ModelCorruptError(file, "expected a JSON object");
  }
  return value as Record<string, unknown>;
}
