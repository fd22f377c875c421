import { dateTimeFormat, formatCount, numberFormat, relativeTimeFormat, sharedFormatterCount, withDefaultLocale } from "../../src/core/intlFormatters";
import { formatCost, formatLatency, formatRelativeTime, formatTokens } from "../../src/core/format";

describe("shared Intl formatters", () => {
  it("format exactly as a formatter built for the call", () => {
    const cases: Array<[string | undefined, Intl.NumberFormatOptions]> = [
      ["en-US", { maximumFractionDigits: 0 }],
      ["de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }],
      [undefined, { style: "currency", currency: "EUR", maximumSignificantDigits: 2 }],
    ];
    for (const [locale, options] of cases) {
      for (const value of [0, 0.00042, 3.14159, 1234567.891]) {
        expect(numberFormat(locale, options).format(value)).toBe(new Intl.NumberFormat(locale, options).format(value));
      }
    }
    const at = Date.UTC(2026, 0, 2, 3, 4, 5);
    const date: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "long", timeZone: "UTC" };
    expect(dateTimeFormat("fr-FR", date).format(at)).toBe(new Intl.DateTimeFormat("fr-FR", date).format(at));
    expect(relativeTimeFormat("en-GB", { numeric: "auto" }).format(-1, "day")).toBe("yesterday");
    expect(formatCount(1234567)).toBe((1234567).toLocaleString("en-US"));
  });

  it("hand back the same formatter for the same locale and options", () => {
    expect(numberFormat("en-US", { maximumFractionDigits: 1 })).toBe(numberFormat("en-US", { maximumFractionDigits: 1 }));
    expect(numberFormat(["de-DE"], { maximumFractionDigits: 1 })).toBe(numberFormat(["de-DE"], { maximumFractionDigits: 1 }));
    expect(numberFormat("en-US", { maximumFractionDigits: 1 })).not.toBe(numberFormat("en-US", { maximumFractionDigits: 2 }));
    expect(numberFormat("en-US", { maximumFractionDigits: 1 })).not.toBe(numberFormat("de-DE", { maximumFractionDigits: 1 }));
    expect(dateTimeFormat("en-US")).not.toBe(numberFormat("en-US") as unknown);
  });

  it("throw where Intl throws, and fall back to the default locale only when asked", () => {
    expect(() => numberFormat("not a locale!")).toThrow(RangeError);
    expect(() => numberFormat("en-US", { style: "currency", currency: "not a code" })).toThrow(RangeError);
    expect(withDefaultLocale("not a locale!", (tag) => numberFormat(tag)).format(1000)).toBe(new Intl.NumberFormat().format(1000));
  });

  it("hold a bounded number of formatters however many settings pass through", () => {
    for (let digits = 0; digits <= 20; digits++) {
      for (const locale of ["en-US", "de-DE", "fr-FR", "ja-JP", "ar-EG"]) numberFormat(locale, { maximumFractionDigits: digits });
    }
    expect(sharedFormatterCount()).toBeLessThanOrEqual(64);
    // Evicted settings are rebuilt, with the same output.
    expect(numberFormat("en-US", { maximumFractionDigits: 0 }).format(1.5)).toBe("2");
  });
});

describe("core formatters over shared Intl formatters", () => {
  it("give the same text on repeated calls and across locales", () => {
    for (let round = 0; round < 3; round++) {
      expect(formatLatency(142.1, { locale: "de-DE" })).toBe("142,1 s (2,37 m)");
      expect(formatLatency(142.1, { locale: "en-US" })).toBe("142.1 s (2.37 m)");
      expect(formatTokens(1200, 340, { locale: "en-US" })).toBe("1,200 → 340 (∑ 1,540)");
      expect(formatCost(0.00042, { locale: "en-US" })).toBe("$0.00042");
      expect(formatCost(1, { locale: "en-US", currency: "not a code" })).toBe("$1.00");
      expect(formatRelativeTime(0, { now: 86_400_000, locale: "en-US" })).toBe("yesterday");
      expect(formatRelativeTime(0, { now: 86_400_000, locale: "en-US", numeric: "always" })).toBe("1 day ago");
    }
  });

  it("still fall back to the default locale for a tag Intl rejects", () => {
    expect(formatTokens(1200, 340, { locale: "not a locale!" })).toBe(formatTokens(1200, 340, { locale: undefined }));
  });
});
