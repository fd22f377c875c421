// @vitest-environment node
/**
 * The PostHog client against a real HTTP server on 127.0.0.1 that enforces PostHog's contract
 * and injects faults: 500s, 429 with Retry-After, answers slower than the timeout, malformed
 * JSON and reset connections.
 */
import fc from "fast-check";
import { ApiError, isApiError } from "../../src/client/clientErrors";
import { createPostHogClient, type PostHogClientOptions } from "../../src/client/clientPostHog";
import { isSentimentFailure } from "../../src/client/clientSentimentResult";
import { createPostHogMockBackend, type PostHogMockBackend } from "../../src/msw/mockBackend";
import { mockFaults } from "../../src/msw/mockFaults";
import { IDS, allTraces, fakeClassifier } from "./helpers";
import { startLoopbackServer, type LoopbackServer } from "./loopbackServer";

const KEY = "phx_very_secret_personal_key_0123456789";
const FAST = { baseDelayMs: 1, maxDelayMs: 4 };
let backend: PostHogMockBackend;
let server: LoopbackServer;

function client(overrides: Partial<PostHogClientOptions> = {}) {
  return createPostHogClient({ host: server.url, projectId: 7, apiKey: KEY, retry: { retries: 3, ...FAST }, timeoutMs: 15_000, ...overrides });
}

const textRepr = { event_type: "$ai_generation" as const, data: { id: "e1", event: "$ai_generation", properties: { $ai_input: "hi" } } };

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to reject");
}

beforeEach(async () => {
  backend = createPostHogMockBackend({ traces: allTraces(), classifier: fakeClassifier(), projectId: 7, auth: { required: true, apiKeys: [KEY] } });
  server = await startLoopbackServer(backend);
});
afterEach(async () => {
  await server.close();
});

describe("retries", () => {
  it("retries 500s and succeeds once the server recovers", async () => {
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.serverError(), times: 2 });
    const response = await client().textRepr(textRepr);
    expect(response.text).toContain("hi");
    expect(server.received).toBe(3);
  });

  it("stops after the retry budget and surfaces PostHog's 500 body", async () => {
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.serverError() });
    const error = await rejection(client({ retry: { retries: 2, ...FAST } }).textRepr(textRepr));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: "http", status: 500, attempts: 3, body: { error: "Internal server error", detail: "Failed to generate text representation" } });
    expect(server.received).toBe(3);
  });

  it("waits out Retry-After on 429 before trying again", async () => {
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.throttle(1), times: 1 });
    const started = Date.now();
    await client().textRepr(textRepr);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(server.received).toBe(2);
  });

  it("surfaces a Retry-After longer than it will wait, at once, with retryAfterMs", async () => {
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.throttle(120) });
    const error = await rejection(client().textRepr(textRepr));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000, attempts: 1 });
    expect(error.message).toContain("Request was throttled");
    expect(server.received).toBe(1);
  });

  it("retries reset connections, then reports a network error", async () => {
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.networkError(), times: 1 });
    await expect(client().textRepr(textRepr)).resolves.toMatchObject({ metadata: { event_id: "e1" } });
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.networkError() });
    server.resetCounters();
    const error = await rejection(client({ retry: { retries: 1, ...FAST } }).textRepr(textRepr));
    expect(error).toMatchObject({ kind: "network", status: 0, attempts: 2 });
    expect(server.received).toBe(2);
  });

  it("does not retry 4xx answers", async () => {
    const error = await rejection(client().summarize({ mode: "minimal" }));
    expect(error).toMatchObject({ status: 400, attempts: 1 });
    expect(server.received).toBe(1);
  });
});

describe("timeouts, bodies and aborts", () => {
  it("times out a slow answer without retrying it by default", async () => {
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.delay(400) });
    const error = await rejection(client({ timeoutMs: 60 }).textRepr(textRepr));
    expect(error).toMatchObject({ kind: "timeout", status: 0, attempts: 1 });
    // At most the one attempt reached the socket: on a loaded box the 60 ms can run out before it connects.
    expect(server.received).toBeLessThanOrEqual(1);
  });

  it("retries timeouts when asked, still within the budget", async () => {
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.delay(400) });
    const error = await rejection(client({ timeoutMs: 40, retry: { retries: 2, retryTimeouts: true, ...FAST } }).textRepr(textRepr));
    expect(error).toMatchObject({ kind: "timeout", attempts: 3 });
    expect(server.received).toBeLessThanOrEqual(3);
  });

  it("reports malformed JSON as a parse error and does not retry it", async () => {
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.malformedJson(), times: 1 });
    const error = await rejection(client().textRepr(textRepr));
    expect(error).toMatchObject({ kind: "parse", status: 200, attempts: 1 });
    expect(server.received).toBe(1);
  });

  it("aborts an in-flight request and a pending backoff with the caller's reason", async () => {
    backend.setLatency(300);
    const controller = new AbortController();
    const pending = client().textRepr(textRepr, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    backend.setLatency(0);
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.serverError() });
    const backoff = new AbortController();
    const slow = client({ retry: { retries: 5, baseDelayMs: 10_000 } }).textRepr(textRepr, { signal: backoff.signal });
    setTimeout(() => backoff.abort(), 50);
    await expect(slow).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("credentials", () => {
  it("sends the key as a bearer token but never puts it in errors", async () => {
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.status(403, { detail: `Key ${KEY} is not allowed; ${KEY.slice(0, 20)}*** either` }) });
    const error = await rejection(client().textRepr(textRepr));
    expect(server.authorizations).toContain(`Bearer ${KEY}`);
    expect(error.status).toBe(403);
    const everything = `${error.message} ${JSON.stringify(error.body)} ${error.path} ${String(error.stack)}`;
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(KEY.slice(0, 20));
    expect(error.path).toBe("/api/environments/7/llm_analytics/text_repr/");
  });

  it("keeps credentials in the host URL out of errors", async () => {
    const error = await rejection(client({ host: server.url.replace("http://", "http://user:pw@"), retry: { retries: 0 } }).listTraces());
    expect(`${error.message} ${error.path} ${String(error.stack)}`).not.toContain("user:pw");
  });

  it("gets PostHog's 401 when the key is missing", async () => {
    const error = await rejection(client({ apiKey: undefined }).listTraces());
    expect(error).toMatchObject({ status: 401, body: { detail: "Authentication credentials were not provided." } });
  });
});

describe("sentiment chunking under faults", () => {
  const ids = [...allTraces().map((t) => t.id), "ghost-1", "ghost-2", "ghost-3"];

  it("chunks by 5, merges, and gives every id a result or an error", async () => {
    // One chunk fails for good (it carries the support trace); others hit transient faults.
    backend.addFault({ endpoint: "sentiment", fault: mockFaults.serverError(), when: ({ body }) => JSON.stringify(body).includes(IDS.support) });
    backend.addFault({ endpoint: "sentiment", fault: mockFaults.networkError(), times: 2 });
    backend.addFault({ endpoint: "sentiment", fault: mockFaults.throttle(0), times: 2 });
    const results = await client({ retry: { retries: 3, ...FAST } }).sentiment({ ids, analysis_level: "trace" });
    expect(Object.keys(results)).toEqual(ids);
    const bodies = backend.stats.requests.map((r) => (r.body as { ids: string[] }).ids);
    expect(bodies.every((chunk) => chunk.length <= 5)).toBe(true);
    const failedChunk = bodies.find((chunk) => chunk.includes(IDS.support))!;
    for (const id of ids) {
      const entry = results[id]!;
      if (failedChunk.includes(id)) {
        expect(isSentimentFailure(entry) && entry.cause?.status).toBe(500);
      } else {
        expect(isSentimentFailure(entry)).toBe(id === IDS.poison);
      }
    }
  });

  it("property: whatever the server does, every id ends with a result or a typed error, within the retry budget", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 23 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 2 }), async (n, seed, retries) => {
        let state = seed;
        const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
        const local = createPostHogMockBackend({ traces: allTraces(), classifier: fakeClassifier(), random });
        local.addFault({ endpoint: "sentiment", fault: mockFaults.serverError(), probability: 0.25 });
        local.addFault({ endpoint: "sentiment", fault: mockFaults.networkError(), probability: 0.2 });
        local.addFault({ endpoint: "sentiment", fault: mockFaults.malformedJson(), probability: 0.1 });
        const loop = await startLoopbackServer(local);
        try {
          const asked = ids.slice(0, n);
          const c = createPostHogClient({ host: loop.url, projectId: 1, retry: { retries, ...FAST }, maxConcurrency: 2 });
          // The caller's own window: no widening, so the budget is the chunks' retries alone.
          const results = await c.sentiment({ ids: asked, date_from: "2025-01-01" });
          expect(Object.keys(results)).toEqual(asked);
          for (const id of asked) {
            const entry = results[id]!;
            if (isSentimentFailure(entry) && entry.cause) expect(["http", "network", "parse"]).toContain(entry.cause.kind);
          }
          expect(loop.received).toBeLessThanOrEqual(Math.ceil(n / 5) * (retries + 1));
          expect(loop.maxInFlight).toBeLessThanOrEqual(2);
        } finally {
          await loop.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("concurrency", () => {
  it("never has more requests in flight than maxConcurrency", async () => {
    backend.setLatency(25);
    const c = client({ maxConcurrency: 3 });
    await Promise.all(Array.from({ length: 20 }, () => c.textRepr(textRepr)));
    expect(server.received).toBe(20);
    expect(server.maxInFlight).toBe(3);
  });

  it("sends sentiment 5 ids a request, at most 2 in flight whatever maxConcurrency, and hands back each request's ids as they answer", async () => {
    backend.setLatency(20);
    const ids = Array.from({ length: 23 }, (_, i) => `trace-${i}`);
    const parts: string[][] = [];
    const results = await client({ maxConcurrency: 6 }).sentiment({ ids, date_from: "2025-01-01" }, { onResults: (part) => parts.push(Object.keys(part)) });
    expect(Object.keys(results)).toEqual(ids);
    expect(server.received).toBe(5);
    expect(server.maxInFlight).toBe(2);
    expect(parts.map((part) => part.length).sort()).toEqual([3, 5, 5, 5, 5]);
    expect(parts.flat().sort()).toEqual([...ids].sort());
  });

  it("keeps the limit while some requests are retrying", async () => {
    backend.setLatency(10);
    backend.addFault({ endpoint: "text_repr", fault: mockFaults.serverError(), probability: 0.5 });
    const c = client({ maxConcurrency: 2, retry: { retries: 6, ...FAST } });
    await Promise.allSettled(Array.from({ length: 12 }, () => c.textRepr(textRepr)));
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
    expect(server.received).toBeGreaterThan(12);
  });
});
