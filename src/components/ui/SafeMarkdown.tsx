import { forwardRef, memo, startTransition, useEffect, useMemo, useState, type ComponentPropsWithoutRef, type CSSProperties, type ReactNode, type Ref } from "react";
import { cn } from "./cn";
import { highlightText } from "./HighlightText";
import { useMarkdownBody } from "./markdownLoader";
import type { MediaPolicy, MediaPolicyOptions } from "./mediaPolicy";
import { useMediaPolicy } from "./mediaPolicyContext";

/** Characters formatted as markdown; the rest of a longer text is shown as plain text, with a note. */
export const SAFE_MARKDOWN_MAX_CHARS = 100_000;
/** Plain text is drawn in pieces of about this size, so no single text node is huge. */
const PLAIN_PIECE_CHARS = 20_000;

export interface SafeMarkdownProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** Markdown text from a model or a user. Raw HTML in it is shown as text, never interpreted. */
  text: string;
  /** Marks occurrences of this text. */
  highlight?: string;
  /**
   * Which images may load: remote ones wait for a click naming their host unless allowed ("allow", or
   * `{ allowOrigins }`); `data:` images load inline under a size cap. @default the provider's, else "ask"
   */
  mediaPolicy?: MediaPolicy;
  /** Longest `data:image/*` URL drawn (the policy's `maxDataUrlChars`, for compatibility). */
  maxImageChars?: number;
  /**
   * Draws each run of plain prose (not code, not link targets) instead of `highlight`, e.g. to turn
   * line references into buttons. What it returns is rendered as React children, never as HTML.
   */
  renderText?: (text: string) => ReactNode;
}

/** Last index of `needle` in `text` between `from` and `to`, scanning only that window (lastIndexOf would scan to the start). */
function lastIndexIn(text: string, needle: string, from: number, to: number): number {
  for (let i = to - needle.length; i >= from; i--) if (text.startsWith(needle, i)) return i;
  return -1;
}

/** Where to cut `text` at most `max` characters after `from`: a paragraph break near there, else a line break, never inside a surrogate pair. */
export function markdownCut(text: string, max: number, from = 0): number {
  const limit = from + max;
  if (text.length <= limit) return text.length;
  const window = from + Math.floor(max * 0.8);
  const paragraph = lastIndexIn(text, "\n\n", window, limit);
  if (paragraph > from) return paragraph;
  const line = lastIndexIn(text, "\n", window, limit);
  if (line > from) return line;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** A size guess for a piece not laid out yet (about 100 characters a line); `auto` keeps the real one once seen. */
function plainPieceStyle(piece: string): CSSProperties {
  let lines = 1;
  for (let at = piece.indexOf("\n"); at >= 0; at = piece.indexOf("\n", at + 1)) lines++;
  return { contentVisibility: "auto", containIntrinsicSize: `auto ${Math.round((lines + piece.length / 100) * 20)}px` };
}

interface PlainTextProps {
  text: string;
  highlight?: string;
  renderText?: (text: string) => ReactNode;
}

const PlainPiece = memo(function PlainPiece({ piece, style, highlight, renderText }: Omit<PlainTextProps, "text"> & { piece: string; style?: CSSProperties }) {
  return (
    // Pieces out of view skip layout (content-visibility), so a megabyte of text does not block the page.
    <div data-slot="markdown-plain" dir="auto" className="tl:whitespace-pre-wrap" style={style}>
      {renderText ? renderText(piece) : highlightText(piece, highlight)}
    </div>
  );
});

/**
 * Plain text in pieces of about PLAIN_PIECE_CHARS. Past the first piece the rest follows in a
 * transition, so React works through a long text in slices and the first paint is not held up by it.
 */
function PlainText({ text, highlight, renderText }: PlainTextProps) {
  const [shown, setShown] = useState<string | null>(null);
  const all = shown === text || text.length <= PLAIN_PIECE_CHARS;
  useEffect(() => {
    if (!all) startTransition(() => setShown(text));
  }, [all, text]);
  const pieces: string[] = [];
  for (let at = 0; at < text.length && (all || pieces.length === 0); ) {
    const end = Math.max(markdownCut(text, PLAIN_PIECE_CHARS, at), at + 1);
    pieces.push(text.slice(at, end));
    at = end;
  }
  const rest = all ? 0 : text.length - (pieces[0]?.length ?? 0);
  return (
    <>
      {pieces.map((piece, i) => (
        <PlainPiece key={i} piece={piece} style={pieces.length > 1 ? plainPieceStyle(piece) : undefined} highlight={highlight} renderText={renderText} />
      ))}
      {rest > 0 && <div data-slot="markdown-plain-pending" style={{ height: Math.round((rest / 100) * 20) }} />}
    </>
  );
}

function withDataLimit(policy: MediaPolicy, maxImageChars: number | undefined): MediaPolicy {
  if (maxImageChars === undefined) return policy;
  const options: MediaPolicyOptions = typeof policy === "string" ? { remote: policy } : policy;
  return { ...options, maxDataUrlChars: maxImageChars };
}

/**
 * Markdown (CommonMark and GFM: tables, task lists, strikethrough, autolinks) rendered to React
 * elements by tracelens' own renderer over markdown-it's tokens, never through an HTML string. Raw HTML
 * shows as text; links only to http(s) and mailto (new tab, no referrer); images under the media
 * policy. The parser loads lazily: until it arrives (and on the server) the text shows as plain text.
 * Past SAFE_MARKDOWN_MAX_CHARS the rest is plain text, with a note.
 */
export const SafeMarkdown = forwardRef(function SafeMarkdown(
  { text, highlight, mediaPolicy, maxImageChars, renderText, className, ...rest }: SafeMarkdownProps,
  ref: Ref<HTMLDivElement>,
) {
  const source = typeof text === "string" ? text : String(text ?? "");
  const policy = useMediaPolicy(mediaPolicy);
  const effective = useMemo(() => withDataLimit(policy, maxImageChars), [policy, maxImageChars]);
  const body = useMarkdownBody();
  const cut = markdownCut(source, SAFE_MARKDOWN_MAX_CHARS);
  const head = cut < source.length ? source.slice(0, cut) : source;
  const tail = cut < source.length ? source.slice(cut) : "";
  return (
    <div
      {...rest}
      ref={ref}
      data-slot="safe-markdown"
      data-state={body ? "formatted" : "plain"}
      className={cn("tl:break-words tl:text-sm tl:whitespace-pre-line", className)}
    >
      {body ? (
        <body.MarkdownBody source={head} highlight={highlight} renderText={renderText} mediaPolicy={effective} />
      ) : (
        <PlainText text={head} highlight={highlight} renderText={renderText} />
      )}
      {tail && (
        <>
          <p data-slot="markdown-cut-note" className="tl:my-1 tl:text-xs tl:italic tl:text-muted">
            The text goes on for {tail.length.toLocaleString("en-US")} more characters, shown as plain text: formatting stops after{" "}
            {SAFE_MARKDOWN_MAX_CHARS.toLocaleString("en-US")} characters.
          </p>
          <PlainText text={tail} highlight={highlight} renderText={renderText} />
        </>
      )}
    </div>
  );
});
SafeMarkdown.displayName = "SafeMarkdown";
