/**
 * Duplicate detection for at-least-once ingestion (PostHog issue #69850: generations without
 * `$ai_span_id` show up twice and inflate totals).
 *
 * Rule, applied in input order (the first copy wins). "Same content" means same event name, same
 * timestamp and deeply equal properties (key order ignored).
 * 1. same event id (UUID) and same content → duplicate; same id with different content is two
 *    events that share an id: both are kept (and the second reported as a reused id);
 * 2. events with no event id, or no own node id (`$ai_generation_id` / `$ai_span_id`), with the
 *    same content as a kept one → duplicate (re-ingested under a new UUID);
 * 3. events whose own node id is already taken, with the same content as its owner → duplicate;
 *    otherwise both are kept as separate nodes.
 * Hashing and comparison are iterative, so hostile nesting depth cannot overflow the stack.
 */
import type { TraceRecord } from "./traceEvents";

/** 32-bit FNV-1a step over a string. */
function mix(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Long strings are hashed by length plus sampled slices: equality is confirmed by a full
 * comparison anyway, and this keeps 300 KB prompt histories from dominating the build.
 */
function mixString(hash: number, text: string): number {
  if (text.length <= 1024) return mix(hash, text);
  let h = mix(hash, `#${text.length}`);
  h = mix(h, text.slice(0, 256));
  h = mix(h, text.slice(-256));
  const step = Math.floor(text.length / 64);
  for (let i = 0; i < 64; i++) h = mix(h, text.slice(i * step, i * step + 8));
  return h;
}

/** Order-insensitive structural hash of a JSON-like value. */
export function hashJsonValue(value: unknown, seed = 0x811c9dc5): number {
  let hash = seed;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || current === undefined) {
      hash = mix(hash, current === null ? "n" : "u");
    } else if (typeof current === "string") {
      hash = mixString(mix(hash, "s"), current);
    } else if (typeof current === "number" || typeof current === "boolean" || typeof current === "bigint") {
      hash = mix(hash, typeof current + String(current));
    } else if (Array.isArray(current)) {
      hash = mix(hash, `[${current.length}`);
      for (let i = current.length - 1; i >= 0; i--) stack.push(current[i]);
    } else if (typeof current === "object") {
      const keys = Object.keys(current).sort();
      hash = mix(hash, `{${keys.length}`);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push((current as Record<string, unknown>)[key]);
        stack.push(key);
      }
    } else {
      hash = mix(hash, typeof current);
    }
  }
  return hash;
}

/** Deep equality for JSON-like values, ignoring object key order; iterative. */
export function jsonValuesEqual(a: unknown, b: unknown): boolean {
  const left: unknown[] = [a];
  const right: unknown[] = [b];
  while (left.length > 0) {
    const x = left.pop();
    const y = right.pop();
    if (x === y) continue;
    if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) {
      if (typeof x === "number" && typeof y === "number" && Number.isNaN(x) && Number.isNaN(y)) continue;
      return false;
    }
    const xArray = Array.isArray(x);
    if (xArray !== Array.isArray(y)) return false;
    if (xArray) {
      const ya = y as unknown[];
      if (x.length !== ya.length) return false;
      for (let i = 0; i < x.length; i++) {
        left.push(x[i]);
        right.push(ya[i]);
      }
      continue;
    }
    const xo = x as Record<string, unknown>;
    const yo = y as Record<string, unknown>;
    const xKeys = Object.keys(xo);
    if (xKeys.length !== Object.keys(yo).length) return false;
    for (const key of xKeys) {
      if (!Object.prototype.hasOwnProperty.call(yo, key)) return false;
      left.push(xo[key]);
      right.push(yo[key]);
    }
  }
  return true;
}

function contentHash(record: TraceRecord): number {
  const h = hashJsonValue(record.event.event, 0x811c9dc5);
  return hashJsonValue(record.properties, mix(h, record.event.createdAt));
}

/** Name, timestamp and property count: cheap, and enough to tell most distinct events apart. */
function coarseKey(record: TraceRecord): string {
  return `${record.event.event}\u0000${record.event.createdAt}\u0000${Object.keys(record.properties).length}`;
}

const DIRECT_COMPARE_MAX = 8;

interface ContentBucket {
  list: TraceRecord[];
  /** Built once the bucket outgrows direct comparison: full content hash → records. */
  byHash?: Map<number, TraceRecord[]>;
}

/**
 * Kept records by content. Most events differ in name, time or property count, so the full
 * structural hash is only computed inside a bucket that fills up (events stamped at the same
 * instant), which keeps dedupe near the cost of reading the events.
 */
class ContentIndex {
  private readonly buckets = new Map<string, ContentBucket>();
  private readonly hashes = new Map<TraceRecord, number>();

  private hash(record: TraceRecord): number {
    let h = this.hashes.get(record);
    if (h === undefined) {
      h = contentHash(record);
      this.hashes.set(record, h);
    }
    return h;
  }

  find(record: TraceRecord): TraceRecord | undefined {
    const bucket = this.buckets.get(coarseKey(record));
    if (!bucket) return undefined;
    if (!bucket.byHash) return bucket.list.find((candidate) => sameTraceContent(candidate, record));
    return bucket.byHash.get(this.hash(record))?.find((candidate) => sameTraceContent(candidate, record));
  }

  add(record: TraceRecord): void {
    const key = coarseKey(record);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { list: [] };
      this.buckets.set(key, bucket);
    }
    bucket.list.push(record);
    if (!bucket.byHash && bucket.list.length > DIRECT_COMPARE_MAX) {
      bucket.byHash = new Map();
      for (const kept of bucket.list) this.index(bucket.byHash, kept);
    } else if (bucket.byHash) {
      this.index(bucket.byHash, record);
    }
  }

  private index(map: Map<number, TraceRecord[]>, record: TraceRecord): void {
    const h = this.hash(record);
    const list = map.get(h);
    if (list) list.push(record);
    else map.set(h, [record]);
  }
}

/** Same name, same timestamp, same properties. */
export function sameTraceContent(a: TraceRecord, b: TraceRecord): boolean {
  return (
    a.event.event === b.event.event &&
    a.event.createdAt === b.event.createdAt &&
    jsonValuesEqual(a.properties, b.properties)
  );
}

/** Verdict for one record: `null` when kept, else the kept record it duplicates. */
export interface DuplicateVerdict {
  original: TraceRecord;
  reason: "event-id" | "content";
}

/** Stateful detector; feed records in input order. */
export class TraceDuplicateDetector {
  // One record per key in the common case; an array only when several differ.
  private readonly byEventId = new Map<string, TraceRecord | TraceRecord[]>();
  private readonly byContent = new ContentIndex();
  private readonly byOwnId = new Map<string, TraceRecord>();

  /**
   * Set by each `check` that keeps a record with an event id: the first kept record with that id (the
   * record itself when it is the first), so a caller learns of reused ids without a map of its own.
   */
  firstWithSameId: TraceRecord | undefined = undefined;

  /** Applies the rules above and remembers kept records. Each map is read and written once per record. */
  check(record: TraceRecord): DuplicateVerdict | null {
    this.firstWithSameId = undefined;
    const bucket = record.eventId === null ? undefined : this.byEventId.get(record.eventId);
    if (bucket !== undefined) {
      const original = Array.isArray(bucket) ? bucket.find((candidate) => sameTraceContent(candidate, record)) : sameTraceContent(bucket, record) ? bucket : undefined;
      if (original) return { original, reason: "event-id" };
    }
    const byContent = record.eventId === null || record.ownIds.length === 0;
    if (byContent) {
      const original = this.byContent.find(record);
      if (original) return { original, reason: "content" };
    }
    const firstId = record.ownIds[0];
    const owner = firstId === undefined ? undefined : this.byOwnId.get(firstId);
    if (owner && sameTraceContent(owner, record)) return { original: owner, reason: "content" };
    if (byContent) this.byContent.add(record);
    if (record.eventId !== null) {
      if (bucket === undefined) this.byEventId.set(record.eventId, record);
      else if (Array.isArray(bucket)) bucket.push(record);
      else this.byEventId.set(record.eventId, [bucket, record]);
      this.firstWithSameId = bucket === undefined ? record : Array.isArray(bucket) ? bucket[0] : bucket;
    }
    // The first id's owner is already known; only a second id needs a look.
    for (let k = 0; k < record.ownIds.length; k++) {
      const id = record.ownIds[k] as string;
      if (k === 0 ? owner === undefined : !this.byOwnId.has(id)) this.byOwnId.set(id, record);
    }
    return null;
  }
}
