/**
 * Credentials in real Chromium: on the main thread and inside a module worker (no `window` there),
 * every way of giving a credential is refused before a request is made, unless the host opted out;
 * and the errors of requests that do go out carry no credential.
 */
import { detectRuntimeScope } from "../../src/client/clientRuntimeScope";
import { runCredentialScenarios, runLeakScenarios, type ScenarioOutcome } from "./credentialScenarios";

interface WorkerReport {
  scope: { browser: boolean; name: string };
  hasWindow: boolean;
  outcomes: ScenarioOutcome[];
  leaks: Awaited<ReturnType<typeof runLeakScenarios>>;
  failure?: string;
}

function inModuleWorker(allow: boolean): Promise<WorkerReport> {
  const worker = new Worker(new URL("./credentialsWorker.ts", import.meta.url), { type: "module" });
  return new Promise<WorkerReport>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReport>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(`worker failed: ${event.message}`));
    worker.postMessage({ allow });
  }).finally(() => worker.terminate());
}

function expectRefusedUnlessHarmless(outcomes: readonly ScenarioOutcome[]) {
  expect(outcomes.length).toBeGreaterThan(15);
  for (const o of outcomes) {
    expect([o.name, o.refused, o.sent, o.leaked]).toEqual([o.name, o.credential, !o.credential, false]);
  }
}

function expectAllSent(outcomes: readonly ScenarioOutcome[]) {
  for (const o of outcomes) expect([o.name, o.refused, o.sent]).toEqual([o.name, false, true]);
  expect(outcomes.find((o) => o.name === "apiKey")?.sentHeaders).toContain("authorization");
}

describe("on the main thread", () => {
  it("is a browser scope", () => {
    expect(detectRuntimeScope()).toEqual({ browser: true, name: "a browser window" });
  });
  it("refuses every credential, sends nothing, and leaks nothing in the refusal", async () => {
    expectRefusedUnlessHarmless(await runCredentialScenarios({ allow: false }));
  });
  it("sends them all with dangerouslyAllowBrowser", async () => {
    expectAllSent(await runCredentialScenarios({ allow: true }));
  });
  it("scrubs errors of requests that went out", async () => {
    for (const r of await runLeakScenarios()) expect([r.name, r.sent, r.leaked]).toEqual([r.name, true, false]);
  });
});

describe("in a module worker", () => {
  it("is a browser scope without a window, and refuses every credential", async () => {
    const report = await inModuleWorker(false);
    expect(report.failure).toBeUndefined();
    expect(report.hasWindow).toBe(false);
    expect(report.scope).toEqual({ browser: true, name: "a worker" });
    expectRefusedUnlessHarmless(report.outcomes);
    for (const r of report.leaks) expect([r.name, r.sent, r.leaked]).toEqual([r.name, true, false]);
  });
  it("sends them all with dangerouslyAllowBrowser", async () => {
    const report = await inModuleWorker(true);
    expectAllSent(report.outcomes);
  });
});

describe("in a shared worker and an audio worklet", () => {
  it("refuses every credential in a shared worker", async () => {
    const worker = new SharedWorker(new URL("./credentialsSharedWorker.ts", import.meta.url), { type: "module" });
    const report = await new Promise<WorkerReport>((resolve, reject) => {
      worker.port.onmessage = (event: MessageEvent<WorkerReport>) => resolve(event.data);
      worker.onerror = () => reject(new Error("shared worker failed"));
      worker.port.start();
      worker.port.postMessage("run");
    });
    expect(report.failure).toBeUndefined();
    expect(report.scope).toEqual({ browser: true, name: "a shared worker" });
    expectRefusedUnlessHarmless(report.outcomes);
  });

  it("refuses an API key in an audio worklet", async () => {
    const context = new OfflineAudioContext(1, 128, 44100);
    await context.audioWorklet.addModule(new URL("./credentialsWorklet.ts", import.meta.url));
    const node = new AudioWorkletNode(context, "tracelens-credentials");
    const report = await new Promise<{ scope: { browser: boolean; name: string }; refused: boolean; message: string }>((resolve) => {
      node.port.onmessage = (event) => resolve(event.data);
    });
    expect(report.scope).toEqual({ browser: true, name: "a worklet" });
    expect(report.refused).toBe(true);
    expect(report.message).not.toContain("phx_worklet_secret");
  });
});
