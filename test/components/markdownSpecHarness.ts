/**
 * Comparing SafeMarkdown's output with the CommonMark / GFM specs' HTML. Both sides are parsed into a
 * DOM and normalised the way commonmark's own harness (test/normalize.py) does, plus what belongs to
 * tracelens' presentation rather than to markdown:
 *  1. whitespace: outside <pre>, runs collapse to one space and whitespace next to block tags is
 *     dropped; the newline after <br> goes (the spec's HTML writer adds it, React does not);
 *  2. attributes: only href, src, alt, title, start, align, type, checked, disabled and a code block's
 *     language survive, sorted; absolute URLs are compared in their WHATWG-canonical form (`new URL`);
 *  3. tracelens' chrome is taken off: the code block's wrapper, label and copy button (its language
 *     becomes `class="language-x"`, its syntax-colour spans leave their text), the table's scroll frame, heading paragraphs become <hN> again
 *     (data-level), `text-align` styles become `align`, the task checkbox's aria-label goes.
 * The deliberate safety differences are applied to the spec side (never to ours), each named:
 *  - "link not allowed": a link whose target is not http(s)/mailto (relative, other schemes) shows its
 *    words and its address as text; both sides become `<a data-refused>` with the words only;
 *  - "image not loaded": an image the media policy does not load at once (relative, remote under
 *    "ask") shows as a gate with its alt text; both sides become `<img data-gated alt>`;
 *  - "GFM extended autolink" (not a safety difference, GFM's extension): CommonMark examples where a
 *    bare URL or email stays text are compared with our autolinks unwrapped;
 *  - "raw HTML as text": examples with raw HTML are compared with markdown-it's own rendering with
 *    raw HTML off (HTML shown as text), not with the spec's, since tracelens never renders raw HTML.
 */
import { decideMedia, type MediaPolicy } from "../../src/components/ui/mediaPolicy";
import { safeLinkUrl } from "../../src/components/ui/safeUrl";

const BLOCK = new Set(["p", "div", "ul", "ol", "li", "blockquote", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "h1", "h2", "h3", "h4", "h5", "h6"]);
const KEEP = new Set(["href", "src", "alt", "title", "start", "align", "type", "checked", "disabled", "class", "data-refused", "data-gated"]);

export type SafetyDifference = "link not allowed" | "image not loaded";

function canonicalUrl(url: string): string {
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(url) ? new URL(url).href : url;
  } catch {
    return url;
  }
}

function replaceWith(node: Element, tag: string, doc: Document): Element {
  const next = doc.createElement(tag);
  while (node.firstChild) next.appendChild(node.firstChild);
  node.replaceWith(next);
  return next;
}

/** Takes tracelens' presentation off its output (step 3). */
function unchrome(root: Element, doc: Document) {
  for (const frame of [...root.querySelectorAll('[data-slot="markdown-body"], [data-slot="markdown-section"]')]) frame.replaceWith(...frame.childNodes);
  // Syntax colours are spans inside the code: only its text counts.
  for (const span of [...root.querySelectorAll("pre code span")].reverse()) span.replaceWith(...span.childNodes);
  for (const code of [...root.querySelectorAll('[data-slot="markdown-code"]')]) {
    const pre = code.querySelector("pre")!;
    const inner = pre.querySelector("code")!;
    const language = inner.getAttribute("data-language");
    if (language) inner.setAttribute("class", `language-${language}`);
    code.replaceWith(pre);
  }
  for (const frame of [...root.querySelectorAll('[data-slot="markdown-table"]')]) frame.replaceWith(frame.querySelector("table")!);
  for (const heading of [...root.querySelectorAll('[data-slot="markdown-heading"]')]) replaceWith(heading, `h${heading.getAttribute("data-level")}`, doc);
  for (const cell of [...root.querySelectorAll("th, td")]) {
    const align = /text-align:\s*(\w+)/.exec(cell.getAttribute("style") ?? "")?.[1];
    if (align) cell.setAttribute("align", align);
  }
  for (const blocked of [...root.querySelectorAll('[data-slot="markdown-blocked-link"]')]) {
    blocked.lastElementChild?.remove();
    const a = replaceWith(blocked, "a", doc);
    a.setAttribute("data-refused", "");
  }
  for (const gate of [...root.querySelectorAll('[data-slot="media-gate"]')]) {
    const img = doc.createElement("img");
    img.setAttribute("alt", gate.querySelector('[data-slot="media-label"]')?.textContent ?? "");
    img.setAttribute("data-gated", "");
    gate.replaceWith(img);
  }
  for (const image of [...root.querySelectorAll("img:not([data-gated])")]) image.removeAttribute("title");
}

/** Applies the safety differences to the spec's HTML; returns which applied. */
function applySafety(root: Element, doc: Document, policy: MediaPolicy): Set<SafetyDifference> {
  const applied = new Set<SafetyDifference>();
  for (const a of [...root.querySelectorAll("a[href]")]) {
    if (safeLinkUrl(a.getAttribute("href")) !== null) continue;
    for (const name of [...a.getAttributeNames()]) a.removeAttribute(name);
    a.setAttribute("data-refused", "");
    applied.add("link not allowed");
  }
  for (const img of [...root.querySelectorAll("img")]) {
    if (decideMedia(img.getAttribute("src"), "image", policy).action === "load") {
      img.removeAttribute("title");
      continue;
    }
    const alt = img.getAttribute("alt") ?? "";
    for (const name of [...img.getAttributeNames()]) img.removeAttribute(name);
    img.setAttribute("alt", alt);
    img.setAttribute("data-gated", "");
    applied.add("image not loaded");
  }
  return applied;
}

function normaliseTree(node: Node, inPre: boolean) {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === 3) {
      if (inPre) continue;
      let text = (child.textContent ?? "").replace(/\s+/g, " ");
      const prev = child.previousSibling as Element | null;
      const next = child.nextSibling as Element | null;
      const blockBefore = !prev ? BLOCK.has((node as Element).localName ?? "") || node.nodeType === 11 : prev.nodeType === 1 && BLOCK.has(prev.localName);
      const blockAfter = !next ? BLOCK.has((node as Element).localName ?? "") || node.nodeType === 11 : next.nodeType === 1 && BLOCK.has(next.localName);
      if (blockBefore || (prev?.nodeType === 1 && prev.localName === "br")) text = text.trimStart();
      if (blockAfter) text = text.trimEnd();
      if (text) child.textContent = text;
      else child.remove();
    } else if (child.nodeType === 1) {
      const element = child as Element;
      for (const name of [...element.getAttributeNames()]) {
        const value = element.getAttribute(name) ?? "";
        if (!KEEP.has(name) || (name === "class" && !/^language-/.test(value))) element.removeAttribute(name);
        else if (name === "href" || name === "src") element.setAttribute(name, canonicalUrl(value));
      }
      normaliseTree(element, inPre || element.localName === "pre");
    } else child.remove();
  }
}

function serialise(node: Node): string {
  let out = "";
  for (const child of node.childNodes) {
    if (child.nodeType === 3) {
      out += (child.textContent ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      continue;
    }
    const element = child as Element;
    const attrs = element
      .getAttributeNames()
      .sort()
      .map((name) => ` ${name}="${(element.getAttribute(name) ?? "").replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`)
      .join("");
    out += `<${element.localName}${attrs}>${serialise(element)}${/^(br|hr|img|input)$/.test(element.localName) ? "" : `</${element.localName}>`}`;
  }
  return out;
}

function fragment(html: string): { root: HTMLTemplateElement; doc: Document } {
  const template = document.createElement("template");
  template.innerHTML = html;
  return { root: template, doc: document };
}

/** Links whose words are their own address (a GFM extended autolink), unwrapped to their words. */
function unwrapAutolinks(root: Element) {
  for (const a of [...root.querySelectorAll("a[href]")]) {
    const text = a.textContent ?? "";
    const href = a.getAttribute("href") ?? "";
    const spelled = [text, `http://${text}`, `mailto:${text}`].map(canonicalUrl);
    if (spelled.includes(canonicalUrl(href))) a.replaceWith(...a.childNodes);
  }
}

/**
 * Our HTML (SafeMarkdown's static markup), normalised. `withoutAutolinks` unwraps GFM's extended
 * autolinks, for the CommonMark examples that show a bare URL or address staying text (GFM links it).
 */
export function normaliseOurs(html: string, withoutAutolinks = false): string {
  const { root, doc } = fragment(html);
  const content = root.content as unknown as Element;
  unchrome(content, doc);
  if (withoutAutolinks) unwrapAutolinks(content);
  normaliseTree(content, false);
  return serialise(content);
}

/** The spec's HTML, normalised, with the safety differences applied. */
export function normaliseSpec(html: string, policy: MediaPolicy): { html: string; safety: Set<SafetyDifference> } {
  const { root, doc } = fragment(html);
  const content = root.content as unknown as Element;
  const safety = applySafety(content, doc, policy);
  normaliseTree(content, false);
  return { html: serialise(content), safety };
}
