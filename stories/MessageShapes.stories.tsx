import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { GenerationsTable, TraceDetail, TracesTable } from "../src/all";
import { MESSAGE_SHAPE_FIXTURES, type MessageShapeFixture } from "../test/messageShapeFixtures";

const meta = {
  title: "Reference/Message shapes",
  component: TraceDetail,
  parameters: {
    layout: "fullscreen",
    docs: {
      description: {
        component:
          "Every message shape PostHog's SDKs and frontend produce or accept, one trace per provider family " +
          "(docs/message-shapes.md lists them with what tracelens shows). Tool calls, media (with notices for what the SDK " +
          "redacted or left out), agent span kinds and costs nobody reported (\"–\", never $0.00).",
      },
    },
  },
} satisfies Meta<typeof TraceDetail>;
export default meta;
type Story = StoryObj<typeof meta>;

const fixture = (name: string): MessageShapeFixture => MESSAGE_SHAPE_FIXTURES.find((f) => f.name === name)!;

/** A story over one fixture, opened on the event of its `shape` (default: the first shape's event). */
function shapeStory(name: string, shapeId?: string, check?: (canvas: HTMLElement) => Promise<void>): Story {
  const f = fixture(name);
  const shape = shapeId ? f.shapes.find((s) => s.id === shapeId)! : f.shapes[0]!;
  return {
    args: { trace: f.trace, defaultSelectedEventId: shape.event === f.trace.id ? null : shape.event },
    parameters: { docs: { description: { story: `${f.provider}: ${f.shapes.length} shapes; opened on \`${shape.id}\`.` } } },
    play: check ? async ({ canvasElement }) => check(canvasElement) : undefined,
  };
}

async function expandInput(canvas: HTMLElement) {
  const input = within(canvas).getByRole("group", { name: "Input" });
  const expand = within(input).queryByRole("button", { name: "Expand all" });
  if (expand && !(expand as HTMLButtonElement).disabled) await userEvent.click(expand);
}

export const OpenAIChat = shapeStory("openai-chat", "openai-chat-file-redacted", async (canvas) => {
  await expandInput(canvas);
  await expect(within(canvas).getAllByText(/Image redacted by the SDK/).length).toBeGreaterThan(0);
  await expect(within(canvas).getByText(/stored outside the event in PostHog's media storage/)).toBeInTheDocument();
});
export const OpenAIResponses = shapeStory("openai-responses");
export const Anthropic = shapeStory("anthropic", "anthropic-tool-result-blocks");
export const Gemini = shapeStory("gemini");
export const LangGraph = shapeStory("langchain", "langgraph-state-messages-and-keys", async (canvas) => {
  await expect(canvas.querySelector('[data-slot="conversation-output-extra"]')).not.toBeNull();
});
export const VercelAISDK = shapeStory("vercel", "vercel-output-tool-call", async (canvas) => {
  const output = within(canvas).getByRole("group", { name: "Output" });
  await expect(within(output).getByText("fetch_size_chart")).toBeInTheDocument();
});
export const OpenTelemetry = shapeStory("otel");
export const OpenAIAgents = shapeStory("openai-agents", "agents-handoff-span", async (canvas) => {
  await expect(canvas.querySelector('[data-slot="event-header"] [data-slot="span-kind"]')).toHaveTextContent("handoff");
  await expect(within(canvas).getByText("Handoff to")).toBeInTheDocument();
});
export const ClaudeAgentSDK = shapeStory("claude-agent-sdk", "claude-agent-trace-cost", async (canvas) => {
  await expect(canvas.querySelector('[data-slot="trace-header"] [data-slot="chip-cost"]')).toHaveTextContent("$0.0874");
});
export const MixedCosts = shapeStory("costs", "cost-mixed-trace", async (canvas) => {
  await expect(canvas.querySelector('[data-slot="trace-header"] [data-slot="chip-cost"]')).toHaveTextContent("≥ $0.0041");
});

const allTraces = MESSAGE_SHAPE_FIXTURES.map((f) => f.trace);

/** Both tables over every fixture: the Tools column names every called tool; unknown costs read "–". */
export const Tables: Story = {
  render: () => (
    <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
      <TracesTable traces={allTraces} height={520} loadSentiment={false} />
      <GenerationsTable traces={allTraces} height={520} loadSentiment={false} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const vercel = canvasElement.querySelector('tr[data-row-id="tr-vercel-01"] td[data-column-id="tools"]');
    await expect(vercel).toHaveTextContent("fetch_size_chart");
    // Below the fold: rows past the visible ones are drawn once those are painted.
    await waitFor(() => expect(canvasElement.querySelector('tr[data-row-id="ca-gen-1"] td[data-column-id="cost"]')).not.toBeNull());
    const claudeGeneration = canvasElement.querySelector('tr[data-row-id="ca-gen-1"] td[data-column-id="cost"]');
    await expect(claudeGeneration?.textContent?.trim().startsWith("–")).toBe(true);
  },
};
