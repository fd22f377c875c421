import type { ReactNode } from "react";
import { FORMAT_PLACEHOLDER, formatRelativeTime } from "../../core/format";
import { dateTimeFormat, formatCount, withDefaultLocale } from "../../core/intlFormatters";

/** What the explore tables' cells format with. */
export interface ExploreFormat {
  locale?: string;
  /** The instant relative times are measured from (epoch ms). @default Date.now() */
  now?: number;
}

const DASH = <span className="tl:text-muted">–</span>;

/** A figure, or "–" when unknown; `note` says what is unknown or partial (tooltip, and read after it). */
export function FigureText({ text, note }: { text: string; note?: string | null }): ReactNode {
  if (text === FORMAT_PLACEHOLDER || text === "") return note ? <span title={note}>{DASH}<span className="tl:sr-only"> ({note})</span></span> : DASH;
  return (
    <span className="tl:whitespace-nowrap tl:tabular-nums" title={note ?? undefined}>
      {text}
      {note ? <span className="tl:sr-only"> ({note})</span> : null}
    </span>
  );
}

/** A count; zero reads "0" unless `dashWhenZero`. */
export function CountText({ value, dashWhenZero }: { value: number; dashWhenZero?: boolean }): ReactNode {
  if (!Number.isFinite(value) || (dashWhenZero && value === 0)) return DASH;
  return <span className="tl:tabular-nums">{formatCount(value)}</span>;
}

/** PostHog's red error count tag, or "–". */
export function ErrorCountTag({ count }: { count: number }): ReactNode {
  if (!Number.isFinite(count) || count <= 0) return DASH;
  return (
    <span className="tl:inline-block tl:rounded-sm tl:bg-(color:--tl-danger-subtle) tl:px-1.5 tl:font-semibold tl:text-danger tl:tabular-nums">
      {formatCount(count)}
      <span className="tl:sr-only"> {count === 1 ? "error" : "errors"}</span>
    </span>
  );
}

const EXACT: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "long" };

/** "3 hours ago", with the exact time as its title and `dateTime`; "–" for an unreadable time. */
export function RelativeTime({ iso, format }: { iso: string | null | undefined; format: ExploreFormat }): ReactNode {
  const ms = typeof iso === "string" ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(ms)) return DASH;
  const exact = withDefaultLocale(format.locale, (tag) => dateTimeFormat(tag, EXACT)).format(ms);
  return (
    <time dateTime={new Date(ms).toISOString()} title={exact} className="tl:whitespace-nowrap">
      {formatRelativeTime(ms, { locale: format.locale, now: format.now })}
    </time>
  );
}
