// npm run bench:core — tracelens/core on large inputs. Prints medians; PostHog's own Python formatter is the
// peer for text_repr (its time for the same 2 MB request is recorded in test/fixtures/bench/README.md).
import { readFileSync } from "node:fs";
import { buildTraceTree, formatTextRepr, keptTraceEvents } from "../src/core";
import { medianMs, ms } from "./benchUtil";
import { syntheticTextReprTrace, syntheticTraceEvents } from "./syntheticTrace";

const POSTHOG_PYTHON_2MB_MS = 216;
const SUMMARY_OPTIONS = { include_line_numbers: true, truncated: false, include_markers: false } as const;

const request = JSON.parse(readFileSync(new URL("../test/fixtures/bench/text-repr-trace-2mb.json", import.meta.url), "utf8"));
const defaults = medianMs(5, () => formatTextRepr("$ai_trace", request));
const summary = medianMs(5, () => formatTextRepr("$ai_trace", request, SUMMARY_OPTIONS));
const chars = formatTextRepr("$ai_trace", request).text.length;
console.log(`formatTextRepr, 2 MB trace (605 events, ${chars.toLocaleString("en")} chars out)`);
console.log(`  default options : ${ms(defaults)}   PostHog Python ${POSTHOG_PYTHON_2MB_MS} ms   speed vs PostHog ${(POSTHOG_PYTHON_2MB_MS / defaults).toFixed(2)}× (above 1 is faster)`);
console.log(`  summary options : ${ms(summary)}   (line numbers, no truncation, no markers)`);

const big = syntheticTextReprTrace(5_000);
console.log(`formatTextRepr, 5,000-event trace: ${ms(medianMs(5, () => formatTextRepr("$ai_trace", big)))}`);

const events10k = syntheticTraceEvents(10_000);
const events100k = syntheticTraceEvents(100_000);
const tree10k = medianMs(5, () => buildTraceTree(events10k));
const tree100k = medianMs(5, () => buildTraceTree(events100k));
console.log("buildTraceTree");
console.log(`  10k events  : ${ms(tree10k)}`);
console.log(`  100k events : ${ms(tree100k)}`);
console.log(`  100k/10k    : ${(tree100k / tree10k).toFixed(1)} (10.0 is linear)`);

// At-least-once delivery: one event in ten delivered twice. Dedupe must stay linear and cheap beside the build.
const redelivered = events100k.flatMap((event, i) => (i % 10 === 0 ? [event, structuredClone(event)] : [event]));
console.log("dedupe (100k events, 10% delivered twice)");
console.log(`  keptTraceEvents : ${ms(medianMs(5, () => keptTraceEvents(redelivered)))}   (what tables and the Text tab count)`);
console.log(`  buildTraceTree  : ${ms(medianMs(5, () => buildTraceTree(redelivered)))}`);
