import { describe, expect, it } from "vitest";
import { parseMessages, parseOutputMessages, parseToolDefinitions } from "../../src/core/messages";
import type { Message, MessagePart, ParsedMessage } from "../../src/core/messages";
import { TRACE_FIXTURES, fixtureEvent, loadTraceFixture } from "./traceFixtures";

const parsed = (messages: Message[]) => messages as ParsedMessage[];
const summary = (messages: Message[]) => messages.map((m) => `${m.index}:${m.role}:${m.parts.map((p) => p.kind).join("+")}`);
const kinds = (parts: MessagePart[]) => parts.map((p) => p.kind);

describe("parseMessages on the example traces", () => {
  it.each(TRACE_FIXTURES)("%s: every input and output parses without unparsed messages", (name) => {
    for (const event of loadTraceFixture(name).events) {
      const p = event.properties as Record<string, unknown>;
      if (event.event !== "$ai_generation") continue;
      const input = parseMessages(p.$ai_input);
      const output = parseOutputMessages(p.$ai_output_choices, p.$ai_output);
      for (const message of [...input, ...output]) expect(message.kind).toBe("message");
      if (Array.isArray(p.$ai_input)) {
        // Every source index is represented and indexes stay in range.
        expect(new Set(input.map((m) => m.index))).toEqual(new Set(p.$ai_input.map((_, i) => i)));
      }
      if (p.$ai_output_choices !== undefined) expect(output.length).toBeGreaterThan(0);
    }
  });

  it("OpenAI chat: system/user text, assistant tool_calls with parsed arguments", () => {
    const event = fixtureEvent("support-chatbot", "$ai_generation", 0);
    const input = parsed(parseMessages(event.properties.$ai_input));
    expect(summary(input)).toEqual(["0:system:text", "1:user:text"]);
    const [out] = parsed(parseOutputMessages(event.properties.$ai_output_choices));
    expect(out?.role).toBe("assistant");
    expect(out?.parts).toEqual([
      {
        kind: "tool-call",
        id: "call_kb1",
        name: "search_kb",
        arguments: { query: "change delivery address after ordering", limit: 3 },
        rawArguments: '{"query": "change delivery address after ordering", "limit": 3}',
      },
    ]);
    const later = fixtureEvent("support-chatbot", "$ai_generation", 1);
    const history = parsed(parseMessages(later.properties.$ai_input));
    const tool = history.find((m) => m.role === "tool");
    expect(tool?.parts[0]).toMatchObject({ kind: "tool-result", toolCallId: "call_kb1" });
  });

  it("Anthropic: tool_use, tool_result split into tool turns, thinking", () => {
    const event = fixtureEvent("anthropic-tool-use", "$ai_generation", 3);
    const input = parsed(parseMessages(event.properties.$ai_input));
    expect(summary(input)).toEqual([
      "0:system:text",
      "1:user:text",
      "2:assistant:text+tool-call",
      "3:tool:tool-result",
      "4:assistant:tool-call",
      "5:tool:tool-result",
      "6:assistant:text",
      "7:user:text",
    ]);
    expect(input[5]?.parts[0]).toEqual({ kind: "tool-result", toolCallId: "toolu_01B", content: [{ kind: "text", text: "186.17 EUR" }] });
    const [out] = parsed(parseOutputMessages(event.properties.$ai_output_choices));
    expect(out?.parts[0]).toEqual({ kind: "reasoning", text: "Same flow: price then convert.", signature: "EqQBCkYIBxgCKkB..." });
    expect(out?.parts[1]).toMatchObject({ kind: "tool-call", id: "toolu_01C", name: "get_stock_price", arguments: { ticker: "MSFT" } });
  });

  it("OpenAI Responses: reasoning, function_call, function_call_output, web_search_call, output_text", () => {
    const event = fixtureEvent("openai-responses-agent", "$ai_generation", 2);
    const input = parsed(parseMessages(event.properties.$ai_input));
    expect(summary(input)).toEqual([
      "0:developer:text",
      "1:user:text",
      "2:assistant:reasoning",
      "3:assistant:tool-call",
      "4:tool:tool-result",
      "5:assistant:tool-call",
      "6:assistant:tool-call",
      "7:tool:tool-result",
    ]);
    expect(input[5]?.parts[0]).toMatchObject({ name: "web_search_call", arguments: { type: "search", query: "Acme refund policy damaged item" } });
    expect(input[6]?.parts[0]).toMatchObject({ id: "call_02", name: "issue_refund", arguments: { order_id: "ZX-1043", amount: 39.9 } });
    const out = parsed(parseOutputMessages(event.properties.$ai_output_choices));
    expect(summary(out)).toEqual(["0:assistant:text"]);
    const first = parsed(parseOutputMessages(fixtureEvent("openai-responses-agent", "$ai_generation", 1).properties.$ai_output_choices));
    // An empty reasoning summary is still recorded, as empty reasoning.
    expect(first[0]?.parts[0]).toEqual({ kind: "reasoning", text: "" });
  });

  it("OTel / Vercel: parts messages and tool-call content blocks", () => {
    const first = fixtureEvent("otel-vercel-gemini", "$ai_generation", 0);
    const [call] = parsed(parseOutputMessages(first.properties.$ai_output_choices));
    expect(call?.parts[0]).toEqual({
      kind: "tool-call",
      id: "tc_1",
      name: "convert",
      arguments: { amount: 250, from: "GBP", to: "JPY" },
      rawArguments: '{"amount":250,"from":"GBP","to":"JPY"}',
    });
    const second = fixtureEvent("otel-vercel-gemini", "$ai_generation", 1);
    const input = parsed(parseMessages(second.properties.$ai_input));
    expect(summary(input)).toEqual(["0:user:text", "1:assistant:tool-call", "2:tool:tool-result"]);
    expect(input[2]?.parts[0]).toEqual({ kind: "tool-result", toolCallId: "tc_1", content: [{ kind: "json", value: { jpy: 49212.5, rate: 196.85 } }] });
  });

  it("LangChain: type-keyed messages, tool_calls with args, tool messages, span states", () => {
    const event = fixtureEvent("langchain-agent", "$ai_generation", 1);
    const input = parsed(parseMessages(event.properties.$ai_input));
    expect(summary(input)).toEqual(["0:user:text", "1:assistant:tool-call+tool-call", "2:tool:tool-result", "3:tool:tool-result"]);
    expect(input[1]?.parts[1]).toMatchObject({ id: "call_ny", arguments: { city: "New York" }, rawArguments: '{"city":"New York"}' });
    const span = fixtureEvent("langchain-agent", "$ai_span", 5);
    expect(summary(parseMessages(span.properties.$ai_output_state))).toEqual(["0:assistant:text"]);
  });

  it("images: data URLs, https URLs, Anthropic base64 and url sources, input_image", () => {
    const a = parsed(parseMessages(fixtureEvent("image-inputs", "$ai_generation", 0).properties.$ai_input))[0]!;
    expect(kinds(a.parts)).toEqual(["text", "image", "image"]);
    expect(a.parts[1]).toMatchObject({ kind: "image", mediaType: "image/png", detail: "high" });
    expect((a.parts[1] as { url: string }).url.startsWith("data:image/png;base64,")).toBe(true);
    expect(a.parts[2]).toEqual({ kind: "image", url: "https://images.acme.example/receipts/2025-06-13/rcpt-8812.jpg", detail: "auto" });
    const b = parsed(parseMessages(fixtureEvent("image-inputs", "$ai_generation", 1).properties.$ai_input))[0]!;
    expect(b.parts[0]).toMatchObject({ kind: "image", mediaType: "image/png" });
    expect(typeof (b.parts[0] as { data?: string }).data).toBe("string");
    expect(b.parts[1]).toEqual({ kind: "image", url: "https://images.acme.example/receipts/2025-06-13/rcpt-8813.png" });
    const c = parsed(parseMessages(fixtureEvent("image-inputs", "$ai_generation", 2).properties.$ai_input))[0]!;
    expect(c.parts).toEqual([
      { kind: "image", url: "https://images.acme.example/logo.png" },
      { kind: "text", text: "What brand is this logo?" },
    ]);
  });

  it("keeps a 300 KB message intact and unicode untouched", () => {
    const input = parsed(parseMessages(fixtureEvent("huge-300kb-message", "$ai_generation").properties.$ai_input));
    const text = (input[1]?.parts[0] as { text: string }).text;
    expect(text.length).toBeGreaterThan(300_000);
    const multilingual = parsed(parseMessages(fixtureEvent("multilingual-support", "$ai_generation", 3).properties.$ai_input));
    expect(multilingual.every((m) => m.parts.every((p) => p.kind === "text"))).toBe(true);
  });

  it("keeps the original index through a 40-turn history", () => {
    const event = fixtureEvent("long-conversation-40-turns", "$ai_generation", 39);
    const raw = event.properties.$ai_input as unknown[];
    const input = parseMessages(raw);
    expect(input).toHaveLength(raw.length);
    expect(input.map((m) => m.index)).toEqual(raw.map((_, i) => i));
  });

  it("parses tool catalogues of OpenAI chat, Responses and Anthropic", () => {
    const chat = parseToolDefinitions(fixtureEvent("coding-agent", "$ai_generation").properties.$ai_tools);
    expect(chat.map((t) => t.name)).toEqual(["read_file", "grep", "edit_file", "run_tests", "list_dir", "git_diff"]);
    expect(chat[0]).toMatchObject({ description: "Read a file from the repository.", parameters: { type: "object", required: ["path"] } });
    const responses = parseToolDefinitions(fixtureEvent("openai-responses-agent", "$ai_generation").properties.$ai_tools);
    expect(responses.map((t) => [t.name, t.description ?? null])).toEqual([
      ["get_order", "Fetch an order by id."],
      ["issue_refund", "Refund part or all of an order."],
      ["web_search_preview", null],
    ]);
    const anthropic = parseToolDefinitions(fixtureEvent("anthropic-tool-use", "$ai_generation").properties.$ai_tools);
    expect(anthropic[1]).toMatchObject({ name: "convert_currency", parameters: { required: ["amount", "from", "to"] } });
  });
});
