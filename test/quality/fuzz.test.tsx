// Robustness: every component's data props fuzzed with random trace/event shapes (fast-check).
// Nothing may escape as an uncaught error; a failure must stay inside the component that failed,
// as a readable message, with its neighbour on the page untouched.
import { act, cleanup, render } from "@testing-library/react";
import fc from "fast-check";
import type { ComponentType } from "react";
import {
  EvaluationSummaryPanel,
  EvaluationSummaryPanelView,
  GenerationsTable,
  SentimentBar,
  SentimentOverview,
  SessionView,
  SessionViewTraceList,
  SummaryPanel,
  SummaryPanelView,
  TextReprView,
  TraceDetail,
  TracesTable,
} from "../../src/all";
import { randomByTraceId, randomEvaluationSummary, randomSummary, randomText, randomTrace, randomTraceIds, randomTraces, weird } from "./randomData";

const escaped: unknown[] = [];
const onError = (event: ErrorEvent) => {
  escaped.push(event.error ?? event.message);
  event.preventDefault();
};
const onRejection = (event: PromiseRejectionEvent) => escaped.push(event.reason);
let consoleError: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  escaped.length = 0;
  window.addEventListener("error", onError);
  window.addEventListener("unhandledrejection", onRejection);
  // React logs errors its boundaries caught; those are the contained failures this suite allows.
  consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  window.removeEventListener("error", onError);
  window.removeEventListener("unhandledrejection", onRejection);
  consoleError.mockRestore();
  cleanup();
});

/** Renders next to a neighbour and checks containment; returns nothing, throws on a violation. */
function renderContained(ui: React.ReactNode) {
  const { container, unmount } = render(
    <div>
      <p data-testid="neighbour">neighbour</p>
      <section data-testid="subject">{ui}</section>
    </div>,
  );
  act(() => undefined);
  expect(escaped).toEqual([]);
  expect(container.querySelector('[data-testid="neighbour"]')?.textContent).toBe("neighbour");
  for (const alert of container.querySelectorAll('[data-testid="subject"] [role="alert"]')) {
    const message = alert.textContent ?? "";
    expect(message.trim().length).toBeGreaterThan(0);
    expect(message).not.toMatch(/\[object Object\]/);
  }
  unmount();
}

const property = <T,>(arb: fc.Arbitrary<T>, view: (value: T) => React.ReactNode) =>
  fc.assert(fc.property(arb, (value) => renderContained(view(value))), { numRuns: 40 });

const sentimentLike = fc.oneof(
  weird,
  fc.record({ label: weird, score: weird, scores: weird, messages: weird, message_count: weird, generations: weird, error: weird }, { requiredKeys: [] }),
);

function Boom(): never {
  throw new Error("boom");
}

describe("the containment harness", () => {
  it("fails a component whose error escapes (no boundary)", () => {
    expect(() => renderContained(<Boom />)).toThrow();
  });
});

describe("fuzzed data props stay contained", () => {
  const any = (C: ComponentType<never>) => C as ComponentType<Record<string, unknown>>;
  it("SentimentBar", () => property(sentimentLike, (s) => { const C = any(SentimentBar); return <C sentiment={s} />; }));
  it("TracesTable", () => property(randomTraces, (traces) => { const C = any(TracesTable); return <C traces={traces} />; }));
  it("GenerationsTable", () => property(randomTraces, (traces) => { const C = any(GenerationsTable); return <C traces={traces} />; }));
  it("TraceDetail", () => property(randomTrace, (trace) => { const C = any(TraceDetail); return <C trace={trace} />; }));
  it("TraceDetail, every tab of a random trace", () =>
    property(fc.tuple(randomTrace, fc.constantFrom("conversation", "raw", "text", "summary")), ([trace, tab]) => { const C = any(TraceDetail); return <C trace={trace} defaultTab={tab} />; }));
  it("TextReprView", () => property(randomText, (text) => { const C = any(TextReprView); return <C text={text} />; }));
  it("SentimentOverview", () =>
    property(fc.tuple(randomTraces, fc.oneof(weird, fc.dictionary(fc.constantFrom("t1", "t2"), sentimentLike))), ([traces, sentiments]) => {
      const C = any(SentimentOverview);
      return <C traces={traces} sentiments={sentiments} />;
    }));
  it("SummaryPanelView: a random summary, its text and its failure, in every status and mode", () =>
    property(
      fc.record({
        status: fc.constantFrom("idle", "checking", "loading", "success", "error", "unsupported"),
        summary: randomSummary,
        textRepr: randomText,
        error: weird,
        mode: fc.constantFrom("minimal", "detailed"),
        highlightLines: fc.oneof(weird, fc.array(fc.record({ start: fc.integer(), end: fc.integer() }), { maxLength: 2 })),
      }),
      (p) => { const C = any(SummaryPanelView); return <C {...p} showTextRepr onLineRefClick={() => undefined} />; },
    ));
  it("EvaluationSummaryPanelView: a random response under every filter, or a random failure", () =>
    property(
      fc.record({
        summary: randomEvaluationSummary,
        defaultFilter: fc.constantFrom("all", "pass", "fail", "na"),
        error: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: weird }),
        runCount: weird,
        reasoningByGenerationId: randomByTraceId,
        knownGenerationIds: randomTraceIds,
      }),
      (p) => { const C = any(EvaluationSummaryPanelView); return <C {...p} onGenerationClick={() => undefined} onGenerate={() => undefined} />; },
    ));
  it("SessionViewTraceList: random traces, every one expanded, with random titles, sentiments and failures", () =>
    property(
      fc.record({ traces: randomTraces, sentiments: randomByTraceId, summaryTitles: randomByTraceId, summaryErrors: randomByTraceId, summarizingIds: randomTraceIds, error: fc.oneof(fc.constant(undefined), weird) }),
      (p) => {
        const C = any(SessionViewTraceList);
        const expanded = Array.isArray(p.traces) ? p.traces.map((t) => (t as { id?: unknown } | null)?.id) : [];
        return <C {...p} defaultExpandedTraceIds={expanded} onSummarizeAll={() => undefined} onTraceClick={() => undefined} />;
      },
    ));
  // The drop-in shells read host data themselves (SessionView picks the session's traces) before any view draws it.
  it("SummaryPanel, EvaluationSummaryPanel and SessionView given random host data", () => {
    property(fc.record({ summary: randomSummary, text_repr: randomText }, { requiredKeys: [] }), (response) => { const C = any(SummaryPanel); return <C response={response} mode="detailed" />; });
    property(randomEvaluationSummary, (summary) => { const C = any(EvaluationSummaryPanel); return <C summary={summary} />; });
    property(fc.tuple(randomTraces, fc.oneof(fc.constantFrom("t1", "s1"), weird)), ([traces, sessionId]) => { const C = any(SessionView); return <C traces={traces} sessionId={sessionId} />; });
  });
});
