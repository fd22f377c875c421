// Expected values were printed by CPython 3.11's json module.
import { describe, expect, it } from "vitest";
import { pyJsonDumps, pyJsonString } from "../../src/core/python/pyJsonDumps";
import { pyJsonLoads } from "../../src/core/python/pyJsonLoads";
import { pyStr } from "../../src/core/python/pyRepr";
import { PyDict, PyError, PyFloat, PyOpaque, PyTuple } from "../../src/core/python/pyValue";

function loads(text: string): unknown {
  const result = pyJsonLoads(text);
  if (!result.ok) throw new Error(`did not parse: ${text}`);
  return result.value;
}

describe("pyJsonDumps", () => {
  const sample = { a: [1, 2.5, null, true], b: { c: "é😀\u2028\u007f" } };

  it("escapes all non-ASCII and uses Python's separators", () => {
    expect(pyJsonDumps(sample)).toBe(
      '{"a": [1, 2.5, null, true], "b": {"c": "\\u00e9\\ud83d\\ude00\\u2028\\u007f"}}',
    );
  });

  it("indents with a bare comma separator", () => {
    expect(pyJsonDumps(sample, { indent: 2 })).toBe(
      '{\n  "a": [\n    1,\n    2.5,\n    null,\n    true\n  ],\n  "b": {\n    "c": "\\u00e9\\ud83d\\ude00\\u2028\\u007f"\n  }\n}',
    );
  });

  it("prints empty containers inline", () => {
    expect(pyJsonDumps([])).toBe("[]");
    expect(pyJsonDumps({}, { indent: 2 })).toBe("{}");
    expect(pyJsonDumps([[]], { indent: 2 })).toBe("[\n  []\n]");
    expect(pyJsonDumps({ k: [{}] }, { indent: 2 })).toBe('{\n  "k": [\n    {}\n  ]\n}');
  });

  it("writes floats as Python repr and allows NaN/Infinity", () => {
    const values = [new PyFloat(1e16), 1e-5, new PyFloat(-0), NaN, Infinity, -Infinity, new PyFloat(1), 12345678901234567890n];
    expect(pyJsonDumps(values)).toBe("[1e+16, 1e-05, -0.0, NaN, Infinity, -Infinity, 1.0, 12345678901234567890]");
  });

  it("escapes control characters, quotes and backslashes", () => {
    expect(pyJsonString('tab\t"q"\\\b\f\r\n\u0001')).toBe('"tab\\t\\"q\\"\\\\\\b\\f\\r\\n\\u0001"');
  });

  it("converts non-str dict keys and writes tuples as lists", () => {
    const d = new PyDict();
    d.set(1, "int");
    d.set(new PyFloat(2), "float");
    d.set(true, "bool");
    d.set(null, "none");
    d.set("s", new PyTuple([1, "x"]));
    expect(pyJsonDumps(d)).toBe('{"1": "bool", "2.0": "float", "null": "none", "s": [1, "x"]}');
  });

  it("raises TypeError for values JSON cannot hold", () => {
    expect(() => pyJsonDumps([new PyOpaque("bytes", "b'x'", true)])).toThrow(PyError);
    const tupleKey = new PyDict();
    tupleKey.set(new PyTuple([1]), 1);
    expect(() => pyJsonDumps(tupleKey)).toThrow(PyError);
  });

  it("raises RecursionError instead of overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(() => pyJsonDumps(deep)).toThrow(/RecursionError/);
  });
});

describe("pyJsonLoads", () => {
  it("keeps float-ness, big ints and NaN/Infinity", () => {
    expect(pyJsonDumps(loads('{"a": 1.0, "b": 1e5, "c": -0.0, "d": 2.50}'))).toBe(
      '{"a": 1.0, "b": 100000.0, "c": -0.0, "d": 2.5}',
    );
    expect(pyJsonDumps(loads('{"n": NaN, "i": Infinity, "m": -Infinity}'))).toBe(
      '{"n": NaN, "i": Infinity, "m": -Infinity}',
    );
    expect(pyStr(loads('{"n": NaN, "i": Infinity, "m": -Infinity}'))).toBe("{'n': nan, 'i': inf, 'm': -inf}");
    expect(pyJsonDumps(loads('{"id": 12345678901234567890}'))).toBe('{"id": 12345678901234567890}');
    expect(pyJsonDumps(loads("[1.5e300, 1e400, -0]"))).toBe("[1.5e+300, Infinity, 0]");
  });

  it("lets the last repeated key win", () => {
    expect(pyJsonDumps(loads('{"k": 1, "j": 0, "k": 2}'))).toBe('{"k": 2, "j": 0}');
  });

  it("keeps integer-like keys in document order", () => {
    expect(pyJsonDumps(loads('{"b": 1, "2": 2, "1": 3}'))).toBe('{"b": 1, "2": 2, "1": 3}');
  });

  it("accepts JSON whitespace and escapes", () => {
    expect(loads(" \n[1, 2] \t")).toEqual([1, 2]);
    expect(pyStr(loads('{"s": "caf\\u00e9 \\ud83d\\ude00"}'))).toBe("{'s': 'café 😀'}");
  });

  it.each(["", "[1,]", '{"a":1,}', "01", "1.", ".5", "+1", "nan", "'x'", '"a\tb"', "[1] x", "{1: 2}", '"\\x41"', "tru"])(
    "rejects %j like Python",
    (text) => {
      expect(pyJsonLoads(text).ok).toBe(false);
    },
  );

  it("fails instead of overflowing on deep nesting", () => {
    expect(pyJsonLoads("[".repeat(100000) + "]".repeat(100000)).ok).toBe(false);
  });
});
