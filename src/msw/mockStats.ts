/** What the mock backend saw: every request, and how many were in flight at once. */
import type { MockEndpoint } from "./mockFaults";

export interface MockRequestRecord {
  endpoint: MockEndpoint;
  /** The parsed JSON body. */
  body: unknown;
  startedAt: number;
  endedAt: number | null;
}

export interface MockStats {
  readonly requests: readonly MockRequestRecord[];
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Requests to one endpoint (or all). */
  count(endpoint?: MockEndpoint): number;
  /** Most requests to one endpoint (or any) in flight at the same time. */
  maxInFlightFor(endpoint: MockEndpoint): number;
  reset(): void;
  /** Records a request; call the returned function when it is answered. */
  start(endpoint: MockEndpoint, body: unknown): () => void;
}

export function createMockStats(): MockStats {
  let requests: MockRequestRecord[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let perEndpoint = new Map<MockEndpoint, { now: number; max: number }>();
  return {
    get requests() {
      return requests;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    count: (endpoint) => (endpoint ? requests.filter((r) => r.endpoint === endpoint).length : requests.length),
    maxInFlightFor: (endpoint) => perEndpoint.get(endpoint)?.max ?? 0,
    reset() {
      requests = [];
      maxInFlight = inFlight;
      perEndpoint = new Map();
    },
    start(endpoint, body) {
      const record: MockRequestRecord = { endpoint, body, startedAt: Date.now(), endedAt: null };
      requests.push(record);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const slot = perEndpoint.get(endpoint) ?? { now: 0, max: 0 };
      slot.now += 1;
      slot.max = Math.max(slot.max, slot.now);
      perEndpoint.set(endpoint, slot);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        record.endedAt = Date.now();
        inFlight -= 1;
        slot.now -= 1;
      };
    },
  };
}
