/** What the mock backend saw: every request, and how many were in flight at once. */
import type { MockEndpoint } from "./mockFaults";

export interface MockRequestRecord {
  endpoint: MockEndpoint;
  /** The parsed JSON body. */
  body: unknown;
  startedAt: number;
  endedAt: number | null;
  /** A contract warning about this request (something PostHog may not answer), when there is one. */
  warning?: string;
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
  /** Contract warnings, one per request that drew one. */
  readonly warnings: readonly string[];
  /** Records a request; call the returned function when it is answered. */
  start(endpoint: MockEndpoint, body: unknown, warning?: string): () => void;
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
    get warnings() {
      return requests.flatMap((r) => (r.warning ? [r.warning] : []));
    },
    count: (endpoint) => (endpoint ? requests.filter((r) => r.endpoint === endpoint).length : requests.length),
    maxInFlightFor: (endpoint) => perEndpoint.get(endpoint)?.max ?? 0,
    reset() {
      requests = [];
      maxInFlight = inFlight;
      perEndpoint = new Map();
    },
    start(endpoint, body, warning) {
      const record: MockRequestRecord = { endpoint, body, startedAt: Date.now(), endedAt: null, ...(warning ? { warning } : {}) };
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
