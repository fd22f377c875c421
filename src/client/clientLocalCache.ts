/**
 * The local client's stand-in for PostHog's Redis cache: entries expire after the same TTLs
 * (sentiment 24 h, summaries 1 h), so `force_refresh` and batch_check mean the same here.
 */

export interface LocalCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T, ttlMs: number): void;
  has(key: string): boolean;
}

/** A TTL map bounded to `maxEntries`, oldest evicted first. */
export function createLocalCache<T>(now: () => number, maxEntries = 10_000): LocalCache<T> {
  const entries = new Map<string, { value: T; expires: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    get: (key) => live(key)?.value,
    has: (key) => live(key) !== undefined,
    set(key, value, ttlMs) {
      entries.delete(key);
      entries.set(key, { value, expires: now() + ttlMs });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
