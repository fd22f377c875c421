/**
 * agent-fan-out.json: a market-research orchestrator (posthog-python) on gpt-4.1 that asks for
 * four `research_company` calls at once; each runs as a sub-agent span in parallel, whose own
 * model call (with OpenAI's built-in web search billed as `$ai_web_search_cost_usd`) asks for two
 * parallel tools. One news search fails. Then a fact check on Perplexity (per-request fee as
 * `$ai_request_cost_usd`), an embedding for de-duplication and a synthesis on o4-mini with
 * reasoning tokens, judged by one evaluation.
 */
import { TraceBuilder } from "./traceBuilder";

const COMPANIES = ["Northwind Robotics", "Helios Grid", "Quanta Foods", "Lumen Health"];
const ORCH_TOOLS = [{ type: "function", function: { name: "research_company", description: "Research one company with a sub-agent.", parameters: { type: "object", properties: { company: { type: "string" }, focus: { type: "string" } }, required: ["company"] } } }];
const SUB_TOOLS = [
  { type: "function", function: { name: "fetch_financials", description: "Latest reported financials.", parameters: { type: "object", properties: { company: { type: "string" }, period: { type: "string" } }, required: ["company"] } } },
  { type: "function", function: { name: "news_search", description: "Recent news about a company.", parameters: { type: "object", properties: { company: { type: "string" }, days: { type: "integer" } }, required: ["company"] } } },
  { type: "web_search_preview" },
];

function call(id: string, name: string, args: Record<string, unknown>) {
  return { id, type: "function", function: { name, arguments: JSON.stringify(args) } };
}

export function agentFanOutTrace(): Record<string, unknown> {
  const b = new TraceBuilder("agent-fan-out", { $ai_lib: "posthog-python", $ai_lib_version: "6.7.0" });
  const t0 = Date.parse("2025-05-22T08:00:00.000Z");
  const rootId = b.id("orchestrator");
  const brief = "Compare these four companies for a Q3 investment memo: revenue trend, margins, and any news risk.";
  const orchInput = [{ role: "system", content: "You are a research lead. Delegate one company per sub-agent, then write the memo." }, { role: "user", content: `${brief} ${COMPANIES.join(", ")}.` }];
  const calls = COMPANIES.map((company, i) => call(`call_fan_${i}`, "research_company", { company, focus: "revenue, margins, news risk" }));
  b.generation({ parent: rootId, start: t0 + 30, latency: 2.12, model: "gpt-4.1", provider: "openai", input: orchInput, output: [{ index: 0, message: { role: "assistant", content: null, tool_calls: calls }, finish_reason: "tool_calls" }], extra: { $ai_tools: ORCH_TOOLS, $ai_model_parameters: { temperature: 0.3, max_tokens: 800, parallel_tool_calls: true }, $ai_stream: false } });
  const fanStart = t0 + 2200;
  const findings: string[] = [];
  let fanEnd = fanStart;
  COMPANIES.forEach((company, i) => {
    const start = fanStart + i * 35;
    const subId = b.id("subagent");
    const subInput = [{ role: "system", content: "Research one company. Use tools, then summarise in three bullets." }, { role: "user", content: `${company}: revenue, margins, news risk.` }];
    const toolCalls = [call(`call_${i}_fin`, "fetch_financials", { company, period: "last_4_quarters" }), call(`call_${i}_news`, "news_search", { company, days: 90 })];
    const g1 = 1.4 + i * 0.23;
    b.generation({ parent: subId, start: start + 20, latency: g1, model: "gpt-4.1-mini", provider: "openai", input: subInput, output: [{ index: 0, message: { role: "assistant", content: null, tool_calls: toolCalls }, finish_reason: "tool_calls" }], extra: { $ai_tools: SUB_TOOLS, $ai_web_search_cost_usd: 0.025, $ai_model_parameters: { temperature: 0.2, max_tokens: 600 }, $ai_stream: true, $ai_time_to_first_token: 0.41 } });
    const toolsStart = start + 20 + g1 * 1000 + 15;
    const fin = { revenue_musd: [41 + i * 7, 44 + i * 7, 47 + i * 6, 52 + i * 6], gross_margin: 0.31 + i * 0.04 };
    const finLatency = 0.62 + i * 0.11;
    b.span({ name: "fetch_financials", parent: subId, start: toolsStart, latency: finLatency, input: { company, period: "last_4_quarters" }, output: fin });
    const newsLatency = 1.05 + (i % 2) * 0.4;
    const newsFails = i === 2;
    b.span({
      name: "news_search",
      parent: subId,
      start: toolsStart + 5,
      latency: newsLatency,
      input: { company, days: 90 },
      ...(newsFails ? { error: "TimeoutError: news provider did not answer within 1.5 s" } : { output: { articles: [{ title: `${company} expands into two new markets`, date: "2025-05-28" }] } }),
    });
    const summaryStart = toolsStart + Math.max(finLatency, newsLatency + 0.005) * 1000 + 20;
    const summary = `${company}: revenue up ${12 + i * 3}% over four quarters; gross margin ${Math.round((0.31 + i * 0.04) * 100)}%; ${newsFails ? "news unavailable" : "no adverse news"}.`;
    const g2 = 1.1 + (i % 3) * 0.2;
    b.generation({ parent: subId, start: summaryStart, latency: g2, model: "gpt-4.1-mini", provider: "openai", input: [...subInput, { role: "assistant", content: null, tool_calls: toolCalls }, { role: "tool", tool_call_id: `call_${i}_fin`, content: JSON.stringify(fin) }, { role: "tool", tool_call_id: `call_${i}_news`, content: newsFails ? "error: timeout" : "1 article" }], output: [{ index: 0, message: { role: "assistant", content: summary }, finish_reason: "stop" }], extra: { $ai_model_parameters: { temperature: 0.2, max_tokens: 600 }, $ai_stream: true } });
    const end = summaryStart + g2 * 1000 + 10;
    b.span({ name: "research_company", parent: rootId, start, latency: (end - start) / 1000, input: JSON.stringify({ company, focus: "revenue, margins, news risk" }), output: summary, extra: { $ai_span_id: subId } });
    findings.push(summary);
    fanEnd = Math.max(fanEnd, end);
  });
  let t = fanEnd + 40;
  b.generation({ parent: rootId, start: t, latency: 2.35, model: "sonar-pro", provider: "perplexity", input: [{ role: "user", content: `Fact-check these claims with sources:\n${findings.join("\n")}` }], output: [{ index: 0, message: { role: "assistant", content: "Three claims match public filings; Quanta Foods' margin could not be confirmed." }, finish_reason: "stop" }], extra: { $ai_request_cost_usd: 0.006, $ai_model_parameters: { temperature: 0, search_context_size: "medium" } } });
  t += 2390;
  b.embedding({ parent: rootId, start: t, latency: 0.21, model: "text-embedding-3-small", input: findings, inputTokens: 164 });
  t += 240;
  const memo = `Q3 memo: Lumen Health leads on margin, Northwind Robotics on growth stability. Quanta Foods' margin is unconfirmed and its news feed failed; treat as higher risk.`;
  const synthesis = b.generation({ parent: rootId, start: t, latency: 6.84, model: "o4-mini", provider: "openai", input: [...orchInput, { role: "user", content: findings.join("\n") }], output: [{ index: 0, message: { role: "assistant", content: memo }, finish_reason: "stop" }], outputTokens: 1460, extra: { $ai_reasoning_tokens: 1180, $ai_model_parameters: { max_completion_tokens: 4000, reasoning_effort: "medium" }, $ai_stream: false } });
  t += 6840;
  b.span({ name: "market_research", parent: b.traceId, start: t0, latency: (t - t0) / 1000, input: { brief, companies: COMPANIES }, output: { memo }, extra: { $ai_span_id: rootId } });
  b.evaluation({ target: synthesis.eventId, at: t + 5200, startedAt: t + 900, name: "Cites sources", result: false, reasoning: "The memo makes financial claims without naming filings or articles.", runtime: "llm_judge", model: "gpt-4.1-mini" });
  b.metric(t + 200, "subagents", COMPANIES.length);
  return b.build({
    traceName: "market_research_report",
    person: { uuid: "9a3f2e1d-4c5b-5a69-8e7f-0d1c2b3a4f5e", distinct_id: "user_priya", created_at: "2024-03-21T16:00:00Z", properties: { email: "priya@fundhouse.example.com", name: "Priya Raman", plan: "enterprise", $geoip_country_code: "GB" } },
    inputState: { brief, companies: COMPANIES },
    outputState: { memo },
  });
}
