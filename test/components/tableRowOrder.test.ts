import fc from "fast-check";
import { parseTimeMs } from "../../src/core/isoTime";
import { compareSortValues, type SortValue } from "../../src/components/ui/dataTableFeatures";
import { arrayRows } from "../../src/components/ui/tableRows";
import { runJob } from "../../src/components/ui/slicedJob";
import { sortOrderJob } from "../../src/components/ui/tableRowOrder";
import { traceTableRows } from "../../src/components/TracesTable/tracesTableRows";
import type { LLMTrace } from "../../src/core";

/** TanStack Table's single-column sort as tracelens configured it: missing last either way, ties in data order. */
function referenceOrder(values: readonly SortValue[], desc: boolean): number[] {
  const key = (v: SortValue) => (v === null || (typeof v === "number" && Number.isNaN(v)) ? undefined : v);
  return values
    .map((_, i) => i)
    .sort((a, b) => {
      const ka = key(values[a]);
      const kb = key(values[b]);
      if (ka === undefined && kb === undefined) return a - b;
      if (ka === undefined || kb === undefined) return ka === undefined ? 1 : -1;
      const c = compareSortValues(ka, kb) * (desc ? -1 : 1);
      return c !== 0 && !Number.isNaN(c) ? c : a - b;
    });
}

function jobOrder(values: readonly SortValue[], desc: boolean, sliceMs = Infinity): number[] {
  const rows = arrayRows(values.map((value, i) => ({ value, i })), (row) => String(row.i));
  const job = sortOrderJob(rows, (row) => row.value, desc);
  for (;;) {
    const step = runJob(job, sliceMs === Infinity ? Infinity : performance.now() + sliceMs);
    if (step.done) return [...step.value];
  }
}

const sortValue = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noDefaultInfinity: false }),
  fc.constantFrom("a", "A", "b", "item 2", "item 10", "é", "e", "", "Z"),
  fc.string({ maxLength: 3 }),
  fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);

describe("table sorting (sortOrderJob)", () => {
  it("orders like TanStack's sorted row model: numbers, strings through the collator, mixed values, missing last", () => {
    fc.assert(
      fc.property(fc.array(sortValue, { maxLength: 80 }), fc.boolean(), (values, desc) => {
        expect(jobOrder(values, desc)).toEqual(referenceOrder(values, desc));
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same order when run in many small slices as in one go", () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? null : `name ${(i * 7919) % 613}`));
    expect(jobOrder(values, true, 0)).toEqual(referenceOrder(values, true));
    const numbers = Array.from({ length: 5000 }, (_, i) => (i * 104729) % 1013);
    expect(jobOrder(numbers, false, 0)).toEqual(referenceOrder(numbers, false));
  });

  it("orders numbers mixed with numeric-looking text consistently (fast-check seed -1512678916)", () => {
    // By value 2e-308 < 1e44, but as text "1e+44" < "2" < "2e-308": comparing across types as text loops.
    for (const desc of [false, true]) expect(jobOrder([2e-308, "2", 1e44], desc)).toEqual(referenceOrder([2e-308, "2", 1e44], desc));
    expect(jobOrder([2e-308, "2", 1e44], false)).toEqual([0, 2, 1]);
    expect(jobOrder([Infinity, 1, Infinity, -Infinity], false)).toEqual([3, 1, 0, 2]);
  });

  it("keeps data order for data that is already sorted, and for equal keys", () => {
    expect(jobOrder([1, 2, 2, 3], false)).toEqual([0, 1, 2, 3]);
    expect(jobOrder([3, 2, 2, 1], true)).toEqual([0, 1, 2, 3]);
    expect(jobOrder(["b", "B", "a"], false)).toEqual([2, 0, 1]);
  });
});

describe("parseTimeMs", () => {
  it("reads timestamps exactly as Date.parse does", () => {
    const pad = (n: number, w: number) => String(n).padStart(w, "0");
    fc.assert(
      fc.property(
        fc.record({ y: fc.integer({ min: 0, max: 9999 }), mo: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }), h: fc.integer({ min: 0, max: 25 }), mi: fc.integer({ min: 0, max: 60 }), s: fc.integer({ min: 0, max: 61 }), ms: fc.option(fc.integer({ min: 0, max: 999 })) }),
        ({ y, mo, d, h, mi, s, ms }) => {
          const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${ms === null ? "" : `.${pad(ms, 3)}`}Z`;
          expect(Object.is(parseTimeMs(text), Date.parse(text))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
    for (const text of ["2025-06-20T12:00:00+02:00", "2025-06-20", "2025-06-20T12:00:00.1Z", "garbage", "", "2025-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "+002025-06-20T12:00:00Z", "2025-06-2OT12:00:00Z"]) {
      expect(Object.is(parseTimeMs(text), Date.parse(text))).toBe(true);
    }
  });
});

describe("traceTableRows", () => {
  /** The rules as they were written before rows became lazy. */
  function eagerRows(input: unknown[]): LLMTrace[] {
    const seen = new Set<string>();
    const out: LLMTrace[] = [];
    input.forEach((item, index) => {
      if (!item || typeof item !== "object" || Array.isArray(item)) return;
      const trace = item as LLMTrace;
      let id = typeof trace.id === "string" && trace.id ? trace.id : typeof trace.id === "number" ? String(trace.id) : `row-${index}`;
      const valid = id === trace.id && Array.isArray(trace.events);
      // A repeated id takes `id#index`, then `id#index.1`, … until one is free (a suffix can be a real id).
      const base = id;
      for (let n = 0; seen.has(id); n++) id = n === 0 ? `${base}#${index}` : `${base}#${index}.${n}`;
      seen.add(id);
      out.push(valid && id === trace.id ? trace : { ...trace, id, events: Array.isArray(trace.events) ? trace.events : [] });
    });
    return out;
  }

  it("normalizes on demand to exactly what the eager rules give, read in any order", () => {
    const item = fc.oneof(
      fc.record({ id: fc.constantFrom("a", "b", "a#2", "", 7, undefined), events: fc.constantFrom([], undefined, "x") }),
      fc.constantFrom(null, 42, "trace", [1, 2]),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 10 }), (input, reads) => {
        const expected = eagerRows(input);
        const rows = traceTableRows([...input]);
        expect(rows.count).toBe(expected.length);
        for (const r of reads) if (expected.length) expect(rows.rowAt(r % expected.length)).toEqual(expected[r % expected.length]);
        expect(rows.all()).toEqual(expected);
        expect(new Set(expected.map((trace) => trace.id)).size).toBe(expected.length);
        expected.forEach((trace) => expect(rows.indexOf(trace.id)).toBe(expected.findIndex((t) => t.id === trace.id)));
      }),
      { numRuns: 200 },
    );
  });

  it("keeps valid traces' identity and finishes ahead of time in slices", () => {
    const input = Array.from({ length: 3000 }, (_, i) => ({ id: `t${i % 2000}`, events: [] }));
    const rows = traceTableRows(input);
    expect(rows.rowAt(0)).toBe(input[0]);
    while (!rows.advance(performance.now() + 1));
    expect(rows.all()).toEqual(eagerRows(input));
    expect(rows.idAt(2500)).toBe("t500#2500");
  });
});
