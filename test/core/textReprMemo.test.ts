// Parts rendered once per formatTextRepr call are reused only for equal values: a trace whose
// generations carry near-identical tool lists must render each exactly as it would alone.
import { describe, expect, it } from "vitest";
import { PyFloat } from "../../src/core/python/pyValue";
import { formatTextRepr } from "../../src/core/textRepr";
import { samePlainValue } from "../../src/core/textRepr/textReprMemo";

const tool = (name: string, params: Record<string, unknown>) => ({
  type: "function",
  function: { name, description: `Does ${name}. More.`, parameters: { type: "object", properties: params, required: ["a"] } },
});
const tools = (extra: unknown = "string") =>
  ["a", "b", "c", "d", "e", "f"].map((n) => tool(n, { a: { type: "string" }, b: { type: extra } }));

function generation(id: string, toolList: unknown) {
  return { event: { id, event: "$ai_generation", properties: { $ai_model: "m", $ai_tools: toolList, $ai_input: "hi" } } };
}

/** The base64 payloads of the trace's expandable nodes, in order. */
function payloads(hierarchy: unknown[], options: Record<string, unknown>): string[] {
  const text = formatTextRepr("$ai_trace", { trace: { id: "t" }, hierarchy }, options).text;
  return [...text.matchAll(/<<<GEN_EXPANDABLE\|[^|]*\|[^|]*\|([A-Za-z0-9+/=]*)>>>/g)].map((m) => m[1] as string);
}

describe("tool lists reused within one call", () => {
  const variants: Array<[string, unknown]> = [
    ["equal", tools()],
    ["equal again", tools()],
    ["different nested value", tools("integer")],
    ["keys in another order", tools().map(({ type, function: f }) => ({ function: f, type }))],
    ["a PyFloat where a number was", tools(new PyFloat(1))],
    ["a number", tools(1)],
    ["negative zero", tools(-0)],
    ["positive zero", tools(0)],
  ];
  for (const options of [{}, { tools_collapse_threshold: 10 }]) {
    it(`renders each generation as it would alone (${JSON.stringify(options)})`, () => {
      const together = payloads(variants.map(([, list], i) => generation(`g${i}`, list)), options);
      expect(together).toHaveLength(variants.length);
      variants.forEach(([label, list], i) => {
        const [own] = payloads([generation(`g${i}`, list)], options);
        expect(together[i], label).toBe(own);
      });
      // Some variants render differently, so wrong reuse across them would have shown.
      expect(together[2]).not.toBe(together[0]);
      expect(together[4]).not.toBe(together[5]);
    });
  }
});

describe("samePlainValue", () => {
  it("compares JSON-like values by content and key order", () => {
    expect(samePlainValue({ a: [1, "x", null, true] }, { a: [1, "x", null, true] })).toBe(true);
    expect(samePlainValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(samePlainValue([0], [-0])).toBe(false);
    expect(samePlainValue(Number.NaN, Number.NaN)).toBe(true);
    expect(samePlainValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(samePlainValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(samePlainValue(new PyFloat(1), new PyFloat(1))).toBe(false);
    expect(samePlainValue(1n, 1n)).toBe(true);
  });

  it("gives up on deep or cyclic values instead of recursing forever", () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    const b: Record<string, unknown> = {};
    b.self = b;
    expect(samePlainValue(a, b)).toBe(false);
  });
});
