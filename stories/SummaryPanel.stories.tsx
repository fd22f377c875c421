import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { SummaryPanel, SummaryPanelView, type TraceLensClient } from "../src/all";
import { hostileSummary, storySummaryResponse, summaryTextOf } from "./fixtures/summaryFixtures";
import { ProvidedSummaryPanel, SummaryInTraceDetail, SummaryWithHostText, cachedStoryClient } from "./SummaryPanelStoryParts";
import { named, tabTo } from "./keyboardPlay";
import { fixtureTraces as t } from "./TraceDetailStoryParts";

const support = t.supportChatbot;
const minimalResponse = storySummaryResponse(support, "minimal");
const detailedResponse = storySummaryResponse(support, "detailed");

const meta = {
  title: "Components/SummaryPanel",
  component: SummaryPanel,
  parameters: {
    docs: {
      description: {
        component:
          "The AI summary of a trace or one event: title, flow diagram, summary points and interesting notes. A summary the " +
          "server already holds loads on mount; nothing is generated until Generate. Every line reference (`L45`, `[L45-52]`, " +
          "`[L10, L12-14]`) is a button that marks those lines in the text and selects the event they render. Model output " +
          "is drawn as text, never HTML; links and images pass tracelens' allowlist.",
      },
    },
  },
  args: { traceId: support.id, onSelectEvent: fn(), onLineRefClick: fn(), onFeedback: fn() },
} satisfies Meta<typeof SummaryPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

type Loaded = { client?: TraceLensClient };

/** A summary made earlier is in the server's cache: batch_check finds it and it loads at once, nothing generated. */
export const Cached: Story = {
  loaders: [async (): Promise<Loaded> => ({ client: await cachedStoryClient(support.id) })],
  render: (args, { loaded }) => <ProvidedSummaryPanel {...args} client={(loaded as Loaded).client} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: "Customer updates delivery address before shipping" })).toBeVisible();
    await expect(canvas.queryByRole("button", { name: "Generate summary" })).toBeNull();
    await expect(canvas.getByRole("button", { name: "Regenerate" })).toBeEnabled();
  },
};

/** Nothing cached yet: the panel offers Minimal / Detailed and Generate. */
export const NotYetGenerated: Story = {
  render: (args) => <ProvidedSummaryPanel {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Generate summary" }));
    await expect(await canvas.findByRole("heading", { name: /delivery address/ })).toBeVisible();
  },
};

/** The same flow over PostHog's HTTP endpoints (batch_check, then summarization), answered by the mock backend. */
export const OverPostHogEndpoints: Story = {
  render: (args) => <ProvidedSummaryPanel {...args} clientOptions={{ backend: "posthog" }} defaultMode="detailed" />,
  play: NotYetGenerated.play,
};

/** A summary being written: the summarizer takes its time. */
export const Generating: Story = {
  render: (args) => <ProvidedSummaryPanel {...args} autoGenerate clientOptions={{ delayMs: 10 * 60_000 }} />,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("status")).toHaveTextContent("Generating summary…");
  },
};

/** PostHog answers 500 once: the message is shown, and Try again succeeds. */
export const ErrorAndRetry: Story = {
  render: (args) => (
    <ProvidedSummaryPanel {...args} clientOptions={{ backend: "posthog", faults: [{ endpoint: "summarization", fault: { kind: "status", status: 500 }, times: 1 }] }} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Generate summary" }));
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("Failed to generate summary");
    await expect(alert).toHaveTextContent("An error occurred while generating the summary");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByRole("heading", { name: /delivery address/ })).toBeVisible();
  },
};

/** Minimal mode from host data: no text below, so line references report to `onLineRefClick` for the host's own view. */
export const Minimal: Story = {
  args: { response: minimalResponse, mode: "minimal" },
};

/** Detailed mode: more points and notes, and the summarized text below; a line reference marks and scrolls to its lines. */
export const Detailed: Story = {
  args: { response: detailedResponse, mode: "detailed", events: support.events },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const points = canvas.getByRole("list", { name: "Summary points" });
    const button = within(points).getAllByRole("button", { name: /^\[L\d+-\d+\]/ })[0]!;
    await userEvent.click(button);
    const [, first, last] = /\[L(\d+)-(\d+)\]/.exec(button.textContent ?? "")!;
    await waitFor(() => expect(canvasElement.querySelector(`[data-line="${first}"]`)).toHaveAttribute("data-highlighted"));
    await expect(canvasElement.querySelector(`[data-line="${last}"]`)).toHaveAttribute("data-highlighted");
    await expect(args.onLineRefClick).toHaveBeenCalledWith(expect.objectContaining({ ranges: [{ start: Number(first), end: Number(last) }] }));
    await expect(args.onSelectEvent).toHaveBeenCalledTimes(1);
  },
};

/** Keyboard only, from the top of the page: switch to Detailed, answer "Helpful?", then a line reference marks its lines and moves focus there. */
export const KeyboardOnly: Story = {
  args: { response: minimalResponse, events: support.events },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const detailed = await tabTo(named(/^Detailed/));
    await userEvent.keyboard("{Enter}");
    await expect(detailed).toHaveAttribute("aria-pressed", "true");
    await expect(canvas.getByRole("button", { name: /^Minimal/ })).toHaveAttribute("aria-pressed", "false");
    await tabTo(named("Helpful"));
    await userEvent.keyboard(" ");
    await expect(args.onFeedback).toHaveBeenCalledWith("up", minimalResponse.summary);
    await expect(canvas.getByText("Thanks for the feedback!")).toHaveFocus();
    const points = canvas.getByRole("list", { name: "Summary points" });
    // Backwards, from the text below: the testing library's Tab cannot leave the closed flow
    // diagram's <summary> (browsers can), and its Enter does not open one.
    const ref = await tabTo((el) => el.dataset.slot === "summary-line-ref" && points.contains(el), { backwards: true });
    const line = /L(\d+)/.exec(ref.dataset.lineRef ?? "")![1];
    await userEvent.keyboard("{Enter}");
    await expect(args.onLineRefClick).toHaveBeenCalledWith(expect.objectContaining({ ranges: [expect.objectContaining({ start: Number(line) })] }));
    const row = () => canvasElement.querySelector(`[data-slot="summary-panel"] [data-line="${line}"]`);
    await waitFor(() => expect(row()).toHaveAttribute("data-highlighted"));
    await waitFor(() => expect(row()).toHaveFocus());
  },
};

/** The host shows its own TextReprView and drives it from `onLineRefClick`. */
export const WithHostTextView: Story = {
  render: (args) => <SummaryWithHostText {...args} text={minimalResponse.text_repr} />,
  args: { response: minimalResponse, mode: "minimal" },
};

/** Inside TraceDetail's Summary tab: a line reference marks its lines and selects its event in the tree. */
export const InTraceDetail: Story = {
  render: (args) => <SummaryInTraceDetail trace={support} defaultTab="summary" onSelectEvent={args.onSelectEvent} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Generate summary" }));
    const points = await canvas.findByRole("list", { name: "Summary points" });
    // The fourth point: the answer, written by the second generation.
    const button = within(within(points).getAllByRole("listitem")[3]!).getByRole("button", { name: /^\[L\d+\]/ });
    const line = /\[L(\d+)\]/.exec(button.textContent ?? "")![1];
    await userEvent.click(button);
    const row = () => canvasElement.querySelector(`[data-slot="summary-panel"] [data-line="${line}"]`);
    await waitFor(() => expect(row()).toHaveAttribute("data-highlighted"));
    await waitFor(() => expect(row()).toHaveFocus());
    const answer = support.events.find((e) => JSON.stringify(e.properties.$ai_output_choices ?? "").includes("Yes! Order #48213"))!;
    await expect(args.onSelectEvent).toHaveBeenLastCalledWith(answer.id, expect.anything());
    const selected = within(canvas.getByRole("tree")).getAllByRole("treeitem").filter((item) => item.getAttribute("aria-selected") === "true");
    await expect(selected).toHaveLength(1);
    await expect(selected[0]).toHaveAttribute("data-key", String(answer.properties.$ai_generation_id ?? answer.id));
    await expect(canvas.getByTestId("host-state")).toHaveTextContent(answer.id);
    // The summary stays the trace's while the selection moves.
    await expect(canvas.getByRole("heading", { name: /delivery address/ })).toBeVisible();
  },
};

/** Model output trying HTML, script URLs and foreign images: all of it shows as text or blocked. */
export const HostileModelOutput: Story = {
  render: () => (
    <SummaryPanelView status="success" summary={hostileSummary} textRepr={"L1: first line\nL2: second line"} showTextRepr />
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("script, iframe, img, [onerror], [onmouseover]")).toBeNull();
    for (const link of canvasElement.querySelectorAll("a")) await expect(link.getAttribute("href")).toMatch(/^https:\/\//);
    await expect((window as { __tlPwned?: unknown }).__tlPwned).toBeUndefined();
  },
};

/** Every state side by side, from plain data. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: "grid", gap: 24 }}>
      <SummaryPanelView status="checking" />
      <SummaryPanelView status="idle" onGenerate={() => {}} subject="generation" />
      <SummaryPanelView status="loading" />
      <SummaryPanelView status="error" error={new Error("Trace 'abc' not found in the given date range.")} onRetry={() => {}} />
      <SummaryPanelView status="unsupported" subject="event" />
      <SummaryPanelView status="success" summary={minimalResponse.summary} onRegenerate={() => {}} />
      <SummaryPanelView status="loading" summary={minimalResponse.summary} onRegenerate={() => {}} />
      <SummaryPanelView status="success" summary={storySummaryResponse(t.ragPipeline).summary} textRepr={summaryTextOf(t.ragPipeline)} mode="detailed" />
    </div>
  ),
};
