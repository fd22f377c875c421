/**
 * A synthetic agent trace of `count` events: every tenth event is a span that later events nest under,
 * the rest are generations with a short chat, so trees are both wide and several levels deep.
 */
export function syntheticTraceEvents(count: number, traceId = "bench-trace") {
  const start = Date.parse("2026-01-01T00:00:00Z");
  const events = [];
  let parent = traceId;
  for (let i = 0; i < count; i++) {
    const isSpan = i % 10 === 0;
    const id = `${isSpan ? "span" : "gen"}-${i}`;
    const properties: Record<string, unknown> = {
      $ai_trace_id: traceId,
      $ai_parent_id: i % 100 === 0 ? traceId : parent,
      $ai_latency: 0.05 + (i % 7) * 0.01,
    };
    if (isSpan) {
      properties.$ai_span_id = id;
      properties.$ai_span_name = `step ${i}`;
    } else {
      properties.$ai_generation_id = id;
      properties.$ai_model = "gpt-4o-mini";
      properties.$ai_input = [{ role: "user", content: `question ${i}` }];
      properties.$ai_output_choices = [{ role: "assistant", content: `answer ${i}` }];
      properties.$ai_input_tokens = 20;
      properties.$ai_output_tokens = 8;
      properties.$ai_total_cost_usd = 0.00002;
    }
    events.push({
      id: `uuid-${i}`,
      event: isSpan ? "$ai_span" : "$ai_generation",
      createdAt: new Date(start + i * 10).toISOString(),
      properties,
    });
    if (isSpan) parent = id;
  }
  return events;
}

/** The `{ trace, hierarchy }` body of a `$ai_trace` text_repr request for the same events. */
export function syntheticTextReprTrace(count: number) {
  const events = syntheticTraceEvents(count);
  const nodes = new Map<string, { event: (typeof events)[number]; children: unknown[] }>();
  const roots: unknown[] = [];
  for (const event of events) {
    const id = String(event.properties.$ai_span_id ?? event.properties.$ai_generation_id);
    const node = { event, children: [] as unknown[] };
    nodes.set(id, node);
    const parentNode = nodes.get(String(event.properties.$ai_parent_id));
    (parentNode ? parentNode.children : roots).push(node);
  }
  return {
    trace: { id: "bench-trace", properties: { $ai_trace_id: "bench-trace", $ai_span_name: "bench" } },
    hierarchy: roots,
  };
}
