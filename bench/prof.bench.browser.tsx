import { Profiler, createElement } from "react";
import { createRoot } from "react-dom/client";
import { SafeMarkdown, preloadSafeMarkdown } from "../src/trace";
import { llmAnswer } from "./markdownInputs";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
it("prof", async () => {
  await preloadSafeMarkdown();
  for (let r = 0; r < 3; r++) {
    const tasks: PerformanceEntry[] = [];
    const obs = new PerformanceObserver((l) => tasks.push(...l.getEntries()));
    obs.observe({ type: "longtask" });
    const c = document.createElement("div"); c.style.width = "900px"; document.body.append(c);
    const start = performance.now();
    const log: string[] = [];
    const root = createRoot(c);
    root.render(createElement(Profiler, { id: "md", onRender: (_id: string, phase: string, actual: number, _base: number, startTime: number, commitTime: number) => log.push(`${phase} render ${actual.toFixed(0)}ms at ${(startTime - start).toFixed(0)} commit at ${(commitTime - start).toFixed(0)}`) }, createElement(SafeMarkdown, { text: llmAnswer(100_000) })));
    while (!c.querySelector('[data-state="formatted"]') || c.querySelector("[data-pending]")) await sleep(5);
    await sleep(300);
    obs.disconnect();
    console.log(log.join("\n") + "\n" + tasks.map((t) => `task at ${(t.startTime - start).toFixed(0)} dur ${t.duration.toFixed(0)}`).join("\n"));
    root.unmount(); c.remove();
  }
});
it("react build", async () => {
  const errors: unknown[] = [];
  const orig = console.error; console.error = (...a: unknown[]) => { errors.push(a); };
  const c = document.createElement("div"); document.body.append(c);
  const root = createRoot(c);
  root.render(createElement("div", null, [createElement("span"), createElement("span")]));
  await sleep(50);
  console.error = orig;
  console.log("REACT BUILD", errors.length ? "development" : "production");
});
