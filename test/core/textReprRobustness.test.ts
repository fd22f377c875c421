// Edge cases beyond the parity vectors: request validation, Python slicing edges, PostHog's
// crash paths, hostile nesting and large inputs. Expected slices were checked in CPython 3.11.
import { describe, expect, it } from "vitest";
import { formatTextRepr, parseTextRepr, validateTextReprRequest } from "../../src/core/textRepr";
import { reduceByUniformSampling } from "../../src/core/textRepr/textReprSampling";
import { resolveTextReprOptions, truncateContent } from "../../src/core/textRepr/textReprTruncate";

const gen = (properties: Record<string, unknown>) => ({ id: "g", event: "$ai_generation", properties });

describe("request validation (PostHog's 400s)", () => {
  it.each([
    ["$ai_generation", { properties: {} }, "$ai_generation events require an 'id' field"],
    ["$ai_span", { id: "s" }, "$ai_span events require 'properties' object in data field"],
    ["$ai_trace", { trace: {}, hierarchy: [] }, "Trace events require 'trace' object and 'hierarchy' array in data field"],
    ["$ai_trace", { trace: { id: "t" }, hierarchy: {} }, "Trace events require 'trace' object and 'hierarchy' array in data field"],
    ["$ai_thing", { id: "x", properties: {} }, '"$ai_thing" is not a valid choice.'],
  ])("%s %j", (eventType, data, message) => {
    expect(validateTextReprRequest(eventType, data)).toBe(message);
    const result = formatTextRepr(eventType as "$ai_trace", data);
    expect(result).toMatchObject({ text: "", error: { status: 400, message } });
    expect(result.metadata.char_count).toBe(0);
  });

  it("needs a trace id", () => {
    expect(formatTextRepr("$ai_trace", { trace: { name: "x" }, hierarchy: [] }).error?.status).toBe(400);
    expect(formatTextRepr("$ai_trace", { trace: { properties: { $ai_trace_id: "t" } }, hierarchy: [] }).error).toBeUndefined();
  });

  it("accepts $ai_evaluation as an event type and renders by data.event", () => {
    const result = formatTextRepr("$ai_evaluation", { id: "e", event: "$ai_evaluation", properties: {} });
    expect(result.text).toContain("EVALUATION: Unknown evaluation | Result: UNKNOWN");
    expect(result.metadata.event_type).toBe("$ai_evaluation");
  });
});

describe("PostHog's crash paths become 500s, not exceptions", () => {
  it.each([
    ["a null span name", { id: "s", event: "$ai_span", properties: { $ai_span_name: null } }],
    ["a non-list tool_calls", gen({ $ai_input: [{ role: "assistant", tool_calls: 5 }] })],
  ])("%s", (_why, data) => {
    const result = formatTextRepr("$ai_span", data);
    expect(result.text).toBe("");
    expect(result.error?.status).toBe(500);
  });

  it("a flat hierarchy node whose event key is a name", () => {
    const data = { trace: { id: "t" }, hierarchy: [{ id: "x", event: "$ai_generation", properties: {} }] };
    expect(formatTextRepr("$ai_trace", data).error?.status).toBe(500);
  });

  it("a span with a null name and a latency in a collapsed trace", () => {
    const node = { event: { id: "s", event: "$ai_span", properties: { $ai_span_name: null, $ai_latency: 1 } } };
    const data = { trace: { id: "t" }, hierarchy: [node] };
    expect(formatTextRepr("$ai_trace", data, { collapsed: true }).error?.status).toBe(500);
  });
});

describe("Python slicing edges in truncation", () => {
  const options = (buffer: number) => resolveTextReprOptions({ truncate_buffer: buffer });
  const marker = (s: string, n: number) => `<<<TRUNCATED|${s}|${n}>>>`;

  it.each([
    [-3, "abcdefgh", "cdefghij", "", 13],
    [-1, "abcdefghi", "bcdefghij", "", 11],
    [0, "", "abcdefghij", "", 10],
    [1, "", "abcdefghij", "", 9],
    [3, "a", "j", "YmNkZWZnaGk=", 7],
  ])("buffer %i", (buffer, head, tail, b64, dropped) => {
    expect(truncateContent("abcdefghij", options(buffer))).toBe(`${head}\n\n${marker(b64, dropped)}\n\n${tail}`);
  });

  it("leaves text alone when truncation is off or the text fits", () => {
    expect(truncateContent("abc", resolveTextReprOptions({ truncated: false, truncate_buffer: 0 }))).toBe("abc");
    expect(truncateContent("😀😀😀", options(3))).toBe("😀😀😀");
  });
});

describe("uniform sampling edges", () => {
  const eight = Array.from({ length: 8 }, (_, i) => `l${i}`).join("\n");

  it("cuts short texts hard, with Python's negative slice", () => {
    expect(reduceByUniformSampling("abcdef", 4)).toEqual({ text: "abcd", sampled: true });
    expect(reduceByUniformSampling(eight, -5)).toEqual({ text: "l0\nl1\nl2\nl3\nl4\nl5\n", sampled: true });
    expect(reduceByUniformSampling(eight, 0)).toEqual({ text: "", sampled: true });
  });

  it("leaves texts that fit alone", () => {
    expect(reduceByUniformSampling(eight, 23)).toEqual({ text: eight, sampled: false });
  });
});

describe("hostile nesting", () => {
  function nest(depth: number, wrap: (inner: unknown) => unknown, leaf: unknown): unknown {
    let value = leaf;
    for (let i = 0; i < depth; i++) value = wrap(value);
    return value;
  }

  it("deep content fails like Python's RecursionError instead of overflowing", () => {
    const deep = nest(100_000, (v) => [v], "leaf");
    const result = formatTextRepr("$ai_generation", gen({ $ai_input: [{ role: "user", content: deep }] }));
    expect(result.error?.status).toBe(500);
  });

  it("moderately deep content renders", () => {
    const deep = nest(200, (v) => ({ k: v }), 1);
    const result = formatTextRepr("$ai_generation", gen({ $ai_error: deep }));
    expect(result.error).toBeUndefined();
    expect(result.text.split("\n").length).toBeGreaterThan(200);
  });

  it("deep hierarchies stop at depth 10", () => {
    const node = nest(
      50_000,
      (child) => ({ event: { id: "n", event: "$ai_span", properties: { $ai_span_name: "n" } }, children: [child] }),
      { event: { id: "leaf", event: "$ai_span", properties: {} } },
    );
    const result = formatTextRepr("$ai_trace", { trace: { id: "t" }, hierarchy: [node] }, { collapsed: true });
    expect(result.error).toBeUndefined();
    expect(result.text.endsWith("[... max depth reached]")).toBe(true);
  });

  it("a deeply nested literal stays raw; deeply nested JSON is PostHog's 500 (json.loads RecursionError)", () => {
    const brackets = "[".repeat(100_000) + "]".repeat(100_000);
    const span = formatTextRepr("$ai_span", { id: "s", event: "$ai_span", properties: { $ai_input_state: brackets } });
    expect(span.error).toBeUndefined();
    const call = [{ role: "assistant", tool_calls: [{ function: { name: "f", arguments: brackets } }] }];
    expect(formatTextRepr("$ai_generation", gen({ $ai_input: call })).error?.status).toBe(500);
    expect(formatTextRepr("$ai_generation", gen({ $ai_error: brackets })).error?.status).toBe(500);
  });
});

describe("large inputs", () => {
  it("renders and parses a 2 MB trace", { timeout: 60_000 }, () => {
    const sentence = "alpha beta gamma délta 😀 ".repeat(60);
    const hierarchy = Array.from({ length: 400 }, (_, i) => ({
      event: {
        id: `g${i}`,
        event: "$ai_generation",
        properties: {
          $ai_model: "gpt-4o-mini",
          $ai_latency: i / 7,
          $ai_input: [
            { role: "system", content: sentence },
            { role: "user", content: sentence.repeat(2) },
          ],
          $ai_output_choices: [{ message: { role: "assistant", content: sentence } }],
        },
      },
      children: [{ event: { id: `s${i}`, event: "$ai_span", properties: { $ai_input_state: "{'k': [1, 2]}" } } }],
    }));
    const data = { trace: { id: "t" }, hierarchy };
    expect(JSON.stringify(data).length).toBeGreaterThan(2_000_000);
    for (const options of [{}, { include_markers: false, include_line_numbers: true }, { max_length: 100_000 }]) {
      const result = formatTextRepr("$ai_trace", data, options);
      expect(result.error).toBeUndefined();
      parseTextRepr(result.text);
    }
  });
});
