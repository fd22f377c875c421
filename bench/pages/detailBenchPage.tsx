/**
 * The browser half of `npm run bench:detail`. One page = one trace size (`?spans=N&sample=i`): TraceDetail
 * and two minimal virtual trees (bench/pages/minimalTree.tsx: one built by hand, one over tracelens' tree
 * model) are warmed up on a 100-span trace, then each is mounted, its tree scrolled and unmounted in turn,
 * the order rotating with the sample number. TraceDetail is also timed selecting a row.
 */
import { createRoot } from "react-dom/client";
import type { ReactElement } from "react";
import { TraceDetail } from "../../src/all";
import type { LLMTrace } from "../../src/core";
import { syntheticTrace } from "../../stories/fixtures/traceDetailFixtures";
import { measureInteraction, measureMount, measureScroll, mountPoint, params, publish, settle, type MountFigures, type ScrollFigures } from "./benchProbe";
import { HandBuiltTree, ModelTree } from "./minimalTree";
import "../../src/styles/index.css";

export interface DetailFigures extends MountFigures, ScrollFigures {
  treeRows: number;
  domNodes: number;
  /** Click on a row until the frame showing its event is painted (TraceDetail only; 0 for the baseline). */
  selectMs: number;
}

export interface DetailPageResult {
  handBuilt: DetailFigures;
  model: DetailFigures;
  tracelens: DetailFigures;
}

type Contender = keyof DetailPageResult;
const CONTENDERS: Contender[] = ["handBuilt", "model", "tracelens"];
const ROW = { handBuilt: '[role="treeitem"]', model: '[role="treeitem"]', tracelens: '[data-slot="trace-tree-row"]' };
const SCROLLER = { handBuilt: '[data-slot="hand-built-tree"]', model: '[data-slot="model-tree"]', tracelens: '[data-slot="trace-tree-scroll"]' };

function element(who: Contender, trace: LLMTrace): ReactElement {
  if (who === "handBuilt") return <HandBuiltTree trace={trace} />;
  return who === "model" ? <ModelTree trace={trace} /> : <TraceDetail trace={trace} />;
}

async function measure(who: Contender, trace: LLMTrace, scroll: boolean): Promise<DetailFigures> {
  const host = mountPoint(1200);
  const root = createRoot(host);
  // Timed to the first frame that shows tree rows: a placeholder painted first does not count.
  const mount = await measureMount(root, element(who, trace), () => host.querySelector(ROW[who]) !== null);
  const treeRows = host.querySelectorAll(ROW[who]).length;
  const domNodes = host.getElementsByTagName("*").length;
  const scroller = host.querySelector<HTMLElement>(SCROLLER[who]);
  if (!scroller) throw new Error(`${who}: no tree`);
  let selectMs = 0;
  if (who === "tracelens") {
    const row = host.querySelectorAll<HTMLElement>(ROW.tracelens)[3];
    const key = row?.dataset.key;
    selectMs = (await measureInteraction(() => row?.click(), () => host.querySelector(`[data-key="${key}"][data-state="selected"]`) !== null)).ms;
  }
  const last = String(trace.events.length - 1);
  const atEnd = () => scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 && host.querySelector(`${ROW[who]}[data-index="${last}"], ${ROW[who]}[data-index="${trace.events.length}"]`) !== null;
  const scrolled = scroll ? await measureScroll(scroller, atEnd) : { worstWheelFrameMs: 0, worstJumpFrameMs: 0, longestTaskMs: 0, reachedEnd: false };
  root.unmount();
  host.remove();
  await settle();
  return { ...mount, ...scrolled, longestTaskMs: Math.max(mount.longestTaskMs, scrolled.longestTaskMs), treeRows, domNodes, selectMs };
}

publish(async (): Promise<DetailPageResult> => {
  const spans = Number(params.get("spans") ?? 1000);
  const sample = Number(params.get("sample") ?? 0);
  const trace = syntheticTrace(spans);
  const warm = syntheticTrace(100, "warm-up");
  for (const who of CONTENDERS) await measure(who, warm, false);
  const out: Partial<DetailPageResult> = {};
  const order = CONTENDERS.map((_, i) => CONTENDERS[(i + sample) % CONTENDERS.length]!);
  for (const who of order) out[who] = await measure(who, trace, true);
  return out as DetailPageResult;
});
