/**
 * SafeMarkdown's formatted body, loaded lazily (its own chunk with markdown-it). The text is drawn in
 * groups of top-level blocks: the first groups at once, the rest in a transition, so React draws them
 * in slices between which the page stays responsive; each group parses its inline content as it draws.
 */
import { memo, startTransition, useEffect, useMemo, useState, type ReactNode } from "react";
import { highlightText } from "./HighlightText";
import { renderBlocks } from "./markdownBlockRender";
import { parseMarkdown, type MarkdownBlock, type MarkdownDocument } from "./markdownEngine";
import type { MarkdownRenderContext } from "./markdownInlineRender";
import type { MediaPolicy } from "./mediaPolicy";

/** Source characters per group of blocks (a group is the unit one render slice draws). */
const GROUP_CHARS = 6_000;
/** Characters formatted in the first render; later groups show as text until their transition draws them. */
const FIRST_RENDER_CHARS = 12_000;

interface BlockGroup {
  blocks: MarkdownBlock[];
  chars: number;
}

function groupBlocks(doc: MarkdownDocument): BlockGroup[] {
  const groups: BlockGroup[] = [];
  let current: BlockGroup = { blocks: [], chars: 0 };
  for (const block of doc.blocks) {
    let chars = 0;
    for (let line = block.lines[0]; line < block.lines[1]; line++) chars += (doc.lines[line]?.length ?? 0) + 1;
    if (current.blocks.length > 0 && current.chars + chars > GROUP_CHARS) {
      groups.push(current);
      current = { blocks: [], chars: 0 };
    }
    current.blocks.push(block);
    current.chars += chars;
  }
  if (current.blocks.length > 0) groups.push(current);
  return groups;
}

const sourceOf = (doc: MarkdownDocument, blocks: readonly MarkdownBlock[]) =>
  blocks.length ? doc.lines.slice(blocks[0]!.lines[0], blocks[blocks.length - 1]!.lines[1]).join("\n") : "";

function PlainSource({ text, ctx }: { text: string; ctx: MarkdownRenderContext }) {
  return <div className="tl:my-1 tl:whitespace-pre-wrap">{ctx.renderText ? ctx.renderText(text) : highlightText(text, ctx.highlight)}</div>;
}

const Group = memo(function Group({ doc, group, ctx }: { doc: MarkdownDocument; group: BlockGroup; ctx: MarkdownRenderContext }) {
  const nodes: ReactNode[] = [];
  for (const block of group.blocks) {
    if (!block.tooDeep) {
      nodes.push(...renderBlocks(doc, doc.tokens, block.start, block.end, ctx));
      continue;
    }
    nodes.push(
      <div key={block.start} data-slot="markdown-too-deep">
        <p data-slot="markdown-note" className="tl:my-1 tl:text-xs tl:italic tl:text-muted">Nested too deeply to format; shown as text.</p>
        <PlainSource text={sourceOf(doc, [block])} ctx={ctx} />
      </div>,
    );
  }
  return nodes;
});

export interface MarkdownBodyProps {
  source: string;
  highlight: string | undefined;
  renderText: ((text: string) => ReactNode) | undefined;
  mediaPolicy: MediaPolicy;
}

/** Formatted markdown, in groups; `source` is already within SafeMarkdown's size cap. */
export function MarkdownBody({ source, highlight, renderText, mediaPolicy }: MarkdownBodyProps) {
  const doc = useMemo(() => parseMarkdown(source), [source]);
  const groups = useMemo(() => groupBlocks(doc), [doc]);
  const first = useMemo(() => {
    let chars = 0;
    let count = 0;
    while (count < groups.length && (count === 0 || chars + groups[count]!.chars <= FIRST_RENDER_CHARS)) chars += groups[count++]!.chars;
    return count;
  }, [groups]);
  const [drawn, setDrawn] = useState<{ doc: MarkdownDocument; count: number } | null>(null);
  const count = drawn?.doc === doc ? drawn.count : first;
  useEffect(() => {
    if (count < groups.length) startTransition(() => setDrawn({ doc, count: groups.length }));
  }, [doc, count, groups.length]);
  const ctx = useMemo<MarkdownRenderContext>(() => ({ highlight, renderText, mediaPolicy }), [highlight, renderText, mediaPolicy]);
  return (
    // `data-pending` while later groups still show as text (benchmarks and tests wait on it).
    <div data-slot="markdown-body" data-pending={count < groups.length || undefined} className="tl:contents">
      {groups.map((group, i) =>
        i < count ? <Group key={i} doc={doc} group={group} ctx={ctx} /> : <PlainSource key={i} text={sourceOf(doc, group.blocks)} ctx={ctx} />,
      )}
    </div>
  );
}
