import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { renderToStaticMarkup } from "react-dom/server";
import { SafeMarkdown, preloadSafeMarkdown } from "../src/trace";
import { parseMarkdown } from "../src/components/ui/markdownEngine";
import { MarkdownBody } from "../src/components/ui/markdownBody";
import { llmAnswer } from "./markdownInputs";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
it("prof", async () => {
  await preloadSafeMarkdown();
  const text = llmAnswer(1_000_000);
  const head = text.slice(0, 100_000);
  for (let r = 0; r < 3; r++) {
    (globalThis as { gc?: () => void }).gc?.(); await sleep(50);
    let t = performance.now(); parseMarkdown(head); const parse = performance.now() - t;
    t = performance.now(); renderToStaticMarkup(createElement(MarkdownBody, { source: head, highlight: undefined, renderText: undefined, mediaPolicy: "ask" })); const body = performance.now() - t;
    t = performance.now(); renderToStaticMarkup(createElement(SafeMarkdown, { text })); const whole = performance.now() - t;
    const c = document.createElement("div"); c.style.width = "900px"; document.body.append(c);
    const root = createRoot(c);
    t = performance.now();
    const { flushSync } = await import("react-dom");
    flushSync(() => root.render(createElement(SafeMarkdown, { text })));
    const mount = performance.now() - t;
    t = performance.now(); void c.offsetHeight; const layout = performance.now() - t;
    console.log(`parse ${parse.toFixed(0)} bodyStatic ${body.toFixed(0)} wholeStatic ${whole.toFixed(0)} mount(flushSync) ${mount.toFixed(0)} layout ${layout.toFixed(0)}`);
    root.unmount(); c.remove();
  }
});
