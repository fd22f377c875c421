import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseMessages, parseOutputMessages, parseToolDefinitions } from "../../src/core/messages";
import type { Message, MessagePart } from "../../src/core/messages";

const PART_KINDS = new Set(["text", "image", "video", "file", "audio", "source", "tool-call", "tool-result", "reasoning", "json"]);

function checkPart(part: MessagePart): void {
  expect(PART_KINDS.has(part.kind)).toBe(true);
  if (part.kind === "text" || part.kind === "reasoning") expect(typeof part.text).toBe("string");
  if (part.kind === "tool-call") {
    expect(typeof part.name).toBe("string");
    expect(typeof part.rawArguments).toBe("string");
  }
  if (part.kind === "tool-result") for (const inner of part.content) checkPart(inner);
}

function checkMessages(input: unknown, messages: Message[]): void {
  expect(Array.isArray(messages)).toBe(true);
  for (const message of messages) {
    expect(["message", "unparsed"]).toContain(message.kind);
    expect(typeof message.role).toBe("string");
    expect(Number.isInteger(message.index)).toBe(true);
    expect(message.index).toBeGreaterThanOrEqual(-1);
    if (message.kind === "unparsed") {
      expect(message.role).toBe("unknown");
      expect(message.parts).toEqual([]);
      expect("raw" in message).toBe(true);
      expect(message.reason.length).toBeGreaterThan(0);
    }
    for (const part of message.parts) checkPart(part);
  }
  if (Array.isArray(input)) {
    // One or more messages per item, each tagged with its item's index, in order.
    expect(new Set(messages.map((m) => m.index))).toEqual(new Set(input.map((_, i) => i)));
    const indexes = messages.map((m) => m.index);
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
  }
}

const blockArb = fc.oneof(
  fc.string(),
  fc.record(
    {
      type: fc.constantFrom("text", "input_text", "image_url", "input_image", "image", "document", "file", "input_audio", "tool_use", "tool_result", "tool-call", "tool-result", "tool_call", "tool_call_response", "thinking", "redacted_thinking", "reasoning", "blob", "function", "web_search_tool_result", "zzz"),
      text: fc.anything(),
      content: fc.anything(),
      image_url: fc.anything(),
      source: fc.anything(),
      input: fc.anything(),
      output: fc.anything(),
      name: fc.anything(),
      id: fc.anything(),
      function: fc.anything(),
    },
    { requiredKeys: ["type"] },
  ),
  fc.record({ text: fc.anything(), thought: fc.anything(), inlineData: fc.anything(), functionCall: fc.anything(), functionResponse: fc.anything() }, { requiredKeys: [] }),
  fc.anything(),
);

const messageArb = fc.record(
  {
    role: fc.oneof(fc.constantFrom("user", "assistant", "system", "tool", "developer", "function", "model", "human"), fc.anything()),
    type: fc.oneof(fc.constantFrom("human", "ai", "tool", "message", "function_call", "function_call_output", "reasoning", "web_search_call", "text"), fc.anything()),
    content: fc.oneof(fc.string(), fc.array(blockArb, { maxLength: 6 }), blockArb),
    parts: fc.array(blockArb, { maxLength: 4 }),
    tool_calls: fc.oneof(fc.array(fc.record({ id: fc.anything(), function: fc.anything(), name: fc.anything(), args: fc.anything() }, { requiredKeys: [] }), { maxLength: 3 }), fc.anything()),
    additional_kwargs: fc.anything(),
    message: fc.anything(),
    summary: fc.anything(),
    arguments: fc.anything(),
  },
  { requiredKeys: [] },
);

describe("parseMessages properties", () => {
  it("never throws on arbitrary values and keeps indexes valid", () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 5 }), (value) => checkMessages(value, parseMessages(value))),
      { numRuns: 500 },
    );
  });

  it("never throws on message-shaped values", () => {
    fc.assert(
      fc.property(fc.array(messageArb, { maxLength: 8 }), (list) => {
        checkMessages(list, parseMessages(list));
        checkMessages(undefined, parseOutputMessages(list));
        checkMessages(undefined, parseMessages({ messages: list }));
        checkMessages(undefined, parseMessages({ contents: list, systemInstruction: list[0] }));
      }),
      { numRuns: 500 },
    );
  });

  it("parses outputs and tools from arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (choices, output) => {
        checkMessages(undefined, parseOutputMessages(choices, output));
        for (const tool of parseToolDefinitions(choices)) expect(typeof tool.name).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("survives hostile input: deep nesting, huge strings, long arrays, throwing getters", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 100_000; i++) deep = { message: { content: [{ type: "tool_result", content: [deep] }] }, args: deep };
    expect(() => parseMessages([deep])).not.toThrow();
    let deepArgs: unknown = 1;
    for (let i = 0; i < 100_000; i++) deepArgs = { a: deepArgs };
    const call = parseMessages([{ role: "assistant", tool_calls: [{ id: "x", function: { name: "f", arguments: deepArgs } }] }]);
    expect(call[0]?.parts[0]).toMatchObject({ kind: "tool-call", rawArguments: "[unserializable]" });
    const nestedJson = "[".repeat(200_000) + "]".repeat(200_000);
    expect(parseMessages([{ role: "assistant", tool_calls: [{ function: { name: "f", arguments: nestedJson } }] }])).toHaveLength(1);

    const huge = "x".repeat(5_000_000);
    const [big] = parseMessages([{ role: "user", content: huge }]);
    expect((big?.parts[0] as { text: string }).text.length).toBe(5_000_000);
    expect(parseMessages(Array.from({ length: 100_000 }, (_, i) => ({ role: "user", content: `m${i}` })))).toHaveLength(100_000);

    const trap = new Proxy({}, { get: () => { throw new Error("trap"); }, ownKeys: () => { throw new Error("trap"); } });
    const getter = Object.defineProperty({ role: "user" }, "content", { get: () => { throw new Error("boom"); }, enumerable: true });
    const result = parseMessages([trap, getter, { role: "user", content: "fine" }]);
    expect(result.map((m) => `${m.index}:${m.kind}`)).toEqual(["0:unparsed", "1:unparsed", "2:message"]);
    expect(() => parseMessages(trap)).not.toThrow();
    expect(() => parseToolDefinitions([trap])).not.toThrow();
  });
});
