// Robustness over traces generated from the event model (test/quality/eventModel.ts): duplicates,
// reused ids, cycles, orphans, nulls and wrong-typed fields. Every view stays contained, React
// warns about nothing, and the views agree on what the trace holds (nothing vanishes in one
// view that another counts).
import { act, cleanup, render, within } from "@testing-library/react";
import type { ReactNode } from "react";
import fc from "fast-check";
import { GenerationsTable, SentimentOverview, SessionView, TraceDetail, TracesTable } from "../../src/all";
import { buildTraceTree } from "../../src/core";
import { eventModelTrace, eventModelTraces } from "./eventModel";

const escaped: unknown[] = [];
let consoleErrors: string[] = [];
const onError = (event: ErrorEvent) => {
  escaped.push(event.error ?? event.message);
  event.preventDefault();
};

beforeEach(() => {
  escaped.length = 0;
  consoleErrors = [];
  window.addEventListener("error", onError);
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void consoleErrors.push(args.map(String).join(" ")));
});
afterEach(() => {
  window.removeEventListener("error", onError);
  vi.restoreAllMocks();
  cleanup();
});

/**
 * No escape, no React warning (duplicate keys, NaN styles, invalid children), no error panel. The one
 * exception is the Text tab: text_repr follows PostHog's Python, which refuses some wrong types
 * (a `null` span name) with a TypeError; that shows as a readable error inside the tab.
 */
function expectClean(container: HTMLElement) {
  act(() => undefined);
  expect(escaped).toEqual([]);
  const alerts = [...container.querySelectorAll('[role="alert"]')];
  const textReprRefusals = alerts.filter((a) => /^The text representation could not be loadedFailed to generate text representation \(TypeError: .+\)$/.test(a.textContent ?? ""));
  expect(alerts.filter((a) => !textReprRefusals.includes(a)).map((a) => a.textContent)).toEqual([]);
  expect(consoleErrors).toEqual([]);
  // No 300-digit numbers from core's formatters. (The Text tab prints numbers as PostHog's Python
  // text_repr does, which core/textRepr owns.)
  const shown = container.cloneNode(true) as HTMLElement;
  shown.querySelector('[role="tabpanel"][data-value="text"]')?.remove();
  expect(shown.textContent).not.toMatch(/\d[\d,.]{40}/);
}

/** Renders, checks it is clean, runs `check` on it, and always unmounts (a failed run leaves nothing behind). */
function renderClean(ui: ReactNode, check: (root: ReturnType<typeof within>, container: HTMLElement) => void = () => undefined) {
  consoleErrors = [];
  const { container, unmount } = render(ui);
  try {
    expectClean(container);
    check(within(container), container);
  } finally {
    unmount();
  }
}

const RUNS = { numRuns: 20 };

describe("generated traces", () => {
  it("TraceDetail: every tab renders cleanly, and the data notes list what the builder did", () => {
    fc.assert(
      fc.property(eventModelTrace(), fc.constantFrom("conversation", "raw", "text"), (trace, tab) => {
        const tree = buildTraceTree(trace);
        renderClean(<TraceDetail trace={trace} defaultTab={tab} treeHeight={2000} />, (root) => {
          const toggle = root.queryByRole("button", { name: /data notes?/ });
          if (tree.notes.length === 0) expect(toggle).toBeNull();
          else expect(toggle?.textContent).toContain(`${tree.notes.length} data note`);
        });
      }),
      RUNS,
    );
  });

  it("every selectable event opens (selection by event key), including ones that reuse an id", () => {
    fc.assert(
      fc.property(eventModelTrace(), (trace) => {
        const tree = buildTraceTree(trace);
        const keys = [...tree.nodesByKey.values()].flatMap((n) => (n.eventKey ? [[n.eventKey, n] as const] : [])).slice(0, 4);
        for (const [key, node] of keys) {
          renderClean(<TraceDetail trace={trace} selectedEventId={key} tab="raw" showTimeline={false} treeHeight={2000} />, (_, container) => {
            expect(container.querySelector('[role="treeitem"][aria-selected="true"]')?.getAttribute("data-key")).toBe(node.key);
          });
        }
      }),
      { numRuns: 15 },
    );
  });

  it("GenerationsTable and SentimentOverview count the generations the tree counts", () => {
    fc.assert(
      fc.property(eventModelTraces(), (traces) => {
        const expected = traces.reduce((sum, t) => sum + buildTraceTree(t).metrics.generationCount, 0);
        renderClean(<GenerationsTable traces={traces} />, (root) => {
          if (expected > 0) expect(root.getByRole("table", { name: "Generations" }).getAttribute("aria-rowcount")).toBe(String(expected + 1));
          else expect(root.queryAllByRole("row").filter((row: HTMLElement) => row.hasAttribute("data-row-id"))).toEqual([]);
        });
        renderClean(<SentimentOverview traces={traces} level="generation" loadSentiment={false} />, (root) => {
          if (expected > 0) expect(root.getByRole("status").textContent).toContain(`of ${expected} generations`);
        });
      }),
      RUNS,
    );
  });

  it("TracesTable and SessionView take generated traces, wrong-typed fields and all", () => {
    fc.assert(
      fc.property(eventModelTraces(), (traces) => {
        renderClean(<TracesTable traces={traces} />);
        const session = traces.find((t) => typeof t.aiSessionId === "string")?.aiSessionId ?? "session-1";
        renderClean(<SessionView traces={traces} sessionId={session} defaultExpandedTraceIds={traces.map((t) => t.id)} />);
      }),
      { numRuns: 15 },
    );
  });
});
