/**
 * What bench:freeze puts on a page: every component that takes host data, at the sizes issue #15 names
 * (20,000 traces in one session, 100,000 rows), with the interactions a user would try first. Each step
 * is driven through the DOM, as a user would: clicks, typing into inputs, choosing options.
 */
import type { ReactElement } from "react";
import { EvaluationSummaryPanel, GenerationsTable, SentimentOverview, SessionView, TraceDetail, TracesTable } from "../../src/all";
import { createLocalClient, TraceLensProvider } from "../../src/all";
import type { LLMTrace } from "../../src/core";
import type { EvaluationSummaryPattern } from "../../src/core/eventsApi";
import { FIXTURE_NOW, keywordClassifier, syntheticTraces } from "../../stories/fixtures/tableFixtures";
import { syntheticTrace } from "../../stories/fixtures/traceDetailFixtures";
import { BareSessionList } from "./bareSessionList";

export interface FreezeStep {
  name: string;
  act: (host: HTMLElement) => void;
  /** The step is over once this holds (background work included); checked after each painted frame. */
  done?: (host: HTMLElement) => boolean;
}

export interface FreezeScenario {
  title: string;
  /** Builds the host data (not timed) and the element to mount. */
  setup: () => ReactElement;
  /** The mount is over once this holds (a view that paints a placeholder first); checked after each painted frame. */
  ready?: (host: HTMLElement) => boolean;
  steps: FreezeStep[];
}

const q = <T extends Element = HTMLElement>(host: HTMLElement, selector: string) => host.querySelector<T>(selector);
const click = (selector: string) => (host: HTMLElement) => q(host, selector)?.click();
/** Sets a React-controlled input or select the way typing or choosing does. */
function setValue(element: HTMLInputElement | HTMLSelectElement | null, value: string): void {
  if (!element) return;
  const proto = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(element, value);
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
}
const buttonNamed = (host: HTMLElement, pattern: RegExp) => [...host.querySelectorAll<HTMLButtonElement>("button")].find((b) => pattern.test(b.textContent ?? ""));
const notBusy = (host: HTMLElement) => host.querySelector('[aria-busy="true"]') === null;
const searched = (host: HTMLElement) => host.querySelector('[data-slot="trace-search"][aria-busy="true"]') === null;

const SESSION = "bench-session";
const sessionTraces = (count: number): LLMTrace[] => syntheticTraces(count, { seed: 3 }).map((t) => ({ ...t, aiSessionId: SESSION }));

function bigSummary() {
  const pattern = (kind: string, i: number): EvaluationSummaryPattern => ({
    title: `${kind} pattern ${i}`,
    description: `Runs where the answer ${kind === "pass" ? "cited" : "missed"} the source **${i}**.`,
    frequency: i % 3 === 0 ? "common" : "occasional",
    example_generation_ids: Array.from({ length: 50 }, (_, j) => `gen-${kind}-${i}-${j}`),
  });
  const ids = Array.from({ length: 100_000 }, (_, i) => `gen-pass-${i % 300}-${i % 50}-${i}`);
  return {
    summary: {
      overall_assessment: "Most runs pass; failures cluster around missing citations.",
      pass_patterns: Array.from({ length: 300 }, (_, i) => pattern("pass", i)),
      fail_patterns: Array.from({ length: 300 }, (_, i) => pattern("fail", i)),
      na_patterns: Array.from({ length: 300 }, (_, i) => pattern("na", i)),
      recommendations: Array.from({ length: 50 }, (_, i) => `Recommendation ${i}`),
      statistics: { total_analyzed: 100_000, pass_count: 60_000, fail_count: 30_000, na_count: 10_000 },
    },
    reasoning: Object.fromEntries(ids.map((id) => [id, `Reasoning for ${id}`])),
    known: ids,
  };
}

export const SCENARIOS: Record<string, FreezeScenario> = {
  "session-plain": {
    title: "Plain list (peer): 20,000 traces of one session, every item rendered",
    setup: () => <BareSessionList traces={sessionTraces(20_000)} />,
    steps: [],
  },
  session: {
    title: "SessionView, 20,000 traces in one session (host data)",
    setup: () => <SessionView sessionId={SESSION} traces={sessionTraces(20_000)} />,
    // The first page is drawn over a few frames: the mount and "show more" last until it is all there.
    ready: notBusy,
    steps: [
      { name: "expand the first trace", act: click('[data-slot="session-trace"] button[aria-expanded]'), done: (h) => q(h, '[data-slot="session-trace"][data-state="open"]') !== null },
      { name: "show more traces", act: (h) => buttonNamed(h, /^Show .* more/)?.click(), done: notBusy },
    ],
  },
  "session-provider": {
    title: "SessionView, 20,000 traces, inside a provider (local client: sentiment and summary titles load)",
    setup: () => {
      const traces = sessionTraces(20_000).map(({ sentiment: _s, ...t }) => t as LLMTrace);
      const client = createLocalClient({ traces, classifier: keywordClassifier() });
      return (
        <TraceLensProvider client={client}>
          <SessionView sessionId={SESSION} traces={traces} />
        </TraceLensProvider>
      );
    },
    ready: notBusy,
    steps: [{ name: "sentiment of the shown traces loads", act: () => undefined, done: (h) => q(h, '[data-slot="sentiment-bar"][data-state="loading"]') === null }],
  },
  overview: {
    title: "SentimentOverview, 100,000 traces",
    setup: () => <SentimentOverview traces={syntheticTraces(100_000)} />,
    // Counting goes on after the first paint: each step lasts until the overview is no longer busy.
    ready: (h) => notBusy(h) && q(h, '[data-slot="sentiment-overview-summary"]') !== null,
    steps: [
      { name: "group by model", act: (h) => setValue(q<HTMLSelectElement>(h, '[data-slot="sentiment-overview-controls"] select'), "model"), done: notBusy },
      { name: "interval: hour", act: (h) => setValue(h.querySelectorAll<HTMLSelectElement>('[data-slot="sentiment-overview-controls"] select')[1] ?? null, "hour"), done: notBusy },
      { name: "show as table", act: (h) => buttonNamed(h, /^Table$/)?.click(), done: notBusy },
    ],
  },
  traces: {
    title: "TracesTable, 100,000 traces",
    setup: () => <TracesTable traces={syntheticTraces(100_000)} now={FIXTURE_NOW} height={600} />,
    steps: [
      { name: "sort by cost", act: click('th[data-column-id="cost"] button'), done: notBusy },
      { name: "sort by trace name", act: click('th[data-column-id="name"] button'), done: notBusy },
      { name: "search for a word", act: (h) => setValue(q<HTMLInputElement>(h, 'input[type="search"]'), "refund"), done: notBusy },
      { name: "clear the search", act: (h) => setValue(q<HTMLInputElement>(h, 'input[type="search"]'), ""), done: notBusy },
    ],
  },
  generations: {
    title: "GenerationsTable, 100,000 generations",
    setup: () => <GenerationsTable traces={syntheticTraces(100_000)} now={FIXTURE_NOW} height={600} />,
    steps: [
      { name: "sort by model", act: click('th[data-column-id="model"] button'), done: notBusy },
      { name: "open a row's properties", act: click('tr[data-row-id] button[aria-expanded]'), done: (h) => q(h, '[data-slot="generations-table-detail"]') !== null },
    ],
  },
  detail: {
    title: "TraceDetail, 50,000 spans",
    setup: () => <TraceDetail trace={syntheticTrace(50_000)} />,
    ready: (h) => q(h, '[data-slot="trace-tree-row"]') !== null,
    steps: [
      { name: "select a row", act: (h) => h.querySelectorAll<HTMLElement>('[data-slot="trace-tree-row"]')[3]?.click() },
      // Over once the filtered rows are painted (a large trace is searched in slices, aria-busy meanwhile).
      { name: "search the spans", act: (h) => setValue(q<HTMLInputElement>(h, '[data-slot="trace-search"] input'), "tool_3"), done: (h) => searched(h) && q(h, '[data-slot="trace-tree-row"][data-match]') !== null },
      { name: "clear the search", act: (h) => setValue(q<HTMLInputElement>(h, '[data-slot="trace-search"] input'), ""), done: (h) => searched(h) && q(h, '[data-slot="trace-tree-row"][data-match]') === null },
    ],
  },
  evaluation: {
    title: "EvaluationSummaryPanel, 900 patterns × 50 examples, 100,000 known generations with reasoning",
    setup: () => {
      const { summary, reasoning, known } = bigSummary();
      return <EvaluationSummaryPanel summary={summary} reasoningByGenerationId={reasoning} knownGenerationIds={known} />;
    },
    steps: [{ name: "filter: failing", act: click('[data-slot="evaluation-filter"] [data-value="fail"]') }],
  },
};
