import { FORMAT_PLACEHOLDER, formatRelativeTime } from "../../core/format";
import { dateTimeFormat, formatCount, withDefaultLocale } from "../../core/intlFormatters";
import { highlightText } from "../ui/HighlightText";
import { cn } from "../ui/cn";
import { useTooltip } from "../ui/Tooltip";
import { useTableCellContext } from "./cellContext";
import type { MessagePreview } from "../../core/tracePreviews";
import { parseTimeMs } from "../../core/isoTime";

const DASH = <span className="tl:text-muted">–</span>;

/** Plain text with the search term marked; "–" when there is none. Never HTML. */
export function TextCell({ text, strong, mono }: { text: string | null | undefined; strong?: boolean; mono?: boolean }) {
  const { highlight } = useTableCellContext();
  if (!text) return DASH;
  return (
    <span className={cn("tl:block tl:truncate", strong && "tl:font-semibold", mono && "tl:font-code")} title={text}>
      {highlightText(text, highlight)}
    </span>
  );
}

/**
 * A message preview, at most two lines. The text was cut to a few hundred characters when it was
 * extracted, so nothing long ever reaches React; the cut text is the tooltip.
 */
export function PreviewCell({ preview, error }: { preview: MessagePreview | null; error?: string | null }) {
  const { highlight } = useTableCellContext();
  if (error) {
    return (
      <span
        data-slot="traces-table-error-tag"
        title={error}
        className="tl:block tl:truncate tl:rounded-sm tl:bg-(color:--tl-danger-subtle) tl:px-1 tl:font-code tl:text-[11px] tl:text-danger"
      >
        {error}
      </span>
    );
  }
  if (!preview) return DASH;
  return (
    <span
      data-slot="traces-table-preview"
      data-role={preview.role}
      title={preview.text}
      className="tl:line-clamp-2 tl:break-words tl:whitespace-normal tl:text-fg"
    >
      {highlightText(preview.text, highlight)}
    </span>
  );
}

/** PostHog's red error count tag, or "–". */
export function ErrorCountCell({ count }: { count: number }) {
  if (!count) return DASH;
  return (
    <span className="tl:inline-block tl:rounded-sm tl:bg-(color:--tl-danger-subtle) tl:px-1.5 tl:font-semibold tl:text-danger">
      {formatCount(count)}
      <span className="tl:sr-only"> {count === 1 ? "error" : "errors"}</span>
    </span>
  );
}

/** A formatted figure (the core formatters already answer "—" for missing values); `note` (what is unknown or partial) becomes its tooltip and is read after it. */
export function NumberCell({ text, note }: { text: string; note?: string }) {
  return numberCellContent(text, note);
}

/** {@link NumberCell}'s markup, for renderers that draw it inline (no component of its own per cell: three per row of a 100,000-row table). */
export function numberCellContent(text: string, note?: string) {
  const extra = note ? <span className="tl:sr-only"> ({note})</span> : null;
  if (text === FORMAT_PLACEHOLDER) {
    if (!note) return DASH;
    return (
      <span title={note} data-usage="unknown">
        <span className="tl:text-muted">–</span>
        {extra}
      </span>
    );
  }
  return (
    <span className="tl:whitespace-nowrap" title={note || undefined} data-usage={note ? "partial" : undefined}>
      {text}
      {extra}
    </span>
  );
}

const formatted = new WeakMap<object, Map<string, string>>();

/**
 * A formatted value remembered per row object (or string key), so a row scrolled back into view does not
 * format its numbers and dates again.
 */
export function cachedFormat(owner: object, key: string, compute: () => string): string {
  let byKey = formatted.get(owner);
  if (!byKey) {
    byKey = new Map();
    formatted.set(owner, byKey);
  }
  let text = byKey.get(key);
  if (text === undefined) {
    text = compute();
    byKey.set(key, text);
  }
  return text;
}

const EXACT_TIME: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "long" };

/** The exact time for the tooltip. */
function exactTime(ms: number, locale: string | undefined): string {
  return withDefaultLocale(locale, (tag) => dateTimeFormat(tag, EXACT_TIME)).format(ms);
}

/** Relative time ("3 hours ago"), the exact time on hover or focus and in `dateTime`. */
export function TimeCell({ owner, value, tabbable }: { owner: object; value: unknown; tabbable: boolean }) {
  const { locale, now } = useTableCellContext();
  const ms = typeof value === "string" ? parseTimeMs(value) : NaN;
  const valid = Number.isFinite(ms);
  const { setTrigger, triggerProps, tooltip } = useTooltip(valid ? <ExactTime ms={ms} locale={locale} /> : null, valid);
  if (!valid) return DASH;
  return (
    <>
      <time
        ref={setTrigger}
        {...triggerProps}
        dateTime={new Date(ms).toISOString()}
        tabIndex={tabbable ? 0 : -1}
        className="tl:whitespace-nowrap tl:rounded-sm tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
      >
        {cachedFormat(owner, `time|${locale ?? ""}|${now ?? ""}`, () => formatRelativeTime(ms, { locale, now }))}
      </time>
      {tooltip}
    </>
  );
}

/** Formats only when the tooltip is open. */
function ExactTime({ ms, locale }: { ms: number; locale: string | undefined }) {
  return <>{exactTime(ms, locale)}</>;
}
