/**
 * The browser half of `npm run bench:tables`. One page = one table kind at one size (`?table=traces|
 * generations&size=N&sample=i`): both contenders (tracelens' table and a bare TanStack Virtual table of
 * the same rows) are warmed up on 200 rows, then each is mounted, scrolled and unmounted in turn, the
 * order alternating with the sample number.
 */
import { createRoot } from "react-dom/client";
import type { ReactElement } from "react";
import { GenerationsTable, TracesTable } from "../../src/all";
import type { LLMTrace } from "../../src/core";
import { FIXTURE_NOW, syntheticTraces } from "../../stories/fixtures/tableFixtures";
import { alternate, measureMount, measureScroll, mountPoint, params, publish, settle, type MountFigures, type ScrollFigures } from "./benchProbe";
import { BareGenerationsTable, BareTracesTable } from "./bareTables";
import "../../src/styles/index.css";

export interface TableFigures extends MountFigures, ScrollFigures {
  renderedRows: number;
  domNodes: number;
}

export interface TablesPageResult {
  bare: TableFigures;
  tracelens: TableFigures;
}

type Contender = "bare" | "tracelens";
const kind = params.get("table") === "generations" ? "generations" : "traces";

function element(who: Contender, traces: readonly LLMTrace[]): ReactElement {
  if (who === "bare") return kind === "traces" ? <BareTracesTable traces={traces} now={FIXTURE_NOW} /> : <BareGenerationsTable traces={traces} now={FIXTURE_NOW} />;
  return kind === "traces" ? (
    <TracesTable traces={traces} now={FIXTURE_NOW} height={600} />
  ) : (
    <GenerationsTable traces={traces} now={FIXTURE_NOW} height={600} />
  );
}

const VIEWPORT = { bare: '[data-slot="bare-viewport"]', tracelens: `[data-slot="${kind}-table-viewport"]` };
const ROW = { bare: "tr[data-bare-row]", tracelens: "tr[data-row-id]" };

async function measure(who: Contender, traces: readonly LLMTrace[], rowCount: number, scroll: boolean): Promise<TableFigures> {
  const host = mountPoint();
  const root = createRoot(host);
  const mount = await measureMount(root, element(who, traces));
  const renderedRows = host.querySelectorAll(ROW[who]).length;
  const domNodes = host.getElementsByTagName("*").length;
  const scroller = host.querySelector<HTMLElement>(VIEWPORT[who]);
  if (!scroller) throw new Error(`${who}: no scrolling viewport`);
  const lastIndex = String(rowCount + 1);
  const atEnd = () =>
    [...host.querySelectorAll(ROW[who])].some(
      (row) => row.getAttribute("aria-rowindex") === lastIndex && row.getBoundingClientRect().bottom <= scroller.getBoundingClientRect().bottom + 1,
    );
  const scrolled = scroll ? await measureScroll(scroller, atEnd) : { worstWheelFrameMs: 0, worstJumpFrameMs: 0, longestTaskMs: 0, reachedEnd: false };
  root.unmount();
  host.remove();
  await settle();
  return { ...mount, ...scrolled, longestTaskMs: Math.max(mount.longestTaskMs, scrolled.longestTaskMs), renderedRows, domNodes };
}

publish(async (): Promise<TablesPageResult> => {
  const size = Number(params.get("size") ?? 1000);
  const sample = Number(params.get("sample") ?? 0);
  const traces = syntheticTraces(size, { seed: 42 });
  const rowCount = traces.reduce((n, t) => n + (kind === "traces" ? 1 : t.events.filter((e) => e.event === "$ai_generation").length), 0);
  // Warm-up: module initialisation, styles and the JIT's first pass are not billed to either contender.
  const warm = syntheticTraces(200, { seed: 7 });
  for (const who of ["bare", "tracelens"] as const) await measure(who, warm, warm.length, false);
  const out: Partial<TablesPageResult> = {};
  for (const who of alternate<Contender>(sample, "bare", "tracelens")) out[who] = await measure(who, traces, rowCount, true);
  return out as TablesPageResult;
});
