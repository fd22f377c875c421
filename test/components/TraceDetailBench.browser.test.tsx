/**
 * Benchmark (issue 7): TraceDetail on traces of 100, 1,000 and 10,000 events against a recursive,
 * non-virtualized tree of the same events (agent-prism's approach). Prints time to first render, time
 * to select a node and DOM size, with growth ratios. Only the DOM sizes are asserted (timings vary
 * with the machine); run it alone with
 *   vitest run --project "browser (chromium)" test/components/TraceDetailBench.browser.test.tsx
 */
import { act, memo, useState } from "react";
import { render } from "vitest-browser-react";
import { TraceDetail } from "../../src/all";
import { buildTraceTree, type LLMTrace, type TraceTreeNode } from "../../src/core";
import { syntheticTrace } from "../../stories/fixtures/traceDetailFixtures";

const SIZES = [100, 1_000, 10_000] as const;

const RecursiveNode = memo(function RecursiveNode({ node, selected, onSelect }: { node: TraceTreeNode; selected: string; onSelect: (key: string) => void }) {
  return (
    <div role="treeitem" aria-selected={node.key === selected} aria-expanded={node.children.length ? true : undefined}>
      <div onClick={() => onSelect(node.key)} style={{ display: "flex", gap: 6, height: 30, alignItems: "center" }}>
        <span>{node.kind}</span>
        <span>{node.name}</span>
        <span>{node.metrics.latency ?? ""}</span>
        <span>{node.totals.totalCost}</span>
      </div>
      {node.children.length > 0 && (
        <div role="group" style={{ paddingLeft: 12 }}>
          {node.children.map((child) => (
            <RecursiveNode key={child.key} node={child} selected={selected} onSelect={onSelect} />
          ))}
        </div>
      )}
    </div>
  );
});

/** The baseline: every node rendered, selection state at the top (a naive recursive tree). */
function RecursiveTree({ trace }: { trace: LLMTrace }) {
  const tree = buildTraceTree(trace);
  const [selected, setSelected] = useState(tree.root.key);
  return (
    <div role="tree" aria-label="baseline" style={{ height: 420, overflow: "auto" }}>
      <RecursiveNode node={tree.root} selected={selected} onSelect={setSelected} />
    </div>
  );
}

interface Measure {
  firstRenderMs: number;
  selectMs: number;
  domNodes: number;
}

async function measure(element: React.ReactElement, pickRow: (container: HTMLElement) => HTMLElement): Promise<Measure> {
  const start = performance.now();
  const screen = await render(<div style={{ width: 1200 }}>{element}</div>);
  const firstRenderMs = performance.now() - start;
  const container = screen.container;
  const row = pickRow(container);
  const selectStart = performance.now();
  await act(async () => {
    row.click();
  });
  const selectMs = performance.now() - selectStart;
  const domNodes = container.querySelectorAll("*").length;
  await screen.unmount();
  return { firstRenderMs, selectMs, domNodes };
}

const round = (n: number) => Math.round(n * 10) / 10;

const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };

function formatTable(rows: Array<Record<string, string | number>>): string {
  const columns = Object.keys(rows[0] ?? {});
  const width = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(width[i] ?? 0)).join(" | ");
  return [line(columns), width.map((w) => "-".repeat(w)).join("-|-"), ...rows.map((row) => line(columns.map((c) => String(row[c]))))].join("\n");
}

describe("bench:detail", () => {
  beforeAll(() => {
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
  });
  afterAll(() => {
    delete actEnvironment.IS_REACT_ACT_ENVIRONMENT;
  });

  it("keeps TraceDetail's DOM near flat from 100 to 10,000 events, against a recursive tree", async () => {
    const ours: Measure[] = [];
    const baseline: Measure[] = [];
    // Warm-up (module evaluation, JIT, styles) so the first size is not charged for it.
    await measure(<TraceDetail trace={syntheticTrace(50)} />, (c) => c.querySelectorAll<HTMLElement>('[data-slot="trace-tree-row"]')[3]!);
    await measure(<RecursiveTree trace={syntheticTrace(50)} />, (c) => c.querySelectorAll<HTMLElement>('[role="treeitem"] > div')[3]!);
    for (const size of SIZES) {
      const trace = syntheticTrace(size);
      ours.push(await measure(<TraceDetail trace={trace} />, (c) => c.querySelectorAll<HTMLElement>('[data-slot="trace-tree-row"]')[3]!));
      baseline.push(await measure(<RecursiveTree trace={trace} />, (c) => c.querySelectorAll<HTMLElement>('[role="treeitem"] > div')[3]!));
    }
    const table = SIZES.map((size, i) => ({
      events: size,
      "tracelens render ms": round(ours[i]!.firstRenderMs),
      "tracelens select ms": round(ours[i]!.selectMs),
      "tracelens DOM nodes": ours[i]!.domNodes,
      "recursive render ms": round(baseline[i]!.firstRenderMs),
      "recursive select ms": round(baseline[i]!.selectMs),
      "recursive DOM nodes": baseline[i]!.domNodes,
    }));
    const ratio = (list: Measure[], key: keyof Measure) => round(list[2]![key] / Math.max(1e-6, list[0]![key]));
    console.log(`bench:detail (Chromium, ${navigator.hardwareConcurrency} cores)`);
    console.log(formatTable(table));
    console.log(
      `growth 100 → 10,000 events (100× the events): tracelens render ×${ratio(ours, "firstRenderMs")}, select ×${ratio(ours, "selectMs")}, DOM ×${ratio(ours, "domNodes")}; ` +
        `recursive render ×${ratio(baseline, "firstRenderMs")}, select ×${ratio(baseline, "selectMs")}, DOM ×${ratio(baseline, "domNodes")}`,
    );
    // Near-flat DOM: a window of rows and clustered timeline bars, whatever the trace size.
    expect(ours[2]!.domNodes / ours[0]!.domNodes).toBeLessThan(3);
    // The baseline grows with the trace, which is what makes the comparison meaningful.
    expect(baseline[2]!.domNodes / baseline[0]!.domNodes).toBeGreaterThan(50);
  }, 120_000);
});
