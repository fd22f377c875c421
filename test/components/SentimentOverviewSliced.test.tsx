/**
 * SentimentOverview reads big host data in slices after its first paint: the items it builds that way are
 * the ones a plain pass builds, loaded results fill in to the same items a rebuild gives, and until the
 * counting (or the table's drawing) is over the overview says so instead of showing figures.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SentimentOverview } from "../../src/all";
import type { LLMTrace, SentimentLabel, SentimentResult } from "../../src/core";
import { generationRows, generationTimeMs, inlineGenerationSentiment } from "../../src/core/generationRows";
import { inlineTraceSentiment, normalizeTraces, normalizeTracesSteps, traceTimeMs } from "../../src/core/traceRows";
import { finishJob, runJob, type SlicedJob } from "../../src/components/ui/slicedJob";
import { SYNC_JOB_LIMIT } from "../../src/components/ui/useSlicedJob";
import type { SentimentItem } from "../../src/components/SentimentOverview/sentimentOverviewDimensions";
import { lookupTimestamps, sentimentItemsJob, withLoadedSentiment, type SentimentById } from "../../src/components/SentimentOverview/sentimentOverviewItems";
import { BUCKET_ROWS_PER_DRAW } from "../../src/components/SentimentOverview/SentimentOverviewTables";

const LABELS: SentimentLabel[] = ["positive", "neutral", "negative"];
const HOUR = 3_600_000;

const result = (id: string, label: SentimentLabel): SentimentResult => ({
  trace_id: id,
  label,
  score: 0.7,
  scores: { positive: label === "positive" ? 0.7 : 0.15, neutral: label === "neutral" ? 0.7 : 0.15, negative: label === "negative" ? 0.7 : 0.15 },
  generations: {},
  generation_count: 1,
  message_count: 1,
});

/**
 * `count` traces an hour apart over `hours` hours, with the awkward cases mixed in: repeated and missing ids,
 * an id that is an Object prototype key, non-objects, no date, sentiment inline, null or absent.
 */
function hostTraces(count: number, hours = 24): unknown[] {
  return Array.from({ length: count }, (_, i) => {
    if (i % 997 === 5) return i % 2 ? null : "not a trace";
    const at = new Date(Date.UTC(2025, 5, 1) + (i % hours) * HOUR + i).toISOString();
    const id = i % 499 === 3 ? "dup" : i === 11 ? "constructor" : i % 613 === 7 ? undefined : `t${i}`;
    const sentiment = i % 5 === 0 ? undefined : i % 7 === 0 ? null : result(`t${i}`, LABELS[i % 3]!);
    return {
      id,
      createdAt: i % 311 === 9 ? undefined : at,
      events: [{ id: `g${i % 900}`, event: "$ai_generation", createdAt: at, properties: { $ai_model: `m${i % 4}` } }],
      ...(sentiment === undefined ? {} : { sentiment }),
    };
  });
}

/** Runs a job one yield at a time (the smallest slices there are), counting the slices. */
function inSlices<T>(job: SlicedJob<T>): { value: T; slices: number } {
  let slices = 0;
  for (;;) {
    const step = runJob(job, 0);
    if (step.done) return { value: step.value, slices };
    slices++;
  }
}

/** What the overview counted before it was sliced: one plain pass, the host's map, inline, then loaded. */
function plainItems(level: "trace" | "generation", traces: unknown[], given?: SentimentById, loaded?: SentimentById): SentimentItem[] {
  const own = (map: SentimentById | undefined, id: string) => (map && Object.hasOwn(map, id) ? map[id] : undefined);
  const pick = (id: string, inline: SentimentResult | null | undefined) => own(given, id) ?? inline ?? own(loaded, id) ?? null;
  if (level === "trace") {
    return normalizeTraces([...traces]).map((trace) => ({ id: trace.id, level, time: traceTimeMs(trace) ?? null, trace, event: null, sentiment: pick(trace.id, inlineTraceSentiment(trace)) }));
  }
  return generationRows(undefined, traces).map((row) => {
    const id = typeof row.event.id === "string" && row.event.id ? row.event.id : row.rowId;
    return { id, level, time: generationTimeMs(row) ?? null, trace: row.trace, event: row.event, sentiment: pick(id, inlineGenerationSentiment(row)) };
  });
}

describe("SentimentOverview items, built in slices", () => {
  const traces = hostTraces(12_000);
  const given: SentimentById = { t1: result("t1", "negative"), t2: null, constructor: result("constructor", "neutral") };

  it("normalizes host traces in slices to the same rows as one pass", () => {
    const { value, slices } = inSlices(normalizeTracesSteps([...traces]));
    expect(slices).toBeGreaterThan(1);
    expect(value).toEqual(normalizeTraces([...traces]));
  });

  it.each(["trace", "generation"] as const)("builds the same %s items in slices as in one plain pass", (level) => {
    const { value, slices } = inSlices(sentimentItemsJob(level, [...traces] as LLMTrace[], undefined, given, undefined));
    expect(slices).toBeGreaterThan(1);
    expect(value).toEqual(plainItems(level, traces, given));
  });

  it("fills loaded results in to the same items a rebuild with them gives", () => {
    const base = finishJob(sentimentItemsJob("trace", [...traces] as LLMTrace[], undefined, given, undefined));
    const missing = base.filter((item) => !item.sentiment).map((item) => item.id);
    expect(missing.length).toBeGreaterThan(100);
    // Some found, some failed (null), one for an id the host already answered, one for an id nobody has.
    const loaded: SentimentById = Object.fromEntries([
      ...missing.slice(0, 60).map((id, i) => [id, i % 4 === 0 ? null : result(id, LABELS[i % 3]!)]),
      ["t1", result("t1", "positive")],
      ["nobody", result("nobody", "positive")],
    ]);
    const filled = withLoadedSentiment(base, loaded);
    expect(filled).toEqual(plainItems("trace", traces, given, loaded));
    expect(filled.filter((item, i) => item !== base[i])).toHaveLength(45);
  });

  it("sends each looked-up id's time, and only those", () => {
    const items = plainItems("trace", traces);
    const ids = ["t4", "dup", "nobody"];
    const times = lookupTimestamps(items, ids);
    expect(Object.keys(times).sort()).toEqual(["dup", "t4"]);
    expect(times).toEqual(Object.fromEntries(items.filter((item) => ids.includes(item.id)).map((item) => [item.id, item.time])));
  });
});

describe("SentimentOverview while it counts", () => {
  it("says it is counting, with no figures, until every trace is counted; then the figures are the plain count's", async () => {
    const traces = hostTraces(SYNC_JOB_LIMIT * 3) as LLMTrace[];
    render(<SentimentOverview traces={traces} loadSentiment={false} />);
    const section = document.querySelector<HTMLElement>('[data-slot="sentiment-overview"]')!;
    // The first render reads nothing: not the figures of a part, not "no traces".
    expect(section).toHaveAttribute("aria-busy", "true");
    expect(section).toHaveAttribute("data-state", "ready");
    const summary = () => section.querySelector('[data-slot="sentiment-overview-summary"]');
    expect(summary()).toHaveTextContent("Counting traces…");
    expect(section.querySelector("svg")).toBeNull();
    expect(section).not.toHaveTextContent(/have sentiment|There were no/);
    await waitFor(() => expect(section).not.toHaveAttribute("aria-busy"), { timeout: 10_000 });
    const items = plainItems("trace", traces);
    const classified = items.filter((item) => item.sentiment && item.sentiment.message_count !== 0).length;
    expect(summary()).toHaveTextContent(`${classified.toLocaleString("en-US")} of ${items.length.toLocaleString("en-US")} traces have sentiment.`);
    const body = section.querySelector('[data-slot="sentiment-overview-body"]')!;
    expect(body).not.toHaveAttribute("data-stale");
    // Regrouping: the last figures stay, faded and said to be recounted, until the new ones are whole.
    await userEvent.setup().selectOptions(screen.getByRole("combobox", { name: "Group by" }), "model");
    expect(section).toHaveAttribute("aria-busy", "true");
    expect(body).toHaveAttribute("data-stale", "true");
    expect(summary()).toHaveTextContent("Counting");
    await waitFor(() => expect(section).not.toHaveAttribute("aria-busy"), { timeout: 10_000 });
    expect(body).not.toHaveAttribute("data-stale");
    expect(screen.getByRole("img", { name: /by model/i })).toBeInTheDocument();
  });

  it("draws a long time-bucket table a few rows per frame, busy and saying so until every row is in", async () => {
    const user = userEvent.setup();
    const hours = BUCKET_ROWS_PER_DRAW * 2 + 5;
    render(<SentimentOverview traces={hostTraces(hours * 3, hours) as LLMTrace[]} loadSentiment={false} defaultInterval="hour" />);
    await user.click(screen.getByRole("button", { name: "Table" }));
    const tables = document.querySelector<HTMLElement>('[data-slot="sentiment-overview-tables"]')!;
    const perHour = screen.getByRole("table", { name: "Sentiment of traces per hour (UTC)" });
    const rows = () => within(perHour).getAllByRole("row").length - 1;
    expect(rows()).toBeLessThan(hours);
    expect(tables).toHaveAttribute("aria-busy", "true");
    expect(tables).toHaveTextContent(`Drawing ${hours - rows()} more hours…`);
    await waitFor(() => expect(tables).not.toHaveAttribute("aria-busy"));
    expect(rows()).toBe(hours);
    expect(tables).not.toHaveTextContent("Drawing");
  });
});
