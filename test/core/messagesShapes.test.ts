import { describe, expect, it } from "vitest";
import { normalizeMessageRole, parseMessages, parseOutputMessages, parseToolDefinitions } from "../../src/core/messages";
import type { Message } from "../../src/core/messages";

const one = (value: unknown) => parseMessages(value)[0] as Extract<Message, { kind: "message" }>;
const summary = (messages: Message[]) => messages.map((m) => `${m.index}:${m.role}:${m.parts.map((p) => p.kind).join("+")}`);

describe("OpenAI chat shapes", () => {
  it("content arrays with image_url, input_audio, file and refusal", () => {
    const message = one({
      role: "user",
      name: "maria",
      content: [
        { type: "text", text: "hi" },
        { type: "image_url", image_url: { url: "https://x/y.png" } },
        { type: "input_audio", input_audio: { data: "UklGR", format: "wav" } },
        { type: "file", file: { filename: "a.pdf", file_data: "data:application/pdf;base64,JVBER" } },
        { type: "refusal", refusal: "no" },
        { type: "text", text: { value: "assistants api", annotations: [] } },
      ],
    });
    expect(message.name).toBe("maria");
    expect(message.parts).toEqual([
      { kind: "text", text: "hi" },
      { kind: "image", url: "https://x/y.png" },
      { kind: "audio", data: "UklGR", format: "wav" },
      { kind: "file", url: "data:application/pdf;base64,JVBER", mediaType: "application/pdf", filename: "a.pdf" },
      { kind: "text", text: "no" },
      { kind: "text", text: "assistants api" },
    ]);
  });

  it("legacy function_call / function role, assistant audio, non-JSON arguments", () => {
    const messages = parseMessages([
      { role: "assistant", content: null, function_call: { name: "lookup", arguments: '{"q":1}' } },
      { role: "function", name: "lookup", content: "found" },
      { role: "assistant", content: "", audio: { id: "au_1", data: "AAA", transcript: "hello" } },
      { role: "assistant", tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: "not json" } }] },
    ]);
    expect(summary(messages)).toEqual(["0:assistant:tool-call", "1:tool:tool-result", "2:assistant:audio", "3:assistant:tool-call"]);
    expect(messages[1]?.parts[0]).toEqual({ kind: "tool-result", name: "lookup", content: [{ kind: "text", text: "found" }] });
    expect(messages[2]?.parts[0]).toEqual({ kind: "audio", id: "au_1", data: "AAA", transcript: "hello" });
    expect(messages[3]?.parts[0]).toMatchObject({ arguments: "not json", rawArguments: "not json" });
  });
});

describe("OpenAI Responses shapes", () => {
  it("input_text, input_image, input_file, custom tools and encrypted reasoning", () => {
    const messages = parseMessages([
      { type: "message", role: "user", content: [{ type: "input_text", text: "see" }, { type: "input_image", file_id: "file-1", detail: "low" }, { type: "input_file", file_id: "file-2", filename: "r.csv" }] },
      { type: "reasoning", id: "rs", summary: [], encrypted_content: "gAAA" },
      { type: "custom_tool_call", call_id: "ct1", name: "sql", input: "SELECT 1" },
      { type: "custom_tool_call_output", call_id: "ct1", output: "1" },
      { type: "computer_call_output", call_id: "cc", output: { type: "computer_screenshot", image_url: "https://s" } },
    ]);
    expect(summary(messages)).toEqual(["0:user:text+image+file", "1:assistant:reasoning", "2:assistant:tool-call", "3:tool:tool-result", "4:tool:tool-result"]);
    expect(messages[0]?.parts[1]).toEqual({ kind: "image", fileId: "file-1", detail: "low" });
    expect(messages[1]?.parts[0]).toEqual({ kind: "reasoning", text: "", redacted: true });
    expect(messages[2]?.parts[0]).toMatchObject({ id: "ct1", name: "sql", arguments: "SELECT 1", rawArguments: "SELECT 1" });
    expect(messages[3]?.parts[0]).toEqual({ kind: "tool-result", toolCallId: "ct1", content: [{ kind: "text", text: "1" }] });
  });
});

describe("Anthropic shapes", () => {
  it("documents, redacted thinking, server tools and mixed tool results", () => {
    const messages = parseMessages([
      {
        role: "user",
        content: [
          { type: "document", title: "Spec", source: { type: "base64", media_type: "application/pdf", data: "JVBER" } },
          { type: "document", source: { type: "text", media_type: "text/plain", data: "plain doc" } },
          { type: "image", source: { type: "url", url: "https://img" } },
        ],
      },
      {
        role: "assistant",
        content: [
          { type: "redacted_thinking", data: "xyz" },
          { type: "server_tool_use", id: "srv1", name: "web_search", input: { query: "q" } },
          { type: "web_search_tool_result", tool_use_id: "srv1", content: [{ type: "web_search_result", url: "https://r", title: "R" }] },
        ],
      },
      {
        role: "user",
        content: [
          { type: "text", text: "before" },
          { type: "tool_result", tool_use_id: "t1", content: "oops", is_error: true },
          { type: "tool_result", tool_use_id: "t2", content: [{ type: "text", text: "ok" }, { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBO" } }] },
          { type: "text", text: "after" },
        ],
      },
    ]);
    expect(summary(messages)).toEqual([
      "0:user:file+file+image",
      "1:assistant:reasoning+tool-call",
      "1:tool:tool-result",
      "2:user:text",
      "2:tool:tool-result",
      "2:tool:tool-result",
      "2:user:text",
    ]);
    expect(messages[0]?.parts[0]).toEqual({ kind: "file", mediaType: "application/pdf", data: "JVBER", filename: "Spec" });
    expect(messages[0]?.parts[1]).toEqual({ kind: "file", mediaType: "text/plain", text: "plain doc" });
    expect(messages[1]?.parts[0]).toEqual({ kind: "reasoning", text: "", redacted: true });
    expect(messages[2]?.parts[0]).toMatchObject({ kind: "tool-result", toolCallId: "srv1", name: "web_search" });
    expect(messages[4]?.parts[0]).toEqual({ kind: "tool-result", toolCallId: "t1", isError: true, content: [{ kind: "text", text: "oops" }] });
    expect(messages[5]?.parts[0]).toEqual({
      kind: "tool-result",
      toolCallId: "t2",
      content: [{ kind: "text", text: "ok" }, { kind: "image", mediaType: "image/png", data: "iVBO" }],
    });
  });
});

describe("Gemini, OTel and Vercel shapes", () => {
  it("Gemini contents with systemInstruction, inlineData, fileData, functionCall/Response and thoughts", () => {
    const messages = parseMessages({
      systemInstruction: { parts: [{ text: "be brief" }] },
      contents: [
        { role: "user", parts: [{ text: "look" }, { inlineData: { mimeType: "image/jpeg", data: "/9j/" } }, { inline_data: { mime_type: "audio/mp3", data: "SUQz" } }, { fileData: { mimeType: "application/pdf", fileUri: "gs://b/f.pdf" } }] },
        { role: "model", parts: [{ text: "thinking...", thought: true }, { functionCall: { name: "weather", args: { city: "Oslo" } } }] },
        { role: "user", parts: [{ functionResponse: { name: "weather", response: { temp: 3 } } }] },
      ],
    });
    expect(summary(messages)).toEqual(["-1:system:text", "0:user:text+image+audio+file", "1:assistant:reasoning+tool-call", "2:tool:tool-result"]);
    expect(messages[1]?.parts.slice(1)).toEqual([
      { kind: "image", mediaType: "image/jpeg", data: "/9j/" },
      { kind: "audio", mediaType: "audio/mp3", data: "SUQz" },
      { kind: "file", mediaType: "application/pdf", url: "gs://b/f.pdf" },
    ]);
    expect(messages[3]?.parts[0]).toEqual({ kind: "tool-result", name: "weather", content: [{ kind: "json", value: { temp: 3 } }] });
    const candidates = parseOutputMessages({ candidates: [{ content: { role: "model", parts: [{ text: "3°C" }] }, finishReason: "STOP" }] });
    expect(summary(candidates)).toEqual(["0:assistant:text"]);
  });

  it("OTel blob/uri/reasoning parts and Vercel tool-result, file, image and reasoning parts", () => {
    const messages = parseMessages([
      { role: "user", parts: [{ type: "blob", modality: "image", mime_type: "image/png", content: "iVBO" }, { type: "uri", modality: "video", uri: "https://v" }] },
      { role: "assistant", parts: [{ type: "reasoning", content: "hmm" }] },
      {
        role: "tool",
        content: [
          { type: "tool-result", toolCallId: "v1", toolName: "calc", output: { type: "json", value: { x: 1 } } },
          { type: "tool-result", toolCallId: "v2", toolName: "calc", output: { type: "error-text", value: "bad" }, isError: true },
        ],
      },
      { role: "user", content: [{ type: "file", data: "JVBER", mediaType: "application/pdf", filename: "x.pdf" }, { type: "image", image: "iVBO", mediaType: "image/png" }] },
      { role: "assistant", content: [{ type: "reasoning", text: "plan" }, { type: "text", text: "done" }] },
    ]);
    expect(summary(messages)).toEqual(["0:user:image+video", "1:assistant:reasoning", "2:tool:tool-result+tool-result", "3:user:file+image", "4:assistant:reasoning+text"]);
    expect(messages[0]?.parts).toEqual([
      { kind: "image", mediaType: "image/png", data: "iVBO" },
      { kind: "video", url: "https://v" },
    ]);
    expect(messages[2]?.parts).toEqual([
      { kind: "tool-result", toolCallId: "v1", name: "calc", content: [{ kind: "json", value: { x: 1 } }] },
      { kind: "tool-result", toolCallId: "v2", name: "calc", isError: true, content: [{ kind: "text", text: "bad" }] },
    ]);
    expect(messages[3]?.parts[0]).toEqual({ kind: "file", data: "JVBER", mediaType: "application/pdf", filename: "x.pdf" });
  });
});

describe("LangChain shapes", () => {
  it("serialized constructors, additional_kwargs tool calls (deduped), reasoning_content, chat role", () => {
    const messages = parseMessages([
      { lc: 1, type: "constructor", id: ["langchain", "schema", "messages", "SystemMessage"], kwargs: { content: "sys" } },
      {
        type: "ai",
        content: "",
        tool_calls: [{ name: "f", args: { a: 1 }, id: "c1", type: "tool_call" }],
        additional_kwargs: {
          reasoning_content: "why",
          tool_calls: [
            { id: "c1", type: "function", function: { name: "f", arguments: '{"a":1}' } },
            { id: "c2", type: "function", function: { name: "g", arguments: "{}" } },
          ],
        },
      },
      { type: "chat", role: "critic", content: "meh" },
      { type: "ai", content: "x", invalid_tool_calls: [{ name: "h", args: "{bad", id: "c3", error: "bad json" }] },
    ]);
    expect(summary(messages)).toEqual(["0:system:text", "1:assistant:reasoning+tool-call+tool-call", "2:critic:text", "3:assistant:text+tool-call"]);
    expect(messages[1]?.parts.slice(1).map((p) => (p as { id: string }).id)).toEqual(["c1", "c2"]);
    expect(messages[3]?.parts[1]).toMatchObject({ name: "h", arguments: "{bad" });
  });

  it("normalizes role spellings", () => {
    expect(["human", "AI", "model", "agent", "function", "developer", "Critic", "", 5].map(normalizeMessageRole)).toEqual([
      "user", "assistant", "assistant", "assistant", "tool", "developer", "critic", "unknown", "unknown",
    ]);
  });
});

describe("top-level values and outputs", () => {
  it("strings, single messages, wrappers and empty values", () => {
    expect(summary(parseMessages("hello"))).toEqual(["0:user:text"]);
    expect(summary(parseMessages({ role: "user", content: "hi" }))).toEqual(["0:user:text"]);
    expect(summary(parseMessages({ messages: [{ role: "system", content: "s" }, "plain"] }))).toEqual(["0:system:text", "1:user:text"]);
    expect(summary(parseMessages(["a", "b"], { defaultRole: "assistant" }))).toEqual(["0:assistant:text", "1:assistant:text"]);
    for (const empty of [null, undefined, "", []]) expect(parseMessages(empty)).toEqual([]);
  });

  it("unknown shapes become unparsed messages carrying the raw value", () => {
    expect(parseMessages({ prompt: "convert" })).toEqual([
      { kind: "unparsed", role: "unknown", parts: [], index: 0, raw: { prompt: "convert" }, reason: "No role, type or content found (keys: prompt)" },
    ]);
    expect(parseMessages(42)).toEqual([{ kind: "unparsed", role: "unknown", parts: [], index: 0, raw: 42, reason: "A number where a message was expected" }]);
    const mixed = parseMessages([{ role: "user", content: "ok" }, null, { foo: 1 }, { type: "mystery_item" }]);
    expect(mixed.map((m) => `${m.index}:${m.kind}`)).toEqual(["0:message", "1:unparsed", "2:unparsed", "3:unparsed"]);
    // Unknown blocks inside a known message are kept as JSON, not dropped.
    expect(one({ role: "user", content: [{ type: "widget", payload: 1 }] }).parts).toEqual([
      { kind: "json", value: { type: "widget", payload: 1 }, reason: 'Content block of type "widget", which tracelens does not recognise' },
    ]);
    expect(one({ role: "assistant", content: { answer: 42 } }).parts).toEqual([
      { kind: "json", value: { answer: 42 }, reason: "A content block without a type that tracelens does not recognise" },
    ]);
  });

  it("$ai_output_choices shapes and PostHog's output precedence", () => {
    const choice = [{ index: 0, message: { role: "assistant", content: "a" }, finish_reason: "stop" }];
    expect(summary(parseOutputMessages(choice))).toEqual(["0:assistant:text"]);
    expect(summary(parseOutputMessages({ choices: choice }))).toEqual(["0:assistant:text"]);
    expect(summary(parseOutputMessages([{ content: "bare" }]))).toEqual(["0:assistant:text"]);
    expect(summary(parseOutputMessages([{ text: "legacy completion", index: 0 }]))).toEqual(["0:assistant:text"]);
    expect(summary(parseOutputMessages([{ type: "text", text: "anthropic block" }]))).toEqual(["0:assistant:text"]);
    // A non-empty $ai_output string wins over choices; a Responses object wins over both.
    const fromOutput = parseOutputMessages(choice, "from output");
    expect(fromOutput[0]?.parts).toEqual([{ kind: "text", text: "from output" }]);
    const responses = { object: "response", output: [{ type: "message", role: "assistant", content: [{ type: "output_text", text: "r" }] }] };
    expect(parseOutputMessages(choice, responses)[0]?.parts).toEqual([{ kind: "text", text: "r" }]);
    expect(summary(parseOutputMessages(undefined, { role: "assistant", content: "structured" }))).toEqual(["0:assistant:text"]);
    expect(parseOutputMessages(undefined, undefined)).toEqual([]);
  });
});

describe("parseToolDefinitions", () => {
  it("reads Google, dict-keyed, MCP and single-tool shapes", () => {
    expect(parseToolDefinitions([{ functionDeclarations: [{ name: "a", description: "A", parameters: { type: "object" } }, { name: "b" }] }]).map((t) => t.name)).toEqual(["a", "b"]);
    const keyed = parseToolDefinitions({ weather: { description: "Weather", inputSchema: { type: "object" } }, time: "What time is it" });
    expect(keyed.map((t) => [t.name, t.description, t.parameters])).toEqual([
      ["weather", "Weather", { type: "object" }],
      ["time", "What time is it", undefined],
    ]);
    expect(parseToolDefinitions({ name: "solo", input_schema: { type: "object" } })).toMatchObject([{ name: "solo", parameters: { type: "object" } }]);
    expect(parseToolDefinitions(["bare_name", 5, null, { type: "web_search_20250305", name: "web_search" }]).map((t) => t.name)).toEqual(["bare_name", "web_search"]);
    for (const junk of [null, 1, "x", { a: 1 }]) expect(() => parseToolDefinitions(junk)).not.toThrow();
  });
});
