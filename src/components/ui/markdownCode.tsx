import { CopyButton } from "./CopyButton";
import { highlightText } from "./HighlightText";

export interface MarkdownCodeProps {
  code: string;
  /** The fence's language word, shown as the label; empty for indented code. */
  language: string;
  /** Search text to mark. */
  highlight?: string;
}

/** A fenced or indented code block: language label and copy button above the code. */
export function MarkdownCode({ code, language, highlight }: MarkdownCodeProps) {
  const label = language.length > 40 ? `${language.slice(0, 40)}…` : language;
  return (
    <div data-slot="markdown-code" className="tl:my-1 tl:overflow-hidden tl:rounded-tl tl:border tl:border-border tl:bg-bg-subtle">
      <div data-slot="markdown-code-toolbar" className="tl:flex tl:items-center tl:justify-between tl:gap-2 tl:border-b tl:border-border tl:px-2 tl:py-0.5 tl:whitespace-normal">
        <span className="tl:font-code tl:text-xs tl:text-muted">{label || "code"}</span>
        <CopyButton value={code} description={label ? `${label} code` : "code"} />
      </div>
      <pre className="tl:m-0 tl:whitespace-pre-wrap tl:break-all tl:p-2 tl:font-code tl:text-xs">
        <code data-language={language || undefined}>{highlightText(code, highlight)}</code>
      </pre>
    </div>
  );
}
