import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pyFloatRepr, pyFormatFixed } from "../../src/core/python/pyNumber";
import { pyLen, pySlice } from "../../src/core/python/pyText";
import { formatTextRepr, parseTextRepr } from "../../src/core/textRepr";
import type { TextReprEventType, TextReprOptions, TextReprResult } from "../../src/core/textRepr";
import { base64DecodeUtf8, base64EncodeUtf8 } from "../../src/core/textRepr/textReprBase64";

const PROPERTY_KEYS = [
  "$ai_input", "$ai_output", "$ai_output_choices", "$ai_tools", "$ai_error", "$ai_is_error",
  "$ai_span_name", "$ai_input_state", "$ai_output_state", "$ai_latency", "$ai_total_cost_usd",
  "$ai_time_to_first_token", "$ai_model", "$ai_trace_id", "$ai_evaluation_result",
  "$ai_evaluation_runtime", "$ai_evaluation_name", "$ai_evaluation_applicable",
];
const EVENTS = ["$ai_generation", "$ai_span", "$ai_embedding", "$ai_evaluation", "$ai_metric", "other"];
const EVENT_TYPES: TextReprEventType[] = ["$ai_generation", "$ai_span", "$ai_embedding", "$ai_trace"];

const options: fc.Arbitrary<TextReprOptions> = fc.record(
  {
    max_length: fc.integer({ min: -50, max: 3000 }),
    truncated: fc.boolean(),
    truncate_buffer: fc.integer({ min: -5, max: 400 }),
    include_markers: fc.boolean(),
    collapsed: fc.boolean(),
    include_line_numbers: fc.boolean(),
    tools_collapse_threshold: fc.integer({ min: 0, max: 8 }),
  },
  { requiredKeys: [] },
);

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.string(),
  fc.array(fc.record({ role: fc.string(), content: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] })),
);

const event = fc.record({
  id: fc.option(fc.string({ minLength: 1 }), { freq: 6, nil: undefined }),
  event: fc.constantFrom(...EVENTS),
  properties: fc.dictionary(fc.constantFrom(...PROPERTY_KEYS), value),
});

const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ event, children: fc.array(tie("node"), { maxLength: 3 }) }, { requiredKeys: ["event"] }),
    event,
    fc.jsonValue({ maxDepth: 2 }),
  ),
}));

const trace = fc.record({
  trace: fc.oneof(fc.record({ id: fc.string(), properties: fc.dictionary(fc.constantFrom(...PROPERTY_KEYS), value) }), fc.jsonValue()),
  hierarchy: fc.oneof(fc.array(node, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
});

function checkWellFormed(result: TextReprResult, opts: TextReprOptions): void {
  expect(typeof result.text).toBe("string");
  expect(result.metadata.rendering).toBe("detailed");
  expect(result.metadata.char_count).toBe(pyLen(result.text));
  if (result.error) {
    expect(result.text).toBe("");
    expect([400, 500]).toContain(result.error.status);
  } else {
    // 0 means no limit in PostHog; a negative one cuts from the end.
    const max = opts.max_length ?? 2_000_000;
    if (max > 0) expect(result.metadata.char_count).toBeLessThanOrEqual(max);
  }
  const lines = parseTextRepr(result.text);
  expect(lines.length).toBe(result.text.split("\n").length);
  for (const line of lines) {
    expect(line.segments.map((s) => (s.kind === "text" ? s.text : s.raw)).join("")).toBe(line.text);
  }
}

describe("formatTextRepr never throws and stays well-formed", () => {
  it("on random events", () => {
    fc.assert(
      fc.property(fc.constantFrom(...EVENT_TYPES), event, options, (eventType, data, opts) => {
        checkWellFormed(formatTextRepr(eventType, data, opts), opts);
      }),
      { numRuns: 400 },
    );
  });

  it("on random traces", () => {
    fc.assert(
      fc.property(trace, options, (data, opts) => {
        checkWellFormed(formatTextRepr("$ai_trace", data, opts), opts);
      }),
      { numRuns: 300 },
    );
  });

  it("on arbitrary JSON as data and options", () => {
    fc.assert(
      fc.property(fc.constantFrom(...EVENT_TYPES), fc.jsonValue(), fc.jsonValue(), (eventType, data, opts) => {
        const result = formatTextRepr(eventType, data, opts as TextReprOptions);
        expect(result.metadata.char_count).toBe(pyLen(result.text));
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseTextRepr never throws", () => {
  const markerish = fc.array(
    fc.oneof(
      fc.string(),
      fc.constantFrom("<<<", ">>>", "|", "\n", "L1: ", "L01: ", "<<<TRUNCATED|", "<<<GEN_EXPANDABLE|", "<<<EVENT_LINK|", "<<<TOOLS_EXPANDABLE|", "QQ==", "aGk=", "|3>>>", "[GEN]"),
    ),
    { maxLength: 30 },
  );

  it("on random strings and marker fragments", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), markerish.map((parts) => parts.join(""))), (text) => {
        const lines = parseTextRepr(text);
        expect(lines.map((l) => l.index)).toEqual(text.split("\n").map((_, i) => i));
        for (const line of lines) {
          expect(line.segments.map((s) => (s.kind === "text" ? s.text : s.raw)).join("")).toBe(line.text);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("Python helpers: properties", () => {
  it("base64 round-trips well-formed text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(base64DecodeUtf8(base64EncodeUtf8(text))).toBe(text);
      }),
    );
  });

  it("pySlice matches slicing a code-point array with Python bounds", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }),
        fc.option(fc.integer({ min: -20, max: 20 }), { nil: undefined }),
        fc.option(fc.integer({ min: -20, max: 20 }), { nil: undefined }),
        (text, start, end) => {
          const chars = Array.from(text);
          const norm = (i: number | undefined, dflt: number): number =>
            i === undefined ? dflt : Math.min(Math.max(i < 0 ? i + chars.length : i, 0), chars.length);
          const expected = chars.slice(norm(start, 0), norm(end, chars.length)).join("");
          expect(pySlice(text, start, end)).toBe(expected);
        },
      ),
    );
  });

  it("float repr round-trips", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(Number(pyFloatRepr(x)), x)).toBe(true);
      }),
    );
  });

  it("fixed-point formatting equals toFixed away from exact ties", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e20, max: 1e20, noNaN: true }), fc.constantFrom(0, 2, 4), (x, d) => {
        // A tie at <= 4 decimals needs x * 2^5 to be an integer; toFixed rounds those away from zero.
        fc.pre(!Number.isInteger(x * 32));
        expect(pyFormatFixed(x, d)).toBe(x.toFixed(d));
      }),
    );
  });
});
