import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { SafeMarkdown, SAFE_MARKDOWN_MAX_CHARS, preloadSafeMarkdown, TraceLensProvider, createLocalClient } from "../../src/all";
import { MD_MAX_INLINE_CHARS, parseMarkdown } from "../../src/components/ui/markdownEngine";
import { MD_MAX_TABLE_CELLS, renderBlocks } from "../../src/components/ui/markdownBlockRender";
import { llmAnswer } from "../../bench/markdownInputs";
import { normaliseOurs } from "./markdownSpecHarness";
import { HOSTILE_STRINGS } from "../../stories/fixtures/traceDetailFixtures";

const PNG = "data:image/png;base64,iVBORw0KGgo=";

function expectInert(root: HTMLElement) {
  expect(root.querySelector("script, iframe, object, embed, svg, style, [onerror], [onload], [onclick], [onmouseover]")).toBeNull();
  for (const a of root.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^(https?:\/\/|mailto:)/);
  for (const img of root.querySelectorAll("img")) expect(img.getAttribute("src")).toMatch(/^(https?:\/\/|data:image\/(png|jpe?g|gif|webp|avif|bmp);base64,)/);
}

// The parser and highlighter are lazy chunks; their first import can take seconds on a busy CI box.
const CHUNK_WAIT = { timeout: 15_000 };

/** Renders and waits until the parser chunk has drawn the formatted body. */
async function renderFormatted(ui: React.ReactElement) {
  const result = render(ui);
  await waitFor(() => expect(result.container.querySelector('[data-slot="safe-markdown"]')).toHaveAttribute("data-state", "formatted"), CHUNK_WAIT);
  return result;
}

describe("SafeMarkdown loading", () => {
  // First in the file: the parser chunk is not loaded yet.
  it("shows the text as plain text until the parser arrives, then formats it", async () => {
    const { container } = render(<SafeMarkdown text={"Some **bold** text"} />);
    const root = container.querySelector('[data-slot="safe-markdown"]')!;
    expect(root).toHaveAttribute("data-state", "plain");
    expect(root).toHaveTextContent("Some **bold** text");
    await waitFor(() => expect(root).toHaveAttribute("data-state", "formatted"), CHUNK_WAIT);
    expect(root.querySelector("strong")).toHaveTextContent("bold");
  });

  it("renders plain text on the server, whatever has loaded", async () => {
    await preloadSafeMarkdown();
    const html = renderToString(<SafeMarkdown text={"# Title\n\n**bold** <b>x</b>"} />);
    expect(html).toContain('data-state="plain"');
    expect(html).toContain("**bold** &lt;b&gt;x&lt;/b&gt;");
  });

  it("formats at the first render once the parser is loaded", async () => {
    await preloadSafeMarkdown();
    const { container } = render(<SafeMarkdown text={"*em*"} />);
    expect(container.querySelector("em")).toHaveTextContent("em");
  });
});

describe("SafeMarkdown rendering", () => {
  beforeAll(() => preloadSafeMarkdown());

  it("renders CommonMark and GFM structure as elements", () => {
    const { container } = render(
      <SafeMarkdown
        text={"# Title\n\nSome **bold**, *em*, ~~gone~~, ~one~ and `code`.\n\n- one\n- two\n\n3. third\n\n> quoted\n\n```ts\nconst x = 1;\n```\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n- [ ] todo\n- [x] done\n\n[site](https://posthog.com) <https://example.com> www.commonmark.org and foo@bar.baz"}
      />,
    );
    expect(container.querySelector('[data-slot="markdown-heading"]')).toHaveTextContent("Title");
    expect(container.querySelector("strong")).toHaveTextContent("bold");
    expect(container.querySelector("em")).toHaveTextContent("em");
    expect([...container.querySelectorAll("del")].map((d) => d.textContent)).toEqual(["gone", "one"]);
    expect(container.querySelector("ol")).toHaveAttribute("start", "3");
    expect(container.querySelector("blockquote")).toHaveTextContent("quoted");
    expect(container.querySelector("pre code")).toHaveAttribute("data-language", "ts");
    expect(container.querySelector("td[style]")?.getAttribute("style")).toContain("right");
    // Tight lists: no paragraph in each item.
    expect(container.querySelector("ul li p")).toBeNull();
    const boxes = [...container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => [b.checked, b.disabled])).toEqual([[false, true], [true, true]]);
    const links = [...container.querySelectorAll("a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://posthog.com/", "https://example.com/", "http://www.commonmark.org/", "mailto:foo@bar.baz"]);
    expect(links.slice(0, 3).every((a) => a.getAttribute("rel") === "noopener noreferrer nofollow" && a.getAttribute("target") === "_blank")).toBe(true);
    // Model output never gets real heading elements in the host page.
    expect(container.querySelector("h1, h2, h3, h4, h5, h6")).toBeNull();
  });

  it("gets right what the hand-written parser got wrong on LLM answers", () => {
    const { container } = render(
      <SafeMarkdown
        text={[
          "***x*** and *a **b** c*",
          "[Python](https://en.wikipedia.org/wiki/Python_(language))",
          "[![logo](data:image/png;base64,iVBORw0KGgo=)](https://example.com)",
          "[https://x.com](https://x.com)",
          "See [the docs][docs]. &amp; &#39;quoted&#39;",
          "*a `*` b*",
          "",
          "[docs]: https://docs.example.com",
        ].join("\n\n")}
      />,
    );
    expect(container.querySelector("em > strong, strong > em")).toHaveTextContent("x");
    expect([...container.querySelectorAll("em strong")].map((e) => e.textContent)).toContain("b");
    const hrefs = [...container.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(hrefs).toContain("https://en.wikipedia.org/wiki/Python_(language)");
    expect(hrefs).toContain("https://docs.example.com/");
    expect(container.querySelector("a img")).toHaveAttribute("src", PNG);
    expect(container.querySelector("a a")).toBeNull();
    expect(container.textContent).toContain("& 'quoted'");
    expect([...container.querySelectorAll("em code")].map((c) => c.textContent)).toEqual(["*"]);
  });

  it("keeps every XSS payload as inert text", () => {
    const { container } = render(<SafeMarkdown text={HOSTILE_STRINGS} />);
    expectInert(container);
    expect(container.textContent).toContain("<script>window.__tlPwned=1</script>");
    expect(container.querySelectorAll('[data-slot="markdown-blocked-link"]').length).toBeGreaterThanOrEqual(3);
    expect(container.querySelectorAll('[data-slot="media-gate"][data-state="refused"]').length).toBe(2);
    expect((window as { __tlPwned?: number }).__tlPwned).toBeUndefined();
  });

  it("marks the search query in text and code", () => {
    const { container } = render(<SafeMarkdown text={"Find the *needle* in the haystack: `needle`."} highlight="needle" />);
    expect([...container.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["needle", "needle"]);
  });

  it("gives prose, not link words or code, to renderText", () => {
    const seen: string[] = [];
    render(<SafeMarkdown text={"prose [link words](https://a.example) `code`"} renderText={(t) => (seen.push(t), t)} />);
    expect(seen.join("|")).toContain("prose ");
    expect(seen.join("|")).not.toContain("link words");
    expect(seen.join("|")).not.toContain("code");
  });

  it("labels code blocks and copies them", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { container } = render(<SafeMarkdown text={"```python\nprint(1)\n```\n\n    indented"} />);
    const blocks = container.querySelectorAll('[data-slot="markdown-code"]');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toHaveTextContent("python");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /python code/ })));
    expect(writeText).toHaveBeenCalledWith("print(1)\n");
  });
});

describe("SafeMarkdown code colours", () => {
  beforeAll(() => preloadSafeMarkdown());

  it("colours a known language once the highlighter arrives, as text and class names only", async () => {
    const { container } = render(<SafeMarkdown text={'```html\n<script>window.__tlPwned=1</script>\n<img src=x onerror="window.__tlPwned=1">\n```\n\n```python\ndef f(x):\n    return "s" # note\n```'} />);
    await waitFor(() => expect(container.querySelectorAll("code[data-highlighted]")).toHaveLength(2), CHUNK_WAIT);
    const [html, python] = [...container.querySelectorAll("code")];
    expect(html!.textContent).toBe('<script>window.__tlPwned=1</script>\n<img src=x onerror="window.__tlPwned=1">\n');
    expect(container.querySelector("script, img, [onerror]")).toBeNull();
    expect(python!.querySelector(".tl\\:italic")).toHaveTextContent("# note");
    expect([...python!.querySelectorAll("span")].some((span) => span.textContent === "def" && span.className.includes("kind-trace"))).toBe(true);
  });

  it("leaves unknown languages, search marks and very long code plain", async () => {
    const { container } = render(
      <>
        <SafeMarkdown text={"```brainfuck\n+++.\n```"} />
        <SafeMarkdown text={"```python\nneedle = 1\n```"} highlight="needle" />
        <SafeMarkdown text={`\`\`\`python\n${"x = 1\n".repeat(4_000)}\`\`\``} />
        <SafeMarkdown text={"```json\n{\"a\": 1}\n```"} />
      </>,
    );
    await waitFor(() => expect(container.querySelectorAll("code[data-highlighted]")).toHaveLength(1), CHUNK_WAIT);
    expect(container.querySelector("code[data-highlighted]")).toHaveAttribute("data-language", "json");
    expect(container.querySelector("mark")).toHaveTextContent("needle");
  });
});

describe("SafeMarkdown limits", () => {
  beforeAll(() => preloadSafeMarkdown());

  it("draws a long answer in sections that together render as the whole text does", async () => {
    for (const references of [false, true]) {
      const text = llmAnswer(40_000, references);
      const { container, unmount } = render(<SafeMarkdown text={text} />);
      expect(container.querySelectorAll('[data-slot="markdown-section"]').length).toBeGreaterThan(references ? 1 : 5);
      await waitFor(() => expect(container.querySelector('[data-slot="markdown-body"][data-pending]')).toBeNull());
      const doc = parseMarkdown(text);
      const whole = renderToStaticMarkup(<>{renderBlocks(doc, doc.tokens, 0, doc.tokens.length, { highlight: undefined, renderText: undefined, mediaPolicy: "ask" })}</>);
      expect(normaliseOurs(container.querySelector('[data-slot="safe-markdown"]')!.innerHTML)).toBe(normaliseOurs(whole));
      unmount();
    }
    // A hang guard, not a time limit: two 40,000-character answers drawn in jsdom took 35 s on a loaded 2-core box.
  }, 120_000);

  it("formats the first SAFE_MARKDOWN_MAX_CHARS and shows the rest as plain text with a note", () => {
    const text = `**bold**\n\n${"word ".repeat(30_000)}\n\n**tail**`;
    const { container } = render(<SafeMarkdown text={text} />);
    expect(container.querySelector("strong")).toHaveTextContent("bold");
    expect(screen.getByText(/formatting stops after 100,000 characters/)).toBeInTheDocument();
    expect(container.textContent).toContain("**tail**");
    expect(text.length).toBeGreaterThan(SAFE_MARKDOWN_MAX_CHARS);
  });

  it("shows a block nested past the limit as text, with a note, and keeps what follows", () => {
    const { container } = render(<SafeMarkdown text={`${">".repeat(60)} deep text\n\nafter **it**`} />);
    expect(screen.getByText(/Nested too deeply to format/)).toBeInTheDocument();
    expect(container.textContent).toContain("deep text");
    expect(container.querySelector("strong")).toHaveTextContent("it");
    const list = Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n");
    const nested = render(<SafeMarkdown text={list} />).container;
    expect(nested.textContent).toContain("level 39");
  });

  it("shows inline content too long to format as text, with a note", () => {
    const { container } = render(<SafeMarkdown text={`**a** ${"[a(".repeat(MD_MAX_INLINE_CHARS / 3 + 10)}`} />);
    expect(screen.getByText(/not formatted: .* characters in one block/)).toBeInTheDocument();
    expect(container.querySelector("strong")).toBeNull();
    expect(container.textContent).toContain("**a** [a([a(");
  });

  it("draws a table's first cells and shows later rows as text", () => {
    const columns = 10;
    const rows = MD_MAX_TABLE_CELLS / columns + 5;
    const row = (i: number) => `|${Array.from({ length: columns }, () => ` r${i} `).join("|")}|`;
    const text = [`|${" h |".repeat(columns)}`, `|${" - |".repeat(columns)}`, ...Array.from({ length: rows }, (_, i) => row(i))].join("\n");
    const { container } = render(<SafeMarkdown text={text} />);
    expect(container.querySelectorAll("td").length).toBeLessThanOrEqual(MD_MAX_TABLE_CELLS);
    expect(screen.getByText(/Rows after the first 5,000 cells are shown as text/)).toBeInTheDocument();
    expect(container.textContent).toContain(`r${rows - 1}`);
  });

  it("shows a table too big to parse at once as text, with a note", () => {
    const text = `|${"a|".repeat(5_000)}\n|${"-|".repeat(5_000)}\n${`|${"b|".repeat(5_000)}\n`.repeat(4)}`;
    const { container } = render(<SafeMarkdown text={text} />);
    expect(screen.getByText("Too many table cells to format; shown as text.")).toBeInTheDocument();
    expect(container.querySelector("table")).toBeNull();
    expect(container.textContent).toContain("|b|b|");
  });

  it("renders pathological inputs without losing characters", () => {
    for (const text of ["[a(".repeat(20_000), `x ${"`".repeat(10_000)}`, "*a ".repeat(20_000), "![[".repeat(15_000), "- ".repeat(3_000) + "x", "_a".repeat(30_000)]) {
      const { container, unmount } = render(<SafeMarkdown text={text} />);
      const shown = container.textContent ?? "";
      // Every character is there (markdown may consume delimiters it formats, not here).
      expect(shown.replace(/\s|\(not formatted.*\)/g, "").length).toBeGreaterThanOrEqual(text.replace(/\s/g, "").length * 0.9);
      unmount();
    }
  });
});

describe("SafeMarkdown media policy", () => {
  beforeAll(() => preloadSafeMarkdown());
  const text = `![chart](https://images.example/chart.png) ![inline](${PNG}) ![other](https://cdn.example/x.png)`;

  it("loads data images inline and waits for a click naming the host before loading a remote one", () => {
    const { container } = render(<SafeMarkdown text={text} />);
    expect([...container.querySelectorAll("img")].map((i) => i.getAttribute("src"))).toEqual([PNG]);
    fireEvent.click(screen.getByRole("button", { name: "Load image from images.example" }));
    expect([...container.querySelectorAll("img")].map((i) => i.getAttribute("src"))).toEqual(["https://images.example/chart.png", PNG]);
    expect(container.querySelector("img")).toHaveAttribute("referrerpolicy", "no-referrer");
  });

  it("loads allowed origins at once, and everything under \"allow\"", () => {
    const allowOne = render(<SafeMarkdown text={text} mediaPolicy={{ allowOrigins: ["https://cdn.example"] }} />).container;
    expect([...allowOne.querySelectorAll("img")].map((i) => i.getAttribute("alt"))).toEqual(["inline", "other"]);
    const all = render(<SafeMarkdown text={text} mediaPolicy="allow" />).container;
    expect(all.querySelectorAll("img")).toHaveLength(3);
    const none = render(<SafeMarkdown text={text} mediaPolicy="block" />).container;
    expect(none.querySelectorAll("img")).toHaveLength(1);
    expect(none.querySelectorAll("button")).toHaveLength(0);
    expect(none.textContent).toContain("from images.example not loaded");
  });

  it("takes the provider's policy, and a component's own wins", () => {
    const client = createLocalClient({ traces: [] });
    const { container } = render(
      <TraceLensProvider client={client} mediaPolicy="allow">
        <SafeMarkdown text={text} />
        <div data-testid="own">
          <SafeMarkdown text={text} mediaPolicy="ask" />
        </div>
      </TraceLensProvider>,
    );
    expect(container.querySelectorAll("img")).toHaveLength(4);
    expect(screen.getByTestId("own").querySelectorAll("img")).toHaveLength(1);
  });

  it("refuses data images over the size limit, saying so", () => {
    render(<SafeMarkdown text={`![big](data:image/png;base64,${"A".repeat(500)})`} maxImageChars={100} />);
    expect(screen.getByText(/image not shown: 522 B inline, over the 100 B limit/)).toBeInTheDocument();
  });
});
