// Expected values were printed by CPython 3.11 (repr(x), format(x, ".Nf"), format(n, ",")).
import { describe, expect, it } from "vitest";
import {
  pyFloatRepr,
  pyFormatFixed,
  pyFormatThousands,
  pyIntRepr,
  pyParseFloat,
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
