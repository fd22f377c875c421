// Expected values were printed by CPython 3.11 (repr(x), format(x, ".Nf"), format(n, ","), round).
import { describe, expect, it } from "vitest";
import {
  pyFloatRepr,
  pyFormatFixed,
  pyFormatThousands,
  pyIntRepr,
  pyParseFloat,
  pyRound,
} from "../../src/core/python/pyNumber";

describe("pyFloatRepr", () => {
  it.each([
    ["0.1", "0.1"],
    ["2.5", "2.5"],
    ["1e-07", "1e-07"],
    ["123456789.125", "123456789.125"],
    ["1.25e-05", "1.25e-05"],
    ["1e16", "1e+16"],
    ["1e15", "1000000000000000.0"],
    ["9999999999999998", "9999999999999998.0"],
    ["1234567890123456.7", "1234567890123456.8"],
    ["0.0001", "0.0001"],
    ["0.00001", "1e-05"],
    ["5e-324", "5e-324"],
    ["1.7976931348623157e308", "1.7976931348623157e+308"],
    ["1e22", "1e+22"],
    ["100000", "100000.0"],
    ["0.6666666666666666", "0.6666666666666666"],
    ["-1.989032661366619e+244", "-1.989032661366619e+244"],
    ["6.294675241195386e-44", "6.294675241195386e-44"],
    ["-93.63124725844932", "-93.63124725844932"],
    ["-7.939416668807721e+33", "-7.939416668807721e+33"],
  ])("repr(%s) is %s", (input, expected) => {
    expect(pyFloatRepr(Number(input))).toBe(expected);
  });

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

  it("prints zeros, infinities and NaN as Python does", () => {
    expect(pyFloatRepr(0)).toBe("0.0");
    expect(pyFloatRepr(-0)).toBe("-0.0");
    expect(pyFloatRepr(Infinity)).toBe("inf");
    expect(pyFloatRepr(-Infinity)).toBe("-inf");
    expect(pyFloatRepr(NaN)).toBe("nan");
  });
});

describe("pyFormatFixed", () => {
  it.each([
    [0.125, 2, "0.12"],
    [0.625, 2, "0.62"],
    [0.375, 2, "0.38"],
    [2.675, 2, "2.67"],
    [1.005, 2, "1.00"],
    [0.03125, 4, "0.0312"],
    [12.34565, 4, "12.3456"],
    [123.456789, 2, "123.46"],
    [2.5, 0, "2"],
    [3.5, 0, "4"],
    [0.5, 0, "0"],
    [1.5, 0, "2"],
    [12.5, 0, "12"],
    [99.995, 2, "100.00"],
    [0.045, 2, "0.04"],
    [1.115, 2, "1.11"],
    [1e20, 2, "100000000000000000000.00"],
    [123456789.98765433, 4, "123456789.9877"],
    [5e-324, 4, "0.0000"],
    [-0.125, 2, "-0.12"],
    [-0.001, 2, "-0.00"],
    [-0, 2, "-0.00"],
    [-3.725049743038065, 4, "-3.7250"],
    [-9.548741438888229, 0, "-10"],
  ])("format(%s, '.%if') is %s", (x, decimals, expected) => {
    expect(pyFormatFixed(x, decimals)).toBe(expected);
  });

  it("differs from toFixed on exact ties", () => {
    expect((0.125).toFixed(2)).toBe("0.13");
    expect(pyFormatFixed(0.125, 2)).toBe("0.12");
  });

  it("prints non-finite values", () => {
    expect(pyFormatFixed(Infinity, 2)).toBe("inf");
    expect(pyFormatFixed(-Infinity, 2)).toBe("-inf");
    expect(pyFormatFixed(NaN, 4)).toBe("nan");
  });
});

describe("pyRound (Python round(x, 4), the sentiment score precision)", () => {
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
    expect(Object.is(pyRound(x, 4), expected)).toBe(true);
  });

  it("rounds to other precisions and keeps non-finite values", () => {
    expect(pyRound(0.125, 2)).toBe(0.12);
    expect(pyRound(0.625, 2)).toBe(0.62);
    expect(pyRound(2.675, 2)).toBe(2.67);
    expect(pyRound(Number.NaN, 4)).toBeNaN();
    expect(pyRound(Infinity, 4)).toBe(Infinity);
  });

  it("takes any ndigits, as Python does", () => {
    expect(pyRound(1234.5, -2)).toBe(1200);
    expect(pyRound(1250, -2)).toBe(1200);
    expect(pyRound(1350, -2)).toBe(1400);
    expect(Object.is(pyRound(-1, -5), -0)).toBe(true);
    expect(Object.is(pyRound(-5.5, -400), -0)).toBe(true);
    expect(pyRound(1.2345678901234567e-10, 25)).toBe(1.234567890123457e-10);
    expect(pyRound(2.5e-21, 21)).toBe(2e-21);
    expect(pyRound(0.1, 400)).toBe(0.1);
    expect(pyRound(Infinity, -400)).toBe(Infinity);
  });
});

describe("pyFormatThousands and pyIntRepr", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [1107, "1,107"],
    [1234567, "1,234,567"],
    [-1234567, "-1,234,567"],
  ])("format(%i, ',') is %s", (n, expected) => {
    expect(pyFormatThousands(n)).toBe(expected);
  });

  it("prints every digit of big ints", () => {
    expect(pyIntRepr(12345678901234567890n)).toBe("12345678901234567890");
    expect(pyIntRepr(2 ** 60)).toBe("1152921504606846976");
    expect(pyIntRepr(-0)).toBe("0");
    expect(pyFormatThousands(12345678901234567890n)).toBe("12,345,678,901,234,567,890");
  });
});

describe("pyParseFloat (Python float(str))", () => {
  it.each([
    ["1.5", 1.5],
    [" 2 ", 2],
    ["1_000.5", 1000.5],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["-1E-2", -0.01],
    ["1e400", Infinity],
    ["inf", Infinity],
    ["-Infinity", -Infinity],
  ])("float(%j) is %d", (input, expected) => {
    expect(pyParseFloat(input)).toBe(expected);
  });

  it("accepts nan", () => {
    expect(pyParseFloat("NaN")).toBeNaN();
  });

  it.each(["", "fast", "1__0", "_1", "1_", "0x10", "1e", "--1", "1.5s"])("rejects %j", (input) => {
    expect(pyParseFloat(input)).toBeNull();
  });
});
