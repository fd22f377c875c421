/**
 * The mock's "ClickHouse": every event of the host's traces as one table, with each event's trace,
 * distinct id and person, so the query runners can apply PostHog's windows and filters to events
 * rather than to whole traces.
 */
import type { LocalTraceSource } from "../client/clientLocalTraces";
import type { LLMTrace, LLMTracePerson } from "../core/eventsTrace";

export interface StoredEvent {
  id: string;
  event: string;
  /** Epoch ms; events without a readable timestamp never match a window and are left out. */
  at: number;
  createdAt: string;
  properties: Record<string, unknown>;
  traceId: string;
  distinctId: string;
  person: LLMTracePerson | null;
}

export interface StoredTrace {
  source: LLMTrace;
  events: StoredEvent[];
}

export interface MockStore {
  traces(): Promise<StoredTrace[]>;
  /** Every stored event, of every trace. */
  events(): Promise<StoredEvent[]>;
}

function dict(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function personOf(trace: LLMTrace): { distinctId: string; person: LLMTracePerson | null } {
  const person = trace.person && typeof trace.person === "object" ? trace.person : null;
  const distinctId = typeof trace.distinctId === "string" && trace.distinctId ? trace.distinctId : person?.distinct_id || `anonymous-${trace.id}`;
  return { distinctId, person };
}

function storedTrace(trace: LLMTrace): StoredTrace {
  const { distinctId, person } = personOf(trace);
  const events: StoredEvent[] = [];
  for (const event of Array.isArray(trace.events) ? trace.events : []) {
    if (!event || typeof event !== "object" || typeof event.id !== "string") continue;
    const at = Date.parse(String(event.createdAt));
    if (!Number.isFinite(at)) continue;
    const properties = { ...dict(event.properties) };
    // Events belong to a trace through $ai_trace_id; host traces may leave it implied.
    if (properties.$ai_trace_id === undefined || properties.$ai_trace_id === null) properties.$ai_trace_id = trace.id;
    events.push({ id: event.id, event: String(event.event), at, createdAt: new Date(at).toISOString(), properties, traceId: String(properties.$ai_trace_id), distinctId, person });
  }
  return { source: trace, events };
}

/** A store over the host's traces (an array, or a function read on every request, as the local client takes them). */
export function createMockStore(source: LocalTraceSource): MockStore {
  const cache = new WeakMap<LLMTrace, StoredTrace>();
  async function traces(): Promise<StoredTrace[]> {
    const raw = typeof source === "function" ? await source() : source;
    const out: StoredTrace[] = [];
    for (const trace of raw ?? []) {
      if (!trace || typeof trace !== "object" || typeof trace.id !== "string") continue;
      let stored = cache.get(trace);
      if (!stored) {
        stored = storedTrace(trace);
        cache.set(trace, stored);
      }
      out.push(stored);
    }
    return out;
  }
  return {
    traces,
    async events() {
      return (await traces()).flatMap((trace) => trace.events);
    },
  };
}
