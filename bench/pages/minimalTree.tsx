/**
 * The baselines of bench:detail, two minimal virtual span trees drawn alike (rows of kind, name and
 * latency, with TanStack Virtual):
 * - `HandBuiltTree` builds its tree by hand (node ids from `$ai_generation_id` / `$ai_span_id` / the event
 *   id, parents from `$ai_parent_id`, unknown parents under the root), with no tracelens code: issue #16's
 *   baseline ("a minimal virtual tree, which includes building the tree"), the least a tree view can do,
 *   and nothing of what tracelens checks (duplicates, cycles, metrics, notes);
 * - `ModelTree` builds it with tracelens' `buildTraceTree` and `flattenTraceTree`, so the ratio against it
 *   isolates what TraceDetail adds on top of its data model: header, timeline, panels.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef } from "react";
import { buildTraceTree, flattenTraceTree, type LLMTrace, type LLMTraceEvent } from "../../src/core";

interface FlatRow {
  event: LLMTraceEvent;
  depth: number;
}

const ROOT = "\u0000root";

function nodeId(event: LLMTraceEvent): string {
  const p = event.properties ?? {};
  return String(p.$ai_generation_id ?? p.$ai_span_id ?? event.id);
}

/** Events as depth-first rows; iterative, so deep chains do not overflow the stack. */
export function flattenEvents(events: readonly LLMTraceEvent[]): FlatRow[] {
  const ids = new Set(events.map(nodeId));
  const children = new Map<string, LLMTraceEvent[]>();
  for (const event of events) {
    const parent = String(event.properties?.$ai_parent_id ?? ROOT);
    const key = ids.has(parent) && parent !== nodeId(event) ? parent : ROOT;
    const list = children.get(key);
    if (list) list.push(event);
    else children.set(key, [event]);
  }
  const rows: FlatRow[] = [];
  const stack: Array<{ event: LLMTraceEvent; depth: number }> = [];
  const roots = children.get(ROOT) ?? [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ event: roots[i]!, depth: 0 });
  while (stack.length) {
    const { event, depth } = stack.pop()!;
    rows.push({ event, depth });
    const kids = children.get(nodeId(event)) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ event: kids[i]!, depth: depth + 1 });
  }
  return rows;
}

interface TreeRowView {
  depth: number;
  kind: string;
  name: string;
  latency: number | null;
}

function VirtualTree({ rows, slot }: { rows: readonly TreeRowView[]; slot: string }) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 30, overscan: 8, initialRect: { width: 600, height: 420 } });
  return (
    <div ref={scrollRef} data-slot={slot} role="tree" style={{ height: 420, overflow: "auto", position: "relative", fontSize: 12 }}>
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              role="treeitem"
              aria-level={row.depth + 1}
              data-index={item.index}
              style={{ position: "absolute", top: 0, left: 0, right: 0, height: 30, transform: `translateY(${item.start}px)`, paddingLeft: 4 + Math.min(row.depth, 24) * 12, display: "flex", gap: 6, alignItems: "center" }}
            >
              <span>{row.kind}</span>
              <span style={{ flex: 1, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>{row.name}</span>
              <span>{row.latency !== null ? `${row.latency.toFixed(2)} s` : ""}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function HandBuiltTree({ trace }: { trace: LLMTrace }) {
  const rows = useMemo(
    () =>
      flattenEvents(trace.events).map(({ event, depth }): TreeRowView => {
        const p = event.properties ?? {};
        return { depth, kind: event.event.replace("$ai_", ""), name: String(p.$ai_span_name ?? p.$ai_model ?? event.event), latency: typeof p.$ai_latency === "number" ? p.$ai_latency : null };
      }),
    [trace],
  );
  return <VirtualTree rows={rows} slot="hand-built-tree" />;
}

export function ModelTree({ trace }: { trace: LLMTrace }) {
  const rows = useMemo(
    () => flattenTraceTree(buildTraceTree(trace), new Set()).map(({ node, depth }): TreeRowView => ({ depth, kind: node.kind, name: node.name, latency: node.metrics.latency })),
    [trace],
  );
  return <VirtualTree rows={rows} slot="model-tree" />;
}
