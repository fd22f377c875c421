/**
 * The baselines of bench:tables: the least a hand-written TanStack Virtual table needs to show the same
 * rows with the same columns, in the same order, at the same row height. Cell text comes from plain field
 * reads (no tracelens code), so what tracelens adds on top is what the ratio measures.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef } from "react";
import type { LLMTrace, LLMTraceEvent } from "../../src/core";

interface BareColumn<T> {
  header: string;
  width: number;
  text: (row: T) => string;
}

const bag = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});

function lastContent(messages: unknown, role?: string): string {
  if (!Array.isArray(messages)) return "";
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = bag(messages[i]);
    const message = m.message ? bag(m.message) : m;
    if (role && message.role !== role) continue;
    if (typeof message.content === "string") return message.content.slice(0, 300);
  }
  return "";
}

function ago(iso: unknown, now: number): string {
  const ms = typeof iso === "string" ? Date.parse(iso) : NaN;
  if (!Number.isFinite(ms)) return "–";
  const hours = Math.round((now - ms) / 3_600_000);
  return hours < 48 ? `${hours} hours ago` : `${Math.round(hours / 24)} days ago`;
}

const short = (id: unknown) => (typeof id === "string" && id.length > 11 ? `${id.slice(0, 4)}…${id.slice(-4)}` : String(id ?? ""));
const tools = (event: LLMTraceEvent | undefined) => {
  const choices = bag(event?.properties).$ai_output_choices;
  const calls = Array.isArray(choices) ? bag(choices[0]).tool_calls : undefined;
  return Array.isArray(calls) ? calls.map((c) => String(bag(bag(c).function).name)).join(", ") : "";
};
const label = (sentiment: unknown) => String(bag(sentiment).label ?? "–");

function traceColumns(now: number): BareColumn<LLMTrace>[] {
  return [
    { header: "ID", width: 150, text: (t) => short(t.id) },
    { header: "Trace name", width: 160, text: (t) => String(t.traceName ?? "–") },
    { header: "Input", width: 260, text: (t) => lastContent(bag(t.events?.[0]?.properties).$ai_input, "user") },
    { header: "Output", width: 260, text: (t) => lastContent(bag(t.events?.[0]?.properties).$ai_output_choices) },
    { header: "Person", width: 170, text: (t) => String(bag(t.person?.properties).email ?? t.distinctId ?? "–") },
    { header: "Sentiment", width: 130, text: (t) => label(t.sentiment) },
    { header: "Tools", width: 200, text: (t) => tools(t.events?.[0]) },
    { header: "Errors", width: 80, text: (t) => String(t.errorCount ?? 0) },
    { header: "Latency", width: 110, text: (t) => `${Number(t.totalLatency ?? 0).toFixed(2)} s` },
    { header: "Token usage", width: 170, text: (t) => `${t.inputTokens} → ${t.outputTokens}` },
    { header: "Cost", width: 100, text: (t) => `$${Number(t.totalCost ?? 0).toFixed(4)}` },
    { header: "Time", width: 130, text: (t) => ago(t.createdAt, now) },
  ];
}

interface BareGeneration {
  event: LLMTraceEvent;
  trace: LLMTrace;
  at: number;
}

function generationColumns(now: number): BareColumn<BareGeneration>[] {
  const p = (g: BareGeneration) => bag(g.event.properties);
  return [
    { header: "", width: 40, text: () => "▸" },
    { header: "ID", width: 150, text: (g) => short(g.event.id) },
    { header: "Trace ID", width: 150, text: (g) => short(p(g).$ai_trace_id) },
    { header: "Person", width: 170, text: (g) => String(bag(g.trace.person?.properties).email ?? "–") },
    { header: "Sentiment", width: 130, text: (g) => label(bag(bag(g.trace.sentiment).generations)[g.event.id]) },
    { header: "Model", width: 170, text: (g) => String(p(g).$ai_model ?? "–") },
    { header: "Tools", width: 190, text: (g) => tools(g.event) },
    { header: "Error", width: 90, text: (g) => (p(g).$ai_is_error ? "Error" : "–") },
    { header: "Latency", width: 110, text: (g) => `${Number(p(g).$ai_latency ?? 0).toFixed(2)} s` },
    { header: "Token usage", width: 170, text: (g) => `${p(g).$ai_input_tokens} → ${p(g).$ai_output_tokens}` },
    { header: "Cost", width: 100, text: (g) => `$${Number(p(g).$ai_total_cost_usd ?? 0).toFixed(4)}` },
    { header: "Time", width: 130, text: (g) => ago(g.event.createdAt, now) },
  ];
}

function BareTable<T>({ rows, columns, rowHeight, slot }: { rows: readonly T[]; columns: BareColumn<T>[]; rowHeight: number; slot: string }) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    initialRect: { width: 1400, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div ref={scrollRef} data-slot={slot} style={{ height: 600, overflow: "auto", fontSize: 12 }}>
      <table style={{ tableLayout: "fixed", borderCollapse: "collapse", width: columns.reduce((s, c) => s + c.width, 0) }}>
        <colgroup>
          {columns.map((c, i) => (
            <col key={i} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead style={{ position: "sticky", top: 0, background: "white" }}>
          <tr>
            {columns.map((c, i) => (
              <th key={i} style={{ textAlign: "left" }}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr style={{ height: before }} />}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <tr key={item.key} data-bare-row aria-rowindex={item.index + 2} style={{ height: rowHeight }}>
                {columns.map((c, i) => (
                  <td key={i} style={{ overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" }}>
                    {c.text(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {after > 0 && <tr style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}

export function BareTracesTable({ traces, now }: { traces: readonly LLMTrace[]; now: number }) {
  const columns = useMemo(() => traceColumns(now), [now]);
  return <BareTable rows={traces} columns={columns} rowHeight={52} slot="bare-viewport" />;
}

/** Generation rows from the traces, newest first (GenerationsTable's default order). */
export function BareGenerationsTable({ traces, now }: { traces: readonly LLMTrace[]; now: number }) {
  const rows = useMemo(() => {
    const out: BareGeneration[] = [];
    for (const trace of traces) {
      for (const event of trace.events) {
        if (event.event === "$ai_generation") out.push({ event, trace, at: Date.parse(event.createdAt) });
      }
    }
    return out.sort((a, b) => b.at - a.at);
  }, [traces]);
  const columns = useMemo(() => generationColumns(now), [now]);
  return <BareTable rows={rows} columns={columns} rowHeight={44} slot="bare-viewport" />;
}
