import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { LabelsOverview, type LabelFilter } from "../src/all";
import { keywordLabelClassifiers, withPostHogLlmLabels } from "./fixtures/labelFixtures";
import { FIXTURE_NOW, fixtureTraces, syntheticTraces } from "./fixtures/tableFixtures";
import { EmbeddedModelsProvider, hostLabelled } from "./LabelsStoryParts";
import { LocalProvider, StateFrame } from "./TracesTableStoryParts";
import { createLocalClient } from "../src/all";
import { named, tabTo } from "./keyboardPlay";

const SLOW = { timeout: 15_000 }; // a hang guard for a busy 2-core box, not a speed check
const HUGE = hostLabelled(syntheticTraces(5000, { endMs: FIXTURE_NOW }));

const meta = {
  title: "Components/LabelsOverview",
  component: LabelsOverview,
  parameters: {
    docs: {
      description: {
        component:
          "Traces broken down by the emotion of their user messages and by toxicity, beside SentimentOverview. Labels come " +
          "from the events (stored at ingestion under tracelens' or PostHog-LLM's property names) or, where they carry none, " +
          "from the local client's `labelClassifiers`. A click on a bucket hands back the filter for TracesTable's `labelFilter`.",
      },
    },
  },
  args: { traces: hostLabelled(fixtureTraces), onFilterChange: fn() },
} satisfies Meta<typeof LabelsOverview>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Labels stored by PostHog-LLM's plugins (`user_emotion`, `user_toxicity`, `user_severe_toxicity`). */
export const HostLabels: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("table", { name: /by emotion/ })).toBeVisible();
    await expect(canvas.getByText(/African-American English/)).toBeVisible();
    await userEvent.click(within(canvas.getByRole("table", { name: /by toxicity/ })).getByRole("button", { name: "toxic" }));
    await expect(args.onFilterChange).toHaveBeenLastCalledWith({ toxicity: ["toxic"] });
  },
};

/** The embedded models label every user message in this page (Web Workers), over the embedded default local client. */
export const EmbeddedModels: Story = {
  name: "Labels from the embedded models",
  args: { traces: fixtureTraces },
  render: (args) => (
    <EmbeddedModelsProvider traces={fixtureTraces}>
      <LabelsOverview {...args} />
    </EmbeddedModelsProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent(new RegExp(`^${fixtureTraces.length} traces`)), { timeout: 60_000 });
    await waitFor(() => expect(canvas.getByRole("status")).not.toHaveTextContent(/loading/), { timeout: 60_000 });
    const emotions = within(canvas.getByRole("table", { name: /by emotion/ })).getAllByRole("row").slice(1);
    await expect(emotions.length).toBeGreaterThan(1);
    await expect(canvas.getByRole("table", { name: /by toxicity/ })).toBeVisible();
  },
};

/** Drop-in mode: no `traces`, a `query` instead; one page of traces loads through the embedded default local client. */
export const FromQuery: Story = {
  name: "From a query (local client)",
  args: { traces: undefined, query: { limit: 50 } },
  render: (args) => (
    <LocalProvider client={createLocalClient({ traces: hostLabelled(fixtureTraces) })}>
      <LabelsOverview {...args} />
    </LocalProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent(new RegExp(`^${Math.min(50, fixtureTraces.length)} traces`)), SLOW);
    await expect(within(canvas.getByRole("table", { name: /by emotion/ })).getAllByRole("row").length).toBeGreaterThan(1);
  },
};

/** Loading, empty, failed lookups and error, side by side. */
export const AllStates: Story = {
  render: () => {
    const failing = createLocalClient({ traces: fixtureTraces, labelClassifiers: { emotion: { classify: async () => [] } } });
    return (
      <div style={{ display: "grid", gap: 16, maxWidth: 640 }}>
        <StateFrame title="Loading">
          <LabelsOverview traces={[]} loading />
        </StateFrame>
        <StateFrame title="No labels">
          <LabelsOverview traces={fixtureTraces.slice(0, 3)} />
        </StateFrame>
        <StateFrame title="Classifier failed">
          <LocalProvider client={failing}>
            <LabelsOverview traces={fixtureTraces.slice(0, 3)} title="Failing classifier" />
          </LocalProvider>
        </StateFrame>
        <StateFrame title="Error">
          <LabelsOverview traces={[]} error={new Error("The query service is unavailable")} onRetry={() => {}} title="Errored" />
        </StateFrame>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/labelClassifiers/)).toBeVisible();
    await waitFor(() => expect(canvas.getByText(/3 could not be labelled/)).toBeVisible(), SLOW);
    await expect(canvas.getByRole("button", { name: /try again/i })).toBeVisible();
  },
};

/** 5,000 host-labelled traces. */
export const Huge: Story = {
  args: { traces: HUGE },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(/^5000 traces: \d+ without labels$/);
  },
};

/** Label names from a hostile host: markup stays text, long names are cut. */
export const Hostile: Story = {
  args: {
    traces: [
      withPostHogLlmLabels(fixtureTraces[0]!, `<img src=x onerror="alert(1)">`, 1),
      withPostHogLlmLabels(fixtureTraces[1]!, `${"\u202e"}evil${"x".repeat(5000)}`, 0),
      withPostHogLlmLabels(fixtureTraces[2]!, "__proto__", 0),
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector("img")).toBeNull();
    await expect(canvas.getByText('<img src=x onerror="alert(1)">')).toBeVisible();
    await expect(canvas.getByText(/^\s*proto\s*$/)).toBeVisible();
  },
};

/** Keyboard only: Tab to a bucket and press Space to filter by it; the keyword classifiers label the traces. */
export const KeyboardOnly: Story = {
  render: (args) => {
    function Controlled() {
      const [filter, setFilter] = useState<LabelFilter>({});
      const [client] = useState(() => createLocalClient({ traces: fixtureTraces, labelClassifiers: keywordLabelClassifiers() }));
      return (
        <LocalProvider client={client}>
          <LabelsOverview {...args} traces={fixtureTraces} filter={filter} onFilterChange={(next) => (setFilter(next), args.onFilterChange?.(next))} />
        </LocalProvider>
      );
    }
    return <Controlled />;
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole("table", { name: /by emotion/ })).toBeVisible(), SLOW);
    const button = await tabTo(named("annoyance"));
    await userEvent.keyboard(" ");
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await expect(args.onFilterChange).toHaveBeenLastCalledWith({ emotions: ["annoyance"] });
  },
};
