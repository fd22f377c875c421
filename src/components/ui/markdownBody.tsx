/**
 * SafeMarkdown's formatted body, loaded lazily (its own chunk with markdown-it). The text is cut into
 * sections that parse alone to what the whole would (markdownSections.ts); each section is parsed and
 * drawn by its own component, the first ones at once and the rest in a transition, so React works
 * through them in slices and no single task parses or draws more than a section.
 */
import { memo, startTransition, useEffect, useMemo, useState, type CSSProperties, type ReactNode } from "react";
import { highlightText } from "./HighlightText";
import { renderBlocks } from "./markdownBlockRender";
import { parseMarkdown, type MarkdownBlock, type MarkdownDocument } from "./markdownEngine";
import type { MarkdownRenderContext } from "./markdownInlineRender";
import { markdownSections } from "./markdownSections";
import type { MediaPolicy } from "./mediaPolicy";

/** Characters per section (a section is the unit of one slice of work). */
const SECTION_CHARS = 4_000;
/** Characters formatted in the first render; later sections show as text until their transition draws them. */
const FIRST_RENDER_CHARS = 12_000;
/**
 * Most `|` in a text parsed at once: markdown-it makes tokens for every table cell before anything can
 * be drawn, so a text past this is shown as text rather than parsed in one long task.
 */
export const MD_MAX_PARSED_PIPES = 20_000;

function pipes(text: string): number {
  let count = 0;
  for (let at = text.indexOf("|"); at >= 0; at = text.indexOf("|", at + 1)) count++;
  return count;
}

function PlainSource({ text, ctx }: { text: string; ctx: MarkdownRenderContext }) {
  return <div className="tl:my-1 tl:whitespace-pre-wrap">{ctx.renderText ? ctx.renderText(text) : highlightText(text, ctx.highlight)}</div>;
}

function blocksOf(doc: MarkdownDocument, blocks: readonly MarkdownBlock[], ctx: MarkdownRenderContext): ReactNode[] {
  const nodes: ReactNode[] = [];
  for (const block of blocks) {
    if (!block.tooDeep) {
      nodes.push(...renderBlocks(doc, doc.tokens, block.start, block.end, ctx));
      continue;
    }
    nodes.push(
      <div key={block.start} data-slot="markdown-too-deep">
        <p data-slot="markdown-note" className="tl:my-1 tl:text-xs tl:italic tl:text-muted">Nested too deeply to format; shown as text.</p>
        <PlainSource text={doc.lines.slice(block.lines[0], block.lines[1]).join("\n")} ctx={ctx} />
      </div>,
    );
  }
  return nodes;
}

/**
 * One slice of work: a section, parsed here; or, in a text that cannot be cut (it has link reference
 * definitions, or one huge block), a group of the blocks of the document parsed once.
 */
type Unit = { text: string } & ({ kind: "section" | "too-many-cells" } | { kind: "group"; doc: MarkdownDocument; blocks: MarkdownBlock[] });

const Unit = memo(function Unit({ unit, ctx }: { unit: Unit; ctx: MarkdownRenderContext }) {
  const doc = useMemo(() => (unit.kind === "section" ? parseMarkdown(unit.text) : unit.kind === "group" ? unit.doc : null), [unit]);
  if (!doc) {
    return (
      <div data-slot="markdown-too-many-cells">
        <p data-slot="markdown-note" className="tl:my-1 tl:text-xs tl:italic tl:text-muted">Too many table cells to format; shown as text.</p>
        <PlainSource text={unit.text} ctx={ctx} />
      </div>
    );
  }
  return blocksOf(doc, unit.kind === "group" ? unit.blocks : doc.blocks, ctx);
});

function plan(source: string): Unit[] {
  const sections = markdownSections(source, SECTION_CHARS);
  const kind = (text: string) => (pipes(text) > MD_MAX_PARSED_PIPES ? "too-many-cells" : "section");
  if (sections.length > 1 || source.length <= 2 * SECTION_CHARS) return sections.map((section) => ({ kind: kind(section.text), text: section.text }));
  if (kind(source) !== "section") return [{ kind: "too-many-cells", text: source }];
  const doc = parseMarkdown(source);
  const units: Unit[] = [];
  let blocks: MarkdownBlock[] = [];
  let chars = 0;
  const flush = () => {
    if (!blocks.length) return;
    units.push({ kind: "group", doc, blocks, text: doc.lines.slice(blocks[0]!.lines[0], blocks[blocks.length - 1]!.lines[1]).join("\n") });
    blocks = [];
    chars = 0;
  };
  for (const block of doc.blocks) {
    for (let line = block.lines[0]; line < block.lines[1]; line++) chars += (doc.lines[line]?.length ?? 0) + 1;
    blocks.push(block);
    if (chars >= SECTION_CHARS) flush();
  }
  flush();
  return units;
}

/**
 * A section out of view skips layout (content-visibility), its size guessed until first seen
 * (about 100 characters a line); `auto` keeps the real size after that.
 */
function sectionStyle(text: string): CSSProperties {
  let lines = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
  return { contentVisibility: "auto", containIntrinsicSize: `auto ${Math.round((lines + text.length / 100) * 20)}px` };
}

export interface MarkdownBodyProps {
  source: string;
  highlight: string | undefined;
  renderText: ((text: string) => ReactNode) | undefined;
  mediaPolicy: MediaPolicy;
}

/** Formatted markdown, section by section; `source` is already within SafeMarkdown's size cap. */
export function MarkdownBody({ source, highlight, renderText, mediaPolicy }: MarkdownBodyProps) {
  const units = useMemo(() => plan(source), [source]);
  const first = useMemo(() => {
    let chars = 0;
    let count = 0;
    while (count < units.length && (count === 0 || chars + units[count]!.text.length <= FIRST_RENDER_CHARS)) chars += units[count++]!.text.length;
    return count;
  }, [units]);
  const [drawn, setDrawn] = useState<{ units: Unit[]; count: number } | null>(null);
  const count = drawn?.units === units ? drawn.count : first;
  useEffect(() => {
    if (count < units.length) startTransition(() => setDrawn({ units, count: units.length }));
  }, [units, count]);
  const ctx = useMemo<MarkdownRenderContext>(() => ({ highlight, renderText, mediaPolicy }), [highlight, renderText, mediaPolicy]);
  if (units.length === 1) {
    return (
      <div data-slot="markdown-body" className="tl:contents">
        <Unit unit={units[0]!} ctx={ctx} />
      </div>
    );
  }
  return (
    // `data-pending` while later units still show as text (benchmarks and tests wait on it).
    <div data-slot="markdown-body" data-pending={count < units.length || undefined} className="tl:contents">
      {units.map((unit, i) => (
        <div key={i} data-slot="markdown-section" style={i > 0 ? sectionStyle(unit.text) : undefined}>
          {i < count ? <Unit unit={unit} ctx={ctx} /> : <PlainSource text={unit.text} ctx={ctx} />}
        </div>
      ))}
    </div>
  );
}
