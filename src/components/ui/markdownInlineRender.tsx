/**
 * Inline markdown tokens → React elements. Text stays text (React escapes it); an `href` is only
 * ever a URL safeLinkUrl accepted, an image only ever goes through PolicyImage (the media policy).
 */
import { Fragment, type ReactNode } from "react";
import type { Token } from "markdown-it";
import { highlightText } from "./HighlightText";
import { PolicyImage } from "./MediaGate";
import type { MediaPolicy } from "./mediaPolicy";
import { safeLinkUrl } from "./safeUrl";

export interface MarkdownRenderContext {
  highlight: string | undefined;
  renderText: ((text: string) => ReactNode) | undefined;
  mediaPolicy: MediaPolicy;
}

const attr = (token: Token, name: string): string => {
  const found = token.attrs?.find((pair) => pair[0] === name);
  return found ? String(found[1]) : "";
};

/** Index of the token closing the one opened at `open` (same level, nesting -1). */
export function closingIndex(tokens: readonly Token[], open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return end - 1;
}

/** Alt text: the plain text of an image description, as CommonMark defines it. */
export function plainText(tokens: readonly Token[] | null): string {
  let text = "";
  for (const token of tokens ?? []) {
    if (token.type === "text" || token.type === "text_special" || token.type === "code_inline" || token.type === "html_inline") text += token.content;
    else if (token.type === "softbreak" || token.type === "hardbreak") text += "\n";
    else if (token.type === "image") text += plainText(token.children);
  }
  return text;
}

const INLINE_TAG: Record<string, "em" | "strong" | "del"> = { em_open: "em", strong_open: "strong", s_open: "del" };

function link(tokens: readonly Token[], i: number, close: number, ctx: MarkdownRenderContext, key: string): ReactNode {
  const open = tokens[i]!;
  const raw = attr(open, "href");
  const href = safeLinkUrl(raw);
  const title = attr(open, "title") || undefined;
  // Plain text inside: a custom renderText may draw buttons, which must not nest in a link.
  const words = renderInline(tokens, i + 1, close, { ...ctx, renderText: undefined }, `${key}.`);
  if (!href) {
    // Not an allowed target: the words stay, the address is shown as inert text.
    return (
      <span key={key} data-slot="markdown-blocked-link" title={title}>
        {words}
        {raw && <span className="tl:text-muted"> ({raw.length > 200 ? `${raw.slice(0, 200)}…` : raw})</span>}
      </span>
    );
  }
  return (
    <a key={key} href={href} title={title} target="_blank" rel="noopener noreferrer nofollow" className="tl:text-accent tl:underline tl:break-words">
      {words}
    </a>
  );
}

/** Inline tokens `[start, end)` as React nodes. */
export function renderInline(tokens: readonly Token[], start: number, end: number, ctx: MarkdownRenderContext, key = ""): ReactNode[] {
  const nodes: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    const k = `${key}${i}`;
    if (token.nesting === 1) {
      const close = closingIndex(tokens, i, end);
      const tag = INLINE_TAG[token.type];
      if (token.type === "link_open") nodes.push(link(tokens, i, close, ctx, k));
      else if (tag === "em") nodes.push(<em key={k}>{renderInline(tokens, i + 1, close, ctx, `${k}.`)}</em>);
      else if (tag === "strong") nodes.push(<strong key={k}>{renderInline(tokens, i + 1, close, ctx, `${k}.`)}</strong>);
      else if (tag === "del") nodes.push(<del key={k}>{renderInline(tokens, i + 1, close, ctx, `${k}.`)}</del>);
      // An opening token of a kind not drawn here keeps its content.
      else nodes.push(...renderInline(tokens, i + 1, close, ctx, `${k}.`));
      i = close;
      continue;
    }
    switch (token.type) {
      case "text":
      case "text_special":
      // Raw HTML is off, so these do not occur; were they to, they would be text like any other.
      case "html_inline":
        nodes.push(<Fragment key={k}>{ctx.renderText ? ctx.renderText(token.content) : highlightText(token.content, ctx.highlight)}</Fragment>);
        break;
      case "softbreak":
        nodes.push("\n");
        break;
      case "hardbreak":
        nodes.push(<br key={k} />);
        break;
      case "code_inline":
        nodes.push(
          <code key={k} className="tl:rounded-sm tl:bg-bg-subtle tl:px-1 tl:font-code tl:text-[0.9em]">
            {highlightText(token.content, ctx.highlight)}
          </code>,
        );
        break;
      case "image":
        nodes.push(
          <PolicyImage key={k} src={attr(token, "src")} alt={plainText(token.children)} title={attr(token, "title")} mediaPolicy={ctx.mediaPolicy} data-slot="markdown-image" />,
        );
        break;
      default:
        // A closing token without its opening (cannot happen in markdown-it output): nothing to draw.
        if (token.nesting !== -1 && token.content) nodes.push(<Fragment key={k}>{token.content}</Fragment>);
    }
  }
  return nodes;
}
