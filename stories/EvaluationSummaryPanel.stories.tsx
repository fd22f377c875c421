import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { ApiError, EvaluationSummaryPanel } from "../src/all";
import {
  EVALUATION_GENERATION_IDS as GEN,
  EVALUATION_ID,
  EVALUATION_REASONING,
  groundednessSummary,
  hostileEvaluationSummary,
  summaryForFilter,
} from "./fixtures/evaluationFixtures";
import { LocalEvaluationPanel, PostHogEvaluationPanel } from "./EvaluationSummaryPanelStoryParts";
import { tabTo } from "./keyboardPlay";

const meta = {
  title: "Components/EvaluationSummaryPanel",
  component: EvaluationSummaryPanel,
  parameters: {
    docs: {
      description: {
        component:
          "The AI summary of an evaluation's runs (PostHog's `evaluation_summary`): an All / Passing / Failing / N/A filter, " +
          "the overall assessment, statistics counted from the runs, pattern cards with example generations (reasoning on " +
          "hover and focus) and recommendations. Pass `evaluationId` inside a `TraceLensProvider`, or a `summary`. Model " +
          "text is rendered as safe markdown or plain text, never as HTML.",
      },
    },
  },
  args: { summary: groundednessSummary, onGenerationClick: fn(), reasoningByGenerationId: EVALUATION_REASONING, knownGenerationIds: GEN },
} satisfies Meta<typeof EvaluationSummaryPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

const SERVER_ERROR_ONCE = [{ endpoint: "evaluation_summary" as const, fault: { kind: "status" as const, status: 500 }, times: 1 }];
const cards = (root: HTMLElement, kind: string) => root.querySelectorAll(`[data-slot="evaluation-pattern"][data-kind="${kind}"]`).length;

/** Switching the filter shows only that kind of pattern card; "All" shows passing and failing side by side. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(cards(canvasElement, "pass")).toBe(2);
    await expect(cards(canvasElement, "fail")).toBe(2);
    await userEvent.click(canvas.getByRole("radio", { name: "Failing" }));
    await expect(canvas.getByRole("radio", { name: "Failing" })).toHaveAttribute("aria-checked", "true");
    await expect(cards(canvasElement, "pass")).toBe(0);
    await expect(cards(canvasElement, "fail")).toBe(2);
    await expect(canvas.getByText("4 failing runs analyzed")).toBeVisible();
    await userEvent.keyboard("{ArrowRight}");
    await expect(canvas.getByRole("radio", { name: "N/A" })).toHaveFocus();
    await expect(cards(canvasElement, "fail")).toBe(0);
    await expect(cards(canvasElement, "na")).toBe(1);
    await userEvent.click(canvas.getByRole("radio", { name: "Passing" }));
    await expect(cards(canvasElement, "pass")).toBe(2);
    await expect(cards(canvasElement, "na")).toBe(0);
    await userEvent.click(canvas.getByRole("radio", { name: "All" }));
    await expect(cards(canvasElement, "pass") + cards(canvasElement, "fail")).toBe(4);
  },
};

/** Example ids are buttons that call onGenerationClick; their run's reasoning shows on hover and on keyboard focus. */
export const ExampleGenerations: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const first = canvas.getByRole("button", { name: `Open generation ${GEN[0]}` });
    await userEvent.hover(first);
    await waitFor(() => expect(canvas.getByRole("tooltip")).toHaveTextContent(EVALUATION_REASONING[GEN[0]!]!));
    await userEvent.unhover(first);
    await waitFor(() => expect(canvas.queryByRole("tooltip")).toBeNull());
    const example = canvas.getByRole("button", { name: `Open generation ${GEN[5]}` });
    await userEvent.click(example);
    await expect(args.onGenerationClick).toHaveBeenCalledWith(GEN[5], expect.objectContaining({ event: null }));
    await userEvent.unhover(example);
    example.blur();
    await waitFor(() => expect(canvas.queryByRole("tooltip")).toBeNull());
    example.focus();
    await waitFor(() => expect(canvas.getByRole("tooltip")).toHaveTextContent(EVALUATION_REASONING[GEN[5]!]!));
    await expect(example).toHaveAccessibleDescription(EVALUATION_REASONING[GEN[5]!]!);
  },
};

/** Keyboard only, from the top of the page: the filter is one tab stop moved by arrows; the summary folds with Enter; an example's reasoning shows on focus and Enter opens it. */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const all = await tabTo((el) => el.getAttribute("role") === "radio");
    await expect(all).toHaveAccessibleName("All");
    await userEvent.keyboard("{ArrowRight}");
    await expect(canvas.getByRole("radio", { name: "Passing" })).toHaveFocus();
    await expect(canvas.getByRole("radio", { name: "Passing" })).toHaveAttribute("aria-checked", "true");
    await expect(cards(canvasElement, "fail")).toBe(0);
    await userEvent.keyboard("{End}");
    await expect(canvas.getByRole("radio", { name: "N/A" })).toHaveAttribute("aria-checked", "true");
    await userEvent.keyboard("{Home}");
    await expect(cards(canvasElement, "pass") + cards(canvasElement, "fail")).toBe(4);
    const fold = await tabTo((el) => el.hasAttribute("aria-expanded"));
    await userEvent.keyboard("{Enter}");
    await expect(fold).toHaveAttribute("aria-expanded", "false");
    await userEvent.keyboard("{Enter}");
    await expect(fold).toHaveAttribute("aria-expanded", "true");
    const example = await tabTo((el) => el.dataset.generationId === GEN[0]);
    await waitFor(() => expect(canvas.getByRole("tooltip")).toHaveTextContent(EVALUATION_REASONING[GEN[0]!]!));
    await expect(example).toHaveAccessibleDescription(EVALUATION_REASONING[GEN[0]!]!);
    await userEvent.keyboard("{Enter}");
    await expect(args.onGenerationClick).toHaveBeenCalledWith(GEN[0], expect.objectContaining({ event: null }));
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(canvas.queryByRole("tooltip")).toBeNull());
  },
};

/** Ids that are not among the loaded runs are shown as muted text, not as buttons (as in PostHog). */
export const UnknownExampleIds: Story = { args: { knownGenerationIds: GEN.slice(0, 4) } };
export const FailingFilter: Story = { args: { summary: summaryForFilter("fail"), defaultFilter: "fail" } };
export const WithoutNaFilter: Story = { args: { summary: { ...groundednessSummary, na_patterns: [], statistics: { ...groundednessSummary.statistics, na_count: 0 } }, showNaFilter: false } };
export const NoPatternsForFilter: Story = { args: { summary: { ...summaryForFilter("pass"), pass_patterns: [] }, defaultFilter: "pass" } };
export const Collapsed: Story = { args: { defaultExpanded: false } };
export const Idle: Story = { args: { summary: undefined, runCount: 16, onGenerate: fn() } };
export const NothingToSummarize: Story = { args: { summary: undefined, runCount: 0, onGenerate: fn(), defaultFilter: "na" } };
export const Loading: Story = { args: { summary: undefined, loading: true, runCount: 4, defaultFilter: "fail" } };
export const NoRunsForFilter: Story = {
  args: { summary: undefined, defaultFilter: "na", error: new ApiError({ kind: "http", status: 400, body: { error: "No evaluation runs found for the specified criteria" } }) },
};
export const ServerError: Story = {
  args: {
    summary: undefined,
    onRetry: fn(),
    error: new ApiError({ kind: "http", status: 500, path: "/api/environments/1/llm_analytics/evaluation_summary/", body: { error: "Failed to generate summary", detail: "An error occurred while generating the summary" } }),
  },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Try again" }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};
export const Throttled: Story = { args: { summary: undefined, error: new ApiError({ kind: "http", status: 429, body: { detail: "Request was throttled. Expected available in 12 seconds." } }) } };

/** HTML, scripts and `javascript:` links from the model stay inert text. */
export const HostileContent: Story = {
  args: { summary: hostileEvaluationSummary, knownGenerationIds: undefined },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("script, iframe, img, [onerror], [onmouseover]")).toBeNull();
    await expect(canvasElement.querySelectorAll("a")).toHaveLength(0);
    await expect(within(canvasElement).getByRole("article", { name: `<script>window.__tlPwned=1</script>` })).toBeVisible();
  },
};

/** Local client: "Summarize" calls the host's summarizer; switching the filter summarizes that filter. */
export const LocalClient: Story = {
  args: { summary: undefined, evaluationId: EVALUATION_ID, runCount: undefined },
  render: (args) => <LocalEvaluationPanel {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Summarize" }));
    await expect(await canvas.findByText("11 passed, 4 failed, 1 N/A")).toBeVisible();
    await userEvent.click(canvas.getByRole("radio", { name: "Failing" }));
    await expect(await canvas.findByText("4 failing runs analyzed")).toBeVisible();
    await expect(cards(canvasElement, "pass")).toBe(0);
  },
};

/** PostHog's endpoint (the real client against the mock API), summarizing on mount. */
export const PostHogEndpoint: Story = {
  args: { summary: undefined, evaluationId: EVALUATION_ID, autoGenerate: true },
  render: (args) => <PostHogEvaluationPanel {...args} />,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("11 passed, 4 failed, 1 N/A")).toBeVisible();
  },
};

/** PostHog answers 500 once: a readable error, and "Try again" recovers. */
export const PostHogServerError: Story = {
  args: { summary: undefined, evaluationId: EVALUATION_ID, autoGenerate: true },
  render: (args) => <PostHogEvaluationPanel {...args} faults={SERVER_ERROR_ONCE} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent("An error occurred while generating the summary");
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByText("11 passed, 4 failed, 1 N/A")).toBeVisible();
  },
};

/** An organization that has not approved AI data processing gets PostHog's 403, explained. */
export const PostHogAiNotApproved: Story = {
  args: { summary: undefined, evaluationId: EVALUATION_ID, autoGenerate: true },
  render: (args) => <PostHogEvaluationPanel {...args} aiProcessingApproved={false} />,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent(/AI data processing must be approved/);
  },
};
