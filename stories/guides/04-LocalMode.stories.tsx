/**
 * The runnable example of the "Local mode" guide: createLocalClient over the host's traces, with a
 * host summarizer function and a tiny deterministic classifier in place of a model, so it runs
 * offline and in milliseconds.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  SummaryPanel,
  TraceLensProvider,
  TracesTable,
  createLocalClient,
  type LocalSummarize,
  type SentimentClassifier,
} from "../../src/all";
import { FIXTURE_NOW } from "../fixtures/tableFixtures";
import { fixtureTraces as t } from "../TraceDetailStoryParts";

const traces = [t.supportChatbot, t.frustratedUser, t.delightedUser, t.ragPipeline];

/** A classifier is any object with classify(texts): one score set per text, in order. */
const tinyClassifier: SentimentClassifier = {
  async classify(texts) {
    return texts.map((text) =>
      /thank|great|love|perfect|amazing|wow|exactly what/i.test(text)
        ? { positive: 0.9, neutral: 0.08, negative: 0.02 }
        : /still|rejected|useless|again/i.test(text)
          ? { positive: 0.02, neutral: 0.1, negative: 0.88 }
          : { positive: 0.1, neutral: 0.8, negative: 0.1 },
    );
  },
};

/** A summarizer is any async function from the line-numbered trace text to PostHog's summary object. */
const outlineSummarizer: LocalSummarize = async ({ text }) => {
  const lines = text.split("\n");
  const steps = lines.flatMap((line) => {
    const step = /^L(\d+): [│ ]*[├└]─ (?:\[\+\] )?\[(GEN|SPAN)\] (.+)$/.exec(line);
    return step ? [{ ref: `L${step[1]}`, kind: step[2], what: step[3]! }] : [];
  });
  const name = (/^L\d+: (.+)$/.exec(lines[0] ?? "")?.[1] ?? "Trace").toLowerCase().replace(/_/g, " ");
  return {
    title: `${name}: ${steps.length} steps`,
    flow_diagram: steps.map((step) => `[${step.kind}] ${step.what}`).join("\n  ↓\n"),
    summary_bullets: steps.length
      ? steps.slice(0, 5).map((step, i) => ({ text: `Step ${i + 1} runs \`${step.what}\`.`, line_refs: step.ref }))
      : [{ text: "The trace has no steps.", line_refs: "L1" }],
    interesting_notes: [],
  };
};

function LocalTraces() {
  const [client] = useState(() => createLocalClient({ traces, classifier: tinyClassifier, summarize: outlineSummarizer }));
  const [traceId, setTraceId] = useState(t.frustratedUser.id);
  return (
    <TraceLensProvider client={client}>
      <div style={{ display: "grid", gap: 16 }}>
        <TracesTable query={{}} height={200} now={FIXTURE_NOW} toolbar={false} defaultColumnVisibility={{ output: false, person: false }} onTraceClick={(traceId) => setTraceId(traceId)} />
        <SummaryPanel key={traceId} traceId={traceId} />
      </div>
    </TraceLensProvider>
  );
}

const meta = {
  title: "Guides/Examples/Local mode",
  component: LocalTraces,
  tags: ["!dev", "!autodocs"],
} satisfies Meta<typeof LocalTraces>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Sentiment from the classifier in the table; a summary from the host's function on Generate. */
export const LocalClient: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("account_help", {}, { timeout: 15_000 });
    await waitFor(() => expect(canvas.getAllByRole("img", { name: /^Negative/ }).length).toBeGreaterThan(0));
    await waitFor(() => expect(canvas.getAllByRole("img", { name: /^Positive/ }).length).toBeGreaterThan(0));
    await userEvent.click(await canvas.findByRole("button", { name: "Generate summary" }));
    await expect(await canvas.findByRole("heading", { name: /^account help: \d+ steps$/ })).toBeVisible();
    await userEvent.click(canvas.getByText("trip_planner"));
    await userEvent.click(await canvas.findByRole("button", { name: "Generate summary" }));
    await expect(await canvas.findByRole("heading", { name: /^trip planner: \d+ steps$/ })).toBeVisible();
  },
};
