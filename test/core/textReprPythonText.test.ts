// Python str length/slicing in code points, and base64 of UTF-8 (values from CPython 3.11).
import { describe, expect, it } from "vitest";
import { pyCutWithEllipsis, pyFloorDiv, pyLen, pySlice } from "../../src/core/python/pyText";
import { base64DecodeUtf8, base64EncodeUtf8 } from "../../src/core/textRepr/textReprBase64";

describe("pyLen / pySlice", () => {
  it("counts astral characters once and combining marks separately", () => {
    expect(pyLen("😀ab")).toBe(3);
    expect(pyLen("e\u0301")).toBe(2);
    expect(pyLen("👨‍👩‍👧")).toBe(5);
    expect(pyLen("\ud800x")).toBe(2); // a lone surrogate is one code point
    expect(pyLen("")).toBe(0);
  });

  it.each([
    [0, 1, "a"],
    [1, undefined, "😀b😀c"],
    [-1, undefined, "c"],
    [-2, -1, "😀"],
    [undefined, -1, "a😀b😀"],
    [5, 2, ""],
    [-10, 10, "a😀b😀c"],
    [-0, undefined, "a😀b😀c"],
    [0, -0, ""],
  ])("'a😀b😀c'[%s:%s] is %j", (start, end, expected) => {
    expect(pySlice("a😀b😀c", start, end)).toBe(expected);
  });

  it("slices ASCII without walking the string", () => {
    expect(pySlice("0123456789", 3, -3)).toBe("3456");
  });

  it("cuts with an ellipsis only when longer", () => {
    expect(pyCutWithEllipsis("😀😀😀", 3)).toBe("😀😀😀");
    expect(pyCutWithEllipsis("😀😀😀😀", 3)).toBe("😀😀😀...");
  });

  it("counts and slices without splitting surrogate pairs", () => {
    const text = "a😀b𝔘";
    expect(pyLen(text)).toBe(4);
    expect(pySlice(text, 0, 2)).toBe("a😀");
    expect(pySlice(text, -2)).toBe("b𝔘");
    expect(pySlice(text, -10)).toBe(text);
    expect(pyLen("\ud800x")).toBe(2); // a lone surrogate counts as one
  });

  it("floors like //", () => {
    expect(pyFloorDiv(7, 2)).toBe(3);
    expect(pyFloorDiv(-3, 2)).toBe(-2);
    expect(pyFloorDiv(1, 2)).toBe(0);
  });
});

describe("base64 of UTF-8", () => {
  it.each([
    ["", ""],
    ["n", "bg=="],
    ["ab", "YWI="],
    ["abc", "YWJj"],
    ["😀", "8J+YgA=="],
    ["ツール0", "44OE44O844OrMA=="],
  ])("%j encodes to %s", (text, b64) => {
    expect(base64EncodeUtf8(text)).toBe(b64);
    expect(base64DecodeUtf8(b64)).toBe(text);
  });

  it("round-trips arbitrary text", () => {
    const text = "AVAILABLE TOOLS: 6\n\n  tool(x?: string)\n    Ünïcödé — 日本語 😀\u0000";
    expect(base64DecodeUtf8(base64EncodeUtf8(text))).toBe(text);
  });

  it.each(["abc", "ab=c", "a===", "*abc", "YW I=", "/w==", "wyg=", "é123"])("rejects %j", (bad) => {
    expect(base64DecodeUtf8(bad)).toBeNull();
  });
});
