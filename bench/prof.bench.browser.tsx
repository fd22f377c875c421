import { createElement } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { SafeMarkdown, preloadSafeMarkdown } from "../src/trace";
import { llmAnswer } from "./markdownInputs";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
it("prof", async () => {
  await preloadSafeMarkdown();
  const variants: Array<[string, string]> = [["100k", llmAnswer(100_000)], ["1MB", llmAnswer(1_000_000)], ["plain 900k", "word ".repeat(180_000)], ["12k", llmAnswer(12_000)]];
  for (let r = 0; r < 3; r++) for (const [name, text] of variants) {
    (globalThis as { gc?: () => void }).gc?.(); await sleep(50);
    const c = document.createElement("div"); c.style.width = "900px"; document.body.append(c);
    const root = createRoot(c);
    let t = performance.now();
    flushSync(() => root.render(createElement(SafeMarkdown, { text })));
    const mount = performance.now() - t;
    t = performance.now(); void c.offsetHeight; const layout = performance.now() - t;
    if (r > 0) console.log(`PROF ${name}: mount ${mount.toFixed(0)} layout ${layout.toFixed(0)} nodes ${c.querySelectorAll("*").length}`);
    root.unmount(); c.remove();
  }
});
