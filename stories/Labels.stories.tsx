/**
 * Emotion and toxicity where people look: the table columns and filters, the conversation's chips and the
 * overview, labelled by the embedded models in this page (Web Workers) over the embedded default local
 * client, and by labels a host stored on its events.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, waitFor, within } from "storybook/test";
import { EmotionChips, LabelsOverview, ToxicityChip, TraceDetail, TracesTable } from "../src/all";
import type { LabelFilter } from "../src/core";
import { annoyedMessage, gratefulMessage, mixedTraceLabels, offensiveMessage, severeTraceLabels } from "./fixtures/labelFixtures";
import { FIXTURE_IDS, FIXTURE_NOW, fixtureTraces } from "./fixtures/tableFixtures";
import { EmbeddedModelsProvider, hostLabelled } from "./LabelsStoryParts";
import { StateFrame } from "./TracesTableStoryParts";

function Dashboard({ traces }: { traces: typeof fixtureTraces }) {
  const [filter, setFilter] = useState<LabelFilter>({});
  const [traceId, setTraceId] = useState<string>(FIXTURE_IDS.frustrated);
  const trace = traces.find((t) => t.id === traceId);
  const generation = trace?.events.filter((e) => e.event === "$ai_generation").at(-1);
  return (
    <div style={{ display: "grid", gap: 16 }}>
      <LabelsOverview traces={traces} filter={filter} onFilterChange={setFilter} />
      <TracesTable traces={traces} now={FIXTURE_NOW} height={360} labelFilter={filter} onLabelFilterChange={setFilter} onTraceClick={(id) => setTraceId(id)} />
      {trace && <TraceDetail key={trace.id} trace={trace} defaultSelectedEventId={generation?.id} />}
    </div>
  );
}

const meta = {
  title: "Components/Labels",
  component: Dashboard,
  parameters: {
    docs: {
      description: {
        component:
          "Emotion and toxicity of user messages in TracesTable (columns and filters), TraceDetail (chips beside each " +
          "message's sentiment) and LabelsOverview. `createLocalClient({ traces, labelClassifiers: { emotion: " +
          "createEmotionClassifier(), toxicity: createToxicityClassifier() } })` labels them in the browser; labels stored " +
          "on events (tracelens' or PostHog-LLM's property names) win and need no classifier.",
      },
    },
  },
  args: { traces: fixtureTraces },
} satisfies Meta<typeof Dashboard>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The embedded sentiment, emotion and toxicity models label the fixture traces in this page. */
export const EmbeddedModels: Story = {
  name: "Labels from the embedded models",
  render: (args) => (
    <EmbeddedModelsProvider traces={args.traces}>
      <Dashboard traces={args.traces} />
    </EmbeddedModelsProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole("table", { name: "Traces" }, { timeout: 20_000 });
    await waitFor(() => expect(within(table).getAllByRole("img", { name: /^Emotion: / }).length).toBeGreaterThan(0), { timeout: 60_000 });
    const input = await canvas.findByRole("group", { name: "Input" });
    await waitFor(() => expect(input.querySelectorAll('[data-slot="message"][data-role="user"] [data-slot="emotion-chips"][data-source="local"]').length).toBeGreaterThan(0), { timeout: 60_000 });
    await waitFor(() => expect(canvas.getByRole("table", { name: /by emotion/ })).toBeVisible(), { timeout: 60_000 });
  },
};

/** Labels PostHog-LLM's plugins stored on the events: no classifier runs. */
export const HostLabels: Story = {
  args: { traces: hostLabelled(fixtureTraces) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole("table", { name: "Traces" });
    await expect(within(table).getAllByRole("img", { name: /^Emotion: / }).length).toBeGreaterThan(0);
    await expect(canvas.getByRole("combobox", { name: "Toxicity filter" })).toBeVisible();
  },
};

/** Every chip state: message and trace labels, toxic and severe, loading, none and failed. */
export const ChipStates: Story = {
  render: () => (
    <div style={{ display: "grid", gap: 8, maxWidth: 520 }}>
      <StateFrame title="Annoyed message">
        <EmotionChips labels={annoyedMessage} />
      </StateFrame>
      <StateFrame title="Grateful message (no toxicity chip)">
        <span style={{ display: "flex", gap: 4 }}>
          <EmotionChips labels={gratefulMessage} />
          <ToxicityChip labels={gratefulMessage} />
        </span>
      </StateFrame>
      <StateFrame title="Offensive message">
        <span style={{ display: "flex", gap: 4 }}>
          <EmotionChips labels={offensiveMessage} />
          <ToxicityChip labels={offensiveMessage} />
        </span>
      </StateFrame>
      <StateFrame title="Trace summary">
        <EmotionChips labels={mixedTraceLabels} max={3} />
      </StateFrame>
      <StateFrame title="Severe">
        <ToxicityChip labels={severeTraceLabels} />
      </StateFrame>
      <StateFrame title="Loading">
        <EmotionChips labels={undefined} loading />
      </StateFrame>
      <StateFrame title="No labels">
        <EmotionChips labels={null} />
      </StateFrame>
      <StateFrame title="Failed">
        <EmotionChips labels={{ error: "Failed to compute labels" }} />
      </StateFrame>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("img", { name: "Toxicity: offensive language, hate speech (severe)" })).toBeVisible();
    await expect(canvas.getByRole("img", { name: "Emotion unavailable: Failed to compute labels" })).toBeVisible();
  },
};
