import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseToolArguments, toolArgumentsKey } from "../../src/core";

describe("parseToolArguments", () => {
  it("parses JSON strings and Python reprs (posthog-python span states)", () => {
    expect(parseToolArguments('{"path": "a.py"}')).toEqual({ path: "a.py" });
    expect(parseToolArguments("{'path': 'a.py', 'n': 1.0, 't': (1, 2), 'ok': True, 'none': None}")).toEqual({ path: "a.py", n: 1, t: [1, 2], ok: true, none: null });
    expect(parseToolArguments("plain words")).toBe("plain words");
    expect(parseToolArguments({ a: 1 })).toEqual({ a: 1 });
  });
});

describe("toolArgumentsKey", () => {
  it("same: key order and JSON-vs-object spelling do not matter; values do", () => {
    expect(toolArgumentsKey('{"b": 1, "a": "x"}', "exact")).toBe(toolArgumentsKey({ a: "x", b: 1 }, "exact"));
    expect(toolArgumentsKey("{'a': 'x', 'b': 1}", "exact")).toBe(toolArgumentsKey({ a: "x", b: 1 }, "exact"));
    expect(toolArgumentsKey({ a: "x" }, "exact")).not.toBe(toolArgumentsKey({ a: "X" }, "exact"));
    expect(toolArgumentsKey({ a: 1 }, "exact")).not.toBe(toolArgumentsKey({ a: 2 }, "exact"));
  });

  it("near-same: numbers, case, spacing, volatile ids and date-times are ignored; entity ids and dates are not", () => {
    const a = { q: "Flights  to Paris", page: 2, request_id: "9f2c4e1ab7", sent_at: "x", at: "2026-05-01T10:00:00Z" };
    const b = { q: "flights to paris ", page: 3, requestId: "77aa01c3e9", sent_at: "x", at: "2026-05-02T11:30:00Z" };
    expect(toolArgumentsKey(a, "near")).toBe(toolArgumentsKey(b, "near"));
    expect(toolArgumentsKey({ order_id: "ZX-1043" }, "near")).not.toBe(toolArgumentsKey({ order_id: "ZX-1044" }, "near"));
    expect(toolArgumentsKey({ depart: "2026-05-12" }, "near")).not.toBe(toolArgumentsKey({ depart: "2026-05-13" }, "near"));
    expect(toolArgumentsKey({ id: "c3f1a2b4-0000-4000-8000-000000000001" }, "near")).not.toBe(toolArgumentsKey({ id: "c3f1a2b4-0000-4000-8000-000000000002" }, "near"));
    expect(toolArgumentsKey({ path: "module_13.py" }, "near")).not.toBe(toolArgumentsKey({ path: "module_14.py" }, "near"));
    expect(toolArgumentsKey({ flag: true }, "near")).not.toBe(toolArgumentsKey({ flag: false }, "near"));
  });

  it("shortens huge values with a hash and never throws on hostile ones", () => {
    const big = "x".repeat(50_000);
    const key = toolArgumentsKey({ big }, "exact");
    expect(key.length).toBeLessThan(300);
    expect(key).not.toBe(toolArgumentsKey({ big: `${big}y` }, "exact"));
    const hostile = Object.defineProperty({}, "boom", { enumerable: true, get: () => { throw new Error("no"); } });
    expect(toolArgumentsKey(hostile)).toBe("<unreadable>");
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 10_000; i++) at = (at.next = {}) as Record<string, unknown>;
    expect(typeof toolArgumentsKey(deep)).toBe("string");
  });

  it("property: keys do not depend on key order, and same implies near-same", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(toolArgumentsKey(reversed, "exact")).toBe(toolArgumentsKey(value, "exact"));
        expect(toolArgumentsKey(JSON.stringify(value), "exact")).toBe(toolArgumentsKey(value, "exact"));
        expect(toolArgumentsKey(reversed, "near")).toBe(toolArgumentsKey(value, "near"));
      }),
      { numRuns: 100 },
    );
  });
});
