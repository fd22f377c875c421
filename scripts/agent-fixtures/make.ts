// npx tsx scripts/agent-fixtures/make.ts — writes the agent fixtures (loop, retry, fan-out) into
// test/fixtures/traces/. Deterministic: rerunning gives the same files.
import { writeFileSync } from "node:fs";
import { agentFanOutTrace } from "./agentFanOut";
import { agentLoopTrace } from "./agentLoop";
import { agentRetryTrace } from "./agentRetry";

const out = new URL("../../test/fixtures/traces/", import.meta.url);
for (const [name, trace] of [
  ["agent-loop", agentLoopTrace()],
  ["agent-retry", agentRetryTrace()],
  ["agent-fan-out", agentFanOutTrace()],
] as const) {
  writeFileSync(new URL(`${name}.json`, out), `${JSON.stringify(trace, null, 2)}\n`);
  console.log(`${name}.json: ${(trace.events as unknown[]).length} events`);
}
