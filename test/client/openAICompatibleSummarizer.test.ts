// @vitest-environment node
/** `openAICompatibleSummarizer` against a fake OpenAI-compatible server on 127.0.0.1 (never the internet). */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalClient } from "../../src/client/clientLocal";
import { isApiError } from "../../src/client/clientErrors";
import { SummarizerError, openAICompatibleSummarizer } from "../../src/client/clientSummarizerOpenAI";
import { IDS, allTraces } from "./helpers";

interface Seen {
  path: string;
  authorization: string | undefined;
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string; json_schema?: { strict: boolean; schema: { required: string[] } } };
  };
}

const KEY = "sk-test-0123456789abcdefghij";
let seen: Seen[] = [];
let reply: (body: Seen["body"]) => { status: number; json: unknown } = () => ({ status: 500, json: {} });
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (part) => (raw += part));
    req.on("end", () => {
      const body = JSON.parse(raw) as Seen["body"];
      seen.push({ path: req.url ?? "", authorization: req.headers.authorization, body });
      const { status, json } = reply(body);
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(typeof json === "string" ? json : JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

function answer(content: unknown) {
  return { status: 200, json: { id: "c1", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: typeof content === "string" ? content : JSON.stringify(content) } }] } };
}

const good = {
  title: "Customer gets a refund policy answer",
  flow_diagram: "user asks\n  ↓\nknowledge base ✓\n  ↓\nanswer ✓",
  summary_bullets: [
    { text: "The user asks about refunds", line_refs: "L3" },
    { text: "The bot looks it up", line_refs: "[L5]" },
    { text: "The bot answers", line_refs: "L7" },
  ],
  interesting_notes: [{ text: "Streaming was on", line_refs: "" }],
  extra_key: "dropped",
};

function client(summarizeOptions: Partial<Parameters<typeof openAICompatibleSummarizer>[0]> = {}) {
  return createLocalClient({ traces: allTraces(), summarize: openAICompatibleSummarizer({ baseUrl, apiKey: KEY, model: "gpt-4.1-mini", ...summarizeOptions }) });
}

it("sends the line-numbered text_repr with the summary contract and returns the validated summary", async () => {
  reply = () => answer(good);
  const response = await client().summarize({ trace_id: IDS.support, mode: "detailed" });
  expect(seen).toHaveLength(1);
  const request = seen[0]!;
  expect(request.path).toBe("/v1/chat/completions");
  expect(request.authorization).toBe(`Bearer ${KEY}`);
  expect(request.body.model).toBe("gpt-4.1-mini");
  expect(request.body.response_format?.type).toBe("json_schema");
  expect(request.body.response_format?.json_schema?.strict).toBe(true);
  expect(request.body.response_format?.json_schema?.schema.required).toEqual(["title", "flow_diagram", "summary_bullets", "interesting_notes"]);
  const [system, user] = request.body.messages;
  expect(system!.role).toBe("system");
  expect(system!.content).toMatch(/5 to 10 bullets/);
  expect(user!.content).toContain(response.text_repr);
  expect(response.text_repr).toMatch(/^L\d+: /);
  const { extra_key: _dropped, ...expected } = good;
  expect(response.summary).toStrictEqual(expected);
});

it("asks for the minimal contract in minimal mode and honours a per-request model", async () => {
  reply = () => answer(good);
  await client().summarize({ trace_id: IDS.rag, mode: "minimal", model: "local-llama" });
  expect(seen[0]!.body.messages[0]!.content).toMatch(/3 to 5 bullets/);
  expect(seen[0]!.body.model).toBe("local-llama");
});

it("accepts an answer wrapped in a ```json fence when structured output is off", async () => {
  reply = () => answer("```json\n" + JSON.stringify(good) + "\n```");
  await expect(client({ structuredOutput: "none" }).summarize({ trace_id: IDS.rag })).resolves.toMatchObject({ summary: { title: good.title } });
  expect(seen[0]!.body.response_format).toBeUndefined();
});

describe("refused answers", () => {
  const summarize = () => openAICompatibleSummarizer({ baseUrl, apiKey: KEY, model: "m" });
  const request = { text: "L1: a\nL2: b\nL3: c", mode: "minimal" as const, model: null, summarizeType: "trace" as const, entityId: "t" };

  it.each([
    ["not JSON", "this is prose", /not valid JSON/],
    ["no bullets", { ...good, summary_bullets: [] }, /must not be empty/],
    ["prose in line_refs", { ...good, summary_bullets: [{ text: "x", line_refs: "see the top" }] }, /not a line reference/],
    ["a line past the end", { ...good, summary_bullets: [{ text: "x", line_refs: "L9" }] }, /past the last line/],
    ["a bullet without refs", { ...good, summary_bullets: [{ text: "x", line_refs: "" }] }, /line_refs is empty/],
    ["a missing title", { ...good, title: "" }, /title/],
  ])("%s", async (_name, content, message) => {
    reply = () => answer(content);
    const error = await summarize()(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SummarizerError);
    expect(error).toMatchObject({ kind: "invalid_response" });
    expect((error as Error).message).toMatch(message);
  });

  it("reports HTTP failures without the key, even when the provider echoes it", async () => {
    reply = () => ({ status: 401, json: { error: { message: `Incorrect API key provided: ${KEY}. Also sk-test-0123***ghij.`, type: "invalid_request_error" } } });
    const error = (await summarize()(request).catch((e: unknown) => e)) as SummarizerError;
    expect(error).toMatchObject({ kind: "http", status: 401 });
    const everything = `${error.message} ${JSON.stringify(error.body)}`;
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain("sk-test-0123");
    expect(error.message).toContain("Incorrect API key provided");
  });

  it("times out, and reports an unreachable server as a network error", async () => {
    reply = () => answer(good);
    // A slow server that honours the abort: once aborted it never calls through, so no request is left
    // to reject after the test (an unhandled rejection would land on whichever file runs next).
    const slow = openAICompatibleSummarizer({ baseUrl, model: "m", timeoutMs: 1, fetch: (input, init) => new Promise((resolve, reject) => {
      const later = setTimeout(() => resolve(fetch(input, init)), 200);
      init?.signal?.addEventListener("abort", () => {
        clearTimeout(later);
        reject(new DOMException("aborted", "AbortError"));
      });
    }) });
    await expect(slow(request)).rejects.toMatchObject({ kind: "timeout" });
    const nowhere = openAICompatibleSummarizer({ baseUrl: "http://127.0.0.1:1/v1", model: "m" });
    await expect(nowhere(request)).rejects.toMatchObject({ kind: "network" });
  });
});

it("turns a refused answer into PostHog's 500 in the local client, and caches nothing", async () => {
  reply = () => answer({ ...good, summary_bullets: "none" });
  const c = client();
  const error = await c.summarize({ trace_id: IDS.rag }).catch((e: unknown) => e);
  expect(isApiError(error) && [error.status, error.body]).toEqual([500, { error: "Failed to generate summary", detail: "An error occurred while generating the summary" }]);
  expect((error as Error).cause).toBeInstanceOf(SummarizerError);
  expect((await c.summaryBatchCheck({ trace_ids: [IDS.rag] })).summaries).toEqual([]);
});

it("refuses to hold an API key in a browser-like environment unless allowed", () => {
  const g = globalThis as { window?: unknown };
  g.window = {};
  try {
    expect(() => openAICompatibleSummarizer({ baseUrl, apiKey: KEY, model: "m" })).toThrow(/must not be used in a browser/);
    expect(() => openAICompatibleSummarizer({ baseUrl, apiKey: KEY, model: "m", dangerouslyAllowBrowser: true })).not.toThrow();
    expect(() => openAICompatibleSummarizer({ baseUrl, model: "m" })).not.toThrow();
  } finally {
    delete g.window;
  }
});
