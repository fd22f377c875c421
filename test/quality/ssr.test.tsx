// @vitest-environment node
// SSR, in one place: every entry imports in Node without a browser global, and every component (pure
// view, host-data shell, and the connected shell inside a provider) renders to meaningful HTML.
// Entries and fixtures are imported only after `window` is shown to be absent, so a module that
// reached for it at import would fail here with a ReferenceError rather than pass by accident.
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";

const ENTRIES = {
  "tracelens": () => import("../../src/index"),
  "tracelens/tables": () => import("../../src/tables"),
  "tracelens/trace": () => import("../../src/trace"),
  "tracelens/overview": () => import("../../src/overview"),
  "tracelens/evaluations": () => import("../../src/evaluations"),
  "tracelens/core": () => import("../../src/core/index"),
  "tracelens/inference": () => import("../../src/inference/index"),
  "tracelens/msw": () => import("../../src/msw/index"),
};

const load = async () => {
  const [ui, tables, traceParts, text, sentiment, summary, evaluation, session] = await Promise.all([
    import("../../src/all"),
    import("../../stories/fixtures/tableFixtures"),
    import("../../stories/TraceDetailStoryParts"),
    import("../../stories/TextReprViewStoryParts"),
    import("../../stories/fixtures/sentimentResults"),
    import("../../stories/fixtures/summaryFixtures"),
    import("../../stories/fixtures/evaluationFixtures"),
    import("../../stories/fixtures/sessionFixtures"),
  ]);
  return { ui, tables, t: traceParts.fixtureTraces, text, sentiment, summary, evaluation, session };
};
let f: Awaited<ReturnType<typeof load>>;

/** Renders `ui` inside a provider over a local client that holds `traces` (and the fixture summarizers). */
function provided(ui: ReactNode, traces = f.tables.fixtureTraces) {
  const client = f.ui.createLocalClient({
    traces,
    summarize: f.summary.storySummarizer(),
    summarizeEvaluation: f.evaluation.fixtureEvaluationSummarizer(0),
  });
  return renderToString(<f.ui.TraceLensProvider client={client}>{ui}</f.ui.TraceLensProvider>);
}

describe("importing", () => {
  it("runs in Node, where there is no window or document", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
  });

  it.each(Object.entries(ENTRIES))("%s touches no browser global at import", async (_, entry) => {
    const exported = await entry();
    expect(Object.keys(exported).length).toBeGreaterThan(0);
  });
});

describe("every component renders on the server", () => {
  beforeAll(async () => {
    f = await load();
  });

  it("SentimentBar, tooltip closed", () => {
    const html = renderToString(<f.ui.SentimentBar sentiment={f.sentiment.frustratedGeneration} variant="stacked" />);
    expect(html).toContain('data-slot="sentiment-bar"');
    expect(html).toContain('aria-label="Negative 72%, strongest positive message 40%, strongest negative message 91%;');
    expect(html).not.toContain('role="tooltip"');
  });

  it("TracesTable, from host data and from a query", () => {
    const { fixtureTraces, FIXTURE_NOW } = f.tables;
    const html = renderToString(<f.ui.TracesTable traces={fixtureTraces} now={FIXTURE_NOW} persistKey="ssr-layout" />);
    expect(html).toContain('aria-label="Traces"');
    expect(html).toContain(`aria-rowcount="${fixtureTraces.length + 1}"`);
    expect(html).toContain("support_chat");
    expect(provided(<f.ui.TracesTable query={{}} now={FIXTURE_NOW} />)).toContain('aria-label="Traces"');
  });

  it("GenerationsTable, from host data and from a query", () => {
    const { fixtureTraces, FIXTURE_NOW } = f.tables;
    const traces = fixtureTraces.slice(0, 2);
    const generations = traces.flatMap((t) => t.events).filter((e) => e.event === "$ai_generation").length;
    const html = renderToString(<f.ui.GenerationsTable traces={traces} now={FIXTURE_NOW} />);
    expect(html).toContain('aria-label="Generations"');
    expect(html).toContain(`aria-rowcount="${generations + 1}"`);
    expect((html.match(/data-row-id=/g) ?? []).length).toBeGreaterThan(5);
    expect(provided(<f.ui.GenerationsTable query={{}} now={FIXTURE_NOW} />)).toContain('aria-label="Generations"');
  });

  it("TraceDetail, with a first window of tree rows, and by id through a provider", () => {
    const html = renderToString(<f.ui.TraceDetail trace={f.t.codingAgent} />);
    expect(html).toContain('data-slot="trace-detail"');
    expect(html).toContain('role="tree"');
    expect((html.match(/role="treeitem"/g) ?? []).length).toBeGreaterThan(5);
    expect(html).not.toContain('role="tooltip"');
    expect(provided(<f.ui.TraceDetail traceId={f.t.codingAgent.id} />, [f.t.codingAgent])).toContain('data-slot="trace-detail"');
  });

  it("TextReprView", () => {
    const html = renderToString(<f.ui.TextReprView text={f.text.codingAgentTraceText()} />);
    expect(html).toContain('data-slot="text-repr-line"');
    expect(html).toContain("FIX_FAILING_TEST");
  });

  it("SentimentOverview, from host data and from a query", () => {
    const html = renderToString(<f.ui.SentimentOverview traces={f.tables.syntheticTraces(50)} defaultGroupBy="model" />);
    expect(html).toContain("Sentiment of traces by model");
    expect(provided(<f.ui.SentimentOverview query={{}} />)).toContain("sentiment-overview");
  });

  it("SummaryPanelView, with its line references and the text they point into", () => {
    const response = f.summary.storySummaryResponse(f.t.supportChatbot, "detailed");
    const html = renderToString(<f.ui.SummaryPanelView status="success" summary={response.summary} textRepr={response.text_repr} mode="detailed" />);
    expect(html).toContain('data-slot="summary-panel"');
    expect(html).toContain("Customer updates delivery address before shipping");
    expect(html).toContain('data-slot="summary-line-ref"');
    expect(html).toContain('data-slot="text-repr-line"');
  });

  it("SummaryPanel: from a response, and through a provider (checking for a saved summary)", () => {
    const response = f.summary.storySummaryResponse(f.t.supportChatbot);
    expect(renderToString(<f.ui.SummaryPanel response={response} />)).toContain("Customer updates delivery address before shipping");
    const html = provided(<f.ui.SummaryPanel traceId={f.t.supportChatbot.id} />, [f.t.supportChatbot]);
    expect(html).toContain('data-slot="summary-panel"');
    expect(html).toContain('data-state="checking"');
  });

  it("EvaluationSummaryPanelView, and the panel through a provider (idle until Summarize)", () => {
    const { groundednessSummary, EVALUATION_ID, evaluationTraces } = f.evaluation;
    const html = renderToString(<f.ui.EvaluationSummaryPanelView summary={groundednessSummary} />);
    expect(html).toContain('data-slot="evaluation-summary-panel"');
    expect(html).toContain("Quotes retrieved policy text");
    expect((html.match(/data-slot="evaluation-pattern"/g) ?? []).length).toBe(5);
    const connected = provided(<f.ui.EvaluationSummaryPanel evaluationId={EVALUATION_ID} />, evaluationTraces());
    expect(connected).toContain('data-state="idle"');
    expect(connected).toContain("Summarize");
  });

  it("SessionViewTraceList, an expanded turn included, and SessionView through a provider", () => {
    const { SESSION_ID, SESSION_TITLES, SESSION_TRACE_IDS, sessionTracesFixture, sessionSentiments } = f.session;
    const html = renderToString(
      <f.ui.SessionViewTraceList sessionId={SESSION_ID} traces={sessionTracesFixture()} sentiments={sessionSentiments()} summaryTitles={SESSION_TITLES} defaultExpandedTraceIds={[SESSION_TRACE_IDS[0]!]} />,
    );
    expect(html).toContain('data-slot="session-view"');
    expect((html.match(/data-slot="session-trace"/g) ?? []).length).toBe(5);
    expect(html).toContain(SESSION_TITLES[SESSION_TRACE_IDS[3]!]);
    expect(html).toContain("Baixa");
    const connected = provided(<f.ui.SessionView sessionId={SESSION_ID} />, sessionTracesFixture());
    expect(connected).toContain('data-slot="session-view"');
    expect(renderToString(<f.ui.SessionView sessionId={SESSION_ID} traces={sessionTracesFixture()} />)).toContain(`data-trace-id="${SESSION_TRACE_IDS[0]}"`);
  });
});
