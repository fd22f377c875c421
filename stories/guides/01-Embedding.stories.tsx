/**
 * The runnable example of the "Embedding tracelens" guide: a master/detail page as a host would write
 * it, on the local client over fixture traces (no network). Shown inside the guide, hidden from the
 * sidebar, and run as a story test with axe.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { TraceDetail, TraceLensProvider, TracesTable, createLocalClient } from "../../src/all";
import { FIXTURE_NOW, keywordClassifier } from "../fixtures/tableFixtures";
import { fixtureTraces as t } from "../TraceDetailStoryParts";

const traces = [t.supportChatbot, t.ragPipeline, t.frustratedUser, t.delightedUser, t.codingAgent];

/** What a host page looks like: one provider, the list on top, the selected trace below. */
function TracesPage() {
  // One client for the page's lifetime: the provider's queries are keyed by it.
  const [client] = useState(() => createLocalClient({ traces, classifier: keywordClassifier() }));
  const [traceId, setTraceId] = useState<string | null>(null);
  return (
    <TraceLensProvider client={client}>
      <div style={{ display: "grid", gap: 16 }}>
        <TracesTable query={{}} height={260} now={FIXTURE_NOW} defaultColumnVisibility={{ output: false, person: false }} onTraceClick={(traceId) => setTraceId(traceId)} />
        {traceId ? (
          <TraceDetail traceId={traceId} treeHeight={260} />
        ) : (
          <p style={{ margin: 0, color: "var(--tl-fg-muted)" }}>Pick a trace to see it here.</p>
        )}
      </div>
    </TraceLensProvider>
  );
}

const meta = {
  title: "Guides/Examples/Embedding",
  component: TracesPage,
  // Shown inside the guide only; still a story test (the `test` tag is kept).
  tags: ["!dev", "!autodocs"],
} satisfies Meta<typeof TracesPage>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Rows load through the provider; clicking one loads that trace, with its sentiment, into TraceDetail. */
export const MasterDetail: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = await canvas.findByText("support_chat", {}, { timeout: 15_000 });
    await waitFor(() => expect(canvas.getAllByRole("img", { name: /^Negative/ }).length).toBeGreaterThan(0));
    await userEvent.click(row);
    const detail = () => canvasElement.querySelector('[data-slot="trace-detail"]');
    await waitFor(() => expect(detail()).toHaveAttribute("data-state", "ready"));
    await expect(within(detail() as HTMLElement).getByRole("tree")).toBeVisible();
  },
};
