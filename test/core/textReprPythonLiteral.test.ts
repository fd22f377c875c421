// Each source was run through CPython 3.11: `json.dumps(ast.literal_eval(src), indent=2)`, or
// FAIL where literal_eval raised, or DUMPFAIL where the literal cannot be JSON-encoded.
import { describe, expect, it } from "vitest";
import { pyJsonDumps } from "../../src/core/python/pyJsonDumps";
import { pyLiteralEval } from "../../src/core/python/pyLiteralEval";

const CASES: Array<[string, string]> = [
  ["\n  1", "FAIL"],
  ["1\n  ", "FAIL"],
  ["  1  # c\n", "1"],
  ["(1,\n 2)", "[\n  1,\n  2\n]"],
  ["1,", "[\n  1\n]"],
  ["1, 2", "[\n  1,\n  2\n]"],
  ["-(1)", "-1"],
  ["'a' \\\n 'b'", "\"ab\""],
  ["\t\n1", "1"],
  ["\f1", "1"],
  ["1\r\n", "1"],
  ["", "FAIL"],
  ["# only comment", "FAIL"],
  ["1 \\\n", "FAIL"],
  ["[1,\n\n  2]", "[\n  1,\n  2\n]"],
  ["  \n1", "1"],
  ["\n\n1", "1"],
  ["1\n\n", "1"],
  ["1\n# c\n", "1"],
  ["  # c\n1", "1"],
  ["1\f", "1"],
  ["{'a':1,}", "{\n  \"a\": 1\n}"],
  ["(,)", "FAIL"],
  ["[,]", "FAIL"],
  ["{1:2,3}", "FAIL"],
  ["0777", "FAIL"],
  ["0777.5", "777.5"],
  ["00", "0"],
  ["0_0", "0"],
  ["1_", "FAIL"],
  ["1__0", "FAIL"],
  ["0x_1f", "31"],
  ["1e", "FAIL"],
  ["1.e5", "100000.0"],
  [".e5", "FAIL"],
  ["1j", "DUMPFAIL TypeError"],
  ["1J", "DUMPFAIL TypeError"],
  ["-1j", "DUMPFAIL TypeError"],
  ["1+2j", "DUMPFAIL TypeError"],
  ["1 + (2j)", "DUMPFAIL TypeError"],
  ["-(1+2j)", "FAIL"],
  ["'\\N{DASH}'", "FAIL"],
  ["'\\d'", "\"\\\\d\""],
  ["'\\x4'", "FAIL"],
  ["'\\777'", "\"\\u01ff\""],
  ["b'\\xff'", "DUMPFAIL TypeError"],
  ["'a' b'b'", "FAIL"],
  ["u'x'", "\"x\""],
  ["Rb'x'", "DUMPFAIL TypeError"],
  ["f'x'", "FAIL"],
  ["'''a\nb'''", "\"a\\nb\""],
  ["'a\nb'", "FAIL"],
  ["r'\\''", "\"\\\\'\""],
  ["'\\\nx'", "\"x\""],
  ["True", "true"],
  ["true", "FAIL"],
  ["None,", "[\n  null\n]"],
  ["set()", "DUMPFAIL TypeError"],
  ["set( )", "DUMPFAIL TypeError"],
  ["{1,2}", "DUMPFAIL TypeError"],
  ["{}", "{}"],
  ["()", "[]"],
  ["(1)", "1"],
  ["((1,),)", "[\n  [\n    1\n  ]\n]"],
  ["[1][0]", "FAIL"],
  ["1if 1 else 2", "FAIL"],
  ["0b102", "FAIL"],
  ["0o8", "FAIL"],
  ["1_000.000_1", "1000.0001"],
  ["1.5j", "DUMPFAIL TypeError"],
  ["+1", "1"],
  ["+-1", "FAIL"],
  ["--1", "FAIL"],
  ["-True", "FAIL"],
  ["~1", "FAIL"],
  ["1 2", "FAIL"],
  ["'a''b'", "\"ab\""],
  ["'a'\n'b'", "FAIL"],
  ["('a'\n'b')", "\"ab\""],
  ["\ufeff1", "FAIL"],
  ["1;", "FAIL"],
  ["x", "FAIL"],
  ["[1,]", "[\n  1\n]"],
  ["[1,,]", "FAIL"],
  ["{'a' : [1 , 2]}", "{\n  \"a\": [\n    1,\n    2\n  ]\n}"],
  ["0xFFFFFFFFFFFFFFFFFFFF", "1208925819614629174706175"],
  ["1e999", "Infinity"],
  ["-0.0", "-0.0"],
  ["{1: 'a', True: 'b', 1.0: 'c'}", "{\n  \"1\": \"c\"\n}"],
  ["'\\u00e9'", "\"\\u00e9\""],
  ["'\\U0001F600'", "\"\\ud83d\\ude00\""],
  ["'\\U00110000'", "FAIL"],
  ["\u00e9", "FAIL"],
  ["'\u00e9'", "\"\\u00e9\""],
  ["b'\u00e9'", "FAIL"],
  ["1\n  #c", "1"],
  ["1\n \n", "1"],
  ["1\n\t", "FAIL"],
  ["  \n  1", "FAIL"],
  ["1\n\n  ", "FAIL"],
  ["[1,\n  2]\n  ", "FAIL"],
  ["[1,\n  2]\n", "[\n  1,\n  2\n]"],
  ["1 \n", "1"],
  ["1\t", "1"],
  ["1\n  \n", "1"],
  ["\n  \n1", "1"],
  ["  1\n", "1"],
  ["1  ", "1"],
  ["1\n\f", "1"],
  ["1\\\n", "FAIL"],
  ["(1\\\n,2)", "[\n  1,\n  2\n]"],
  ["1 \\\n+2j", "DUMPFAIL TypeError"],
  ["1\r2", "FAIL"],
  ["1\r", "1"],
  ["\r1", "1"],
  ["'a'\r'b'", "FAIL"],
  ["1\n\r\n", "1"],
  ["  #c\n  1", "FAIL"],
  ["\t1", "1"],
  ["\t\t\n1", "1"],
  ["1 #c", "1"],
  ["1 # c \n\n", "1"],
  ["{'a': 1.0, 'b': 1e3, 'c': .5, 'd': -0.0, 'e': 1_000, 'f': 0x1F, 'g': 'x' 'y'}", "{\n  \"a\": 1.0,\n  \"b\": 1000.0,\n  \"c\": 0.5,\n  \"d\": -0.0,\n  \"e\": 1000,\n  \"f\": 31,\n  \"g\": \"xy\"\n}"],
  ["{'data': b'raw bytes'}", "DUMPFAIL TypeError"],
  ["{(1,2): 3}", "DUMPFAIL TypeError"],
  ["{1.5: 2, None: 3, False: 4}", "{\n  \"1.5\": 2,\n  \"null\": 3,\n  \"false\": 4\n}"],
  ["[(1, 2), (3,)]", "[\n  [\n    1,\n    2\n  ],\n  [\n    3\n  ]\n]"],
  ["{'a': {1, 2}}", "DUMPFAIL TypeError"],
  ["[1, -2.5e-7, 123456789012345678901234567890]", "[\n  1,\n  -2.5e-07,\n  123456789012345678901234567890\n]"],
  ["{'k': '\\t\\x00\\'q'}", "{\n  \"k\": \"\\t\\u0000'q\"\n}"],
  ["'''tri\"ple'''", "\"tri\\\"ple\""],
  ["[[[[]]]]", "[\n  [\n    [\n      []\n    ]\n  ]\n]"],
  ["{'a': 1, 'a': 2, 'b': 3}", "{\n  \"a\": 2,\n  \"b\": 3\n}"],
  ["(1, 2, 3)", "[\n  1,\n  2,\n  3\n]"],
  ["{1, 2, 3}", "DUMPFAIL TypeError"],
  ["42", "42"],
  ["'quoted string literal'", "\"quoted string literal\""],
  ["   ['lead', 'spaces']  # trailing comment", "[\n  \"lead\",\n  \"spaces\"\n]"],
  ["\n{'leading': 'newline'}", "{\n  \"leading\": \"newline\"\n}"],
  ["[0o17, 0b11, 0XfF]", "[\n  15,\n  3,\n  255\n]"],
  ["[1e16, 1e-5, 0.1+0.2]", "FAIL"],
  ["[-1, -0, +0.0, -(2)]", "[\n  -1,\n  0,\n  0.0,\n  -2\n]"],
  ["{'x': -1 + 2j}", "DUMPFAIL TypeError"],
  ["[True, False, None]", "[\n  true,\n  false,\n  null\n]"],
  ["1 , 2 ,", "[\n  1,\n  2\n]"],
  ["((1, 2))", "[\n  1,\n  2\n]"],
  ["[\n  # comment\n  1,\n]", "[\n  1\n]"],
];

function evaluate(source: string): string {
  const result = pyLiteralEval(source);
  if (!result.ok) return "FAIL";
  try {
    return pyJsonDumps(result.value, { indent: 2 });
  } catch {
    return "DUMPFAIL TypeError";
  }
}

describe("pyLiteralEval matches ast.literal_eval", () => {
  it.each(CASES)("%j", (source, expected) => {
    expect(evaluate(source)).toBe(expected);
  });

  it("allows 200 nested brackets and refuses 201, like CPython's tokenizer", () => {
    expect(evaluate("[".repeat(200) + "]".repeat(200))).not.toBe("FAIL");
    expect(evaluate("[".repeat(201) + "]".repeat(201))).toBe("FAIL");
  });

  it("refuses ints over 4300 digits", () => {
    expect(evaluate("1".repeat(4300))).toBe("1".repeat(4300));
    expect(evaluate("1".repeat(4301))).toBe("FAIL");
  });

  it("never throws on hostile input", () => {
    const sources = ["'" + "\\".repeat(10001), "(".repeat(100000), "'''" + "x".repeat(100000), "\\\n".repeat(1000)];
    for (const source of sources) expect(() => pyLiteralEval(source)).not.toThrow();
  });
});
