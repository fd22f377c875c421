import fc from "fast-check";
import {
  inDateWindow,
  parsePostHogDate,
  relativeDateMs,
  resolveHogQLDateRange,
  resolveMinuteDateRange,
  resolveTraceDateRange,
  traceDateBoundMs,
} from "../../src/core/filterDates";
import { DATE_RANGE_PRESETS, describeDateRange, matchDateRangePreset } from "../../src/core/filterDatesDescribe";
import { queryDateRange } from "../../src/msw/mockDates";

const NOW = Date.parse("2025-03-31T15:42:17.250Z");
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const rel = (text: string, now = NOW, truncate = false) => {
  const date = parsePostHogDate(text);
  if (date.kind !== "relative") throw new Error(`${text} is not relative`);
  return iso(relativeDateMs(date, now, truncate));
};

describe("parsePostHogDate", () => {
  it("reads PostHog's relative, start/end, all and ISO forms", () => {
    expect(parsePostHogDate("-7d")).toEqual({ kind: "relative", amount: 7, unit: "d", position: null });
    expect(parsePostHogDate("-30M")).toEqual({ kind: "relative", amount: 30, unit: "M", position: null });
    expect(parsePostHogDate("mStart")).toEqual({ kind: "relative", amount: null, unit: "m", position: "Start" });
    expect(parsePostHogDate("-1dEnd")).toEqual({ kind: "relative", amount: 1, unit: "d", position: "End" });
    expect(parsePostHogDate("all")).toEqual({ kind: "all" });
    expect(parsePostHogDate("2025-06-09")).toEqual({ kind: "absolute", ms: Date.UTC(2025, 5, 9), dateOnly: true });
    expect(parsePostHogDate("2025-06-09T10:00:00")).toMatchObject({ kind: "absolute", ms: Date.parse("2025-06-09T10:00:00Z"), dateOnly: false });
    expect(parsePostHogDate("2025-06-09T10:00:00+02:00")).toMatchObject({ ms: Date.parse("2025-06-09T08:00:00Z") });
  });

  it("calls anything else invalid, never throws", () => {
    for (const text of ["yesterday", "-7x", "2025-02-30", "", "<script>", "-7dd"]) expect(parsePostHogDate(text).kind).toBe("invalid");
    expect(parsePostHogDate(42 as unknown).kind).toBe("invalid");
  });
});

describe("relativeDateMs (relative_date_parse)", () => {
  it("subtracts units without rounding unless asked", () => {
    expect(rel("-7d")).toBe("2025-03-24T15:42:17.250Z");
    expect(rel("-24h")).toBe("2025-03-30T15:42:17.250Z");
    expect(rel("-30M")).toBe("2025-03-31T15:12:17.250Z");
    expect(rel("-2w")).toBe("2025-03-17T15:42:17.250Z");
    expect(rel("-1q")).toBe(iso(NOW - 13 * 7 * 86_400_000));
    expect(rel("-7d", NOW, true)).toBe("2025-03-24T00:00:00.000Z");
    expect(rel("-3h", NOW, true)).toBe("2025-03-31T12:00:00.000Z");
  });

  it("moves months and years on the calendar, clamping the day (dateutil relativedelta)", () => {
    expect(rel("-1m")).toBe("2025-02-28T15:42:17.250Z");
    expect(rel("-13m")).toBe("2024-02-29T15:42:17.250Z");
    expect(rel("-1y", Date.parse("2024-02-29T00:00:00Z"))).toBe("2023-02-28T00:00:00.000Z");
  });

  it("applies Start/End as absolute fields; mStart keeps the time of day as PostHog does", () => {
    expect(rel("dStart")).toBe("2025-03-31T00:00:00.000Z");
    expect(rel("-1dStart")).toBe("2025-03-30T00:00:00.000Z");
    expect(rel("-1dEnd")).toBe("2025-03-30T23:59:59.999Z");
    expect(rel("mStart")).toBe("2025-03-01T15:42:17.250Z");
    expect(rel("-1mStart")).toBe("2025-02-01T15:42:17.250Z");
    expect(rel("-1mEnd")).toBe("2025-02-28T15:42:17.250Z");
    expect(rel("yStart")).toBe("2025-01-01T15:42:17.250Z");
  });
});

describe("windows", () => {
  it("HogQL {filters}: unrounded, from inclusive, to exclusive, all/none open, unreadable = now", () => {
    expect(resolveHogQLDateRange({ date_from: "-7d" }, NOW)).toMatchObject({ from: NOW - 7 * 86_400_000, to: null, unreadable: [] });
    expect(resolveHogQLDateRange({ date_from: "all", date_to: "2025-03-01" }, NOW)).toMatchObject({ from: null, to: Date.UTC(2025, 2, 1) });
    expect(resolveHogQLDateRange({ date_from: "soon" }, NOW)).toMatchObject({ from: NOW, unreadable: ["date_from"] });
    const w = resolveHogQLDateRange({ date_from: "2025-03-01", date_to: "2025-03-02" }, NOW);
    expect(inDateWindow(Date.UTC(2025, 2, 1), w)).toBe(true);
    expect(inDateWindow(Date.UTC(2025, 2, 2), w)).toBe(false);
  });

  it("trace lists: relative bounds exact, dStart at midnight, date-only ends inclusive to the end of the day", () => {
    expect(resolveTraceDateRange({ date_from: "-7d" }, NOW)).toEqual({ from: NOW - 7 * 86_400_000, to: NOW });
    expect(resolveTraceDateRange({ date_from: "mStart" }, NOW)).toEqual({ from: Date.UTC(2025, 2, 1), to: NOW });
    expect(resolveTraceDateRange({ date_from: "2025-06-08", date_to: "2025-06-09" }, NOW)).toEqual({ from: Date.UTC(2025, 5, 8), to: Date.UTC(2025, 5, 10) - 1 });
    expect(resolveTraceDateRange({ date_from: "nope" }, NOW)).toBeNull();
    expect(resolveTraceDateRange(undefined, NOW)).toEqual({ from: null, to: NOW });
  });

  it("minute interval (TraceNeighborsQuery): unrounded from, relative or missing to at the end of its minute", () => {
    expect(resolveMinuteDateRange({ date_from: "-1h" }, NOW)).toEqual({ from: NOW - 3_600_000, to: Date.parse("2025-03-31T15:42:59.999Z") });
    expect(resolveMinuteDateRange({ date_from: "all", date_to: "2025-03-02T10:00:00Z" }, NOW)).toEqual({ from: null, to: Date.parse("2025-03-02T10:00:00Z") });
    expect(resolveMinuteDateRange(null, NOW)!.from).toBe(Date.UTC(2025, 2, 24));
  });

  it("trace-list bounds are the strict mock's bounds (one rule for the local client and the mock)", () => {
    const text = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom("h", "M", "d", "w", "m", "q", "y")).map(([n, u]) => `-${n}${u}`),
      fc.constantFrom("dStart", "mStart", "yStart", "all", "2025-01-31", "2024-02-29T12:30:00Z", "2025-06-09T10:00:00", "garbage"),
    );
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (from, to, now) => {
        const mock = queryDateRange({ date_from: from, date_to: to }, now);
        const core = resolveTraceDateRange({ date_from: from, date_to: to }, now);
        if (!mock.ok) return core === null || to === "all";
        return core !== null && core.from === mock.window.from && core.to === mock.window.to;
      }),
      { numRuns: 300 },
    );
    expect(traceDateBoundMs("-1d", NOW)).toBe(NOW - 86_400_000);
  });
});

describe("describeDateRange and presets", () => {
  it("names presets and relative ranges in words", () => {
    expect(describeDateRange({ date_from: "-7d" })).toBe("Last 7 days");
    expect(describeDateRange({ date_from: "-7d", date_to: null })).toBe("Last 7 days");
    expect(describeDateRange({ date_from: "-1mStart", date_to: "-1mEnd" })).toBe("Previous month");
    expect(describeDateRange({ date_from: "-3h" })).toBe("Last 3 hours");
    expect(describeDateRange({ date_from: "-1w" })).toBe("Last 1 week");
    expect(describeDateRange({ date_from: "all" })).toBe("All time");
    expect(describeDateRange({ date_from: "2025-06-02", date_to: "2025-06-09" }, { locale: "en-US" })).toBe("From Jun 2, 2025 to Jun 9, 2025");
    expect(describeDateRange({ date_to: "-1dEnd" })).toBe("Until the end of last day");
    expect(describeDateRange({})).toBe("Default range");
    expect(describeDateRange({ date_from: "<b>x</b>" })).toContain('"<b>x</b>" (not a date PostHog reads)');
  });

  it("every preset matches itself and resolves to a window that ends after it starts", () => {
    for (const preset of DATE_RANGE_PRESETS) {
      expect(matchDateRangePreset(preset.dateRange)).toBe(preset);
      const w = resolveHogQLDateRange(preset.dateRange, NOW);
      expect(w.unreadable).toEqual([]);
      if (w.from !== null && w.to !== null) expect(w.to).toBeGreaterThan(w.from);
    }
  });
});
