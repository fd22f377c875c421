import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { ApiError, SessionView, type TraceLensClient } from "../src/all";
import {
  POSTHOG_LLM_SESSION_ID,
  SESSION_ID,
  SESSION_TITLES,
  SESSION_TRACE_IDS as IDS,
  hostileSessionTrace,
  postHogLlmSessionTraces,
  sessionSentiments,
  sessionTracesFixture,
} from "./fixtures/sessionFixtures";
import { ProvidedSessionView, warmLocalClient, warmPostHogClient } from "./SessionViewStoryParts";
import { named, tabTo } from "./keyboardPlay";

const meta = {
  title: "Components/SessionView",
  component: SessionView,
  parameters: {
    docs: {
      description: {
        component:
          "One AI session (`$ai_session_id`, or `$session_id` for PostHog-LLM events) read as one conversation: its traces " +
          "oldest first, each with its sentiment, cached summary title (one batch_check for the whole list) and the turn's " +
          "words, expandable to the full conversation. \"Summarize all\" summarizes the traces that have no title yet. Pass " +
          "`sessionId` inside a `TraceLensProvider`, or `traces`.",
      },
    },
  },
  args: { sessionId: SESSION_ID, traces: sessionTracesFixture(), sentiments: sessionSentiments(), onTraceClick: fn() },
} satisfies Meta<typeof SessionView>;
export default meta;
type Story = StoryObj<typeof meta>;

const toggle = (canvas: ReturnType<typeof within>, position: number) => canvas.getByRole("button", { name: new RegExp(`^${position}\\. `) });
const provided = { traces: undefined, sentiments: undefined };

/** Each trace expands to its conversation and collapses again, by mouse and by keyboard. */
export const Conversation: Story = {
  args: { summaryTitles: SESSION_TITLES },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole("listitem").filter((li) => li.dataset.slot === "session-trace").map((li) => li.dataset.traceId)).toEqual(IDS);
    await userEvent.click(toggle(canvas, 1));
    await expect(toggle(canvas, 1)).toHaveAttribute("aria-expanded", "true");
    await expect(canvas.getByRole("group", { name: "Output" })).toHaveTextContent("Baixa");
    await userEvent.click(toggle(canvas, 1));
    await expect(toggle(canvas, 1)).toHaveAttribute("aria-expanded", "false");
    await expect(canvas.queryByRole("group", { name: "Output" })).toBeNull();
    toggle(canvas, 3).focus();
    await userEvent.keyboard("{Enter}");
    await expect(toggle(canvas, 3)).toHaveAttribute("aria-expanded", "true");
    await expect(canvas.getByRole("group", { name: "Output" })).toHaveTextContent("easyJet 5121");
    await userEvent.keyboard(" ");
    await expect(toggle(canvas, 3)).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(canvas.getByRole("button", { name: "Open trace 2" }));
    await expect(args.onTraceClick).toHaveBeenCalledWith(IDS[1], expect.objectContaining({ trace: expect.objectContaining({ id: IDS[1] }) }));
  },
};

/** Keyboard only, from the top of the page: Tab to a turn, Enter opens its conversation, Space closes it, Enter on "Open trace" opens the trace. */
export const KeyboardOnly: Story = {
  args: { summaryTitles: SESSION_TITLES },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await tabTo((el) => el.hasAttribute("aria-expanded"))).toBe(toggle(canvas, 1));
    await userEvent.keyboard("{Enter}");
    await expect(toggle(canvas, 1)).toHaveAttribute("aria-expanded", "true");
    await expect(canvas.getByRole("group", { name: "Output" })).toHaveTextContent("Baixa");
    await userEvent.keyboard(" ");
    await expect(toggle(canvas, 1)).toHaveAttribute("aria-expanded", "false");
    await tabTo(named(/^Open trace 2$/));
    await userEvent.keyboard("{Enter}");
    await expect(args.onTraceClick).toHaveBeenCalledWith(IDS[1], expect.objectContaining({ trace: expect.objectContaining({ id: IDS[1] }) }));
  },
};

export const WithoutSummaries: Story = {};
export const Expanded: Story = { args: { defaultExpandedTraceIds: [IDS[2]!] } };
export const Summarizing: Story = { args: { summaryTitles: { [IDS[0]!]: SESSION_TITLES[IDS[0]!]! }, summarizingIds: IDS.slice(1), onSummarizeAll: fn() } };
export const SummaryFailed: Story = {
  args: {
    summaryTitles: { [IDS[0]!]: SESSION_TITLES[IDS[0]!]! },
    summaryErrors: { [IDS[2]!]: new ApiError({ kind: "http", status: 500, body: { error: "Failed to generate summary", detail: "An error occurred while generating the summary" } }) },
    onSummarizeAll: fn(),
  },
};
export const Loading: Story = { args: { traces: undefined, loading: true } };
export const LoadError: Story = {
  args: { traces: undefined, onRetry: fn(), error: new ApiError({ kind: "http", status: 503, body: { detail: "The query service is unavailable" } }) },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Try again" }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};
export const Empty: Story = { args: { traces: [] } };
export const MoreTracesThanLoaded: Story = { args: { moreTraces: true } };

/** PostHog-LLM events (`llm-task`) linked by `$session_id`, one trace per task. */
export const PostHogLlmSession: Story = { args: { sessionId: POSTHOG_LLM_SESSION_ID, traces: postHogLlmSessionTraces(), sentiments: undefined } };

/** Markup in trace names and messages stays inert text. */
export const HostileContent: Story = {
  args: { traces: [hostileSessionTrace()], sentiments: undefined, defaultExpandedTraceIds: [hostileSessionTrace().id] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("<script>window.__tlPwned=1</script>")).toBeVisible();
    await expect(canvasElement.querySelector("script, iframe, img, [onerror]")).toBeNull();
    for (const a of canvasElement.querySelectorAll("a")) await expect(a.getAttribute("href")).toMatch(/^https?:\/\//);
  },
};

/** Local client: two turns already summarized; "Summarize all" asks the host summarizer for the other two. */
export const LocalClient: Story = {
  args: provided,
  loaders: [async () => ({ client: await warmLocalClient() })],
  render: (args, { loaded }) => <ProvidedSessionView {...args} client={loaded.client as TraceLensClient} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(SESSION_TITLES[IDS[3]!]!)).toBeVisible();
    await expect(canvas.queryByText(SESSION_TITLES[IDS[1]!]!)).toBeNull();
    await userEvent.click(canvas.getByRole("button", { name: "Summarize all" }));
    for (const id of IDS) await expect(await canvas.findByText(SESSION_TITLES[id]!)).toBeVisible();
    await waitFor(() => expect(canvas.getByRole("button", { name: "Summarize all" })).toBeDisabled());
  },
};

/** PostHog's endpoints (the real client against the mock API): TracesQuery, sentiment, batch_check, summarization. */
export const PostHogEndpoints: Story = {
  args: provided,
  loaders: [async () => ({ client: await warmPostHogClient() })],
  render: (args, { loaded }) => <ProvidedSessionView {...args} client={loaded.client as TraceLensClient} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(SESSION_TITLES[IDS[0]!]!)).toBeVisible();
    await userEvent.click(toggle(canvas, 2));
    await expect(await canvas.findByRole("group", { name: "Output" })).toHaveTextContent("June 14");
  },
};

/** batch_check fails: PostHog ignores it, and so does the view (names instead of titles, no error). */
export const PostHogBatchCheckFails: Story = {
  args: provided,
  loaders: [async () => ({ client: await warmPostHogClient([{ endpoint: "batch_check", fault: { kind: "status", status: 500 } }]) })],
  render: (args, { loaded }) => <ProvidedSessionView {...args} client={loaded.client as TraceLensClient} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole("listitem").filter((li) => li.dataset.slot === "session-trace")).toHaveLength(4));
    await expect(canvas.queryByRole("alert")).toBeNull();
    await expect(canvas.getByRole("button", { name: "Summarize all" })).toBeEnabled();
  },
};
