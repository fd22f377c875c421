// Expected values were printed by CPython 3.11 (repr, str, str.upper, str.isprintable).
import { describe, expect, it } from "vitest";
import { pyRepr, pyStr, pyStrCapped, pyStrRepr } from "../../src/core/python/pyRepr";
import { pyIsPrintable, pyUpper } from "../../src/core/python/pyUnicode";
import { PyDict, PyError, PyFloat, PyTuple, pyTruthy } from "../../src/core/python/pyValue";

describe("pyStrRepr", () => {
  it.each([
    ["plain", "'plain'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`both ' and "`, `'both \\' and "'`],
    ["tab\there", "'tab\\there'"],
    ["nl\nx", "'nl\\nx'"],
    ["cr\rx", "'cr\\rx'"],
    ["back\\slash", "'back\\\\slash'"],
    ["\u0000\u0007\u001f\u007f", "'\\x00\\x07\\x1f\\x7f'"],
    ["\u00a0nbsp", "'\\xa0nbsp'"],
    ["\u00ad", "'\\xad'"],
    ["\u200b", "'\\u200b'"],
    ["\u2028\u2029", "'\\u2028\\u2029'"],
    ["café", "'café'"],
    ["😀", "'😀'"],
    ["\ud800", "'\\ud800'"],
    ["\u{e0001}", "'\\U000e0001'"],
    ["\u0378", "'\\u0378'"],
    ["\u0085", "'\\x85'"],
    ["\u01c5", "'\u01c5'"],
    ["\u3000", "'\\u3000'"],
    // Assigned in Unicode 15+, so unassigned (and escaped) for Python 3.11.
    ["\u{1fae8}", "'\\U0001fae8'"],
  ])("repr(%j) is %s", (input, expected) => {
    expect(pyStrRepr(input)).toBe(expected);
  });
});

describe("pyRepr / pyStr", () => {
  it("prints containers with Python literals", () => {
    expect(pyRepr([1, 2.5, true, null, "x"])).toBe("[1, 2.5, True, None, 'x']");
    expect(pyRepr({ a: [1, { b: null }], c: "it's" })).toBe(`{'a': [1, {'b': None}], 'c': "it's"}`);
    expect(pyRepr(new PyTuple([new PyTuple([1])]))).toBe("((1,),)");
    expect(pyRepr(new PyTuple([]))).toBe("()");
    expect(pyRepr([new PyFloat(1), new PyFloat(-0), 1e-5, NaN, -Infinity, 10n ** 20n])).toBe(
      "[1.0, -0.0, 1e-05, nan, -inf, 100000000000000000000]",
    );
  });

  it("keeps PyDict keys as Python values", () => {
    const d = new PyDict();
    d.set(1, "a");
    d.set(true, "b"); // 1 == True: one slot, first key kept
    d.set("1", "c");
    expect(pyRepr(d)).toBe("{1: 'b', '1': 'c'}");
  });

  it("str() is the text itself only for str", () => {
    expect(pyStr("a'b")).toBe("a'b");
    expect(pyStr(true)).toBe("True");
    expect(pyStr(null)).toBe("None");
    expect(pyStr(0.5)).toBe("0.5");
    expect(pyStr(["a"])).toBe("['a']");
  });

  it("raises RecursionError instead of overflowing the stack", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 5000; i++) deep = { k: deep };
    expect(() => pyRepr(deep)).toThrow(PyError);
  });
});

describe("pyStr / pyRepr of JSON values", () => {
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
    expect(pyStrRepr("a\tb\nc\r\\")).toBe("'a\\tb\\nc\\r\\\\'");
    expect(pyStrRepr("\u0000\u007f\u00ad\u200b\u2028")).toBe("'\\x00\\x7f\\xad\\u200b\\u2028'");
    expect(pyStrRepr("😀 é 中")).toBe("'😀 é 中'");
    expect(pyStrRepr("\udc00")).toBe("'\\udc00'");
    expect(pyStrRepr("\u{e0001}")).toBe("'\\U000e0001'");
  });

  it("prints cycles as Python does, and absurd nesting without throwing when asked", () => {
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    expect(pyRepr(cyclic)).toBe("[1, [...]]");
    let deep: unknown = "x";
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(() => pyStrCapped(deep, 500)).not.toThrow();
  });

  it("cuts containers at ellipsisDepth", () => {
    expect(pyStrCapped([[[1]], { a: { b: 2 } }], 2)).toBe("[[[...]], {'a': {...}}]");
    expect(pyStrCapped([new PyTuple([[1]])], 2)).toBe("[([...],)]");
    expect(pyStrCapped("[[[1]]]", 0)).toBe("[[[1]]]");
  });

  it("implements Python truthiness", () => {
    for (const falsy of [null, undefined, false, 0, "", [], {}]) expect(pyTruthy(falsy)).toBe(false);
    for (const truthy of [true, 1, Number.NaN, " ", [0], { a: 0 }]) expect(pyTruthy(truthy)).toBe(true);
  });
});

describe("pyUpper", () => {
  it.each([
    ["straße", "STRASSE"],
    ["ﬁnal", "FINAL"],
    ["ŉ", "ʼN"],
    ["\u0390", "\u0399\u0308\u0301"],
    ["𐐨", "𐐀"],
    ["ǅ", "Ǆ"],
    ["ﬀ", "FF"],
    ["ǰ", "J̌"],
    ["ᾳ", "ΑΙ"],
    ["µ", "Μ"],
    ["ı", "I"],
    ["abc", "ABC"],
    // ƛ only gained an uppercase in Unicode 16; Python 3.11 leaves it alone.
    ["ƛ", "ƛ"],
  ])("%s.upper() is %s", (input, expected) => {
    expect(pyUpper(input)).toBe(expected);
  });

  it("counts the growth of full case mapping", () => {
    expect(Array.from(pyUpper("\u0390")).length).toBe(3);
  });
});

describe("pyIsPrintable", () => {
  it("follows Python's categories", () => {
    expect(pyIsPrintable(0x20)).toBe(true);
    expect(pyIsPrintable(0x41)).toBe(true);
    expect(pyIsPrintable(0x0a)).toBe(false);
    expect(pyIsPrintable(0xa0)).toBe(false);
    expect(pyIsPrintable(0xe9)).toBe(true);
    expect(pyIsPrintable(0x1f600)).toBe(true);
    expect(pyIsPrintable(0x1fae8)).toBe(false);
  });

  it("uses Python 3.11's printability table", () => {
    expect(pyIsPrintable(0x20)).toBe(true);
    expect(pyIsPrintable(0x41)).toBe(true);
    expect(pyIsPrintable(0xa0)).toBe(false);
    expect(pyIsPrintable(0x2428)).toBe(false); // assigned in Unicode 16, unassigned for Python 3.11
    expect(pyIsPrintable(0x1f600)).toBe(true);
    expect(pyIsPrintable(0x10ffff)).toBe(false);
  });
});
