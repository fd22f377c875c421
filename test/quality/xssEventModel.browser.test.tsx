// XSS in real Chromium over traces generated from the event model with hostile payloads in every
// text field, ids included: duplicates, reused ids, missing parents and cycles put those ids into
// TraceDetail's data notes, which are opened and checked like every other view.
import fc from "fast-check";
import type { ReactNode } from "react";
import { cleanup, render } from "vitest-browser-react";
import { page } from "vitest/browser";
import { GenerationsTable, SentimentOverview, TraceDetail, preloadSafeMarkdown } from "../../src/all";
import type { LLMTrace } from "../../src/core";
import { eventModelTrace, eventModelTraces } from "./eventModel";
import { PAYLOADS } from "./hostileData";
import { installXssGuard, settle, type XssGuard } from "./xssGuard";

let guard: XssGuard;
// Markdown goes through the parser, not the plain-text fallback shown while the parser chunk loads.
beforeAll(() => preloadSafeMarkdown());
beforeEach(async () => {
  await page.viewport(1400, 1000);
  guard = installXssGuard();
});
afterEach(() => guard.restore());

const payload = fc.constantFrom(...PAYLOADS);

async function expectSafe(ui: ReactNode): Promise<Element> {
  await cleanup();
  const screen = await render(ui);
  await settle();
  expect(guard.check(screen.container)).toEqual([]);
  return screen.container;
}

/** Opens the data notes (if any) and checks the list. */
async function openNotes(root: Element) {
  const toggle = [...root.querySelectorAll<HTMLButtonElement>('[data-slot="trace-data-notes"] > button')][0];
  if (!toggle) return null;
  toggle.click();
  await settle();
  expect(guard.check(root)).toEqual([]);
  return root.querySelector('[aria-label="Data notes"]');
}

describe("XSS over generated traces", () => {
  it("hostile ids in every kind of data note are shown as text", async () => {
    const id = (i: number) => PAYLOADS[i % PAYLOADS.length]!;
    const at = (s: number) => new Date(Date.UTC(2025, 5, 1, 12, 0, s)).toISOString();
    const events = [
      { id: id(0), event: "$ai_span", createdAt: at(1), properties: { $ai_trace_id: "x", $ai_span_id: id(1), $ai_parent_id: id(2) } },
      { id: id(3), event: "$ai_span", createdAt: at(2), properties: { $ai_trace_id: "x", $ai_span_id: id(2), $ai_parent_id: id(1) } },
      { id: id(4), event: "$ai_generation", createdAt: at(3), properties: { $ai_trace_id: "x", $ai_parent_id: id(5), $ai_input: id(6) } },
      { id: id(4), event: "$ai_generation", createdAt: at(3), properties: { $ai_trace_id: "x", $ai_parent_id: id(5), $ai_input: id(6) } },
      { id: id(4), event: "$ai_generation", createdAt: at(4), properties: { $ai_trace_id: "x", $ai_parent_id: id(5), $ai_input: id(7) } },
      null,
      id(8),
    ];
    const trace = { id: "x", createdAt: at(0), traceName: id(9), events } as unknown as LLMTrace;
    const root = await expectSafe(<TraceDetail trace={trace} treeHeight={3000} />);
    const list = await openNotes(root);
    expect([...(list?.querySelectorAll("li") ?? [])].map((li) => li.getAttribute("data-note-kind"))).toEqual(["cycle-broken", "re-parented", "merged", "reused-id", "re-parented", "skipped", "skipped"]);
    for (const text of [id(0), id(4), id(5)]) expect(list?.textContent).toContain(text.slice(0, 24));
  });

  it("TraceDetail on generated hostile traces: every tab and the data notes", async () => {
    const samples = fc.sample(fc.tuple(eventModelTrace(payload, 8), fc.constantFrom("conversation", "raw", "text")), { numRuns: 8, seed: 1515 });
    for (const [trace, tab] of samples) {
      const root = await expectSafe(<TraceDetail trace={trace} defaultTab={tab} treeHeight={3000} />);
      await openNotes(root);
    }
  });

  it("GenerationsTable and SentimentOverview on generated hostile traces", async () => {
    for (const traces of fc.sample(eventModelTraces(payload), { numRuns: 5, seed: 1515 })) {
      await expectSafe(<GenerationsTable traces={traces} style={{ height: 3000 }} />);
      await expectSafe(
        <div>
          <SentimentOverview traces={traces} level="generation" loadSentiment={false} groupBy="model" display="table" />
          <SentimentOverview traces={traces} loadSentiment={false} />
        </div>,
      );
    }
  });
});
