// XSS in real Chromium: every component gets every naughty string and crafted payload in every
// text-bearing field; no payload may run, no dialog open, no navigation start, and nothing that could
// run later (event-handler attributes, javascript:/data:text/html URLs, script-bearing elements) may
// reach the DOM.
import { cleanup, render } from "vitest-browser-react";
import { page, userEvent } from "vitest/browser";
import type { ReactNode } from "react";
import {
  ApiError,
  EvaluationSummaryPanelView,
  GenerationsTable,
  SafeMarkdown,
  SentimentBar,
  SentimentOverview,
  SessionView,
  SessionViewTraceList,
  SummaryPanelView,
  TextReprView,
  TraceDetail,
  TracesTable,
  preloadSafeMarkdown,
} from "../../src/all";
import type { LLMTrace, TraceSentiment } from "../../src/core";
import {
  HOSTILE_STRINGS,
  HOSTILE_TEXT_REPR,
  PAYLOADS,
  hostileChunks,
  hostileEvaluationSummaryOf,
  hostileLines,
  hostileSessionTraces,
  hostileSummaryOf,
  hostileTraces,
} from "./hostileData";
import { installXssGuard, settle, type XssGuard } from "./xssGuard";

const traces = hostileTraces();
let guard: XssGuard;

// Markdown goes through the parser, not the plain-text fallback shown while the parser chunk loads.
beforeAll(() => preloadSafeMarkdown());

beforeEach(async () => {
  await page.viewport(1400, 1000);
  guard = installXssGuard();
});
afterEach(() => guard.restore());

/** Renders `ui` alone on the page (virtualised views render only what is in view). */
async function expectSafe(ui: ReactNode): Promise<Element> {
  await cleanup();
  const screen = await render(ui);
  await settle();
  expect(guard.check(screen.container)).toEqual([]);
  expect(screen.container.querySelectorAll('[data-slot="safe-markdown"][data-state="plain"]')).toHaveLength(0);
  return screen.container;
}

function sentimentOf(trace: LLMTrace, i: number): TraceSentiment {
  const label = (["negative", "neutral", "positive"] as const)[i % 3]!;
  return { trace_id: trace.id, label, score: 0.8, scores: { negative: 0.1, neutral: 0.1, positive: 0.1, [label]: 0.8 }, generations: {}, generation_count: 0, message_count: 1 };
}

/** The payloads really reach the page as text (a component that showed nothing would pass trivially). */
function expectShownAsText(root: Element, expected: readonly string[]) {
  const text = root.textContent ?? "";
  const shown = expected.filter((s) => text.includes(s.slice(0, 24)));
  expect(shown.length, `payloads shown as text: ${shown.length} of ${expected.length}`).toBeGreaterThan(expected.length / 2);
}

describe("the XSS tripwires", () => {
  it("catch a payload rendered as HTML, its handler attribute and an unsafe link", async () => {
    const screen = await render(
      <div>
        <div dangerouslySetInnerHTML={{ __html: PAYLOADS[0]! }} />
        <a href="javascript:void 0">x</a>
      </div>,
    );
    await expect.poll(() => guard.incidents.length).toBeGreaterThan(0);
    const found = guard.check(screen.container).join("\n");
    expect(found).toContain("payload ran: img");
    expect(found).toContain("onerror attribute on <img>");
    expect(found).toContain("unsafe link javascript:");
    guard.incidents.length = 0;
  });
});

describe("XSS: hostile strings never run, navigate or open dialogs", () => {
  // One test per group of strings (each chunk of the list, then the crafted payloads), so no single
  // test carries the whole list on a busy box.
  const GROUPS = [...hostileChunks(90), PAYLOADS].map((strings, i) => [i + 1, strings] as const);

  it(`covers all ${HOSTILE_STRINGS.length} strings (the naughty-strings list and the crafted payloads)`, () => {
    expect(HOSTILE_STRINGS.length).toBeGreaterThan(500);
    const shown = new Set(traces.flatMap((t) => t.events.map((e) => e.properties.$ai_model as string)));
    expect(HOSTILE_STRINGS.every((s) => shown.has(s))).toBe(true);
  });

  it.each(GROUPS)("SafeMarkdown, group %i: every string and payload, alone and all in one text, through the parser", async (_, strings) => {
    {
      const root = await expectSafe(
        <div>
          <SafeMarkdown text={strings.join("\n\n")} />
          {strings.map((s, i) => (
            <SafeMarkdown key={i} text={s} mediaPolicy="allow" />
          ))}
        </div>,
      );
      expect(root.querySelectorAll('[data-slot="safe-markdown"][data-state="formatted"]')).toHaveLength(strings.length + 1);
      if (strings === PAYLOADS) expectShownAsText(root, PAYLOADS);
    }
  });

  it("SentimentBar: error messages and the open tooltip", async () => {
    for (const text of HOSTILE_STRINGS.filter((_, i) => i % 5 === 0)) {
      const root = await expectSafe(<SentimentBar sentiment={{ error: text }} />);
      root.querySelector<HTMLElement>('[data-slot="sentiment-bar"]')?.focus();
      await settle();
      expect(guard.check(document.body)).toEqual([]);
    }
  });

  it("TracesTable: names, persons, previews and search", async () => {
    for (const trace of traces) {
      const rows = trace.events.filter((e) => e.event === "$ai_generation").map((e, i) => ({ ...trace, id: `${trace.id}-${i}`, traceName: e.properties.$ai_model as string, events: [e] }));
      await expectSafe(<TracesTable traces={rows} style={{ height: 4000 }} defaultSearch={String(rows[0]?.traceName ?? "")} />);
    }
    const payloadRows = PAYLOADS.map((p, i) => ({ ...traces[0]!, id: `payload-${i}`, traceName: p }));
    expectShownAsText(await expectSafe(<TracesTable traces={payloadRows} style={{ height: 4000 }} />), PAYLOADS);
  });

  it("GenerationsTable: models, providers, errors and the expanded property view", async () => {
    for (const trace of traces) {
      const ids = Object.fromEntries(trace.events.filter((e) => e.event === "$ai_generation").map((e) => [e.id, true]));
      await expectSafe(<GenerationsTable traces={[trace]} defaultExpanded={ids} style={{ height: 6000 }} />);
    }
  });

  it.each(traces.map((trace, i) => [i + 1, trace] as const))("TraceDetail, group %i: span tree, header, conversations, raw JSON, text view", async (_, trace) => {
    {
      const generations = trace.events.filter((e) => e.event === "$ai_generation");
      await cleanup();
      const screen = await render(<TraceDetail trace={trace} treeHeight={4000} defaultTab="conversation" />);
      for (const [i, generation] of generations.entries()) {
        if (i % 4 !== 0) continue; // a conversation shows strings i … i+5, so every fourth covers them all
        await screen.rerender(<TraceDetail trace={trace} treeHeight={4000} selectedEventId={generation.id} tab="conversation" />);
        const expandAll = [...screen.container.querySelectorAll("button")].find((b) => b.textContent === "Expand all");
        expandAll?.click();
        await settle();
        expect(guard.check(screen.container)).toEqual([]);
        const user = String((generation.properties.$ai_input as Array<{ content: unknown }>)[1]!.content);
        if (user.trim().length > 3) expect(screen.container.textContent).toContain(user.trim().slice(0, 12));
      }
      for (const tab of ["raw", "text"] as const) {
        await screen.rerender(<TraceDetail trace={trace} treeHeight={4000} selectedEventId={generations[0]!.id} tab={tab} />);
        await settle();
        expect(guard.check(screen.container)).toEqual([]);
      }
    }
  });

  it("TextReprView: hostile markers (bad base64, HTML inside base64, hostile tails) and plain lines", async () => {
    await expectSafe(<TextReprView text={HOSTILE_TEXT_REPR} />);
    const lines = (strings: readonly string[]) => strings.map((s, i) => `L${i + 1}: ${s.replace(/\n/g, " ")}`).join("\n");
    for (let i = 0; i < HOSTILE_STRINGS.length; i += 60) await expectSafe(<TextReprView text={lines(HOSTILE_STRINGS.slice(i, i + 60))} />);
    expectShownAsText(await expectSafe(<TextReprView text={lines(PAYLOADS)} />), PAYLOADS.filter((p) => !p.includes("\n")));
  });

  it("SentimentOverview: hostile person properties and model names as groups", async () => {
    const sentiments = Object.fromEntries(traces.map((t, i) => [t.id, sentimentOf(t, i)]));
    for (const groupBy of ["model", "person.properties.plan", "person.properties.email"]) {
      await expectSafe(<SentimentOverview traces={traces} sentiments={sentiments} groupBy={groupBy} display="table" />);
    }
  });

  // Model output reaches these three panels verbatim, so each field gets every string, and so do the
  // error states (a proxy or PostHog may echo hostile input back in an error body).
  const serverError = (text: string) => new ApiError({ kind: "http", status: 500, body: { error: text, detail: text } });

  it.each(GROUPS)("SummaryPanelView, group %i: title, flow diagram, bullets, notes, line refs, the text they mark, and error messages", async (_, strings) => {
    {
      const root = await expectSafe(
        <div>
          <SummaryPanelView status="success" summary={hostileSummaryOf(strings)} textRepr={hostileLines(strings)} mode="detailed" />
          {strings.map((s, i) => (
            <SummaryPanelView key={i} status="success" summary={{ title: s, flow_diagram: "", summary_bullets: [], interesting_notes: [] }} />
          ))}
          {strings.map((s, i) => (
            <SummaryPanelView key={`e${i}`} status="error" error={i % 2 ? new Error(s) : s} onRetry={() => undefined} />
          ))}
        </div>,
      );
      // A line reference marks its lines in the hostile text below, which then scrolls and takes focus.
      for (const ref of [...root.querySelectorAll<HTMLButtonElement>('[data-slot="summary-line-ref"]')].slice(0, 3)) ref.click();
      await settle();
      expect(guard.check(root)).toEqual([]);
      if (strings === PAYLOADS) expectShownAsText(root, PAYLOADS);
    }
  });

  it.each(GROUPS)("EvaluationSummaryPanelView, group %i: assessment, patterns, example ids and their reasoning tooltips, recommendations, errors", async (_, strings) => {
    {
      await expectSafe(
        <div>
          {strings.map((s, i) => (
            <EvaluationSummaryPanelView key={i} error={i % 2 ? serverError(s) : new Error(s)} onRetry={() => undefined} />
          ))}
        </div>,
      );
      // Alone on the page: each tooltip measures the layout it opens in.
      const root = await expectSafe(<EvaluationSummaryPanelView summary={hostileEvaluationSummaryOf(strings)} onGenerationClick={() => undefined} />);
      // A section draws its first 25 patterns over a few frames (busy meanwhile, with no "Show more");
      // once drawn, the rest are shown too, so every example is checked.
      const drawn = () => expect.poll(() => root.querySelector('[aria-busy="true"]')).toBeNull();
      await drawn();
      for (let more = root.querySelector<HTMLElement>('[data-slot="evaluation-patterns-more"]'); more; more = root.querySelector<HTMLElement>('[data-slot="evaluation-patterns-more"]')) {
        more.click();
        await settle();
        await drawn();
      }
      expect(guard.check(root)).toEqual([]);
      // Each example's reasoning renders only in its tooltip, on hover or focus; a pattern's examples
      // share its reasoning, so one example each (the one whose id is not itself hostile) covers it.
      const examples = [...root.querySelectorAll<HTMLElement>('[data-generation-id^="gen-"]')];
      const reasoning: string[] = [];
      for (const example of examples) {
        example.focus();
        await new Promise<void>((resolve) => queueMicrotask(resolve)); // React renders a focus update in a microtask
        const tooltip = root.querySelector('[role="tooltip"]');
        reasoning.push(tooltip?.textContent ?? "");
        if (tooltip) expect(guard.check(tooltip)).toEqual([]);
      }
      // Every example shows its reasoning, except that of a pattern whose reasoning is empty.
      expect(examples).toHaveLength(strings.length);
      expect(reasoning.filter(Boolean).length).toBe(strings.filter((s) => s !== "").length);
      if (strings === PAYLOADS) {
        await userEvent.hover(examples.at(-1)!);
        await settle();
        expect(guard.check(root)).toEqual([]);
        expectShownAsText(root, PAYLOADS);
        expectShownAsText({ textContent: reasoning.join("\n") } as Element, PAYLOADS);
      }
    }
  });

  it.each(GROUPS)("SessionViewTraceList, group %i: titles, names, previews, expanded conversations, sentiment and summary errors", async (k, strings) => {
    {
      const traces = hostileSessionTraces(strings, strings[0] ?? "", `session-${k}`);
      const root = await expectSafe(
        <SessionViewTraceList
          sessionId={strings[0]}
          traces={traces}
          // Trace i carries strings i and i+1, so every other conversation open covers them all.
          defaultExpandedTraceIds={traces.filter((_, i) => i % 2 === 0).map((t) => t.id)}
          summaryTitles={Object.fromEntries(traces.filter((_, i) => i % 2).map((t, i) => [t.id, strings[i * 2 + 1] ?? ""]))}
          summaryErrors={Object.fromEntries(traces.filter((_, i) => i % 2 === 0).map((t, i) => [t.id, serverError(strings[i * 2] ?? "")]))}
          sentiments={Object.fromEntries(traces.map((t, i) => [t.id, { error: strings[i] ?? "" }]))}
          onTraceClick={() => undefined}
          onSummarizeAll={() => undefined}
        />,
      );
      if (strings === PAYLOADS) expectShownAsText(root, PAYLOADS);
    }
  });

  it("SessionView and its error state: the crafted payloads", async () => {
    const payloadSession = hostileSessionTraces(PAYLOADS, "payload-session", "payload");
    expectShownAsText(await expectSafe(<SessionView sessionId="payload-session" traces={payloadSession} defaultExpandedTraceIds={[payloadSession[0]!.id]} />), PAYLOADS);
    await expectSafe(<SessionViewTraceList traces={undefined} error={serverError(PAYLOADS.join(" "))} onRetry={() => undefined} />);
  });
});
