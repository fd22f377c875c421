/**
 * Fault injection for the mock PostHog backend: the failures a real deployment produces
 * (throttling, server errors, dropped connections, broken bodies, slow answers), on demand.
 */

/** The endpoints of PostHog's API the mock implements. */
export type MockEndpoint =
  | "query"
  | "sentiment"
  | "sentiment_generations"
  | "text_repr"
  | "summarization"
  | "batch_check"
  | "evaluation_summary";

export type MockFault =
  /** Answer with this status; 429 gets PostHog's throttle body and `Retry-After`, 5xx the endpoint's own error body. */
  | { kind: "status"; status: number; body?: unknown; retryAfterSeconds?: number }
  /** Drop the connection: `fetch` rejects, as on a reset or an unreachable host. */
  | { kind: "network-error" }
  /** A successful status with a body that is not JSON. */
  | { kind: "malformed-json"; status?: number }
  /** Answer normally, this much later (to exceed a client's timeout, say). */
  | { kind: "delay"; ms: number }
  /** Any JSON body (a 200 of the wrong shape, say), with optional status and headers. */
  | { kind: "body"; body: unknown; status?: number; headers?: Record<string, string> };

export interface MockFaultRule {
  /** Which endpoint it applies to. @default "*" */
  endpoint?: MockEndpoint | "*";
  fault: MockFault;
  /** How many requests it hits before it is spent. @default Infinity */
  times?: number;
  /** Chance that a matching request is hit. @default 1 */
  probability?: number;
  /** Extra condition on the request (its parsed JSON body). */
  when?: (request: { endpoint: MockEndpoint; body: unknown }) => boolean;
}

/** Shorthands for the common faults. */
export const mockFaults = {
  status: (status: number, body?: unknown): MockFault => ({ kind: "status", status, ...(body === undefined ? {} : { body }) }),
  serverError: (): MockFault => ({ kind: "status", status: 500 }),
  throttle: (retryAfterSeconds = 1): MockFault => ({ kind: "status", status: 429, retryAfterSeconds }),
  networkError: (): MockFault => ({ kind: "network-error" }),
  malformedJson: (): MockFault => ({ kind: "malformed-json" }),
  delay: (ms: number): MockFault => ({ kind: "delay", ms }),
  body: (body: unknown, status = 200, headers?: Record<string, string>): MockFault => ({ kind: "body", body, status, ...(headers ? { headers } : {}) }),
};

interface LiveRule {
  rule: MockFaultRule;
  left: number;
}

/** The active fault rules; the first matching one with hits left wins. */
export class MockFaultTable {
  private rules: LiveRule[] = [];
  constructor(private readonly random: () => number = Math.random) {}

  add(rule: MockFaultRule): void {
    this.rules.push({ rule, left: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any, spending one hit of its rule. */
  take(endpoint: MockEndpoint, body: unknown): MockFault | null {
    for (const live of this.rules) {
      const { rule } = live;
      if (live.left <= 0) continue;
      if (rule.endpoint && rule.endpoint !== "*" && rule.endpoint !== endpoint) continue;
      if (rule.when && !rule.when({ endpoint, body })) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      live.left -= 1;
      return rule.fault;
    }
    return null;
  }
}
