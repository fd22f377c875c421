import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef, useState } from "react";
import { TraceDetail, TraceDetailView, TraceLensProvider, createLocalClient, preloadSafeMarkdown } from "../../src/all";
import { buildTraceTree, flattenTraceTree, type LLMTrace } from "../../src/core";
import { OUTLINE_IN_RENDER_EVENTS } from "../../src/components/TraceDetail/useTraceDetailBuild";
import { hostileTrace, malformedTrace, sentimentFor, syntheticTrace } from "../../stories/fixtures/traceDetailFixtures";
import { fixtureTraces as t, keywordClassifier } from "../../stories/TraceDetailStoryParts";

const rows = () => screen.getAllByRole("treeitem");
const rowNamed = (name: RegExp) => rows().find((row) => name.test(row.textContent ?? ""))!;
const panelTitle = (container: HTMLElement) => container.querySelector('[data-slot="event-header"] h3')?.textContent;

// Markdown is formatted from the first render (its parser chunk loaded up front).
beforeAll(() => preloadSafeMarkdown());

describe("TraceDetail (jsdom)", () => {
  it("shows the header chips in PostHog's formats", () => {
    render(<TraceDetail trace={t.supportChatbot} />);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("support_chat");
    expect(document.querySelector('[data-slot="chip-tokens"]')).toHaveTextContent("Tokens");
    expect(document.querySelector('[data-slot="chip-tokens"]')?.textContent).toMatch(/\d[\d,]* → \d[\d,]* \(∑ [\d,]+\)/);
    expect(document.querySelector('[data-slot="chip-wall-clock"]')).toHaveTextContent("36.76 s");
    // Cost breakdown is read by screen readers as part of the chip.
    expect(document.querySelector('[data-slot="chip-cost"]')?.textContent).toMatch(/Input: \$.*Output: \$/);
  });

  it("renders an ARIA tree with levels, set positions and the selection", () => {
    render(<TraceDetail trace={t.ragPipeline} />);
    const tree = screen.getByRole("tree");
    const items = within(tree).getAllByRole("treeitem");
    expect(items[0]).toHaveAttribute("aria-level", "1");
    expect(items[0]).toHaveAttribute("aria-selected", "true");
    expect(items[0]).toHaveAttribute("aria-expanded", "true");
    expect(items.filter((item) => item.getAttribute("tabindex") === "0")).toHaveLength(1);
    const level2 = items.filter((item) => item.getAttribute("aria-level") === "2");
    expect(level2.map((item) => item.getAttribute("aria-posinset"))).toEqual(level2.map((_, i) => String(i + 1)));
    expect(new Set(level2.map((item) => item.getAttribute("aria-setsize")))).toEqual(new Set([String(level2.length)]));
  });

  it("walks the tree with the keyboard: arrows, collapse/expand, Home/End, type-ahead, Enter", async () => {
    const user = userEvent.setup();
    const onSelectEvent = vi.fn();
    const { container } = render(<TraceDetail trace={t.ragPipeline} onSelectEvent={onSelectEvent} showTimeline={false} />);
    await user.click(rows()[0]!);
    expect(rows()[0]).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toHaveAttribute("aria-level", "2");
    const span = document.activeElement as HTMLElement;
    expect(span).toHaveAttribute("aria-expanded", "true");
    await user.keyboard("{ArrowLeft}");
    expect(span).toHaveAttribute("aria-expanded", "false");
    const collapsedCount = rows().length;
    await user.keyboard("{ArrowRight}");
    expect(rows().length).toBeGreaterThan(collapsedCount);
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toHaveAttribute("aria-level", "3");
    await user.keyboard("{ArrowLeft}");
    expect(document.activeElement).toBe(span);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(rows().at(-1));
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(rows()[0]);
    await user.keyboard("re");
    expect(document.activeElement?.textContent).toMatch(/Spanre/);
    const target = document.activeElement as HTMLElement;
    await user.keyboard("{Enter}");
    expect(target).toHaveAttribute("aria-selected", "true");
    expect(onSelectEvent).toHaveBeenLastCalledWith(expect.any(String), expect.objectContaining({ kind: "span" }));
    expect(panelTitle(container)).toBe(target.textContent?.match(/Span(\w+)/)?.[1]);
  });

  it("repeats a type-ahead letter to cycle through rows starting with it", async () => {
    const user = userEvent.setup();
    render(<TraceDetail trace={t.supportChatbot} showTimeline={false} />);
    await user.click(rows()[0]!);
    await user.keyboard("g");
    const first = document.activeElement;
    expect(first?.textContent).toMatch(/gpt-4o-mini/);
    await user.keyboard("g");
    expect(document.activeElement).not.toBe(first);
    expect(document.activeElement?.textContent).toMatch(/gpt-4o-mini/);
  });

  it("`*` expands every collapsed sibling", async () => {
    const user = userEvent.setup();
    const spans = t.batch500.events.filter((e) => String(e.properties.$ai_span_name).startsWith("process_doc")).slice(0, 3).map((e) => String(e.properties.$ai_span_id));
    render(<TraceDetail trace={t.batch500} defaultCollapsedNodes={spans} showTimeline={false} treeHeight={2000} />);
    const collapsed = () => rows().filter((row) => row.getAttribute("aria-expanded") === "false").length;
    expect(collapsed()).toBeGreaterThanOrEqual(3);
    const first = rows().find((row) => row.getAttribute("aria-expanded") === "false")!;
    await user.click(first);
    await user.keyboard("*");
    expect(collapsed()).toBe(0);
  });

  it("keeps selection and collapsed nodes controllable", async () => {
    const user = userEvent.setup();
    const onSelectEvent = vi.fn();
    const onCollapsedNodesChange = vi.fn();
    const gen = t.ragPipeline.events.find((e) => e.event === "$ai_generation")!;
    const { container, rerender } = render(
      <TraceDetail trace={t.ragPipeline} selectedEventId={gen.id} onSelectEvent={onSelectEvent} collapsedNodes={[]} onCollapsedNodesChange={onCollapsedNodesChange} />,
    );
    expect(panelTitle(container)).toBe("answer");
    await user.click(rows()[0]!);
    expect(onSelectEvent).toHaveBeenCalledWith(null, expect.objectContaining({ kind: "trace" }));
    // The host did not change the prop: the selection stays.
    expect(panelTitle(container)).toBe("answer");
    rerender(<TraceDetail trace={t.ragPipeline} selectedEventId={null} onSelectEvent={onSelectEvent} collapsedNodes={[]} onCollapsedNodesChange={onCollapsedNodesChange} />);
    expect(panelTitle(container)).toBe("docs_qa");
    await user.keyboard("{ArrowLeft}");
    expect(onCollapsedNodesChange).toHaveBeenCalledWith([expect.any(String)]);
    expect(rows()[0]).toHaveAttribute("aria-expanded", "true");
  });

  it("searches names and contents, counts occurrences, filters and marks the tree", async () => {
    const user = userEvent.setup();
    const onSearchChange = vi.fn();
    render(<TraceDetail trace={t.supportChatbot} onSearchChange={onSearchChange} showTimeline={false} />);
    const box = screen.getByRole("searchbox", { name: "Search events" });
    await user.type(box, "search_kb");
    await waitFor(() => expect(document.querySelector('[data-slot="trace-search-count"]')?.textContent).toMatch(/^\d+ occurrences?$/));
    expect(onSearchChange).toHaveBeenLastCalledWith("search_kb");
    expect(rows().every((row) => row.dataset.match || row.getAttribute("aria-expanded") === "true")).toBe(true);
    expect(document.querySelectorAll('[data-slot="trace-tree"] mark').length).toBeGreaterThan(0);
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.getAttribute("role")).toBe("treeitem");
    await user.clear(box);
    await user.type(box, "no-such-text-anywhere");
    await waitFor(() => expect(screen.getByText("No occurrences")).toBeInTheDocument());
    expect(screen.queryByRole("tree")).toBeNull();
    expect(screen.getByText(/No events match/)).toBeInTheDocument();
  });

  it("shrinks rows of an unticked kind to the type tag", async () => {
    const user = userEvent.setup();
    render(<TraceDetail trace={t.supportChatbot} showTimeline={false} />);
    const gen = () => rows().find((row) => row.dataset.kind === "generation")!;
    expect(gen().textContent).toContain("gpt-4o-mini");
    await user.click(screen.getByRole("checkbox", { name: "Generations" }));
    expect(gen().querySelector(".tl\\:sr-only")?.textContent).toBe("gpt-4o-mini");
    expect(gen().textContent).not.toMatch(/tok/);
  });

  it("has Conversation, Raw and Text tabs, and a Summary tab only when a slot is passed", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<TraceDetail trace={t.supportChatbot} />);
    expect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual(["Conversation", "Raw", "Text"]);
    await user.click(screen.getByRole("tab", { name: "Raw" }));
    expect(screen.getByRole("tabpanel")).toHaveTextContent("trace");
    await user.click(screen.getByRole("tab", { name: "Text" }));
    expect(screen.getByRole("tabpanel").querySelector('[data-slot="text-repr-view"]')).toHaveAttribute("data-state", "ready");
    expect(screen.getByRole("tabpanel")).toHaveTextContent("SUPPORT_CHAT");
    const summary = vi.fn(({ node }) => <p>summary of {node.name}</p>);
    rerender(<TraceDetail trace={t.supportChatbot} summary={summary} defaultTab="summary" />);
    await user.click(screen.getByRole("tab", { name: "Summary" }));
    expect(screen.getByRole("tabpanel")).toHaveTextContent("summary of support_chat");
  });

  it("renders a 10,000-event trace's rows first, then the rest of the view, and formats its Text tab after painting", async () => {
    render(<TraceDetail trace={syntheticTrace(10_000)} defaultTab="text" />);
    expect(Number(document.querySelector('[data-slot="trace-tree"]')?.getAttribute("data-rows"))).toBe(10_001);
    expect(rows().length).toBeLessThan(40);
    const pending = () => [...document.querySelectorAll('[data-slot="trace-detail-pending"]')].map((part) => part.getAttribute("data-part"));
    expect(pending()).toEqual(["header", "data-notes", "timeline", "event-panel"]);
    expect(screen.getByText(/Checking the events for copies/)).toHaveAttribute("role", "status");
    // The rows leave out what the unfinished tree does not know yet: subtree costs and the critical path.
    expect(document.querySelector('[data-slot="trace-tree-row"][data-critical]')).toBeNull();
    const view = () => document.querySelector('[data-slot="text-repr-view"]');
    await waitFor(() => expect(view()).not.toBeNull(), { timeout: 10_000 });
    expect(document.querySelector('[data-slot="trace-header"]')).not.toBeNull();
    await waitFor(() => expect(pending()).toEqual([]), { timeout: 10_000 });
    expect(document.querySelector('[data-slot="trace-tree-row"][data-critical]')).not.toBeNull();
    await waitFor(() => expect(view()).toHaveAttribute("data-state", "ready"), { timeout: 10_000 });
    expect(document.querySelectorAll('[data-slot="text-repr-line"]').length).toBeLessThan(80);
  });

  it("reads a trace over 20,000 events in slices behind a skeleton, then shows the finished tree's rows, and searches it in slices", async () => {
    const trace = syntheticTrace(OUTLINE_IN_RENDER_EVENTS + 100);
    const events = trace.events.length;
    expect(events).toBeGreaterThan(OUTLINE_IN_RENDER_EVENTS);
    render(<TraceDetail trace={trace} />);
    // Nothing that large is read during render: a skeleton says what is going on.
    expect(document.querySelector('[data-slot="trace-detail"]')).toHaveAttribute("data-state", "reading");
    expect(screen.getByRole("status", { name: `Reading the trace's ${events.toLocaleString("en-US")} events` })).toHaveAttribute("aria-busy", "true");
    const count = () => Number(document.querySelector('[data-slot="trace-tree"]')?.getAttribute("data-rows"));
    await waitFor(() => expect(count()).toBe(events + 1), { timeout: 20_000 });
    await waitFor(() => expect(document.querySelector('[data-slot="trace-detail-pending"]')).toBeNull(), { timeout: 20_000 });
    // The rows on show are the finished tree's, in its order.
    const expected = flattenTraceTree(buildTraceTree(trace)).map((row) => row.node.key);
    const shown = rows().map((row) => [Number(row.getAttribute("data-index")), row.getAttribute("data-key")] as const);
    expect(shown.length).toBeGreaterThan(5);
    for (const [index, key] of shown) expect(key).toBe(expected[index]);
    // A search of that many events runs in slices: "Searching…" (aria-busy) until its rows are filtered.
    fireEvent.change(screen.getByRole("searchbox", { name: "Search events" }), { target: { value: "tool_3" } });
    const search = () => document.querySelector('[data-slot="trace-search"]');
    await waitFor(() => expect(search()).toHaveAttribute("aria-busy", "true"), { timeout: 10_000 });
    await waitFor(() => expect(search()).not.toHaveAttribute("aria-busy"), { timeout: 20_000 });
    expect(document.querySelector('[data-slot="trace-search-count"]')).toHaveTextContent(/^[\d,]+ occurrences$/);
    expect(rows().some((row) => row.hasAttribute("data-match"))).toBe(true);
  }, 60_000);

  it("shows a large trace's copies as rows until the check lands, then counts them once and says so", async () => {
    const trace = syntheticTrace(1_000);
    const copy = trace.events[40]!;
    const orphan = { ...trace.events[41]!, id: "orphan-event", properties: { ...trace.events[41]!.properties, $ai_span_id: "orphan-span", $ai_parent_id: "gone" } };
    const events = [...trace.events, { ...copy, properties: { ...copy.properties } }, orphan];
    render(<TraceDetail trace={{ ...trace, events }} />);
    const count = () => Number(document.querySelector('[data-slot="trace-tree"]')?.getAttribute("data-rows"));
    // The outline: every event a row, the copy too, while a status says the check is running.
    expect(count()).toBe(1_003);
    expect(screen.getByText(/Checking the events for copies/)).toBeInTheDocument();
    await waitFor(() => expect(document.querySelector('[data-slot="trace-detail-pending"]')).toBeNull(), { timeout: 10_000 });
    // The checked tree: the copy merged, the orphan re-parented, both in the data notes.
    expect(count()).toBe(1_002);
    expect(document.querySelector('[data-slot="trace-data-notes"]')).toHaveTextContent("2 data notes: 1 copy merged, 1 event re-parented");
    expect(document.querySelector('[data-slot="chip-tokens"]')).not.toBeNull();
  });

  it("moves between tabs with the arrow keys", async () => {
    const user = userEvent.setup();
    const onTabChange = vi.fn();
    render(<TraceDetail trace={t.supportChatbot} onTabChange={onTabChange} />);
    await user.click(screen.getByRole("tab", { name: "Conversation" }));
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Raw" })).toHaveFocus();
    expect(onTabChange).toHaveBeenLastCalledWith("raw");
    await user.keyboard("{End}");
    expect(screen.getByRole("tab", { name: "Text" })).toHaveAttribute("aria-selected", "true");
  });

  it("selecting an event from the Text tab's markers selects it in the tree", async () => {
    const user = userEvent.setup();
    const { container } = render(<TraceDetail trace={t.ragPipeline} defaultTab="text" showTimeline={false} />);
    await user.click(screen.getAllByRole("button", { name: /^Select GEN/ })[0]!);
    expect(panelTitle(container)).toBe("answer");
    expect(rows().find((row) => row.getAttribute("aria-selected") === "true")?.dataset.kind).toBe("generation");
  });

  it("shows a sentiment bar per generation and per user message, keyed by original index", () => {
    const trace = t.frustratedUser;
    const gen = trace.events.filter((e) => e.event === "$ai_generation").at(-1)!;
    render(<TraceDetail trace={trace} sentiment={sentimentFor(trace)} defaultSelectedEventId={gen.id} />);
    const genRows = rows().filter((row) => row.dataset.kind === "generation");
    expect(genRows.every((row) => row.querySelector('[data-slot="sentiment-bar"]'))).toBe(true);
    const userCards = [...document.querySelectorAll('[data-slot="message"][data-role="user"]')];
    const input = gen.properties.$ai_input as Array<{ role: string }>;
    const userIndexes = input.flatMap((m, i) => (m.role === "user" ? [String(i)] : []));
    expect(userCards.map((card) => card.getAttribute("data-index"))).toEqual(userIndexes);
    expect(userCards.every((card) => card.querySelector('[data-slot="message-sentiment"] [role="img"]'))).toBe(true);
    expect(document.querySelectorAll('[data-slot="message"][data-role="assistant"] [data-slot="message-sentiment"]')).toHaveLength(0);
  });

  it("expands and collapses messages one by one and all at once", async () => {
    const user = userEvent.setup();
    const gen = t.frustratedUser.events.filter((e) => e.event === "$ai_generation").at(-1)!;
    render(<TraceDetail trace={t.frustratedUser} defaultSelectedEventId={gen.id} />);
    const input = screen.getByRole("group", { name: "Input" });
    const cards = () => [...input.querySelectorAll('[data-slot="message"]')];
    expect(cards().filter((c) => c.getAttribute("data-state") === "open")).toHaveLength(1);
    await user.click(within(input).getByRole("button", { name: "Expand all" }));
    expect(cards().every((c) => c.getAttribute("data-state") === "open")).toBe(true);
    expect(within(input).getByRole("button", { name: "Expand all" })).toBeDisabled();
    await user.click(within(input).getByRole("button", { name: "Collapse all" }));
    expect(cards().every((c) => c.getAttribute("data-state") === "closed")).toBe(true);
    const first = within(cards()[0] as HTMLElement).getAllByRole("button")[0]!;
    expect(first).toHaveAttribute("aria-expanded", "false");
    await user.click(first);
    expect(first).toHaveAttribute("aria-expanded", "true");
  });

  it("renders tool calls with parsed arguments and tool results", () => {
    const gen = t.anthropicToolUse.events[1]!;
    render(<TraceDetail trace={t.anthropicToolUse} defaultSelectedEventId={gen.id} />);
    fireEvent.click(within(screen.getByRole("group", { name: "Input" })).getAllByRole("button", { name: "Expand all" })[0]!);
    expect(document.querySelectorAll('[data-slot="message-tool-call"]').length).toBeGreaterThan(0);
    expect(document.querySelectorAll('[data-slot="message-tool-result"]').length).toBeGreaterThan(0);
    expect(document.querySelector('[data-slot="message-tool-call"] [data-slot="json-view"]')).not.toBeNull();
  });

  it("shows reasoning collapsed, and unknown shapes as raw JSON with a notice", async () => {
    const user = userEvent.setup();
    const gen = t.openaiResponses.events.filter((e) => e.event === "$ai_generation")[1]!;
    const { unmount } = render(<TraceDetail trace={t.openaiResponses} defaultSelectedEventId={gen.id} />);
    await user.click(within(screen.getByRole("group", { name: "Input" })).getAllByRole("button", { name: "Expand all" })[0]!);
    const reasoning = document.querySelector('[data-slot="message-reasoning"] button');
    expect(reasoning).toHaveAttribute("aria-expanded", "false");
    unmount();
    const odd: LLMTrace = {
      id: "odd",
      createdAt: "2025-06-02T09:00:00Z",
      events: [{ id: "g", event: "$ai_generation", createdAt: "2025-06-02T09:00:01Z", properties: { $ai_input: [42, { foo: "bar" }], $ai_latency: 1 } }],
    };
    render(<TraceDetail trace={odd} defaultSelectedEventId="g" />);
    await user.click(within(screen.getByRole("group", { name: "Input" })).getAllByRole("button", { name: "Expand all" })[0]!);
    expect(screen.getAllByRole("note").some((note) => /A number where a message was expected/.test(note.textContent ?? ""))).toBe(true);
    expect(screen.getAllByRole("note").some((note) => /No role, type or content found \(keys: foo\)/.test(note.textContent ?? ""))).toBe(true);
  });

  it("shows files, audio and images from the message parts, with inline data never linked", () => {
    const trace: LLMTrace = {
      id: "media",
      createdAt: "2025-06-02T09:00:00Z",
      events: [
        {
          id: "g",
          event: "$ai_generation",
          createdAt: "2025-06-02T09:00:01Z",
          properties: {
            $ai_latency: 1,
            $ai_input: [
              {
                role: "user",
                content: [
                  { type: "file", file: { filename: "report.pdf", file_data: "data:application/pdf;base64,JVBERi0xLjQK" } },
                  { type: "input_audio", input_audio: { data: "UklGRiQAAABXQVZF", format: "wav" } },
                  { type: "document", source: { type: "text", media_type: "text/plain", data: "plain doc text" }, title: "notes.txt" },
                  { type: "image_url", image_url: { url: "https://images.example/x.png" } },
                ],
              },
            ],
          },
        },
      ],
    };
    const { container } = render(<TraceDetail trace={trace} defaultSelectedEventId="g" />);
    const files = [...container.querySelectorAll('[data-slot="message-file"]')];
    expect(files.map((f) => f.textContent)).toEqual([expect.stringContaining("report.pdf"), expect.stringContaining("plain doc text")]);
    expect(files[0]!.querySelector("a")).toBeNull();
    expect(container.querySelector('[data-slot="message-audio"] audio')?.getAttribute("src")).toBe("data:audio/wav;base64,UklGRiQAAABXQVZF");
    // A remote image waits for the viewer (media policy "ask").
    expect(container.querySelector('[data-slot="message-image"]')).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Load image from images.example" }));
    expect(container.querySelector('[data-slot="message-image"]')).toHaveAttribute("src", "https://images.example/x.png");
  });

  it("shows the error block with the HTTP status", () => {
    const gen = t.rateLimited.events.find((e) => e.event === "$ai_generation")!;
    render(<TraceDetail trace={t.rateLimited} defaultSelectedEventId={gen.id} />);
    expect(screen.getByText("Error (HTTP 429)")).toBeInTheDocument();
    expect(rows().filter((row) => row.dataset.error).length).toBeGreaterThanOrEqual(3);
  });

  it("survives malformed events and shows what it can", () => {
    render(<TraceDetail trace={malformedTrace} />);
    expect(screen.getByRole("tree")).toBeInTheDocument();
    expect(rows().length).toBeGreaterThan(3);
    for (const row of rows()) fireEvent.click(row);
    expect(document.querySelector('[data-slot="error-state"]')).toBeNull();
  });

  it("contains a crashing slot in its panel with a readable message", async () => {
    const user = userEvent.setup();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const Boom = () => {
      throw new Error("summary exploded");
    };
    render(<TraceDetail trace={t.supportChatbot} summary={() => <Boom />} />);
    await user.click(screen.getByRole("tab", { name: "Summary" }));
    expect(screen.getByRole("alert")).toHaveTextContent("summary exploded");
    expect(screen.getByRole("tree")).toBeInTheDocument();
    spy.mockRestore();
  });

  it("has loading, error, not-found and empty states, forwards its ref and className", () => {
    const ref = createRef<HTMLDivElement>();
    const onRetry = vi.fn();
    const { rerender } = render(<TraceDetailView ref={ref} trace={undefined} loading className="host-class" data-testid="td" />);
    expect(ref.current).toHaveAttribute("data-state", "loading");
    expect(screen.getByTestId("td")).toHaveClass("host-class", "tl-root");
    rerender(<TraceDetailView trace={undefined} error={new Error("boom 503")} onRetry={onRetry} />);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("boom 503");
    rerender(<TraceDetailView trace={null} />);
    expect(screen.getByText("Trace not found.")).toBeInTheDocument();
    rerender(<TraceDetailView trace={{ id: "e", createdAt: "2025-06-02T09:00:00Z", events: [] }} />);
    expect(screen.getByText("This trace has no events.")).toBeInTheDocument();
  });

  it("loads a trace by id through the provider, and says so when there is none", async () => {
    const client = createLocalClient({ traces: [t.supportChatbot] });
    const { unmount } = render(
      <TraceLensProvider client={client}>
        <TraceDetail traceId={t.supportChatbot.id} loadSentiment={false} />
      </TraceLensProvider>,
    );
    expect(document.querySelector('[data-slot="trace-detail"]')).toHaveAttribute("data-state", "loading");
    await screen.findByRole("tree");
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("support_chat");
    unmount();
    const { unmount: unmount2 } = render(
      <TraceLensProvider client={client}>
        <TraceDetail traceId="missing" loadSentiment={false} />
      </TraceLensProvider>,
    );
    await screen.findByText("Trace not found.");
    unmount2();
    render(<TraceDetail traceId="x" />);
    expect(screen.getByRole("alert")).toHaveTextContent(/needs a <TraceLensProvider>/);
  });

  it("fetches the Text tab through the client inside a provider", async () => {
    const client = createLocalClient({ traces: [t.ragPipeline] });
    const textRepr = vi.spyOn(client, "textRepr");
    render(
      <TraceLensProvider client={client}>
        <TraceDetail trace={t.ragPipeline} defaultTab="text" loadSentiment={false} />
      </TraceLensProvider>,
    );
    await waitFor(() => expect(document.querySelector('[data-slot="text-repr-view"]')).toHaveAttribute("data-state", "ready"));
    expect(textRepr).toHaveBeenCalledWith(expect.objectContaining({ event_type: "$ai_trace" }), expect.anything());
  });

  it("loads trace sentiment through the provider and spreads it to generations and user messages", async () => {
    const trace = t.frustratedUser;
    const client = createLocalClient({ traces: [trace], classifier: keywordClassifier });
    const gen = trace.events.filter((e) => e.event === "$ai_generation").at(-1)!;
    render(
      <TraceLensProvider client={client}>
        <TraceDetail trace={trace} defaultSelectedEventId={gen.id} />
      </TraceLensProvider>,
    );
    const chip = () => document.querySelector('[data-slot="chip-sentiment"] [data-slot="sentiment-bar"]');
    expect(chip()).toHaveAttribute("data-state", "loading");
    await waitFor(() => expect(chip()).toHaveAttribute("data-state", "ready"));
    expect(chip()).toHaveAttribute("data-label", "negative");
    await waitFor(() => expect(document.querySelectorAll('[data-slot="message-sentiment"]').length).toBeGreaterThan(0));
    expect(rows().filter((row) => row.dataset.kind === "generation").every((row) => row.querySelector('[data-slot="sentiment-bar"][data-state="ready"]'))).toBe(true);
  });

  it("never turns hostile span names, tool names or messages into markup or unsafe links", () => {
    const { container } = render(<TraceDetail trace={hostileTrace} defaultSelectedEventId="hostile-gen" />);
    for (const button of within(screen.getByRole("group", { name: "Input" })).getAllByRole("button", { name: "Expand all" })) fireEvent.click(button);
    fireEvent.click(screen.getByRole("button", { name: /Available tools/ }));
    for (const tab of ["Raw", "Text"]) fireEvent.click(screen.getByRole("tab", { name: tab }));
    expect(container.querySelector("script, iframe, svg, [onerror], [onload], [onclick], [onmouseover]")).toBeNull();
    for (const a of container.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^https?:\/\//);
    for (const img of container.querySelectorAll("img")) expect(img.getAttribute("src")).toMatch(/^(https?:|data:image\/)/);
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe('<img src=x onerror="window.__tlPwned=1"> trace');
    expect((window as { __tlPwned?: number }).__tlPwned).toBeUndefined();
  });

  it("owns nothing global: two instances keep their own selection", async () => {
    const user = userEvent.setup();
    function Two() {
      const [a] = useState(t.supportChatbot);
      return (
        <>
          <TraceDetail trace={a} data-testid="a" showTimeline={false} />
          <TraceDetail trace={a} data-testid="b" showTimeline={false} />
        </>
      );
    }
    render(<Two />);
    const a = screen.getByTestId("a");
    const b = screen.getByTestId("b");
    await user.click(within(a).getAllByRole("treeitem")[2]!);
    expect(within(a).getAllByRole("treeitem")[2]).toHaveAttribute("aria-selected", "true");
    expect(within(b).getAllByRole("treeitem")[0]).toHaveAttribute("aria-selected", "true");
    await act(async () => {});
  });
});
