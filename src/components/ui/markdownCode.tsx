import { startTransition, useEffect, useState, type ReactNode } from "react";
import { CopyButton } from "./CopyButton";
import { highlightText } from "./HighlightText";

/** Longest code block given syntax colours (longer ones stay plain, so colouring never blocks the page). */
export const MD_MAX_HIGHLIGHT_CHARS = 20_000;

type HighlightModule = typeof import("./codeHighlight");
let highlighter: Promise<HighlightModule> | null = null;

/** Syntax colours for `code`, once the highlighter chunk has loaded; null until then, or when there are none. */
function useSyntaxColours(code: string, language: string, search: string | undefined): ReactNode[] | null {
  const [coloured, setColoured] = useState<{ code: string; language: string; nodes: ReactNode[] | null } | null>(null);
  const wanted = Boolean(language) && !search && code.length <= MD_MAX_HIGHLIGHT_CHARS;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    highlighter ??= import("./codeHighlight").catch((error: unknown) => {
      highlighter = null;
      throw error;
    });
    highlighter.then(
      (module) => {
        if (!live) return;
        const nodes = module.highlightCode(code, language);
        startTransition(() => setColoured({ code, language, nodes }));
      },
      // Without the chunk the code stays plain, which is what it was.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [code, language, wanted]);
  return wanted && coloured?.code === code && coloured.language === language ? coloured.nodes : null;
}

export interface MarkdownCodeProps {
  code: string;
  /** The fence's language word, shown as the label; empty for indented code. */
  language: string;
  /** Search text to mark (marks win over syntax colours). */
  highlight?: string;
}

/** A fenced or indented code block: language label and copy button above the code, coloured when the language is known. */
export function MarkdownCode({ code, language, highlight }: MarkdownCodeProps) {
  const label = language.length > 40 ? `${language.slice(0, 40)}…` : language;
  const coloured = useSyntaxColours(code, language, highlight);
  return (
    <div data-slot="markdown-code" className="tl:my-1 tl:overflow-hidden tl:rounded-tl tl:border tl:border-border tl:bg-bg-subtle">
      <div data-slot="markdown-code-toolbar" className="tl:flex tl:items-center tl:justify-between tl:gap-2 tl:border-b tl:border-border tl:px-2 tl:py-0.5 tl:whitespace-normal">
        <span className="tl:font-code tl:text-xs tl:text-muted">{label || "code"}</span>
        <CopyButton value={code} description={label ? `${label} code` : "code"} />
      </div>
      <pre className="tl:m-0 tl:whitespace-pre-wrap tl:break-all tl:p-2 tl:font-code tl:text-xs">
        <code data-language={language || undefined} data-highlighted={coloured ? "" : undefined}>
          {coloured ?? highlightText(code, highlight)}
        </code>
      </pre>
    </div>
  );
}
