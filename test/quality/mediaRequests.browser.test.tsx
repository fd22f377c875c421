// The media policy in real Chromium: media from trace data and model output (markdown images in
// outputs, summaries and evaluation texts, image_url and audio parts) makes no request to a remote host
// until allowed (by the host's allowlist, "allow", or the viewer's click). Requests are read from the
// browser's own Resource Timing entries; "remote" is this page's server under another origin
// (127.0.0.1 instead of localhost), so each probe really is fetched once allowed. Every negative check
// waits for an allowed control image to arrive first, so "nothing yet" means "nothing".
import { cleanup, render } from "vitest-browser-react";
import { page } from "vitest/browser";
import type { ReactNode } from "react";
import {
  EvaluationSummaryPanelView,
  PolicyImage,
  SafeMarkdown,
  SessionViewTraceList,
  SummaryPanelView,
  TraceDetail,
  TraceLensProvider,
  createLocalClient,
  preloadSafeMarkdown,
  type MediaPolicy,
} from "../../src/all";
import type { LLMTrace } from "../../src/core";

const REMOTE = `http://127.0.0.1:${location.port}`;
let run = 0;

/** Probe URLs unique to one render, so entries from earlier renders never count. */
function probes() {
  run += 1;
  const url = (name: string) => `${REMOTE}/__tl-media-probe/${run}/${name}.png`;
  return {
    url,
    prefix: `${REMOTE}/__tl-media-probe/${run}/`,
    control: `${REMOTE}/__tl-media-probe/${run}/control.png`,
  };
}

// An observer, not getEntriesByType: the page's own modules fill the resource timing buffer.
const seen: string[] = [];
const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((entry) => entry.name)));
observer.observe({ type: "resource" });
function requested(prefix: string): string[] {
  seen.push(...observer.takeRecords().map((entry) => entry.name));
  return seen.filter((name) => name.startsWith(prefix));
}

function traceWithMedia(url: (name: string) => string, id: string): LLMTrace {
  const at = (s: number) => new Date(Date.UTC(2025, 5, 1, 12, 0, s)).toISOString();
  return {
    id,
    createdAt: at(0),
    traceName: "media",
    events: [
      {
        id: `${id}-gen`,
        event: "$ai_generation",
        createdAt: at(1),
        properties: {
          $ai_trace_id: id,
          $ai_generation_id: `${id}-g`,
          $ai_model: "gpt-4o",
          $ai_input: [
            {
              role: "user",
              content: [
                { type: "text", text: "What is in this picture?" },
                { type: "image_url", image_url: { url: url("input-image") } },
                { type: "input_audio", input_audio: { url: url("input-audio"), format: "mp3" } },
                { type: "video", url: url("input-video"), mediaType: "video/mp4" },
              ],
            },
          ],
          $ai_output_choices: [{ message: { role: "assistant", content: `A chart: ![chart](${url("output-markdown")}) and **more**.` } }],
        },
      },
    ],
  } as LLMTrace;
}

/** Every place that shows media from trace data or model output, each with its own probe URLs. */
function everyPlace(url: (name: string) => string): ReactNode {
  const trace = traceWithMedia(url, `media-${run}`);
  return (
    <div>
      <TraceDetail trace={trace} defaultSelectedEventId={`${trace.id}-gen`} defaultTab="conversation" treeHeight={300} />
      <SessionViewTraceList traces={[traceWithMedia(url, `session-${run}`)]} defaultExpandedTraceIds={[`session-${run}`]} />
      <SummaryPanelView
        status="success"
        mode="detailed"
        summary={{ title: "t", flow_diagram: "", summary_bullets: [{ text: `See ![pixel](${url("summary")})`, line_refs: "" }], interesting_notes: [] }}
      />
      <EvaluationSummaryPanelView
        summary={{
          overall_assessment: `Mostly fine ![pixel](${url("evaluation")})`,
          pass_patterns: [],
          fail_patterns: [],
          na_patterns: [],
          recommendations: [],
          statistics: { total_analyzed: 1, pass_count: 1, fail_count: 0, na_count: 0 },
        }}
      />
      <SafeMarkdown text={`![direct](${url("markdown")})`} />
    </div>
  );
}

const PLACES = ["input-image", "input-audio", "input-video", "output-markdown", "summary", "evaluation", "markdown"];
/** Audio and video load metadata only, maybe later; the images are enough to see the allowlist work. */
const IMAGES = PLACES.filter((place) => !/audio|video/.test(place));

async function show(ui: ReactNode, control: string, policy?: MediaPolicy) {
  await cleanup();
  const client = createLocalClient({ traces: [] });
  const screen = await render(
    <TraceLensProvider client={client} mediaPolicy={policy}>
      <PolicyImage src={control} alt="control" mediaPolicy="allow" />
      {ui}
    </TraceLensProvider>,
  );
  // The control is allowed: once its request is seen, the browser has had its chance at the others.
  await expect.poll(() => requested(control).length, { timeout: 10_000 }).toBeGreaterThan(0);
  return screen;
}

beforeAll(() => preloadSafeMarkdown());
beforeEach(() => page.viewport(1400, 1000));

/** Images load lazily: each is brought into view in turn. */
async function scrollThrough(root: Element) {
  for (const media of root.querySelectorAll("img, audio")) {
    media.scrollIntoView();
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

describe("media policy: no request leaves for a remote host unless allowed", () => {
  it("by default nothing is fetched; each place names the host behind a button", async () => {
    const { url, prefix, control } = probes();
    const screen = await show(everyPlace(url), control);
    expect(requested(prefix).filter((name) => name !== control)).toEqual([]);
    const host = new URL(REMOTE).host;
    const buttons = [...screen.container.querySelectorAll("button")].filter((b) => b.textContent?.startsWith("Load "));
    expect(buttons.length).toBeGreaterThanOrEqual(PLACES.length);
    expect(buttons.every((b) => b.textContent?.endsWith(`from ${host}`))).toBe(true);
    expect(screen.container.querySelectorAll('img:not([alt="control"]), audio, video')).toHaveLength(0);
  });

  it("a click loads that one item, and nothing else", async () => {
    const { url, prefix, control } = probes();
    const screen = await show(<SafeMarkdown text={`![one](${url("one")}) ![two](${url("two")})`} />, control);
    const [first] = [...screen.container.querySelectorAll("button")].filter((b) => b.textContent?.startsWith("Load image"));
    first!.click();
    await scrollThrough(screen.container);
    await expect.poll(() => requested(url("one")).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(requested(prefix).filter((name) => name !== control && name !== url("one"))).toEqual([]);
  });

  it("the provider's allowlist lets listed origins load everywhere, and only them", async () => {
    const { url, prefix, control } = probes();
    const screen = await show(
      <>
        {everyPlace(url)}
        <SafeMarkdown text={"![elsewhere](http://elsewhere.invalid/x.png)"} />
      </>,
      control,
      { allowOrigins: [REMOTE] },
    );
    await scrollThrough(screen.container);
    for (const place of IMAGES) {
      await expect.poll(() => requested(url(place)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    }
    expect(requested("http://elsewhere.invalid")).toEqual([]);
    expect(requested(prefix).length).toBeGreaterThanOrEqual(IMAGES.length);
  });

  it('"allow" on the provider loads remote media at once; a component\'s own policy wins', async () => {
    const { url, control } = probes();
    await show(
      <>
        <SafeMarkdown text={`![a](${url("allowed")})`} />
        <SafeMarkdown text={`![b](${url("own-policy")})`} mediaPolicy="ask" />
      </>,
      control,
      "allow",
    );
    await scrollThrough(document.body);
    await expect.poll(() => requested(url("allowed")).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(requested(url("own-policy"))).toEqual([]);
  });
});
