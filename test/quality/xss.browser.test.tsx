// XSS in real Chromium: every component gets every naughty string and crafted payload in every
// text-bearing field; no payload may run, no dialog open, no navigation start, and nothing that could
// run later (event-handler attributes, javascript:/data:text/html URLs, script-bearing elements) may
// reach the DOM.
import { cleanup, render } from "vitest-browser-react";
import { page } from "vitest/browser";
import type { ReactNode } from "react";
import { GenerationsTable, SentimentBar, SentimentOverview, TextReprView, TraceDetail, TracesTable } from "../../src/all";
import type { LLMTrace, TraceSentiment } from "../../src/core";
import { HOSTILE_STRINGS, HOSTILE_TEXT_REPR, PAYLOADS, hostileTraces } from "./hostileData";
import { installXssGuard, settle, type XssGuard } from "./xssGuard";

const traces = hostileTraces();
let guard: XssGuard;

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
  it(`covers all ${HOSTILE_STRINGS.length} strings (the naughty-strings list and the crafted payloads)`, () => {
    expect(HOSTILE_STRINGS.length).toBeGreaterThan(500);
    const shown = new Set(traces.flatMap((t) => t.events.map((e) => e.properties.$ai_model as string)));
    expect(HOSTILE_STRINGS.every((s) => shown.has(s))).toBe(true);
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
});
