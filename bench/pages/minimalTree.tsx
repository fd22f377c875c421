/**
 * The baseline of bench:detail: the least a hand-written virtual span tree needs to show a trace's events
 * as an indented, scrollable tree. It builds the tree itself (node ids from `$ai_generation_id` /
 * `$ai_span_id` / the event id, parents from `$ai_parent_id`, unknown parents under the root), flattens it
 * depth-first and draws rows of kind, name and latency with TanStack Virtual. No tracelens code.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef } from "react";
import type { LLMTrace, LLMTraceEvent } from "../../src/core";

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

export function MinimalVirtualTree({ trace }: { trace: LLMTrace }) {
  const rows = useMemo(() => flattenEvents(trace.events), [trace]);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 30, overscan: 8, initialRect: { width: 600, height: 420 } });
  return (
    <div ref={scrollRef} data-slot="minimal-tree" role="tree" style={{ height: 420, overflow: "auto", position: "relative", fontSize: 12 }}>
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const { event, depth } = rows[item.index]!;
          const p = event.properties ?? {};
          return (
            <div
              key={item.key}
              role="treeitem"
              aria-level={depth + 1}
              data-index={item.index}
              style={{ position: "absolute", top: 0, left: 0, right: 0, height: 30, transform: `translateY(${item.start}px)`, paddingLeft: 4 + Math.min(depth, 24) * 12, display: "flex", gap: 6, alignItems: "center" }}
            >
              <span>{event.event.replace("$ai_", "")}</span>
              <span style={{ flex: 1, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>{String(p.$ai_span_name ?? p.$ai_model ?? event.event)}</span>
              <span>{typeof p.$ai_latency === "number" ? `${p.$ai_latency.toFixed(2)} s` : ""}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
