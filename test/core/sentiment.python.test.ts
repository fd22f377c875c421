import { codePointLength, firstCodePoints, lastCodePoints } from "../../src/core/sentiment/codePoints";
import { isPyPrintable } from "../../src/core/sentiment/pythonPrintable";
import { pyFloatRepr, pyRepr, pyReprString, pyStr, pyTruthy } from "../../src/core/sentiment/pythonRepr";
import { pyRound, roundScore } from "../../src/core/sentiment/pythonRound";

// Expected values below were checked against CPython 3.11.
describe("pyRound (Python round(x, 4))", () => {
  it.each([
    [0.87649995, 0.8765],
    [0.12345, 0.1235], // the double is slightly above the half
    [5e-5, 0.0001],
    [0.00015, 0.0001], // the double is slightly below the half
    [0.00025, 0.0003],
    [0.99995, 1],
    [0.03125, 0.0312], // an exact binary tie goes to even; toFixed would give 0.0313
    [0.03135, 0.0314], // the double is slightly above the half
    [-0.00001, -0],
    [1e20, 1e20],
    [0, 0],
  ])("round(%s, 4) = %s", (x, expected) => {
    expect(Object.is(roundScore(x), expected)).toBe(true);
  });

  it("rounds to other precisions and keeps non-finite values", () => {
    expect(pyRound(0.125, 2)).toBe(0.12);
    expect(pyRound(0.625, 2)).toBe(0.62);
    expect(pyRound(2.675, 2)).toBe(2.67);
    expect(pyRound(Number.NaN, 4)).toBeNaN();
    expect(pyRound(Infinity, 4)).toBe(Infinity);
  });
});

describe("pyFloatRepr", () => {
  it.each([
    [0.5, "0.5"],
    [1e-5, "1e-05"],
    [0.0001, "0.0001"],
    [1e16, "1e+16"],
    [1.5e16, "1.5e+16"],
    [1234567890123456.8, "1234567890123456.8"],
    [123456789012345680, "1.2345678901234568e+17"],
    [-0, "-0.0"],
    [2.5e-7, "2.5e-07"],
    [1e22, "1e+22"],
    [Number.NaN, "nan"],
    [Infinity, "inf"],
    [-Infinity, "-inf"],
  ])("repr(%s) = %s", (x, expected) => {
    expect(pyFloatRepr(x)).toBe(expected);
  });
});

describe("pyStr / pyRepr", () => {
  it("prints scalars like Python str()", () => {
    expect(pyStr(null)).toBe("None");
    expect(pyStr(undefined)).toBe("None");
    expect(pyStr(true)).toBe("True");
    expect(pyStr(false)).toBe("False");
    expect(pyStr(12)).toBe("12");
    expect(pyStr(-0)).toBe("0"); // a JSON integer
    expect(pyStr(0.1)).toBe("0.1");
    expect(pyStr("as is")).toBe("as is");
  });

  it("prints containers with reprs of their items", () => {
    expect(pyRepr({ type: "image", source: {} })).toBe("{'type': 'image', 'source': {}}");
    expect(pyRepr(["nested", 1, null, [true]])).toBe("['nested', 1, None, [True]]");
    expect(pyRepr({ v: "it's \"quoted\"" })).toBe("{'v': 'it\\'s \"quoted\"'}");
    expect(pyRepr({ v: "it's" })).toBe("{'v': \"it's\"}");
  });

  it("escapes like Python repr", () => {
    expect(pyReprString("a\tb\nc\r\\")).toBe("'a\\tb\\nc\\r\\\\'");
    expect(pyReprString("\u0000\u007f\u00ad\u200b\u2028")).toBe("'\\x00\\x7f\\xad\\u200b\\u2028'");
    expect(pyReprString("😀 é 中")).toBe("'😀 é 中'");
    expect(pyReprString("\udc00")).toBe("'\\udc00'");
    expect(pyReprString("\u{e0001}")).toBe("'\\U000e0001'");
  });

  it("prints cycles and absurd nesting without throwing", () => {
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    expect(pyRepr(cyclic)).toBe("[1, [...]]");
    let deep: unknown = "x";
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(() => pyRepr(deep)).not.toThrow();
  });

  it("implements Python truthiness", () => {
    for (const falsy of [null, undefined, false, 0, "", [], {}]) expect(pyTruthy(falsy)).toBe(false);
    for (const truthy of [true, 1, Number.NaN, " ", [0], { a: 0 }]) expect(pyTruthy(truthy)).toBe(true);
  });

  it("uses Python 3.11's printability table", () => {
    expect(isPyPrintable(0x20)).toBe(true);
    expect(isPyPrintable(0x41)).toBe(true);
    expect(isPyPrintable(0xa0)).toBe(false);
    expect(isPyPrintable(0x2428)).toBe(false); // assigned in Unicode 16, unassigned for Python 3.11
    expect(isPyPrintable(0x1f600)).toBe(true);
    expect(isPyPrintable(0x10ffff)).toBe(false);
  });
});

describe("code points", () => {
  it("counts and slices without splitting surrogate pairs", () => {
    const text = "a😀b𝔘";
    expect(codePointLength(text)).toBe(4);
    expect(firstCodePoints(text, 2)).toBe("a😀");
    expect(lastCodePoints(text, 2)).toBe("b𝔘");
    expect(lastCodePoints(text, 10)).toBe(text);
    expect(codePointLength("\ud800x")).toBe(2); // a lone surrogate counts as one
  });
});
