/**
 * A FIFO semaphore. Browsers open about six connections per origin; a client that takes them
 * all starves the host page's own requests, so each client holds at most `max` at once.
 */

export interface Limiter {
  /** Waits for a slot; the returned function gives it back (calling it twice is harmless). */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Slots in use now. */
  readonly active: number;
  /** Callers waiting for a slot. */
  readonly pending: number;
  readonly max: number;
}

interface Waiter {
  grant: (release: () => void) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export function createLimiter(max: number): Limiter {
  const limit = Number.isFinite(max) && max >= 1 ? Math.floor(max) : 1;
  let active = 0;
  const queue: Waiter[] = [];

  const makeRelease = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active -= 1;
      pump();
    };
  };

  function pump(): void {
    while (active < limit && queue.length > 0) {
      const waiter = queue.shift()!;
      if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
      active += 1;
      waiter.grant(makeRelease());
    }
  }

  return {
    get active() {
      return active;
    },
    get pending() {
      return queue.length;
    },
    max: limit,
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < limit && queue.length === 0) {
        active += 1;
        return Promise.resolve(makeRelease());
      }
      return new Promise((resolve, reject) => {
        const waiter: Waiter = { grant: resolve, signal };
        if (signal) {
          waiter.onAbort = () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            reject(signal.reason);
          };
          signal.addEventListener("abort", waiter.onAbort, { once: true });
        }
        queue.push(waiter);
      });
    },
  };
}
