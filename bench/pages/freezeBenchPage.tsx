/**
 * The browser half of `npm run bench:freeze`. One page = one scenario (`?scenario=<id>`, see
 * freezeScenarios.tsx): its host data is built (not timed), the component mounted, then each step acted
 * out; for the mount and each step, the longest main-thread task (Chromium long tasks, 50 ms and more) and
 * the time until the step's result was painted.
 */
import { createRoot } from "react-dom/client";
import { measureInteraction, measureMount, mountPoint, params, publish, settle } from "./benchProbe";
import { SCENARIOS } from "./freezeScenarios";
import "../../src/styles/index.css";

export interface FreezeStepFigures {
  name: string;
  /** Until the step's result (and any work it started) was painted. */
  ms: number;
  longestTaskMs: number;
}

export interface FreezePageResult {
  title: string;
  steps: FreezeStepFigures[];
}

publish(async (): Promise<FreezePageResult> => {
  const scenario = SCENARIOS[params.get("scenario") ?? ""];
  if (!scenario) throw new Error(`unknown scenario ${params.get("scenario")}`);
  const element = scenario.setup();
  const host = mountPoint(1200);
  const root = createRoot(host);
  await settle();
  const ready = scenario.ready;
  const mount = await measureMount(root, element, ready ? () => ready(host) : undefined);
  const steps: FreezeStepFigures[] = [{ name: "mount", ms: mount.firstPaintMs, longestTaskMs: mount.longestTaskMs }];
  for (const step of scenario.steps) {
    const done = step.done;
    const result = await measureInteraction(() => step.act(host), done ? () => done(host) : undefined);
    steps.push({ name: step.name, ...result });
  }
  // Whatever the page still does by itself (idle work, loads) within two seconds.
  const idle = await measureInteraction(() => undefined, () => false, 2000);
  steps.push({ name: "the next 2 s, untouched", ms: idle.ms, longestTaskMs: idle.longestTaskMs });
  root.unmount();
  return { title: scenario.title, steps };
});
