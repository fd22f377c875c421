import { useState } from "react";
import { LINK_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { highlightText } from "../ui/HighlightText";
import { JsonView } from "../ui/JsonView";
import { parseJsonObjectText } from "../ui/jsonViewModel";
import { looksLikeMarkdown } from "../ui/markdownDetect";
import { SAFE_MARKDOWN_MAX_CHARS, SafeMarkdown } from "../ui/SafeMarkdown";

/** Characters of one text shown before "Show all" (a 300 KB log must not block the page). */
export const MESSAGE_TEXT_PREVIEW_CHARS = 20_000;

export interface TraceDetailTextProps {
  text: string;
  highlight?: string;
  /** Render as markdown when it looks like markdown. @default true */
  markdown?: boolean;
}

/** One text part: JSON → viewer, markdown → safe markdown, else pre-wrapped text; cut when long. */
export function TraceDetailText({ text, highlight, markdown = true }: TraceDetailTextProps) {
  const [all, setAll] = useState(false);
  const long = text.length > MESSAGE_TEXT_PREVIEW_CHARS;
  const json = !long ? parseJsonObjectText(text) : null;
  if (json) return <JsonView value={json.value} defaultExpandDepth={3} highlight={highlight} />;
  const shown = long && !all ? text.slice(0, MESSAGE_TEXT_PREVIEW_CHARS) : text;
  const asMarkdown = markdown && shown.length <= SAFE_MARKDOWN_MAX_CHARS && looksLikeMarkdown(shown);
  return (
    <div data-slot="message-text" className="tl:flex tl:flex-col tl:gap-1">
      {asMarkdown ? (
        <SafeMarkdown text={shown} highlight={highlight} />
      ) : (
        <p dir="auto" className={cn("tl:m-0 tl:whitespace-pre-wrap tl:break-words tl:text-sm")}>{highlightText(shown, highlight)}</p>
      )}
      {long && (
        <button
          type="button"
          onClick={() => setAll(!all)}
          className={cn("tl:self-start", LINK_BUTTON)}
        >
          {all ? "Show less" : `Show all ${text.length.toLocaleString("en-US")} characters`}
        </button>
      )}
    </div>
  );
}
