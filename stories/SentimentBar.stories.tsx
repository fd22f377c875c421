import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { SentimentBar } from "../src/all";
import { SentimentBarGallery } from "./SentimentBarGallery";
import {
  delightedTrace,
  failedSentiment,
  frustratedGeneration,
  neutralGeneration,
  noUserMessages,
} from "./fixtures/sentimentResults";

const meta = {
  title: "Components/SentimentBar",
  component: SentimentBar,
  parameters: {
    docs: {
      description: {
        component:
          "User-message sentiment of a trace or generation. Pass PostHog's sentiment result as it comes from the API " +
          "(`sentiment={result}`), or explicit `label`/`score`/`scores`. The fill is the winning label's confidence; " +
          "triangles mark the strongest positive (above) and strongest negative (below) message when over 5%. " +
          "Hover or focus it for the tooltip.",
      },
    },
  },
  args: { size: "sm", variant: "confidence" },
  argTypes: {
    size: { control: "inline-radio", options: ["sm", "full"] },
    variant: { control: "inline-radio", options: ["confidence", "stacked"] },
    label: { control: "select", options: [undefined, "positive", "neutral", "negative"] },
    score: { control: { type: "range", min: 0, max: 1, step: 0.01 } },
  },
} satisfies Meta<typeof SentimentBar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Negative: Story = {
  args: { sentiment: frustratedGeneration },
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole("img", {
      name: "Negative 72%, strongest positive message 40%, strongest negative message 91%",
    });
    await userEvent.tab();
    await expect(bar).toHaveFocus();
    const tooltip = await within(document.body).findByRole("tooltip");
    await expect(tooltip).toHaveTextContent("Negative: 72% (max positive: 40%, max negative: 91%)");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(within(document.body).queryByRole("tooltip")).toBeNull());
  },
};

export const Positive: Story = { args: { sentiment: delightedTrace } };

export const Neutral: Story = { args: { sentiment: neutralGeneration } };

export const Stacked: Story = {
  args: { sentiment: frustratedGeneration, variant: "stacked" },
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole("img");
    await expect(bar).toHaveAccessibleName(/positive 10%, neutral 18%, negative 72%/);
    await expect(bar.querySelectorAll('[data-slot="sentiment-bar-segment"]')).toHaveLength(3);
  },
};

export const FullWidth: Story = {
  args: { sentiment: frustratedGeneration, size: "full", showValue: true },
  decorators: [(Story) => <div style={{ width: 240 }}><Story /></div>],
};

export const ExplicitProps: Story = { args: { label: "positive", score: 0.62, maxNegative: 0.3 } };

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("img", { name: "Loading sentiment" })).toHaveAttribute("aria-busy", "true");
  },
};

export const NoData: Story = {
  args: { sentiment: noUserMessages },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("img", { name: "No sentiment data" })).toHaveAttribute("data-state", "empty");
  },
};

export const ErrorState: Story = {
  name: "Error",
  args: { sentiment: failedSentiment },
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole("img", { name: "Sentiment unavailable: Failed to compute sentiment" });
    await expect(bar).toHaveAttribute("data-state", "error");
  },
};

/** Every state side by side, in both sizes and variants: the page to check after a theme change. */
export const AllStates: Story = {
  render: () => <SentimentBarGallery />,
  play: async ({ canvasElement }) => {
    const states = [...canvasElement.querySelectorAll('[data-slot="sentiment-bar"]')].map((el) => el.getAttribute("data-state"));
    await expect(new Set(states)).toEqual(new Set(["ready", "loading", "empty", "error"]));
  },
};
