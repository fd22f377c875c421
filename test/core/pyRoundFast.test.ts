// pyRound answers most calls in floating point and the rest on the exact binary value; both must
// give what Python's round() gives, so the fast answers are checked against the exact path on the
// values where they could go wrong: near halves, near the 2^30 bound, at every precision it covers.
import fc from "fast-check";
import { pyRound, pyRoundExact } from "../../src/core/python/pyNumber";

const same = (x: number, n: number) => Object.is(pyRound(x, n), pyRoundExact(x, n));

/** The doubles around `value`: `steps` ulps either side. */
function around(value: number, steps: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  const out: number[] = [];
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  for (let d = -steps; d <= steps; d++) {
    view.setBigUint64(0, bits + BigInt(d));
    out.push(view.getFloat64(0));
  }
  return out;
}

describe("pyRound's floating-point path", () => {
  it("agrees with the exact path on softmax scores at 4 digits", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (x, negative) => same(negative ? -x : x, 4)),
      { numRuns: 3000 },
    );
  });

  it("agrees within a few ulps of every kind of half, where it must defer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 22 }), (k, n) => {
        const half = (k + 0.5) / 10 ** Math.min(n, 4);
        return around(half, 3).every((x) => same(x, n) && same(-x, n));
      }),
      { numRuns: 800 },
    );
    for (const x of [0.03125, 0.00015, 0.12345, 0.99995, 2.675, 0.625]) for (const y of around(x, 4)) expect(same(y, 4) && same(y, 2)).toBe(true);
  });

  it("agrees at the edges of its range and defers outside it", () => {
    const values = [...around(2 ** 30 / 1e4, 2), ...around(1e9 / 1e4, 2), 1e20, 5e-324, 1.7976931348623157e308, 0, -0];
    for (const x of values) for (const n of [0, 4, 17, 22, 23, -2]) expect(same(x, n)).toBe(true);
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -30, max: 30 }), same), { numRuns: 2000 });
  });
});
