import { forwardRef, useMemo, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import { cn } from "./cn";
import { highlightText } from "./HighlightText";
import { parseMarkdown } from "./markdownParse";
import type { MdBlock, MdInline } from "./markdownTypes";
import { safeImageUrl, safeLinkUrl, SAFE_DATA_IMAGE_MAX_CHARS } from "./safeUrl";

/** Longer texts are shown as plain text: markdown would cost more than it gives (Langfuse draws the line at 150k). */
export const SAFE_MARKDOWN_MAX_CHARS = 100_000;

interface RenderOptions {
  highlight: string | undefined;
  maxImageChars: number;
  renderText: ((text: string) => ReactNode) | undefined;
}

function inline(nodes: readonly MdInline[], o: RenderOptions, key = ""): ReactNode[] {
  return nodes.map((node, i) => {
    const k = `${key}${i}`;
    switch (node.t) {
      case "text":
        return <span key={k}>{o.renderText ? o.renderText(node.v) : highlightText(node.v, o.highlight)}</span>;
      case "br":
        return <br key={k} />;
      case "code":
        return (
          <code key={k} className="tl:rounded-sm tl:bg-bg-subtle tl:px-1 tl:font-code tl:text-[0.9em]">
            {highlightText(node.v, o.highlight)}
          </code>
        );
      case "em":
        return <em key={k}>{inline(node.c, o, `${k}.`)}</em>;
      case "strong":
        return <strong key={k}>{inline(node.c, o, `${k}.`)}</strong>;
      case "del":
        return <del key={k}>{inline(node.c, o, `${k}.`)}</del>;
      case "link": {
        const href = safeLinkUrl(node.href);
        if (!href) {
          // Not an allowed target: keep the words and show the destination as inert text.
          return (
            <span key={k} data-slot="markdown-blocked-link">
              {inline(node.c, o, `${k}.`)}
              <span className="tl:text-muted"> ({node.href.slice(0, 200)})</span>
            </span>
          );
        }
        return (
          <a key={k} href={href} target="_blank" rel="noopener noreferrer nofollow" className="tl:text-accent tl:underline tl:break-words">
            {/* Plain text inside: a custom renderer may draw buttons, which must not nest in a link. */}
            {inline(node.c, { ...o, renderText: undefined }, `${k}.`)}
          </a>
        );
      }
      case "image": {
        const src = safeImageUrl(node.src, o.maxImageChars);
        if (!src.ok) {
          return (
            <span key={k} data-slot="markdown-blocked-image" className="tl:text-muted">
              [image{node.alt ? `: ${node.alt}` : ""} not shown: {src.reason === "too-large" ? "too large" : "address not allowed"}]
            </span>
          );
        }
        return (
          <img
            key={k}
            src={src.url}
            alt={node.alt}
            loading="lazy"
            referrerPolicy="no-referrer"
            className="tl:inline-block tl:max-h-[400px] tl:max-w-full tl:rounded-tl"
          />
        );
      }
    }
  });
}

const HEADING_SIZE = ["tl:text-lg", "tl:text-base", "tl:text-sm", "tl:text-sm", "tl:text-sm", "tl:text-sm"];

function blocks(nodes: readonly MdBlock[], o: RenderOptions, key = ""): ReactNode[] {
  return nodes.map((node, i) => {
    const k = `${key}${i}`;
    switch (node.t) {
      case "p":
        return <p key={k} dir="auto" className="tl:my-1">{inline(node.c, o, `${k}.`)}</p>;
      case "h":
        // Rendered as styled text, not <h1>–<h6>: model output must not reshape the host page's outline.
        return (
          <p key={k} dir="auto" data-slot="markdown-heading" className={cn("tl:my-1.5 tl:font-semibold", HEADING_SIZE[node.level - 1])}>
            {inline(node.c, o, `${k}.`)}
          </p>
        );
      case "code":
        return (
          <pre key={k} className="tl:my-1 tl:whitespace-pre-wrap tl:break-all tl:rounded-tl tl:bg-bg-subtle tl:p-2 tl:font-code tl:text-xs">
            <code data-language={node.lang || undefined}>{highlightText(node.v, o.highlight)}</code>
          </pre>
        );
      case "quote":
        return (
          <blockquote key={k} dir="auto" className="tl:my-1 tl:border-l-2 tl:border-border tl:pl-2 tl:text-muted">
            {blocks(node.c, o, `${k}.`)}
          </blockquote>
        );
      case "list": {
        const items = node.items.map((item, j) => <li key={j} dir="auto">{blocks(item, o, `${k}.${j}.`)}</li>);
        return node.ordered ? (
          <ol key={k} start={node.start} className="tl:my-1 tl:list-decimal tl:pl-5">{items}</ol>
        ) : (
          <ul key={k} className="tl:my-1 tl:list-disc tl:pl-5">{items}</ul>
        );
      }
      case "hr":
        return <hr key={k} className="tl:my-2 tl:border-border" />;
      case "table":
        return (
          <div key={k} tabIndex={0} role="group" aria-label="Table" className="tl:my-1 tl:overflow-x-auto tl:focus-visible:outline-2 tl:focus-visible:outline-focus">
            <table className="tl:border-collapse tl:text-xs">
              <thead>
                <tr>
                  {node.head.map((cell, c) => (
                    <th key={c} className="tl:border tl:border-border tl:px-2 tl:py-1" style={{ textAlign: node.align[c] ?? undefined }}>
                      {inline(cell, o, `${k}.h${c}.`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {node.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c} className="tl:border tl:border-border tl:px-2 tl:py-1" style={{ textAlign: node.align[c] ?? undefined }}>
                        {inline(cell, o, `${k}.${r}.${c}.`)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
    }
  });
}

export interface SafeMarkdownProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** Markdown text from a model or a user. Raw HTML in it is shown as text, never interpreted. */
  text: string;
  /** Marks occurrences of this text. */
  highlight?: string;
  /** Longest `data:image/*` URL drawn. @default SAFE_DATA_IMAGE_MAX_CHARS */
  maxImageChars?: number;
  /**
   * Draws each run of plain prose (not code, not link targets) instead of `highlight`, e.g. to turn
   * line references into buttons. What it returns is rendered as React children, never as HTML.
   */
  renderText?: (text: string) => ReactNode;
}

/**
 * Markdown rendered to React elements by tracelens' own parser: no HTML, links only to http(s)
 * (opened in a new tab without referrer), images only from http(s) or size-capped raster data
 * URLs. Texts over SAFE_MARKDOWN_MAX_CHARS are shown as plain text.
 */
export const SafeMarkdown = forwardRef(function SafeMarkdown(
  { text, highlight, maxImageChars = SAFE_DATA_IMAGE_MAX_CHARS, renderText, className, ...rest }: SafeMarkdownProps,
  ref: Ref<HTMLDivElement>,
) {
  const source = typeof text === "string" ? text : String(text ?? "");
  const parsed = useMemo(() => (source.length <= SAFE_MARKDOWN_MAX_CHARS ? parseMarkdown(source) : null), [source]);
  return (
    <div {...rest} ref={ref} data-slot="safe-markdown" className={cn("tl:break-words tl:text-sm", className)}>
      {parsed ? (
        blocks(parsed, { highlight, maxImageChars, renderText })
      ) : (
        <p dir="auto" className="tl:whitespace-pre-wrap">{renderText ? renderText(source) : highlightText(source, highlight)}</p>
      )}
    </div>
  );
});
SafeMarkdown.displayName = "SafeMarkdown";
