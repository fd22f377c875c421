/**
 * agent-retry.json: a support agent on Claude (posthog-node, Anthropic Messages shapes) whose
 * `create_ticket` tool fails twice with 503 before it succeeds (the tool runner retries with
 * backoff), and whose next model call is rejected with 529 overloaded and retried with the same
 * input. Three evaluations judge the final answer.
 */
import { TraceBuilder } from "./traceBuilder";

const TOOLS = [
  { name: "lookup_customer", description: "Find a customer by email.", input_schema: { type: "object", properties: { email: { type: "string" } }, required: ["email"] } },
  { name: "create_ticket", description: "Open a support ticket.", input_schema: { type: "object", properties: { customer_id: { type: "string" }, subject: { type: "string" }, priority: { type: "string", enum: ["low", "normal", "high"] } }, required: ["customer_id", "subject"] } },
];
const SYSTEM = "You are Acme's billing support agent. Always open a ticket for refunds and quote its id.";
const OVERLOADED = { type: "error", error: { type: "overloaded_error", message: "Overloaded" } };

export function agentRetryTrace(): Record<string, unknown> {
  const b = new TraceBuilder("agent-retry", { $ai_lib: "posthog-node", $ai_lib_version: "5.8.1" });
  const t0 = Date.parse("2025-05-21T14:30:10.000Z");
  const agentId = b.id("agent");
  const params = { $ai_model_parameters: { temperature: 0, max_tokens: 2048, tool_choice: { type: "auto" } }, $ai_stream: false, $ai_tools: TOOLS, $ai_base_url: "https://api.anthropic.com" };
  const messages: unknown[] = [{ role: "user", content: [{ type: "text", text: "I was charged twice for order #55120 (2 × €89). Please refund one of them. My email is jonas@post.example.de" }] }];
  const input = () => [{ role: "system", content: SYSTEM }, ...messages];
  let t = t0 + 50;

  const toolUse = (id: string, name: string, args: Record<string, unknown>, text: string) => [{ role: "assistant", content: [{ type: "text", text }, { type: "tool_use", id, name, input: args }] }];
  const lookupArgs = { email: "jonas@post.example.de" };
  const out1 = toolUse("toolu_01Lk", "lookup_customer", lookupArgs, "Let me find your account.");
  b.generation({ parent: agentId, start: t, latency: 2.31, model: "claude-3-7-sonnet-20250219", provider: "anthropic", input: input(), output: out1, extra: params });
  t += 2340;
  const customer = { customer_id: "cus_8842", name: "Jonas Weber", orders: [{ id: "55120", charges: [{ id: "ch_1", amount_eur: 89 }, { id: "ch_2", amount_eur: 89 }] }] };
  b.span({ name: "lookup_customer", parent: agentId, start: t, latency: 0.18, input: lookupArgs, output: customer });
  t += 200;
  messages.push(out1[0], { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_01Lk", content: JSON.stringify(customer) }] });

  const ticketArgs = { customer_id: "cus_8842", subject: "Refund duplicate charge ch_2 on order 55120", priority: "high" };
  const out2 = toolUse("toolu_02Tk", "create_ticket", ticketArgs, "I can see the duplicate charge. Opening a refund ticket.");
  b.generation({ parent: agentId, start: t, latency: 2.74, model: "claude-3-7-sonnet-20250219", provider: "anthropic", input: input(), output: out2, extra: params });
  t += 2770;
  const runnerId = b.id("runner");
  const runnerStart = t;
  b.span({ name: "create_ticket", parent: runnerId, start: t, latency: 0.42, input: ticketArgs, error: "503 Service Unavailable: ticketing backend overloaded" });
  t += 420 + 1000;
  b.span({ name: "create_ticket", parent: runnerId, start: t, latency: 0.39, input: ticketArgs, error: "503 Service Unavailable: ticketing backend overloaded" });
  t += 390 + 2000;
  const ticket = { ticket_id: "T-20931", status: "open", queue: "billing-refunds" };
  b.span({ name: "create_ticket", parent: runnerId, start: t, latency: 0.51, input: ticketArgs, output: ticket });
  t += 510;
  b.span({ name: "tool_retry", parent: agentId, start: runnerStart, latency: (t - runnerStart) / 1000, input: { tool: "create_ticket", max_attempts: 4, backoff_s: [1, 2, 4] }, output: { attempts: 3 }, extra: { $ai_span_id: runnerId } });
  t += 40;
  messages.push(out2[0], { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_02Tk", content: JSON.stringify(ticket) }] });

  b.generation({ parent: agentId, start: t, latency: 0.63, model: "claude-3-7-sonnet-20250219", provider: "anthropic", input: input(), output: null, error: OVERLOADED, httpStatus: 529, extra: params });
  t += 630 + 1500;
  const answer = "Done — I opened refund ticket T-20931 for the duplicate €89 charge on order 55120. Billing will refund it within 5 business days.";
  const final = b.generation({ parent: agentId, start: t, latency: 1.88, model: "claude-3-7-sonnet-20250219", provider: "anthropic", input: input(), output: [{ role: "assistant", content: [{ type: "text", text: answer }] }], extra: params });
  t += 1880;
  b.span({ name: "support_agent", parent: b.traceId, start: t0, latency: (t - t0) / 1000, input: { ticket_request: "duplicate charge" }, output: { ticket_id: "T-20931" }, extra: { $ai_span_id: agentId } });

  b.evaluation({ target: final.eventId, at: t + 4200, startedAt: t + 1100, name: "Resolved the request", result: true, reasoning: "Opened the refund ticket and quoted its id.", runtime: "llm_judge", model: "gpt-4.1-mini" });
  b.evaluation({ target: final.eventId, at: t + 4900, startedAt: t + 1100, name: "Polite tone", result: true, reasoning: "Friendly and concise.", runtime: "llm_judge", model: "gpt-4.1-mini" });
  b.evaluation({ target: final.eventId, at: t + 1300, startedAt: t + 1250, name: "Quotes ticket id", result: true, reasoning: "Output matches /T-\\d+/.", runtime: "hog" });
  b.metric(t + 300, "tool_retries", 2, runnerId);
  return b.build({
    traceName: "file_support_ticket",
    person: { uuid: "0e7c55a1-8b2d-5f3e-a6c4-9d1b2e3f4a50", distinct_id: "user_jonas", created_at: "2023-09-14T08:00:00Z", properties: { email: "jonas@post.example.de", name: "Jonas Weber", plan: "pro", $geoip_country_code: "DE" } },
    inputState: { message: "I was charged twice for order #55120 (2 × €89). Please refund one of them." },
    outputState: { answer, ticket_id: "T-20931" },
  });
}
