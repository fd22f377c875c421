/**
 * The components take PostHog's answers as its API documents them, with no cast: this file only compiles
 * (`npm run typecheck` covers the tests) when the prop types accept those shapes, and it renders them.
 * The shapes are written out the way a host types what it fetched: strings are `string`, property bags
 * are records, nothing is narrowed to tracelens' own literal types.
 */
import { render, screen } from "@testing-library/react";
import { SentimentBar, TraceDetail, TracesTable, SessionViewTraceList, type PostHogSentimentEntry, type PostHogSentimentResponse } from "../../src/all";

// posthog-api.md §5.4: the LLMTrace result of a TracesQuery / TraceQuery, declared as interfaces (as PostHog's schema does).
interface FetchedEvent {
  id: string;
  event: string;
  createdAt: string;
  properties: Record<string, unknown>;
}

interface FetchedTrace {
  id: string;
  aiSessionId?: string;
  createdAt: string;
  person: { uuid: string; distinct_id: string; created_at: string; properties: Record<string, unknown> };
  distinctId?: string;
  totalLatency: number;
  inputTokens: number;
  outputTokens: number;
  inputCost: number;
  outputCost: number;
  totalCost: number;
  errorCount?: number;
  inputState?: unknown;
  outputState?: unknown;
  traceName?: string;
  events: FetchedEvent[];
}

const fetched: FetchedTrace = {
  id: "trace-1",
  aiSessionId: "session-1",
  createdAt: "2025-06-02T09:14:00.000Z",
  person: { uuid: "p-1", distinct_id: "user-1", created_at: "2025-01-01T00:00:00Z", properties: { email: "a@example.com" } },
  totalLatency: 0.84,
  inputTokens: 10,
  outputTokens: 5,
  inputCost: 0.0001,
  outputCost: 0.0002,
  totalCost: 0.0003,
  traceName: "support_chat",
  events: [
    {
      id: "ev-1",
      event: "$ai_generation",
      createdAt: "2025-06-02T09:14:00.840Z",
      properties: { $ai_trace_id: "trace-1", $ai_latency: 0.84, $ai_model: "gpt-4o-mini", $ai_input: [{ role: "user", content: "Hi **there**" }], $ai_output_choices: [{ role: "assistant", content: "Hello!" }] },
    },
  ],
};

// posthog-api.md §1.2: one entry of the sentiment endpoint's `results`, as parsed JSON gives it (labels are strings).
const response: PostHogSentimentResponse = {
  results: {
    "trace-1": {
      trace_id: "trace-1",
      label: "positive",
      score: 0.91,
      scores: { positive: 0.91, neutral: 0.07, negative: 0.02 },
      generations: { "ev-1": { label: "positive", score: 0.91, scores: { positive: 0.91, neutral: 0.07, negative: 0.02 }, messages: { "0": { label: "positive", score: 0.91, scores: { positive: 0.91, neutral: 0.07, negative: 0.02 }, text: "Hi there" } } } },
      generation_count: 1,
      message_count: 1,
    },
    "trace-2": { error: "Failed to compute sentiment" },
  },
};
const widened = { label: "negative", score: 0.8, scores: { positive: 0.1, neutral: 0.1, negative: 0.8 }, messages: {}, message_count: 2 };

describe("PostHog's documented shapes as props, with no cast", () => {
  it("SentimentBar takes a sentiment response entry, an error entry and a widened literal", () => {
    const entry: PostHogSentimentEntry | undefined = response.results["trace-1"];
    render(
      <>
        <SentimentBar sentiment={entry} data-testid="entry" />
        <SentimentBar sentiment={response.results["trace-2"]} data-testid="error" />
        <SentimentBar sentiment={widened} data-testid="widened" />
      </>,
    );
    expect(screen.getByTestId("entry")).toHaveAccessibleName(/Positive 91%/);
    expect(screen.getByTestId("error").querySelector('[data-slot="sentiment-bar-error"]')).not.toBeNull();
    expect(screen.getByTestId("widened")).toHaveAccessibleName(/Negative 80%/);
  });

  it("TracesTable, TraceDetail and SessionView take LLMTrace rows as fetched", () => {
    const { unmount } = render(<TracesTable traces={[fetched]} />);
    expect(screen.getByText("support_chat")).toBeInTheDocument();
    unmount();
    render(<TraceDetail trace={fetched} showTimeline={false} />);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("support_chat");
    render(<SessionViewTraceList sessionId="session-1" traces={[fetched]} />);
    expect(screen.getByText(/Hi there/)).toBeInTheDocument();
  });
});
