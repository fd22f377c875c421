import { QueryClient } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { SentimentOverview, TraceLensProvider, bucketSentiment, groupSentiment, sentimentDimensions } from "../../src/all";
import type { LLMTrace, SentimentLabel, TraceSentiment } from "../../src/core";
import { fixtureTraces } from "../../stories/fixtures/tableFixtures";
import { countingClient } from "../../stories/TracesTableStoryParts";
import { dimensionFilters, dimensionValue } from "../../src/components/SentimentOverview/sentimentOverviewDimensions";
import { sentimentItems } from "../../src/components/SentimentOverview/sentimentOverviewItems";

/** Generous: these wait on the local client and the loader, which share the CPU with the rest of CI. */
const SLOW = { timeout: 15_000 }; // a hang guard for a busy 2-core box, not a speed check

function sentiment(label: SentimentLabel, positive: number, neutral: number, negative: number): TraceSentiment {
  return { trace_id: "", label, score: Math.max(positive, neutral, negative), scores: { positive, neutral, negative }, generations: {}, generation_count: 1, message_count: 1 };
}

function trace(id: string, at: string, model: string, plan: string, result: TraceSentiment | null | undefined): LLMTrace {
  return {
    id,
    createdAt: at,
    person: { uuid: id, distinct_id: id, created_at: "", properties: { plan } },
    events: [{ id: `${id}-g`, event: "$ai_generation", createdAt: at, properties: { $ai_model: model, $ai_provider: model.startsWith("claude") ? "anthropic" : "openai" } }],
    ...(result === undefined ? {} : { sentiment: result }),
  };
}

const TRACES: LLMTrace[] = [
  trace("a", "2025-06-01T10:15:00Z", "gpt-4o", "pro", sentiment("positive", 0.9, 0.08, 0.02)),
  trace("b", "2025-06-01T11:30:00Z", "gpt-4o", "free", sentiment("negative", 0.1, 0.2, 0.7)),
  trace("c", "2025-06-01T11:45:00Z", "claude-sonnet-4", "pro", sentiment("neutral", 0.2, 0.7, 0.1)),
  trace("d", "2025-06-03T09:00:00Z", "gpt-4o", "pro", sentiment("negative", 0.0, 0.1, 0.9)),
  trace("e", "2025-06-03T09:10:00Z", "claude-sonnet-4", "free", null),
];
const items = (traces = TRACES) => sentimentItems("trace", traces, undefined, undefined, undefined);

describe("SentimentOverview aggregation", () => {
  it("counts labels and averages scores per group, largest group first", () => {
    const [gpt, claude] = groupSentiment(items(), sentimentDimensions.model);
    expect(gpt!.label).toBe("gpt-4o");
    expect(gpt!.counts).toEqual({ positive: 1, neutral: 0, negative: 2 });
    expect(gpt!.classified).toBe(3);
    expect(gpt!.meanScores.positive).toBeCloseTo((0.9 + 0.1 + 0) / 3);
    expect(gpt!.meanScores.negative).toBeCloseTo((0.02 + 0.7 + 0.9) / 3);
    expect(gpt!.net).toBeCloseTo((0.88 - 0.6 - 0.9) / 3);
    expect(gpt!.ids.negative).toEqual(["b", "d"]);
    expect(claude!.counts).toEqual({ positive: 0, neutral: 1, negative: 0 });
    expect(claude!.unclassified).toBe(1);
  });

  it("groups by a person property, any property path, or nothing", () => {
    expect(groupSentiment(items(), sentimentDimensions.person("plan")).map((g) => [g.label, g.classified])).toEqual([["pro", 3], ["free", 1]]);
    expect(groupSentiment(items(), sentimentDimensions.property("properties.$ai_provider")).map((g) => g.label)).toEqual(["openai", "anthropic"]);
    expect(groupSentiment(items(), sentimentDimensions.property("person.properties.plan")).map((g) => g.label)).toEqual(["pro", "free"]);
    expect(groupSentiment(items(), sentimentDimensions.none).map((g) => [g.label, g.classified, g.unclassified])).toEqual([["All", 4, 1]]);
    expect(groupSentiment(items(), sentimentDimensions.property("no.such.path")).map((g) => g.label)).toEqual(["(none)"]);
  });

  it("merges the smallest groups into Other past maxGroups", () => {
    const many = Array.from({ length: 6 }, (_, i) => trace(`t${i}`, "2025-06-01T00:00:00Z", `model-${i % 4}`, "pro", sentiment("neutral", 0.1, 0.8, 0.1)));
    const groups = groupSentiment(items(many), sentimentDimensions.model, 3);
    expect(groups.map((g) => g.label)).toEqual(["model-0", "model-1", "Other (2)"]);
    expect(groups[2]!.classified).toBe(2);
  });

  it("buckets by UTC day or hour, filling empty buckets", () => {
    const days = bucketSentiment(items(), "day").buckets;
    expect(days.map((b) => [new Date(b.start).toISOString().slice(0, 10), b.classified])).toEqual([
      ["2025-06-01", 3],
      ["2025-06-02", 0],
      ["2025-06-03", 1],
    ]);
    const hours = bucketSentiment(items(TRACES.slice(0, 3)), "hour").buckets;
    expect(hours.map((b) => b.classified)).toEqual([1, 2]);
    expect(hours[1]!.counts).toEqual({ positive: 0, neutral: 1, negative: 1 });
  });

  it("turns a group into TracesQuery property filters", () => {
    expect(dimensionFilters(sentimentDimensions.model, "gpt-4o")).toEqual([{ type: "event", key: "$ai_model", operator: "exact", value: "gpt-4o" }]);
    expect(dimensionFilters(sentimentDimensions.person("plan"), null)).toEqual([{ type: "person", key: "plan", operator: "is_not_set" }]);
    expect(dimensionFilters(sentimentDimensions.property("properties.$ai_provider"), "openai")).toEqual([{ type: "event", key: "$ai_provider", operator: "exact", value: "openai" }]);
    expect(dimensionFilters(sentimentDimensions.property("traceName"), "x")).toEqual([]);
    expect(dimensionValue(sentimentDimensions.custom("len", "Length", () => { throw new Error("bad"); }), items()[0]!)).toBeNull();
  });
});

describe("SentimentOverview", () => {
  it("draws a labelled chart per dimension and over time, and hands back the filter of a clicked segment", async () => {
    const user = userEvent.setup();
    const onSegmentClick = vi.fn();
    render(<SentimentOverview traces={TRACES} defaultGroupBy="model" onSegmentClick={onSegmentClick} />);
    expect(screen.getByRole("region", { name: "Sentiment" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("4 of 5 traces have sentiment.");
    const chart = screen.getByRole("group", { name: "Sentiment of traces by model" });
    await user.click(within(chart).getByRole("button", { name: "gpt-4o: 2 negative of 3 traces (67%)" }));
    expect(onSegmentClick).toHaveBeenCalledWith({
      sentiment: "negative",
      level: "trace",
      group: { dimension: "model", value: "gpt-4o" },
      dateRange: null,
      properties: [{ type: "event", key: "$ai_model", operator: "exact", value: "gpt-4o" }],
      ids: ["b", "d"],
      traceIds: ["b", "d"],
    });
    const timeline = screen.getByRole("group", { name: "Sentiment of traces per day" });
    fireEvent.keyDown(within(timeline).getAllByRole("button", { name: /negative of/ })[0]!, { key: "Enter" });
    expect(onSegmentClick).toHaveBeenLastCalledWith(
      expect.objectContaining({ sentiment: "negative", dateRange: { date_from: "2025-06-01T00:00:00.000Z", date_to: "2025-06-01T23:59:59.999Z" }, ids: ["b"] }),
    );
  });

  it("is a picture (role img) when nobody listens for clicks", () => {
    render(<SentimentOverview traces={TRACES} />);
    expect(screen.getByRole("img", { name: "Sentiment of traces by everything" })).toHaveAccessibleDescription(/All: 1 positive, 1 neutral, 2 negative/);
    expect(screen.queryAllByRole("button", { name: /of \d+ traces/ })).toHaveLength(0);
  });

  it("switches grouping, interval and the table alternative, reporting each change", async () => {
    const user = userEvent.setup();
    const onGroupByChange = vi.fn();
    const onIntervalChange = vi.fn();
    const onSegmentClick = vi.fn();
    render(
      <SentimentOverview
        traces={TRACES}
        dimensions={[sentimentDimensions.none, sentimentDimensions.model, sentimentDimensions.person("plan", "Plan")]}
        onGroupByChange={onGroupByChange}
        onIntervalChange={onIntervalChange}
        onSegmentClick={onSegmentClick}
      />,
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "Group by" }), "person:plan");
    expect(onGroupByChange).toHaveBeenCalledWith("person:plan");
    await user.selectOptions(screen.getByRole("combobox", { name: "Interval" }), "hour");
    expect(onIntervalChange).toHaveBeenCalledWith("hour");
    await user.click(screen.getByRole("button", { name: "Table" }));
    expect(screen.getByRole("button", { name: "Table" })).toHaveAttribute("aria-pressed", "true");
    const byPlan = screen.getByRole("table", { name: "Sentiment of traces by plan" });
    const pro = within(byPlan).getByRole("rowheader", { name: "pro" }).closest("tr")!;
    expect(within(pro).getAllByRole("cell").map((c) => c.textContent)).toEqual(["1 (33%)", "1 (33%)", "1 (33%)", "0", "0.37", "0.29", "0.34", "+0.03"]);
    await user.click(within(pro).getByRole("button", { name: "pro: 1 negative traces, show them" }));
    expect(onSegmentClick).toHaveBeenCalledWith(expect.objectContaining({ sentiment: "negative", ids: ["d"], properties: [{ type: "person", key: "plan", operator: "exact", value: "pro" }] }));
    expect(screen.getByRole("table", { name: "Sentiment of traces per hour (UTC)" })).toBeInTheDocument();
  });

  it("loads sentiment for traces without it, batched through the client", async () => {
    const client = countingClient();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <TraceLensProvider client={client} queryClient={queryClient}>
        {children}
      </TraceLensProvider>
    );
    render(<SentimentOverview query={{}} defaultGroupBy="model" />, { wrapper });
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/^\d+ of 16 traces have sentiment\.$/), SLOW);
    expect(client.sentimentRequests).toHaveLength(1);
    expect(client.sentimentRequests.flat().sort()).toEqual(fixtureTraces.map((t) => t.id).sort());
  });

  it("aggregates generations, with the trace's results for its generations", () => {
    render(<SentimentOverview traces={TRACES} level="generation" defaultGroupBy="model" />);
    expect(screen.getByRole("status")).toHaveTextContent("0 of 5 generations have sentiment.");
    const withParts: LLMTrace = {
      ...TRACES[0]!,
      sentiment: { ...sentiment("positive", 0.9, 0.05, 0.05), generations: { "a-g": { label: "positive", score: 0.9, scores: { positive: 0.9, neutral: 0.05, negative: 0.05 }, messages: { "1": { label: "positive", score: 0.9, scores: { positive: 0.9, neutral: 0.05, negative: 0.05 } } } } } },
    };
    render(<SentimentOverview traces={[withParts]} level="generation" title="Generations" />);
    expect(within(screen.getByRole("region", { name: "Generations" })).getByRole("status")).toHaveTextContent("1 of 1 generations have sentiment.");
  });

  it("shows loading, empty and error states", async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { rerender } = render(<SentimentOverview traces={[]} loading />);
    expect(screen.getByRole("status", { name: "Loading sentiment overview" })).toBeInTheDocument();
    rerender(<SentimentOverview traces={[]} />);
    expect(screen.getByText("There were no traces in this period.")).toBeInTheDocument();
    rerender(<SentimentOverview traces={[]} error={new Error("down")} onRetry={onRetry} />);
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalled();
  });

  it("survives junk: bad sentiment values, missing dates and non-traces", () => {
    const junk = [null, { id: "x", events: [], sentiment: { label: "furious", score: "high" } }, { id: "y", createdAt: "not a date", events: [] }] as unknown as LLMTrace[];
    render(<SentimentOverview traces={junk} />);
    expect(screen.getByRole("status")).toHaveTextContent("0 of 2 traces have sentiment.");
  });
});

