import fc from "fast-check";
import { formatLineRefLabel, lineRefLines, parseLineRefs, splitByLineRefs } from "../../src/core/lineRefs";

const summary = (text: string) => parseLineRefs(text).map((r) => [r.match, r.ranges]);

describe("parseLineRefs", () => {
  it.each([
    ["see L45 for the call", [["L45", [{ start: 45, end: 45 }]]]],
    ["[L45]", [["[L45]", [{ start: 45, end: 45 }]]]],
    ["[L45-52]", [["[L45-52]", [{ start: 45, end: 52 }]]]],
    ["L45-L52", [["L45-L52", [{ start: 45, end: 52 }]]]],
    ["L45 – 52", [["L45 – 52", [{ start: 45, end: 52 }]]]],
    ["L001", [["L001", [{ start: 1, end: 1 }]]]],
    [
      "L13-19, L553-555",
      [
        ["L13-19", [{ start: 13, end: 19 }]],
        ["L553-555", [{ start: 553, end: 555 }]],
      ],
    ],
    [
      "[L10, L12-14]",
      [
        [
          "[L10, L12-14]",
          [
            { start: 10, end: 10 },
            { start: 12, end: 14 },
          ],
        ],
      ],
    ],
    ["(L7).", [["L7", [{ start: 7, end: 7 }]]]],
    ["L52-45 backwards", [["L52-45", [{ start: 45, end: 52 }]]]],
  ])("%j", (text, expected) => {
    expect(summary(text)).toEqual(expected);
  });

  it.each(["HTML5", "URL45", "xL4", "L45abc", "l45", "L0", "L", "L-4", "LL", "L_5", "L10000000000", "éL5", "L5ü"])(
    "finds nothing in %j",
    (text) => {
      expect(parseLineRefs(text)).toEqual([]);
    },
  );

  it("falls back to bare references inside a malformed bracket", () => {
    expect(summary("[L10, foo]")).toEqual([["L10", [{ start: 10, end: 10 }]]]);
  });

  it("reports UTF-16 offsets into the text", () => {
    const text = "😀 first [L3-4] then L9";
    const refs = parseLineRefs(text);
    expect(refs.map((r) => text.slice(r.start, r.end))).toEqual(["[L3-4]", "L9"]);
    expect(refs[0]?.start).toBe(9);
  });

  it("tolerates non-strings", () => {
    expect(parseLineRefs(undefined as never)).toEqual([]);
    expect(splitByLineRefs(42 as never)).toEqual([]);
  });
});

describe("splitByLineRefs and helpers", () => {
  it("splits text around references", () => {
    expect(splitByLineRefs("Tool failed [L45], retried at L50.").map((s) => [s.kind, s.text])).toEqual([
      ["text", "Tool failed "],
      ["ref", "[L45]"],
      ["text", ", retried at "],
      ["ref", "L50"],
      ["text", "."],
    ]);
  });

  it("formats labels and expands lines", () => {
    const [ref] = parseLineRefs("[L12-14, L10, L13]");
    expect(formatLineRefLabel(ref!.ranges)).toBe("[L12-14, L10, L13]");
    expect(lineRefLines(ref!)).toEqual([10, 12, 13, 14]);
    expect(lineRefLines({ ranges: [{ start: 1, end: 999999999 }] }, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("properties: line references", () => {
  it("never throws; references are ordered, disjoint, exact and valid", () => {
    const text = fc.oneof(
      fc.string(),
      fc.stringMatching(/^([a-zL\-–, \[\];0-9]|L\d{1,3})*$/),
      fc.array(fc.constantFrom("L", "[", "]", "-", ",", " ", "1", "45", "x", "😀", "L0"), { maxLength: 30 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (input) => {
        const refs = parseLineRefs(input);
        let cursor = 0;
        for (const ref of refs) {
          expect(ref.start).toBeGreaterThanOrEqual(cursor);
          expect(input.slice(ref.start, ref.end)).toBe(ref.match);
          expect(ref.ranges.length).toBeGreaterThan(0);
          for (const range of ref.ranges) {
            expect(Number.isInteger(range.start) && range.start >= 1).toBe(true);
            expect(range.end).toBeGreaterThanOrEqual(range.start);
          }
          cursor = ref.end;
        }
        expect(splitByLineRefs(input).map((s) => s.text).join("")).toBe(input);
      }),
      { numRuns: 500 },
    );
  });

  it("finds every reference it writes", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.nat(50)), { minLength: 1, maxLength: 4 }), (items) => {
        const ranges = items.map(([start, extra]) => ({ start, end: start + extra }));
        const label = formatLineRefLabel(ranges);
        const refs = parseLineRefs(`see ${label} here`);
        expect(refs).toHaveLength(1);
        expect(refs[0]?.ranges).toEqual(ranges);
      }),
    );
  });
});
