import type { ReactNode } from "react";

/** Most matches marked in one string; the rest of the text stays plain so huge texts stay cheap. */
const MAX_MARKS = 500;

/**
 * `text` with every case-insensitive occurrence of `query` wrapped in `<mark>`, as React nodes.
 * Lower-casing keeps string lengths for the scripts tracelens meets; where it would not (a few
 * special characters), the text is returned unmarked rather than marked at the wrong place.
 */
export function highlightText(text: string, query: string | undefined): ReactNode {
  if (!query || !text) return text;
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return text;
  const needle = query.toLowerCase();
  const nodes: ReactNode[] = [];
  let cursor = 0;
  for (let at = lower.indexOf(needle); at >= 0 && nodes.length < MAX_MARKS * 2; at = lower.indexOf(needle, cursor)) {
    if (at > cursor) nodes.push(text.slice(cursor, at));
    nodes.push(
      <mark key={at} data-slot="highlight" className="tl:rounded-sm tl:bg-(color:--tl-highlight-bg) tl:text-fg">
        {text.slice(at, at + needle.length)}
      </mark>,
    );
    cursor = at + needle.length;
  }
  if (nodes.length === 0) return text;
  if (cursor < text.length) nodes.push(text.slice(cursor));
  return nodes;
}

/** A string with the search query marked. */
export function HighlightText({ text, query }: { text: string; query?: string }) {
  return <>{highlightText(text, query)}</>;
}
