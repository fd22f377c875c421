/**
 * Intl formatters shared by (locale, options). Building one costs far more than formatting with it, and
 * table cells and tree rows format thousands of values per scroll with a handful of settings.
 */

export type FormatLocale = string | readonly string[] | undefined;

/** Enough for every locale × option set a page uses; a host cycling through locales only loses speed. */
const MAX_FORMATTERS = 64;

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

/** Null for a locale that is not a tag or a list of tags: such calls are passed straight to Intl, uncached. */
function cacheKey(kind: string, locale: unknown, options: object | undefined): string | null {
  const tags = locale === undefined || typeof locale === "string" || (Array.isArray(locale) && locale.every((tag) => typeof tag === "string"));
  if (!tags) return null;
  try {
    return `${kind}|${JSON.stringify(locale ?? null)}|${JSON.stringify(options ?? {})}`;
  } catch {
    return null;
  }
}

function shared<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string | null, build: () => F): F {
  if (key === null) return build();
  const cached = formatters.get(key);
  if (cached) return cached as F;
  // Built before anything is stored: a locale or option Intl rejects throws here, as the constructor would.
  const formatter = build();
  if (formatters.size >= MAX_FORMATTERS) formatters.delete(formatters.keys().next().value as string);
  formatters.set(key, formatter);
  return formatter;
}

/** `new Intl.NumberFormat(locale, options)`, built once per setting; throws where the constructor throws. */
export function numberFormat(locale: FormatLocale, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return shared(cacheKey("number", locale, options), () => new Intl.NumberFormat(locale as string | string[] | undefined, options));
}

/** `new Intl.DateTimeFormat(locale, options)`, built once per setting; throws where the constructor throws. */
export function dateTimeFormat(locale: FormatLocale, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return shared(cacheKey("date", locale, options), () => new Intl.DateTimeFormat(locale as string | string[] | undefined, options));
}

/** `new Intl.RelativeTimeFormat(locale, options)`, built once per setting; throws where the constructor throws. */
export function relativeTimeFormat(locale: FormatLocale, options?: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return shared(cacheKey("relative", locale, options), () => new Intl.RelativeTimeFormat(locale as string | string[] | undefined, options));
}

/** The formatter for `locale`, or the runtime default's when Intl rejects the tag (or the options with it). */
export function withDefaultLocale<F>(locale: FormatLocale, build: (locale: FormatLocale) => F): F {
  try {
    return build(locale);
  } catch {
    return build(undefined);
  }
}

/** Whole numbers as the UI counts them ("1,234"), the same as `n.toLocaleString("en-US")`. */
export function formatCount(value: number): string {
  return numberFormat("en-US").format(value);
}

/** How many formatters are held; for tests of the bound. */
export function sharedFormatterCount(): number {
  return formatters.size;
}
