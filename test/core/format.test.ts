import fc from "fast-check";
import {
  FORMAT_PLACEHOLDER,
  formatCount,
  formatCost,
  formatLatency,
  formatRelativeTime,
  formatTokens,
} from "../../src/core/format";

// Intl puts no-break and narrow no-break spaces in some locales; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const INVALID: unknown[] = [Number.NaN, undefined, null, -1, Infinity, -Infinity, "3", {}, []];

describe("formatLatency", () => {
  it.each([
    [3.42, "3.42 s"],
    [1, "1.00 s"],
    [59.994, "59.99 s"],
    [142.1, "142.1 s (2.37 m)"],
    [5400, "5,400.0 s (1.50 h)"],
    [0.42, "420 ms"],
    [0.0042, "4.2 ms"],
    [0, "0 ms"],
  ])("%s s → %s", (seconds, expected) => {
    expect(formatLatency(seconds, { locale: "en-US" })).toBe(expected);
  });

  it("uses the locale's separators", () => {
    expect(formatLatency(3.42, { locale: "de-DE" })).toBe("3,42 s");
    expect(formatLatency(142.1, { locale: "de-DE" })).toBe("142,1 s (2,37 m)");
  });

  it.each(INVALID.map((v) => [v]))("shows a dash for %j", (value) => {
    expect(formatLatency(value)).toBe(FORMAT_PLACEHOLDER);
  });
});

describe("formatTokens", () => {
  it("shows in → out (∑ total)", () => {
    expect(formatTokens(1200, 340, { locale: "en-US" })).toBe("1,200 → 340 (∑ 1,540)");
    expect(formatTokens(1234567, 89, { locale: "de-DE" })).toBe("1.234.567 → 89 (∑ 1.234.656)");
    expect(formatTokens(0, 0, { locale: "en-US" })).toBe("0 → 0 (∑ 0)");
  });

  it("dashes unknown sides and the total they make unknown", () => {
    expect(formatTokens(1200, undefined, { locale: "en-US" })).toBe("1,200 → — (∑ —)");
    expect(formatTokens(Number.NaN, 5, { locale: "en-US" })).toBe("— → 5 (∑ —)");
    expect(formatTokens(undefined, -3)).toBe(FORMAT_PLACEHOLDER);
  });
});

describe("formatCost", () => {
  it.each([
    [0, "$0.00"],
    [0.00042, "$0.00042"],
    [0.004236, "$0.0042"],
    [0.0123, "$0.0123"],
    [0.42, "$0.42"],
    [1234.5, "$1,234.50"],
    [1e-9, "< $0.000001"],
  ])("%s → %s", (usd, expected) => {
    expect(formatCost(usd, { locale: "en-US" })).toBe(expected);
  });

  it("is locale-aware and survives a bad currency code", () => {
    expect(plain(formatCost(3.5, { locale: "de-DE" }))).toBe("3,50 $");
    expect(plain(formatCost(3.5, { locale: "en-US", currency: "EUR" }))).toBe("€3.50");
    expect(formatCost(1, { locale: "en-US", currency: "not a code" })).toBe("$1.00");
  });

  it.each(INVALID.map((v) => [v]))("shows a dash for %j", (value) => {
    expect(formatCost(value)).toBe(FORMAT_PLACEHOLDER);
  });
});

describe("formatRelativeTime", () => {
  const now = Date.UTC(2026, 0, 10, 12, 0, 0);
  const ago = (ms: number, extra: object = {}) => formatRelativeTime(now - ms, { now, locale: "en-US", ...extra });

  it("picks the unit", () => {
    expect(ago(3 * 60_000)).toBe("3 minutes ago");
    expect(ago(59_600)).toBe("1 minute ago");
    expect(ago(0)).toBe("now");
    expect(ago(-2 * 3_600_000)).toBe("in 2 hours");
    expect(ago(86_400_000)).toBe("yesterday");
    expect(ago(86_400_000, { numeric: "always" })).toBe("1 day ago");
    expect(ago(20 * 86_400_000)).toBe("3 weeks ago");
    expect(ago(90 * 86_400_000)).toBe("3 months ago");
    expect(ago(800 * 86_400_000)).toBe("2 years ago");
  });

  it("accepts Dates, strings (zone-less ones as UTC) and a localised output", () => {
    expect(formatRelativeTime(new Date(now - 5_000), { now: new Date(now), locale: "en-US" })).toBe("5 seconds ago");
    expect(formatRelativeTime("2026-01-10 11:57:00.123456", { now, locale: "en-US" })).toBe("3 minutes ago");
    expect(formatRelativeTime("2026-01-10T11:57:00Z", { now, locale: "en-US" })).toBe("3 minutes ago");
    expect(ago(3 * 60_000, { locale: "de-DE" })).toBe("vor 3 Minuten");
  });

  it("shows a dash for invalid instants", () => {
    expect(formatRelativeTime("not a date", { now })).toBe(FORMAT_PLACEHOLDER);
    expect(formatRelativeTime(undefined, { now })).toBe(FORMAT_PLACEHOLDER);
    expect(formatRelativeTime(now, { now: Number.NaN })).toBe(FORMAT_PLACEHOLDER);
    expect(formatRelativeTime(new Date(Number.NaN))).toBe(FORMAT_PLACEHOLDER);
  });
});

describe("properties: formatters", () => {
  const anyValue = fc.oneof(fc.double(), fc.integer(), fc.anything(), fc.date({ noInvalidDate: false }));
  const locale = fc.oneof(fc.constant(undefined), fc.constantFrom("en-US", "de-DE", "ar-EG", "ja"), fc.string());

  it("formatTokens does not touch a side that is not a number (fast-check found { toString: false })", () => {
    expect(formatTokens(0, { toString: false })).toBe(`0 → ${FORMAT_PLACEHOLDER} (∑ ${FORMAT_PLACEHOLDER})`);
  });

  it("never throw and always return a non-empty string", () => {
    fc.assert(
      fc.property(anyValue, anyValue, locale, anyValue, (a, b, loc, now) => {
        const opts = { locale: loc };
        const results = [
          formatLatency(a, opts),
          formatTokens(a, b, opts),
          formatCost(a, { ...opts, currency: typeof b === "string" ? b : undefined }),
          formatRelativeTime(a, { ...opts, now: now as number }),
        ];
        for (const text of results) expect(typeof text === "string" && text.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("dash exactly the invalid amounts", () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const valid = Number.isFinite(x) && x >= 0;
        expect(formatLatency(x) === FORMAT_PLACEHOLDER).toBe(!valid);
        expect(formatCost(x) === FORMAT_PLACEHOLDER).toBe(!valid);
      }),
    );
  });
});

describe("huge and non-finite amounts", () => {
  it("prints scientific notation from 1e15 up, never hundreds of digits", () => {
    expect(formatLatency(1e308)).toBe("1E308 s");
    expect(formatCost(1e308)).toBe("$1E308");
    expect(formatTokens(1e308, 5)).toBe("1E308 → 5 (∑ 1E308)");
    expect(formatTokens(1e308, 1e308)).toBe("1E308 → 1E308 (∑ —)"); // the sum overflows to Infinity
    expect(formatCount(1.2345e20)).toBe("1.23E20");
    expect(formatCount(123456)).toBe("123,456");
    expect(formatLatency(999_999_999_999_999 / 1000)).toMatch(/^[\d,.]+ s \([\d,.]+ h\)$/);
  });

  it("gives the placeholder for Infinity and NaN everywhere", () => {
    for (const value of [Infinity, -Infinity, NaN]) {
      expect([formatLatency(value), formatCost(value), formatCount(value), formatTokens(value, value)]).toEqual(["—", "—", "—", "—"]);
    }
  });
});
