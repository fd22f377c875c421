import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { TraceDetail } from "../src/all";
import { deepChainTrace, hostileTrace, hugeRawTrace, malformedTrace, sentimentFor, syntheticTrace } from "./fixtures/traceDetailFixtures";
import { ControlledTraceDetail, ProvidedTraceDetail, fixtureTraces as t } from "./TraceDetailStoryParts";
import { tabTo } from "./keyboardPlay";
import { DAY_MS, PostHogMockProvider } from "./fixtures/postHogMockClient";
import { FIXTURE_NOW } from "./fixtures/tableFixtures";
import { atWidth } from "./fixtures/containerWidth";

const meta = {
  title: "Components/TraceDetail",
  component: TraceDetail,
  parameters: {
    layout: "fullscreen",
    docs: {
      description: {
        component:
          "One trace: header chips, a virtualized ARIA span tree (arrows, ←/→, Home/End, type-ahead, search), a flame-chart " +
          "timeline with the critical path, and the selected event's Conversation / Raw / Text tabs. Pass `trace`, or " +
          "`traceId` inside a `TraceLensProvider`. Model output is never rendered as HTML.",
      },
    },
  },
  args: { trace: t.codingAgent, onSelectEvent: fn() },
} satisfies Meta<typeof TraceDetail>;
export default meta;
type Story = StoryObj<typeof meta>;

const tree = (canvas: HTMLElement) => within(canvas).getByRole("tree");
const focused = () => document.activeElement as HTMLElement;

/** Walking the tree with the keyboard: arrows, collapse/expand, Home/End, type-ahead, Enter to select. */
export const CodingAgent: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const items = within(tree(canvasElement)).getAllByRole("treeitem");
    await userEvent.click(items[0]!);
    await expect(items[0]).toHaveFocus();
    await userEvent.keyboard("{ArrowDown}");
    await expect(focused()).toHaveAttribute("aria-level", "2");
    await userEvent.keyboard("{ArrowRight}");
    await expect(focused()).toHaveAttribute("aria-level", "3");
    await userEvent.keyboard("{ArrowLeft}");
    await expect(focused()).toHaveAttribute("aria-level", "2");
    await userEvent.keyboard("{ArrowLeft}");
    await expect(focused()).toHaveAttribute("aria-expanded", "false");
    await userEvent.keyboard("{ArrowRight}");
    await expect(focused()).toHaveAttribute("aria-expanded", "true");
    await userEvent.keyboard("{End}");
    await expect(focused().getAttribute("aria-posinset")).toBe(focused().getAttribute("aria-setsize"));
    await userEvent.keyboard("{Home}");
    await expect(focused()).toHaveAttribute("aria-level", "1");
    await userEvent.keyboard("ru");
    await expect(focused()).toHaveAccessibleName(/^Span run_tests/);
    await userEvent.keyboard("{Enter}");
    await expect(focused()).toHaveAttribute("aria-selected", "true");
    await expect(args.onSelectEvent).toHaveBeenCalled();
    await expect(canvasElement.querySelector('[data-slot="event-header"] h3')).toHaveTextContent("run_tests");
  },
};

/** Keyboard only, from the top of the page: Tab into the tree, type-ahead and Enter to select, then switch the event's tabs with arrows. */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement, args }) => {
    await tabTo((el) => el.getAttribute("role") === "treeitem");
    await expect(focused()).toHaveAttribute("aria-level", "1");
    await userEvent.keyboard("{ArrowDown}ru");
    await expect(focused()).toHaveAccessibleName(/^Span run_tests/);
    await userEvent.keyboard("{Enter}");
    await expect(focused()).toHaveAttribute("aria-selected", "true");
    await expect(args.onSelectEvent).toHaveBeenCalled();
    await expect(canvasElement.querySelector('[data-slot="event-header"] h3')).toHaveTextContent("run_tests");
    const tab = await tabTo((el) => el.getAttribute("role") === "tab");
    await expect(tab).toHaveAttribute("aria-selected", "true");
    await userEvent.keyboard("{ArrowRight}");
    await expect(focused()).not.toBe(tab);
    await expect(focused()).toHaveAttribute("role", "tab");
    await expect(focused()).toHaveAttribute("aria-selected", "true");
    await expect(tab).toHaveAttribute("aria-selected", "false");
  },
};

/** Search counts occurrences, filters the tree to matches and their parents, and marks the text. */
export const Search: Story = {
  args: { trace: t.supportChatbot },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("searchbox", { name: "Search events" }), "search_kb");
    await waitFor(() => expect(canvas.getByRole("status", { name: "" })).toHaveTextContent(/\d+ occurrences?/));
    const rows = within(tree(canvasElement)).getAllByRole("treeitem");
    await expect(rows.some((row) => row.querySelector("mark"))).toBe(true);
    await userEvent.clear(canvas.getByRole("searchbox", { name: "Search events" }));
    await userEvent.type(canvas.getByRole("searchbox", { name: "Search events" }), "zzz-no-such-text");
    await waitFor(() => expect(canvas.getByText("No occurrences")).toBeVisible());
  },
};

/** Clicking a bar in the timeline selects that event in the tree and the panel. */
export const SelectFromTimeline: Story = {
  args: { trace: t.ragPipeline },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bar = canvas.getAllByRole("button", { name: /^Span rerank/ })[0]!;
    await userEvent.click(bar);
    await expect(canvasElement.querySelector('[data-slot="event-header"] h3')).toHaveTextContent("rerank");
    const selectedRow = within(tree(canvasElement)).getByRole("treeitem", { selected: true });
    await expect(selectedRow).toHaveAccessibleName(/^Span rerank/);
  },
};

export const SupportChatbot: Story = { args: { trace: t.supportChatbot } };

/**
 * PostHog's API (the real client against tracelens' strict mock) 45 days after the trace: loaded by id
 * alone, beyond PostHog's default 7-day window (the client widens its search), with its evaluation runs,
 * which TraceQuery leaves out, loaded separately.
 */
export const OldTraceOverPostHog: Story = {
  args: { trace: undefined, traceId: t.evaluatedGeneration.id, loadSentiment: false },
  render: (args) => (
    <PostHogMockProvider options={{ traces: [t.evaluatedGeneration], latencyMs: 40, now: () => FIXTURE_NOW + 45 * DAY_MS }}>
      <TraceDetail {...args} />
    </PostHogMockProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("treeitem", { name: /^Evaluation Refund tone/ }, { timeout: 15_000 });
  },
};

/** Unticking a type under "Show details" shrinks its rows to the type tag (PostHog's "collapse by type"). */
export const CollapseByType: Story = {
  args: { trace: t.codingAgent, defaultCompactKinds: ["span"] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const spans = () => [...canvasElement.querySelectorAll<HTMLElement>('[data-slot="trace-tree-row"][data-kind="span"]')];
    await expect(spans().every((row) => !/\d ms|\d s/.test(row.textContent ?? ""))).toBe(true);
    await userEvent.click(canvas.getByRole("checkbox", { name: "Spans" }));
    await expect(spans().some((row) => /\d ms|\d s/.test(row.textContent ?? ""))).toBe(true);
  },
};

/** The Text tab: the trace's text_repr rendered in the browser; [SPAN]/[GEN] tags select events. */
export const TextTab: Story = {
  args: { trace: t.ragPipeline, defaultTab: "text" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getAllByRole("button", { name: /^Select SPAN retrieve/ })[0]!);
    await expect(canvasElement.querySelector('[data-slot="event-header"] h3')).toHaveTextContent("retrieve");
  },
};
export const AnthropicToolUse: Story = { args: { trace: t.anthropicToolUse, defaultSelectedEventId: t.anthropicToolUse.events[1]?.id } };
export const OpenAIResponsesAgent: Story = { args: { trace: t.openaiResponses, defaultSelectedEventId: t.openaiResponses.events.find((e) => e.event === "$ai_generation")?.id } };
export const OTelVercelGemini: Story = { args: { trace: t.otelGemini, defaultSelectedEventId: t.otelGemini.events.find((e) => e.event === "$ai_generation")?.id } };
export const LangChainAgent: Story = { args: { trace: t.langchainAgent, defaultSelectedEventId: t.langchainAgent.events.find((e) => e.event === "$ai_generation")?.id } };
export const ImageInputs: Story = {
  args: { trace: t.imageInputs, defaultSelectedEventId: t.imageInputs.events[0]?.id },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-slot="message-image"]').length).toBeGreaterThan(0));
    // Inline (data:) images draw; remote ones wait behind a button naming their host (media policy "ask").
    await expect(within(canvasElement).getAllByRole("button", { name: "Load image from images.acme.example" }).length).toBeGreaterThan(0);
    for (const img of canvasElement.querySelectorAll('[data-slot="message-image"]')) await expect(img.getAttribute("src")).toMatch(/^data:/);
  },
};
export const MultilingualRTL: Story = { args: { trace: t.multilingual, defaultSelectedEventId: t.multilingual.events.at(-1)?.id } };
export const RagPipeline: Story = { args: { trace: t.ragPipeline } };
export const Evaluations: Story = { args: { trace: t.evaluatedGeneration, defaultSelectedEventId: t.evaluatedGeneration.events.find((e) => e.event === "$ai_generation")?.id } };
export const DeepNestedAgent: Story = { args: { trace: t.deepNested } };
export const Batch500Spans: Story = { args: { trace: t.batch500 } };
export const LongConversation: Story = { args: { trace: t.longConversation, defaultSelectedEventId: t.longConversation.events.at(-1)?.id } };
export const Huge300KBMessage: Story = {
  args: { trace: t.huge300kb, defaultSelectedEventId: t.huge300kb.events[0]?.id },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("button", { name: /^Show all [\d,]+ characters$/ })).toBeVisible();
  },
};

/** HTTP 429s: error rows, red bars, the error block with its status. */
export const RateLimitErrors: Story = {
  args: { trace: t.rateLimited, defaultSelectedEventId: t.rateLimited.events.find((e) => e.event === "$ai_generation")?.id },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Error (HTTP 429)")).toBeVisible();
    await expect(canvasElement.querySelectorAll('[data-slot="trace-tree-row"][data-error]').length).toBeGreaterThan(0);
  },
};

/** Sentiment per generation in the tree, for the trace in the header, and per user message. */
export const FrustratedUserSentiment: Story = {
  args: { trace: t.frustratedUser, sentiment: sentimentFor(t.frustratedUser), defaultSelectedEventId: t.frustratedUser.events.find((e) => e.event === "$ai_generation")?.id },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-slot="trace-tree-row"] [data-slot="sentiment-bar"]').length).toBeGreaterThan(0);
    await expect(canvasElement.querySelectorAll('[data-slot="message-sentiment"]').length).toBeGreaterThan(0);
  },
};
export const DelightedUserSentiment: Story = { args: { trace: t.delightedUser, sentiment: sentimentFor(t.delightedUser, "positive") } };

export const Loading: Story = { args: { trace: undefined, loading: true } };
export const LoadError: Story = { args: { trace: undefined, error: new Error("HTTP 503: the query service is unavailable"), onRetry: fn() } };
export const NotFound: Story = { args: { trace: null } };
export const EmptyTrace: Story = { args: { trace: { id: "empty-trace", createdAt: "2025-06-02T09:00:00Z", events: [] } } };
export const MalformedEvents: Story = { args: { trace: malformedTrace } };

/** HTML, javascript: links and onerror images in messages, tool names, span names and errors: all inert text. */
export const HostileContent: Story = {
  args: { trace: hostileTrace, defaultSelectedEventId: "hostile-gen" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: /Available tools/ }));
    await expect((window as { __tlPwned?: number }).__tlPwned).toBeUndefined();
    await expect(canvasElement.querySelector("script, iframe, [onerror], [onload], [onmouseover]")).toBeNull();
    for (const a of canvasElement.querySelectorAll("a")) await expect(a.getAttribute("href")).toMatch(/^https?:/);
    for (const img of canvasElement.querySelectorAll("img")) await expect(img.getAttribute("src")).toMatch(/^(https?:|data:image\/(png|jpe?g|gif|webp|avif|bmp);)/);
  },
};

/**
 * 10,000 events: the rows paint first, then header, event panel, timeline and loop badges follow;
 * the tree and timeline keep only a window of elements in the DOM.
 */
export const TenThousandSpans: Story = {
  args: { trace: syntheticTrace(10_000) },
  play: async ({ canvasElement }) => {
    await expect(Number(canvasElement.querySelector('[data-slot="trace-tree"]')?.getAttribute("data-rows"))).toBeGreaterThan(9_000);
    await expect(canvasElement.querySelectorAll('[data-slot="trace-tree-row"]').length).toBeLessThan(60);
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="trace-detail-pending"]')).toBeNull(), { timeout: 15_000 });
    const bars = canvasElement.querySelectorAll('[data-slot="timeline-bar"]').length;
    await expect(bars).toBeGreaterThan(0);
    await expect(bars).toBeLessThan(2_000);
  },
};
export const HundredLevelsDeep: Story = { args: { trace: deepChainTrace(100) } };

/** A 10 MB event: the Raw tab asks before drawing it. */
export const HugeRawJson: Story = {
  args: { trace: hugeRawTrace(10), defaultSelectedEventId: "huge-gen", defaultTab: "raw" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Show anyway" }));
    await expect(canvasElement.querySelector('[data-slot="json-view"]')).not.toBeNull();
  },
};

/** Selection and collapsed nodes owned by the host: no router, no store. */
export const Controlled: Story = {
  render: (args) => <ControlledTraceDetail {...args} />,
  args: { trace: t.ragPipeline },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(within(tree(canvasElement)).getAllByRole("treeitem")[2]!);
    await waitFor(() => expect(canvas.getByTestId("host-state")).not.toHaveTextContent("(trace)"));
  },
};

/** Loads by `traceId` through a provider (a local client here); the Text tab asks the client for text_repr. */
export const ThroughProvider: Story = {
  render: (args) => <ProvidedTraceDetail {...args} traces={[t.supportChatbot]} />,
  args: { trace: undefined, traceId: t.supportChatbot.id, loadSentiment: false, defaultTab: "text" },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("tree");
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="text-repr-view"][data-state="ready"]')).not.toBeNull());
  },
};

/** Inside a provider with a classifier, sentiment loads by itself: trace chip, generation rows, user messages. */
export const ThroughProviderWithSentiment: Story = {
  render: (args) => <ProvidedTraceDetail {...args} traces={[t.frustratedUser]} classify />,
  args: { trace: undefined, traceId: t.frustratedUser.id, defaultSelectedEventId: t.frustratedUser.events[3]?.id },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="chip-sentiment"] [data-slot="sentiment-bar"]')).toHaveAttribute("data-state", "ready"));
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-slot="trace-tree-row"] [data-slot="sentiment-bar"]').length).toBeGreaterThan(0));
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-slot="message-sentiment"]').length).toBeGreaterThan(0));
  },
};

/** The Summary tab exists only when the host passes a `summary` slot. */
export const WithSummarySlot: Story = {
  args: {
    trace: t.supportChatbot,
    summary: ({ node }) => <p style={{ margin: 0 }}>Host-rendered summary slot for “{node.name}”.</p>,
    defaultTab: "summary",
  },
};

/** Every state at a glance: loading, error, not found, empty, malformed, hostile and a real trace. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: "grid", gap: 24 }}>
      <TraceDetail trace={undefined} loading />
      <TraceDetail trace={undefined} error={new Error("HTTP 503")} onRetry={() => {}} />
      <TraceDetail trace={null} />
      <TraceDetail trace={{ id: "empty", createdAt: "2025-06-02T09:00:00Z", events: [] }} showTimeline={false} />
      <TraceDetail trace={malformedTrace} treeHeight={200} />
      <TraceDetail trace={hostileTrace} treeHeight={160} />
      <TraceDetail trace={t.rateLimited} treeHeight={200} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const states = [...canvasElement.querySelectorAll('[data-slot="trace-detail"]')].map((el) => el.getAttribute("data-state"));
    await expect(new Set(states)).toEqual(new Set(["loading", "error", "empty", "ready"]));
  },
};

/** In a 360 px side panel: header chips wrap, the tree and the event stack. */
export const Width360: Story = { args: { trace: t.supportChatbot }, decorators: [atWidth(360)] };
/** In a 560 px panel: stacked (a container query stacks below 768 px). */
export const Width560: Story = { args: { trace: t.supportChatbot }, decorators: [atWidth(560)] };
/** On a 1280 px page: tree and event side by side. */
export const Width1280: Story = { args: { trace: t.supportChatbot }, decorators: [atWidth(1280)] };
/** The host moves the switch: `stackBelow={1400}` stacks the panes even at 1280 px. */
export const HostStacksBelow1400: Story = { args: { trace: t.supportChatbot, stackBelow: 1400 }, decorators: [atWidth(1280)] };
/**
 * Newer and older traces of the list it was opened from (`traceList`): the buttons, and PostHog's `p`/`n`
 * keys anywhere but in a text field. The host gets `onTraceNavigate(traceId, { timestamp })` and opens it.
 */
export const NewerAndOlder: Story = {
  args: {
    trace: t.supportChatbot,
    onTraceNavigate: fn(),
    traceList: [
      { id: "newer-trace", createdAt: "2025-06-20T11:00:00Z" },
      { id: t.supportChatbot.id, createdAt: t.supportChatbot.createdAt },
      { id: "older-trace", createdAt: "2025-06-19T11:00:00Z" },
    ],
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const newer = canvas.getByRole("button", { name: /Newer/ });
    await expect(newer).toHaveAttribute("aria-keyshortcuts", "p");
    await userEvent.click(newer);
    await expect(args.onTraceNavigate).toHaveBeenLastCalledWith("newer-trace", { timestamp: "2025-06-20T11:00:00Z", trace: null });
    await userEvent.keyboard("n");
    await expect(args.onTraceNavigate).toHaveBeenLastCalledWith("older-trace", { timestamp: "2025-06-19T11:00:00Z", trace: null });
    // Typing an "n" or "p" in the search box searches; it does not navigate.
    await userEvent.type(canvas.getByRole("searchbox"), "pn");
    await expect(args.onTraceNavigate).toHaveBeenCalledTimes(2);
  },
};
