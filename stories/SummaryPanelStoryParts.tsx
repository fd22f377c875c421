import { useMemo, useState, type ComponentProps } from "react";
import { SummaryPanel, TextReprView, TraceDetail, TraceLensProvider, createLocalClient, createPostHogClient, type TraceLensClient } from "../src/all";
import type { LineRefRange, LLMTrace } from "../src/core";
import { createPostHogMockBackend, type MockFaultRule } from "../src/msw";
import { storySummarizer } from "./fixtures/summaryFixtures";
import { fixtureTraces as t } from "./TraceDetailStoryParts";

export const summaryTraces: LLMTrace[] = [t.supportChatbot, t.ragPipeline, t.codingAgent, t.rateLimited];

export interface StoryClientOptions {
  /** "local": the host's summarizer in the page; "posthog": PostHog's HTTP API, answered by the mock backend. */
  backend?: "local" | "posthog";
  /** How long the summarizer takes, in ms. */
  delayMs?: number;
  /** Faults the mock PostHog backend starts with. */
  faults?: MockFaultRule[];
}

/** A client whose summaries come from the story summarizer, locally or through PostHog's endpoints. */
export function storyClient({ backend = "local", delayMs = 0, faults }: StoryClientOptions = {}): TraceLensClient {
  const summarize = storySummarizer(delayMs);
  if (backend === "local") return createLocalClient({ traces: summaryTraces, summarize });
  const mock = createPostHogMockBackend({ traces: summaryTraces, summarize, faults });
  return createPostHogClient({
    host: "https://posthog.example",
    projectId: 1,
    retry: { retries: 0 },
    // Real requests and responses, answered in the page: no service worker needed.
    fetch: async (input, init) => {
      const outcome = await mock.handle(new Request(input, init));
      if (outcome.type === "network-error") throw new TypeError("Failed to fetch");
      return outcome.response;
    },
  });
}

/** A client that already holds a summary of the trace, as if generated an hour ago. */
export async function cachedStoryClient(traceId: string, options: StoryClientOptions = {}): Promise<TraceLensClient> {
  const client = storyClient(options);
  await client.summarize({ trace_id: traceId, mode: "minimal" });
  return client;
}

/** SummaryPanel inside a provider over the given (or a fresh) story client. */
export function ProvidedSummaryPanel({ client, clientOptions, ...props }: ComponentProps<typeof SummaryPanel> & { client?: TraceLensClient; clientOptions?: StoryClientOptions }) {
  const own = useMemo(() => client ?? storyClient(clientOptions), [client, clientOptions]);
  return (
    <TraceLensProvider client={own}>
      <SummaryPanel {...props} />
    </TraceLensProvider>
  );
}

/** TraceDetail with its default Summary tab, the selection owned by the story and shown above it. */
export function SummaryInTraceDetail({ client, clientOptions, ...props }: ComponentProps<typeof TraceDetail> & { client?: TraceLensClient; clientOptions?: StoryClientOptions }) {
  const own = useMemo(() => client ?? storyClient(clientOptions), [client, clientOptions]);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <TraceLensProvider client={own}>
      <p style={{ margin: "0 0 8px", fontSize: 12 }} data-testid="host-state">
        Host state: selected <code>{selected ?? "(trace)"}</code>
      </p>
      <TraceDetail
        {...props}
        selectedEventId={selected}
        onSelectEvent={(id, node) => {
          setSelected(id);
          props.onSelectEvent?.(id, node);
        }}
      />
    </TraceLensProvider>
  );
}

/** A minimal summary beside the host's own TextReprView, driven through `onLineRefClick`. */
export function SummaryWithHostText({ text, ...props }: ComponentProps<typeof SummaryPanel> & { text: string }) {
  const [lines, setLines] = useState<LineRefRange[] | null>(null);
  return (
    <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: 16 }}>
      <SummaryPanel {...props} onLineRefClick={(target) => { setLines(target.ranges); props.onLineRefClick?.(target); }} />
      <TextReprView text={text} highlightLines={lines} maxHeight={420} label="Host's text view" />
    </div>
  );
}
