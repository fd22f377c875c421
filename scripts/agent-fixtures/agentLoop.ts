/**
 * agent-loop.json: an OpenAI Agents SDK trip planner (posthog-python processor: agent and
 * function spans with `$ai_span_type`) that keeps calling `search_flights` with the same route
 * because the tool answers "no fares cached, try again"; some retries differ only in case,
 * spacing and a request id. It gives up after the turn limit.
 */
import { TraceBuilder } from "./traceBuilder";

const TOOLS = [
  { type: "function", function: { name: "search_flights", description: "Search fares between two airports.", parameters: { type: "object", properties: { origin: { type: "string" }, destination: { type: "string" }, depart: { type: "string" }, return: { type: "string" }, request_id: { type: "string" } }, required: ["origin", "destination", "depart"] } } },
  { type: "function", function: { name: "search_hotels", description: "Find hotels in an area under a nightly price.", parameters: { type: "object", properties: { area: { type: "string" }, max_price_eur: { type: "number" }, checkin: { type: "string" }, checkout: { type: "string" } }, required: ["area", "checkin", "checkout"] } } },
  { type: "function", function: { name: "get_exchange_rate", description: "Latest exchange rate between two currencies.", parameters: { type: "object", properties: { from: { type: "string" }, to: { type: "string" } }, required: ["from", "to"] } } },
];

const FLIGHT_ARGS: Array<Record<string, unknown>> = [
  { origin: "LIS", destination: "TYO", depart: "2026-05-12", return: "2026-05-20" },
  { origin: "LIS", destination: "TYO", depart: "2026-05-12", return: "2026-05-20" },
  { origin: "LIS", destination: "TYO", depart: "2026-05-12", return: "2026-05-20", request_id: "a91f03c2d7e4" },
  { origin: "lis", destination: "TYO ", depart: "2026-05-12", return: "2026-05-20", request_id: "5be2c0f9aa13" },
  { origin: "LIS", destination: "TYO", depart: "2026-05-12", return: "2026-05-20" },
  { origin: "LIS", destination: "TYO", depart: "2026-05-12", return: "2026-05-20", request_id: "0c47d1e8b925" },
];

const NO_FARES = { results: [], note: "No fares cached for LIS-TYO on these dates yet. Try again in a moment." };

export function agentLoopTrace(): Record<string, unknown> {
  const b = new TraceBuilder("agent-loop", { $ai_lib: "posthog-python", $ai_lib_version: "6.7.0" }, { $ai_session_id: "sess_trip_7731" });
  const t0 = Date.parse("2025-05-20T09:12:04.200Z");
  const agentId = b.id("agent");
  const messages: unknown[] = [
    { role: "system", content: "You are TripPlanner. Use the tools to find real prices. Answer with one flight and one hotel, prices in EUR." },
    { role: "user", content: "Cheapest flight Lisbon → Tokyo, May 12–20, and a hotel near Shibuya under €150 a night?" },
  ];
  const params = { $ai_model_parameters: { temperature: 0.2, max_tokens: 1024, tool_choice: "auto", parallel_tool_calls: false }, $ai_stream: false, $ai_tools: TOOLS };
  let t = t0 + 40;
  let call = 0;
  const step = (name: string, args: Record<string, unknown>, result: unknown, toolLatency: number, genLatency: number) => {
    const callId = `call_${(call++).toString(36).padStart(4, "0")}`;
    const output = [{ index: 0, message: { role: "assistant", content: null, tool_calls: [{ id: callId, type: "function", function: { name, arguments: JSON.stringify(args) } }] }, finish_reason: "tool_calls" }];
    b.generation({ parent: agentId, start: t, latency: genLatency, model: "gpt-4.1-mini", provider: "openai", input: [...messages], output, extra: params });
    t += genLatency * 1000 + 30;
    b.span({ name, parent: agentId, start: t, latency: toolLatency, type: "function", input: JSON.stringify(args), output: JSON.stringify(result) });
    t += toolLatency * 1000 + 25;
    messages.push(output[0]?.message, { role: "tool", tool_call_id: callId, content: JSON.stringify(result) });
  };
  FLIGHT_ARGS.forEach((args, i) => step("search_flights", args, NO_FARES, 1.84 + (i % 3) * 0.31, 0.92 + (i % 2) * 0.27));
  step("search_hotels", { area: "Shibuya", max_price_eur: 150, checkin: "2026-05-12", checkout: "2026-05-20" }, { results: [{ name: "Shibuya Stream Inn", price_eur: 138, rating: 8.6 }, { name: "Dogenzaka Hotel", price_eur: 121, rating: 8.1 }] }, 1.21, 1.05);
  step("search_flights", { origin: "LIS", destination: "TYO", depart: "2026-05-12", return: "2026-05-20" }, NO_FARES, 2.02, 0.88);
  const answer = "I couldn't get a flight price: the fare search kept returning no cached fares for Lisbon → Tokyo on May 12–20. For the hotel, Dogenzaka Hotel is €121 a night (rating 8.1), a 4-minute walk from Shibuya station.";
  b.generation({ parent: agentId, start: t, latency: 1.62, model: "gpt-4.1-mini", provider: "openai", input: [...messages], output: [{ index: 0, message: { role: "assistant", content: answer }, finish_reason: "stop" }], extra: params });
  t += 1620;
  const agentLatency = Math.round(t - t0) / 1000;
  b.span({
    name: "TripPlanner",
    parent: b.traceId,
    start: t0,
    latency: agentLatency,
    type: "agent",
    input: { messages: messages.slice(1, 2) },
    output: { messages: [{ role: "assistant", content: answer }] },
    extra: { $ai_span_id: agentId, $ai_agent_tools: ["search_flights", "search_hotels", "get_exchange_rate"], $ai_agent_output_type: "str" },
  });
  b.metric(t + 400, "turns", 9);
  b.metric(t + 410, "max_turns_reached", false);
  b.feedback(t + 52_000, "It kept searching the same flights and never gave me a price 👎");
  return b.build({
    traceName: "plan_trip",
    aiSessionId: "sess_trip_7731",
    person: { uuid: "6b1d0c9e-2f0a-5c11-9d4b-1f8a2b7c3e55", distinct_id: "user_marta", created_at: "2024-11-02T10:00:00Z", properties: { email: "marta@viagens.example.pt", name: "Marta Sousa", plan: "free", $geoip_country_code: "PT" } },
    inputState: { request: "Cheapest flight Lisbon → Tokyo, May 12–20, and a hotel near Shibuya under €150 a night?" },
    outputState: { answer },
  });
}
