/**
 * Block markdown tokens → React elements. Headings are styled paragraphs (model output must not
 * reshape the host page's outline); tables scroll sideways and stop drawing cells past a budget;
 * inline content too long to format is shown as text, with a note saying so.
 */
import { Fragment, type ReactNode } from "react";
import type { Token } from "markdown-it";
import { cn } from "./cn";
import { highlightText } from "./HighlightText";
import { MarkdownCode } from "./markdownCode";
import { fenceLanguage, inlineOf, type MarkdownDocument, type MarkdownTask } from "./markdownEngine";
import { closingIndex, renderInline, type MarkdownRenderContext } from "./markdownInlineRender";

/** Most table cells drawn as a table; the rows after that are shown as their source text. */
export const MD_MAX_TABLE_CELLS = 5_000;

const HEADING_SIZE: Record<string, string> = { h1: "tl:text-lg", h2: "tl:text-base" };
const NOTE = "tl:text-xs tl:italic tl:text-muted";

function inlineContent(doc: MarkdownDocument, token: Token, ctx: MarkdownRenderContext, key: string): ReactNode {
  const task = (token.meta as { task?: MarkdownTask } | null)?.task;
  const box = task && (
    <input
      type="checkbox"
      checked={task.checked}
      disabled
      readOnly
      aria-label={task.checked ? "Done" : "Not done"}
      className="tl:mr-1 tl:align-middle"
    />
  );
  const children = inlineOf(doc, token);
  if (!children) {
    return (
      <>
        {box}
        {ctx.renderText ? ctx.renderText(token.content) : highlightText(token.content, ctx.highlight)}
        <span data-slot="markdown-note" className={NOTE}> (not formatted: {token.content.length.toLocaleString("en-US")} characters in one block)</span>
      </>
    );
  }
  return (
    <>
      {box}
      {renderInline(children, 0, children.length, ctx, key)}
    </>
  );
}

const alignOf = (token: Token) => {
  const style = String(token.attrs?.find((pair) => pair[0] === "style")?.[1] ?? "");
  const align = /text-align:(left|center|right)/.exec(style)?.[1];
  return align as "left" | "center" | "right" | undefined;
};

function table(doc: MarkdownDocument, tokens: readonly Token[], open: number, close: number, ctx: MarkdownRenderContext, key: string): ReactNode {
  let cells = 0;
  let headerCells = 0;
  let cutLine: number | null = null;
  let cutAt = close;
  for (let i = open; i < close; i++) {
    const token = tokens[i]!;
    if (token.type === "tr_open" && cells >= MD_MAX_TABLE_CELLS) {
      cutLine = token.map?.[0] ?? null;
      cutAt = i;
      break;
    }
    if (token.type === "td_open" || token.type === "th_open") cells++;
    if (token.type === "th_open") headerCells++;
  }
  // A header row alone over the budget: the whole table is shown as text.
  if (headerCells >= MD_MAX_TABLE_CELLS) {
    cutAt = open;
    cutLine = tokens[open]!.map?.[0] ?? 0;
  }
  const tableEnd = tokens[open]!.map?.[1] ?? cutLine ?? 0;
  const rest = cutLine !== null && (
    <>
      <p data-slot="markdown-note" className={NOTE}>
        {cutAt === open ? "A table this wide is shown as text." : `Rows after the first ${MD_MAX_TABLE_CELLS.toLocaleString("en-US")} cells are shown as text.`}
      </p>
      <p className="tl:m-0 tl:whitespace-pre-wrap tl:font-code tl:text-xs">{doc.lines.slice(cutLine, tableEnd).join("\n")}</p>
    </>
  );
  if (cutAt === open) return <div key={key} data-slot="markdown-table" className="tl:my-1">{rest}</div>;
  // Rows past the budget: the table is closed early and the rest shown as source text.
  const body = cutAt === close ? renderBlocks(doc, tokens, open + 1, close, ctx, `${key}.`) : renderTablePart(doc, tokens, open + 1, cutAt, ctx, `${key}.`);
  return (
    <div key={key} data-slot="markdown-table" className="tl:my-1">
      <div tabIndex={0} role="group" aria-label="Table" className="tl:overflow-x-auto tl:focus-visible:outline-2 tl:focus-visible:outline-focus">
        <table className="tl:border-collapse tl:text-xs">{body}</table>
      </div>
      {rest}
    </div>
  );
}

/** Table parts up to a cut inside the body: the open tbody is closed by React, not by a token. */
function renderTablePart(doc: MarkdownDocument, tokens: readonly Token[], start: number, cut: number, ctx: MarkdownRenderContext, key: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  for (let i = start; i < cut; i++) {
    const token = tokens[i]!;
    if (token.type === "tbody_open") {
      nodes.push(<tbody key={`${key}${i}`}>{renderBlocks(doc, tokens, i + 1, cut, ctx, `${key}${i}.`)}</tbody>);
      break;
    }
    const close = closingIndex(tokens, i, cut);
    nodes.push(...renderBlocks(doc, tokens, i, close + 1, ctx, key));
    i = close;
  }
  return nodes;
}

function element(doc: MarkdownDocument, tokens: readonly Token[], i: number, close: number, ctx: MarkdownRenderContext, k: string): ReactNode {
  const token = tokens[i]!;
  const inner = () => renderBlocks(doc, tokens, i + 1, close, ctx, `${k}.`);
  switch (token.type) {
    case "paragraph_open":
      // Tight list items hide their paragraphs.
      return token.hidden ? inner() : <p key={k} dir="auto" className="tl:my-1">{inner()}</p>;
    case "heading_open":
      return (
        <p key={k} dir="auto" data-slot="markdown-heading" data-level={token.tag.slice(1)} className={cn("tl:my-1.5 tl:font-semibold", HEADING_SIZE[token.tag] ?? "tl:text-sm")}>
          {inner()}
        </p>
      );
    case "blockquote_open":
      return <blockquote key={k} dir="auto" className="tl:my-1 tl:border-l-2 tl:border-border tl:pl-2 tl:text-muted">{inner()}</blockquote>;
    case "bullet_list_open":
      return <ul key={k} className="tl:my-1 tl:list-disc tl:pl-5">{inner()}</ul>;
    case "ordered_list_open": {
      const start = Number(token.attrs?.find((pair) => pair[0] === "start")?.[1] ?? 1);
      return <ol key={k} start={Number.isFinite(start) && start !== 1 ? start : undefined} className="tl:my-1 tl:list-decimal tl:pl-5">{inner()}</ol>;
    }
    case "list_item_open":
      return <li key={k} dir="auto">{inner()}</li>;
    case "table_open":
      return table(doc, tokens, i, close, ctx, k);
    case "thead_open":
      return <thead key={k}>{inner()}</thead>;
    case "tbody_open":
      return <tbody key={k}>{inner()}</tbody>;
    case "tr_open":
      return <tr key={k}>{inner()}</tr>;
    case "th_open":
      return <th key={k} className="tl:border tl:border-border tl:px-2 tl:py-1" style={{ textAlign: alignOf(token) }}>{inner()}</th>;
    case "td_open":
      return <td key={k} className="tl:border tl:border-border tl:px-2 tl:py-1" style={{ textAlign: alignOf(token) }}>{inner()}</td>;
    default:
      return inner();
  }
}

/** Block tokens `[start, end)` as React nodes. */
export function renderBlocks(doc: MarkdownDocument, tokens: readonly Token[], start: number, end: number, ctx: MarkdownRenderContext, key = ""): ReactNode[] {
  const nodes: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    const k = `${key}${i}`;
    if (token.nesting === 1) {
      const close = closingIndex(tokens, i, end);
      nodes.push(element(doc, tokens, i, close, ctx, k));
      i = close;
      continue;
    }
    switch (token.type) {
      case "inline":
        nodes.push(<Fragment key={k}>{inlineContent(doc, token, ctx, `${k}.`)}</Fragment>);
        break;
      case "fence":
        nodes.push(<MarkdownCode key={k} code={token.content} language={fenceLanguage(token)} highlight={ctx.highlight} />);
        break;
      case "code_block":
        nodes.push(<MarkdownCode key={k} code={token.content} language="" highlight={ctx.highlight} />);
        break;
      case "hr":
        nodes.push(<hr key={k} className="tl:my-2 tl:border-border" />);
        break;
      case "html_block":
        // Raw HTML is off, so this does not occur; were it to, it would be text.
        nodes.push(<p key={k} className="tl:my-1 tl:whitespace-pre-wrap">{token.content}</p>);
        break;
    }
  }
  return nodes;
}
