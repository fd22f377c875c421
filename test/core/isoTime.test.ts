import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TimeReader } from "../../src/core/isoTime";

const pad = (n: number, w: number) => String(n).padStart(w, "0");

describe("TimeReader", () => {
  it("reads a run of timestamps, most in the minute of the one before, exactly as Date.parse does", () => {
    // Few distinct minutes, so most reads take the remembered minute; fields out of range and other forms mixed in.
    const minute = fc.record({ y: fc.constantFrom(25, 2025, 2024), mo: fc.constantFrom(1, 2, 13), d: fc.constantFrom(1, 28, 29, 31), h: fc.constantFrom(0, 23, 24), mi: fc.constantFrom(0, 59, 60) });
    const stamp = fc.record({ minute, s: fc.integer({ min: 0, max: 61 }), ms: fc.option(fc.integer({ min: 0, max: 999 })), odd: fc.constantFrom("", "", "", "+01:00", "x") });
    fc.assert(
      fc.property(fc.array(stamp, { maxLength: 30 }), (stamps) => {
        const reader = new TimeReader();
        const read = (text: string) => reader.read(text);
        for (const { minute: { y, mo, d, h, mi }, s, ms, odd } of stamps) {
          const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${ms === null ? "" : `.${pad(ms, 3)}`}${odd === "+01:00" ? odd : odd === "x" ? "" : "Z"}`;
          expect(Object.is(read(text), Date.parse(text))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    const reader = new TimeReader();
    const read = (text: string) => reader.read(text);
    for (const text of ["2025-06-20T12:00:00.000Z", "2025-06-20T12:00:61.000Z", "2025-06-20T12:00:0a.000Z", "2025-06-20T12:00:05Z", "2025-06-20T12:00:05.5Z", "", "garbage"]) {
      expect(Object.is(read(text), Date.parse(text))).toBe(true);
    }
  });
});
