import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { LocalClassificationDemo } from "./LocalClassificationDemo";
import { named, tabTo } from "./keyboardPlay";

const meta = {
  title: "Guides/Local classification",
  component: LocalClassificationDemo,
  parameters: {
    docs: {
      description: {
        component:
          "Sentiment computed in the browser by `tracelens/inference`: the embedded model (about 2 MB) downloads once into " +
          "the Cache API and runs in a Web Worker, so the page never blocks. Results have PostHog's shape, so they feed " +
          "`SentimentBar` directly, and the same classifier plugs into `createLocalClient({ traces, classifier })`. " +
          "Code: `const { status, messages, generation } = useLocalSentiment({ input: generation.properties.$ai_input })`.",
      },
    },
  },
} satisfies Meta<typeof LocalClassificationDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Classify the sample conversation: one frustrated and one delighted user turn. */
export const LocalClassification: Story = {
  name: "Local classification",
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("progressbar", { name: "Model download" })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Classify" }));
    const list = await canvas.findByRole("list", { name: "User messages" }, { timeout: 60_000 });
    const items = within(list).getAllByRole("listitem");
    await expect(items.map((item) => item.getAttribute("data-message-index"))).toEqual(["1", "3"]);
    await expect(within(items[0]!).getByRole("img")).toHaveAccessibleName(/^Negative \d+%/);
    await expect(within(items[1]!).getByRole("img")).toHaveAccessibleName(/^Positive \d+%/);
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent(/Model ready \(tracelens-sentiment, worker\)/));
    await expect(canvas.getByRole("progressbar", { name: "Model download" })).toHaveAttribute("value", "100");
  },
};

/** Paste your own conversation: lines without a role prefix continue the previous message. */
export const PasteYourOwn: Story = {
  name: "Paste your own",
  args: { initialConversation: "" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole("textbox", { name: "Conversation" });
    await userEvent.type(field, "user: The new dashboard is wonderful, I love it!{enter}assistant: Glad to hear it.{enter}user: Where do I find the billing page?");
    await userEvent.click(canvas.getByRole("button", { name: "Classify" }));
    const list = await canvas.findByRole("list", { name: "User messages" }, { timeout: 60_000 });
    const bars = within(list).getAllByRole("img");
    await expect(bars).toHaveLength(2);
    await expect(bars[0]).toHaveAccessibleName(/^Positive \d+%/);
  },
};

/** Keyboard only: Tab into the conversation, add a line, Tab to Classify and press Enter; Tab then reaches a result bar and opens its tooltip. */
export const KeyboardOnly: Story = {
  name: "Keyboard only",
  args: { initialConversation: "user: This export keeps failing, it is useless." },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = await tabTo((el) => el.localName === "textarea");
    await userEvent.keyboard("{Control>}{End}{/Control}{Enter}user: Fixed now, thank you so much!");
    await expect(field).toHaveValue("user: This export keeps failing, it is useless.\nuser: Fixed now, thank you so much!");
    await tabTo(named("Classify"));
    await userEvent.keyboard("{Enter}");
    const list = await canvas.findByRole("list", { name: "User messages" }, { timeout: 60_000 });
    await expect(within(list).getAllByRole("img")).toHaveLength(2);
    const bar = await tabTo((el) => list.contains(el) && el.getAttribute("role") === "img");
    await expect(bar).toHaveAccessibleName(/^(Positive|Neutral|Negative) \d+%/);
    await waitFor(() => expect(within(document.body).getByRole("tooltip")).toBeVisible());
  },
};
