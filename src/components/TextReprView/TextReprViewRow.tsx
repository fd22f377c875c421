import { memo, type ReactNode } from "react";
import { formatCount } from "../../core/intlFormatters";
import { cn } from "../ui/cn";
import { safeLinkUrl } from "../ui/safeUrl";
import { markerText, type TextReprPiece, type TextReprRow } from "./textReprViewModel";

/** Longer text pieces are cut until asked for, so one giant line cannot stall layout. */
export const TEXT_REPR_PIECE_MAX_CHARS = 10_000;

const URL_START = /https?:\/\//g;

/** Plain text with http(s) URLs turned into links (PostHog does the same). */
function linkify(text: string): ReactNode {
  if (!text.includes("http")) return text;
  const nodes: ReactNode[] = [];
  let cursor = 0;
  for (const match of text.matchAll(URL_START)) {
    const start = match.index ?? 0;
    if (start < cursor || (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1] as string))) continue;
    let end = start;
    while (end < text.length && !/[\s<>"'`]/.test(text[end] as string)) end++;
    while (end > start && ".,;:!?)]}".includes(text[end - 1] as string)) end--;
    const href = safeLinkUrl(text.slice(start, end));
    if (!href || end - start < 10) continue;
    if (start > cursor) nodes.push(text.slice(cursor, start));
    nodes.push(
      <a key={start} href={href} target="_blank" rel="noopener noreferrer nofollow" className="tl:text-accent tl:underline">
        {text.slice(start, end)}
      </a>,
    );
    cursor = end;
  }
  if (nodes.length === 0) return text;
  if (cursor < text.length) nodes.push(text.slice(cursor));
  return nodes;
}

const markerButton =
  "tl:cursor-pointer tl:rounded-sm tl:border-0 tl:bg-transparent tl:p-0 tl:font-code tl:text-accent tl:underline tl:decoration-dotted tl:underline-offset-2 tl:focus-visible:outline-2 tl:focus-visible:outline-focus";

export interface TextReprViewRowProps {
  row: TextReprRow;
  index: number;
  count: number;
  start: number;
  highlighted: boolean;
  gutterWidth: number;
  showGutter: boolean;
  wrap: boolean;
  fullText: boolean;
  onToggle: (key: string) => void;
  onShowFullText: (key: string) => void;
  onSelectEvent?: (eventId: string) => void;
  onLineNumberClick?: (lineNumber: number) => void;
  measure: (node: Element | null) => void;
}

function Piece({ piece, props, index }: { piece: TextReprPiece; props: TextReprViewRowProps; index: number }) {
  const { onToggle, onSelectEvent } = props;
  if (piece.kind === "text" || piece.kind === "truncatedText") {
    const cut = !props.fullText && piece.text.length > TEXT_REPR_PIECE_MAX_CHARS;
    const text = cut ? piece.text.slice(0, TEXT_REPR_PIECE_MAX_CHARS) : piece.text;
    return (
      <span className={piece.kind === "truncatedText" ? "tl:bg-bg-subtle" : undefined} data-slot={piece.kind === "truncatedText" ? "text-repr-expanded" : undefined}>
        {cut ? text : linkify(text)}
        {cut && (
          <button type="button" className={cn(markerButton, "tl:ml-1 tl:font-body")} onClick={() => props.onShowFullText(props.row.key)}>
            … show {formatCount(piece.text.length - TEXT_REPR_PIECE_MAX_CHARS)} more characters
          </button>
        )}
      </span>
    );
  }
  if (piece.kind === "collapse") {
    return (
      <button type="button" className={cn(markerButton, "tl:ml-1")} onClick={() => onToggle(piece.key)} aria-label="Collapse the expanded text">
        [collapse]
      </button>
    );
  }
  const { segment, key, expanded } = piece;
  switch (segment.kind) {
    case "truncated":
      return (
        <button type="button" data-slot="text-repr-marker" data-marker="truncated" className={markerButton} aria-expanded={false} onClick={() => onToggle(key)}>
          {markerText(segment)}
        </button>
      );
    case "toolsExpandable":
      return (
        <button type="button" data-slot="text-repr-marker" data-marker="tools" className={markerButton} aria-expanded={expanded} onClick={() => onToggle(key)}>
          {expanded ? "[−]" : "[+]"} {segment.label}
        </button>
      );
    case "eventLink":
      return onSelectEvent ? (
        <button type="button" data-slot="text-repr-marker" data-marker="event-link" className={markerButton} onClick={() => onSelectEvent(segment.eventId)} aria-label={`Select event ${segment.label}`}>
          {segment.label}
        </button>
      ) : (
        <span>{segment.label}</span>
      );
    case "genExpandable": {
      const tag = segment.tag ?? "[EVENT]";
      return (
        <span data-slot="text-repr-marker" data-marker="gen" data-state={expanded ? "open" : "closed"} key={index}>
          {onSelectEvent ? (
            <button type="button" className={markerButton} onClick={() => onSelectEvent(segment.eventId)} aria-label={`Select ${tag.replace(/[[\]]/g, "")} ${segment.summary}`}>
              {tag}
            </button>
          ) : (
            <span className="tl:font-semibold">{tag}</span>
          )}{" "}
          <button type="button" className={markerButton} aria-expanded={expanded} onClick={() => onToggle(key)} aria-label={`${expanded ? "Collapse" : "Expand"} ${segment.summary}`}>
            {expanded ? "[−]" : "[+]"}
          </button>{" "}
          {segment.summary}
        </span>
      );
    }
  }
}

/** One display row: gutter number, indentation and pieces. */
export const TextReprViewRow = memo(function TextReprViewRow(props: TextReprViewRowProps) {
  const { row, index, count, start, highlighted, gutterWidth, showGutter, wrap, onLineNumberClick, measure } = props;
  return (
    <div
      ref={measure}
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={count}
      aria-current={highlighted || undefined}
      tabIndex={highlighted ? -1 : undefined}
      data-index={index}
      data-slot="text-repr-line"
      data-line={row.gutter ?? undefined}
      data-highlighted={highlighted || undefined}
      className={cn(
        "tl:absolute tl:left-0 tl:top-0 tl:flex tl:box-border tl:w-full tl:border-l-4 tl:leading-[18px]",
        "tl:focus-visible:outline-2 tl:focus-visible:outline-focus",
        highlighted ? "tl:border-(color:--tl-highlight-border) tl:bg-(color:--tl-highlight-bg)" : "tl:border-transparent",
      )}
      style={{ transform: `translateY(${start}px)` }}
    >
      {showGutter && (
        <span className={cn("tl:shrink-0 tl:select-none tl:pr-2 tl:text-right", highlighted ? "tl:text-fg" : "tl:text-muted")} style={{ width: `${gutterWidth + 1}ch` }}>
          {row.gutter === null ? null : onLineNumberClick ? (
            <button
              type="button"
              className="tl:cursor-pointer tl:border-0 tl:bg-transparent tl:p-0 tl:font-code tl:text-inherit tl:hover:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
              onClick={() => onLineNumberClick(row.gutter as number)}
              aria-label={`Line ${row.gutter}`}
            >
              {row.gutter}
            </button>
          ) : (
            row.gutter
          )}
        </span>
      )}
      <span
        className={cn("tl:min-w-0 tl:flex-1", wrap ? "tl:whitespace-pre-wrap tl:break-all" : "tl:whitespace-pre")}
        style={row.depth > 0 ? { paddingLeft: `${Math.min(row.depth, 8) * 2}ch` } : undefined}
      >
        {row.depth > 0 && <span aria-hidden="true" className="tl:mr-1 tl:border-l tl:border-border" />}
        {row.pieces.length === 0 ? "\u200b" : row.pieces.map((piece, i) => <Piece key={i} piece={piece} props={props} index={i} />)}
      </span>
    </div>
  );
});
