/**
 * Synthetic agent traces for the insight benchmark: a ReAct loop (generation asking for a tool, then
 * the tool span) under an agent span, with a sub-agent every 50 steps, arguments that repeat every
 * 40 steps (so loops exist), every seventh generation without a reported cost, and `$ai_tools` on
 * every generation. `deep` opens a sub-agent every 5 steps, each nested in the previous one (a
 * chain about a tenth as deep as the trace is long).
 */
const TOOLS = ["read_file", "grep", "run_tests", "edit_file", "web_search"];
const CATALOGUE = TOOLS.map((name) => ({ type: "function", function: { name, parameters: { type: "object", properties: { path: { type: "string" } } } } }));

export function syntheticAgentTrace(eventCount: number, options: { traceId?: string; deep?: boolean } = {}) {
  const traceId = options.traceId ?? "agent-bench";
  const start = Date.parse("2026-01-01T00:00:00Z");
  const events: Array<{ id: string; event: string; createdAt: string; properties: Record<string, unknown> }> = [];
  let t = start;
  const agents: string[] = [];
  let open = 0;
  const push = (event: string, endMs: number, properties: Record<string, unknown>) => {
    events.push({ id: `${traceId}-u${events.length}`, event, createdAt: new Date(endMs).toISOString(), properties: { $ai_trace_id: traceId, ...properties } });
  };
  const parent = () => agents[agents.length - 1] ?? traceId;
  for (let step = 0; events.length < eventCount; step++) {
    if (step % (options.deep ? 5 : 50) === 0) {
      // A sub-agent span; its own event is pushed when it closes (SDKs capture at the end).
      if (!options.deep && agents.length > 0) closeAgent();
      agents.push(`${traceId}-agent${step}`);
      open = t;
    }
    const tool = TOOLS[step % TOOLS.length] as string;
    const args = { path: `src/module_${step % 40}.ts` };
    t += 800;
    const generation: Record<string, unknown> = {
      $ai_parent_id: parent(),
      $ai_generation_id: `${traceId}-g${step}`,
      $ai_model: step % 3 === 0 ? "gpt-4.1" : "gpt-4.1-mini",
      $ai_latency: 0.8,
      $ai_input: [{ role: "user", content: `step ${step}` }],
      $ai_output_choices: [{ role: "assistant", content: null, tool_calls: [{ id: `call_${step}`, type: "function", function: { name: tool, arguments: JSON.stringify(args) } }] }],
      $ai_tools: CATALOGUE,
      $ai_input_tokens: 400 + (step % 13),
      $ai_output_tokens: 30,
    };
    if (step % 7 !== 0) generation.$ai_total_cost_usd = 0.0004;
    push("$ai_generation", t, generation);
    t += 150;
    push("$ai_span", t, { $ai_parent_id: parent(), $ai_span_id: `${traceId}-s${step}`, $ai_span_name: tool, $ai_latency: 0.15, $ai_input_state: args, ...(step % 97 === 0 ? { $ai_is_error: true } : {}) });
  }
  while (agents.length > 0) closeAgent();
  return { id: traceId, createdAt: new Date(start).toISOString(), events };

  function closeAgent() {
    const id = agents.pop() as string;
    const latency = (t - open) / 1000 + 0.01;
    push("$ai_span", t + 10, { $ai_parent_id: parent(), $ai_span_id: id, $ai_span_name: agents.length === 0 ? "agent" : "sub_agent", $ai_latency: options.deep ? (t + 10 - start) / 1000 : latency });
  }
}
