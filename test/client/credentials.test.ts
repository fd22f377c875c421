// @vitest-environment node
/**
 * Credentials in Node (a server: accepted) and in simulated browser scopes (workers, worklets: refused),
 * which global markers make a scope a browser, and errors scrubbed of every secret in every form.
 */
import fc from "fast-check";
import { ApiError } from "../../src/client/clientErrors";
import { createPostHogClient } from "../../src/client/clientPostHog";
import { detectRuntimeScope } from "../../src/client/clientRuntimeScope";
import { createSecretScrubber } from "../../src/client/clientSecretScrub";
import { openAICompatibleSummarizer } from "../../src/client/clientSummarizerOpenAI";
import { KEY, errorStrings, leaks, runCredentialScenarios, runLeakScenarios } from "./credentialScenarios";

describe("which scopes are browsers", () => {
  const node = { process: { versions: { node: "22.0.0" } } };
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    ["this Node process", globalThis as unknown as Record<string, unknown>, false],
    ["Node 21+ (has a navigator)", { ...node, navigator: { userAgent: "Node.js/22" } }, false],
    ["a page", { window: {}, document: {}, navigator: {} }, true],
    ["jsdom in Node", { ...node, window: {}, document: {}, navigator: {} }, true],
    ["an Electron renderer", { process: { versions: { node: "20", electron: "30" } }, window: {}, document: {} }, true],
    ["a dedicated worker", { WorkerGlobalScope: class {}, DedicatedWorkerGlobalScope: class {}, importScripts: () => undefined, navigator: {}, self: {} }, true],
    ["a module worker without importScripts", { WorkerGlobalScope: class {}, navigator: {} }, true],
    ["a shared worker", { WorkerGlobalScope: class {}, SharedWorkerGlobalScope: class {}, onconnect: null, importScripts: () => undefined, navigator: {} }, true],
    ["a service worker", { WorkerGlobalScope: class {}, ServiceWorkerGlobalScope: class {}, clients: {}, importScripts: () => undefined, navigator: {} }, true],
    ["an audio worklet", { registerProcessor: () => undefined, sampleRate: 44100 }, true],
    ["a paint worklet", { registerPaint: () => undefined }, true],
    ["a worklet by its scope class", { WorkletGlobalScope: class {} }, true],
    ["React Native", { navigator: { product: "ReactNative" } }, true],
    ["an unknown scope with a navigator", { navigator: {} }, true],
    ["Deno 1.x (which has window)", { Deno: { version: { deno: "1.46.0" } }, window: {}, navigator: {} }, false],
    ["a Deno worker", { Deno: { version: { deno: "2.1.0" } }, WorkerGlobalScope: class {}, navigator: {}, self: {} }, false],
    ["Bun", { Bun: {}, process: { versions: { node: "22", bun: "1.1" } }, navigator: {} }, false],
    ["a Bun worker", { Bun: {}, process: { versions: { node: "22", bun: "1.1" } }, self: {}, navigator: {} }, false],
    ["Vercel's edge runtime", { EdgeRuntime: "edge-runtime", self: {}, navigator: {} }, false],
    ["Cloudflare Workers", { navigator: { userAgent: "Cloudflare-Workers" }, caches: {}, WebSocketPair: () => undefined, self: {} }, false],
    ["a bare server runtime", {}, false],
    ["a page that also defines Deno", { Deno: { version: { deno: "1" } }, window: {}, document: {} }, true],
  ];
  it.each(cases)("%s", (_, globals, browser) => {
    expect(detectRuntimeScope(globals).browser).toBe(browser);
  });

  it("treats a scope whose globals throw as a browser", () => {
    const hostile = new Proxy({}, { get: () => { throw new Error("no"); }, has: () => { throw new Error("no"); } });
    expect(detectRuntimeScope(hostile).browser).toBe(true);
  });
});

describe("credentials in Node are accepted and sent", () => {
  it("sends every kind of credential from a server", async () => {
    const outcomes = await runCredentialScenarios({ allow: false });
    for (const o of outcomes) expect([o.name, o.refused, o.sent]).toEqual([o.name, false, true]);
    expect(outcomes.find((o) => o.name === "apiKey")?.sentHeaders).toContain("authorization");
  });
});

describe("credentials in a simulated module worker are refused", () => {
  beforeEach(() => {
    vi.stubGlobal("WorkerGlobalScope", class {});
    vi.stubGlobal("importScripts", () => undefined);
    // The worker has no Node either: hide it the way a bundle for the browser would not have it.
    vi.stubGlobal("process", { env: {} });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("refuses every credential before anything is sent, and names where it was found, never the value", async () => {
    const outcomes = await runCredentialScenarios({ allow: false });
    for (const o of outcomes) {
      expect([o.name, o.refused, o.sent]).toEqual([o.name, o.credential, !o.credential]);
      expect([o.name, o.leaked]).toEqual([o.name, false]);
    }
    expect(outcomes.find((o) => o.name === "X-API-Key header (tuples)")?.errorText).toContain('"X-API-Key" header in a worker');
  });

  it("lets the host opt out with dangerouslyAllowBrowser", async () => {
    const outcomes = await runCredentialScenarios({ allow: true });
    for (const o of outcomes) expect([o.name, o.refused, o.sent]).toEqual([o.name, false, true]);
  });

  it("still allows Deno, which has worker globals too", async () => {
    vi.stubGlobal("Deno", { version: { deno: "2.1.0" } });
    const outcomes = await runCredentialScenarios({ allow: false });
    expect(outcomes.filter((o) => o.refused).map((o) => o.name)).toEqual([]);
  });
});

describe("errors carry no credential", () => {
  it("scrubs message, stack, cause chains with cycles, extra fields and encodings from a custom fetch's error", async () => {
    for (const result of await runLeakScenarios()) {
      expect([result.name, result.sent, result.leaked]).toEqual([result.name, true, false]);
      expect(result.errorText).toContain("[redacted]");
    }
  });

  it("scrubs the Headers error for a key with a newline, and user-info from fetch's URL error", async () => {
    const withNewline = `${KEY}\nsecond-line-777`;
    const error = await createPostHogClient({ host: "http://127.0.0.1:9", projectId: 1, apiKey: withNewline, retry: { retries: 0 } })
      .listTraces()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const text = errorStrings(error);
    expect(text).toMatch(/invalid header value/);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain("second-line-777");
    const userInfo = await createPostHogClient({ host: "http://admin:p%40ssw0rd-999@127.0.0.1:9", projectId: 1, retry: { retries: 0 } })
      .listTraces()
      .catch((e: unknown) => e);
    const urlText = errorStrings(userInfo);
    expect(urlText).toMatch(/credentials/);
    expect(urlText).not.toMatch(/p%40ssw0rd-999|p@ssw0rd-999/);
    const summarizerError = await openAICompatibleSummarizer({ baseUrl: "http://admin:p%40ssw0rd-999@127.0.0.1:9/v1", model: "m" })({ text: "L1: x", mode: "minimal", model: null, summarizeType: "trace", entityId: "t" }).catch((e: unknown) => e);
    expect(errorStrings(summarizerError)).not.toMatch(/p%40ssw0rd-999|p@ssw0rd-999/);
    expect((summarizerError as Error).cause).toBeDefined();
  });

  it("scrubs a key echoed deeper than any limit from body, message and stack", async () => {
    // Built as text: JSON.stringify itself would overflow the stack at this depth.
    const depth = 5000;
    const body = `${'{"detail":['.repeat(depth)}{"error":"echo ${KEY}"}${"]}".repeat(depth)}`;
    const fetchImpl: typeof fetch = async () => new Response(body, { status: 400 });
    const error = (await createPostHogClient({ host: "https://h.example", projectId: 1, apiKey: KEY, fetch: fetchImpl, retry: { retries: 0 }, dangerouslyAllowBrowser: true })
      .listTraces()
      .catch((e: unknown) => e)) as ApiError;
    expect(error.message).toContain("[redacted]");
    expect(`${error.message}${error.stack}`).not.toContain(KEY);
    let inner: unknown = error.body;
    for (let i = 0; i < depth; i++) inner = (inner as { detail: unknown[] }).detail[0];
    expect(inner).toEqual({ error: "echo [redacted]" });
  });

  it("scrubs the headers function's own failure", async () => {
    const client = createPostHogClient({
      host: "https://h.example",
      projectId: 1,
      apiKey: KEY,
      headers: () => {
        throw new Error(`token refresh failed for ${KEY}`);
      },
    });
    const error = await client.listTraces().catch((e: unknown) => e);
    expect(errorStrings(error)).not.toContain(KEY);
    expect((error as Error).message).toBe("token refresh failed for [redacted]");
  });

  it("finds any secret in any encoding at any base64 alignment (property)", () => {
    const secret = fc.string({ minLength: 8, maxLength: 40 }).filter((s) => s.trim().length >= 8);
    const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    fc.assert(
      fc.property(secret, fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), (s, before, after) => {
        const scrub = createSecretScrubber([s]);
        const texts = [`${before}${s}${after}`, b64(`${before}${s}${after}`), `${before}${encodeURIComponent(s)}${after}`, JSON.stringify({ s })];
        for (const text of texts) expect(leaks(scrub.text(text), [s])).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it("copies errors with their class, cycles and all, leaving the original untouched", () => {
    const scrub = createSecretScrubber([KEY]);
    const a = new TypeError(`a ${KEY}`);
    const b = new Error(`b ${KEY}`, { cause: a });
    (a as { cause?: unknown }).cause = b;
    const copy = scrub.value(b);
    expect(copy).toBeInstanceOf(Error);
    expect((copy.cause as Error) instanceof TypeError).toBe(true);
    expect(((copy.cause as Error).cause as Error)).toBe(copy);
    expect(errorStrings(copy)).not.toContain(KEY);
    expect(b.message).toContain(KEY);
  });
});
