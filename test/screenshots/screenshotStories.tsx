/**
 * The stories the screenshot tests capture: each component's main story, light and dark at 1280 px, and
 * the tables and TraceDetail at the narrow widths the gallery shows them (560 and 360 px). Each names
 * what must be on screen before the capture, so a slow load is waited for rather than photographed.
 */
import { composeStories } from "@storybook/react-vite";
import type { FunctionComponent } from "react";
import * as EvaluationSummaryPanelStories from "../../stories/EvaluationSummaryPanel.stories";
import * as GenerationsTableStories from "../../stories/GenerationsTable.stories";
import * as SafeMarkdownStories from "../../stories/SafeMarkdown.stories";
import * as SentimentBarStories from "../../stories/SentimentBar.stories";
import * as SentimentOverviewStories from "../../stories/SentimentOverview.stories";
import * as SessionViewStories from "../../stories/SessionView.stories";
import * as SummaryPanelStories from "../../stories/SummaryPanel.stories";
import * as TextReprViewStories from "../../stories/TextReprView.stories";
import * as TraceDetailStories from "../../stories/TraceDetail.stories";
import * as TracesTableStories from "../../stories/TracesTable.stories";

export type Theme = "light" | "dark";

/** A composed story: renders with the gallery's decorators; `load` runs its loaders first. */
export type ComposedStory = FunctionComponent & { load: () => Promise<void> };

export interface Shot {
  /** The baseline's file name (without `.png`). */
  name: string;
  story: (theme: Theme) => ComposedStory;
  width: number;
  theme: Theme;
  /** Resolves once the story shows its data (not a loading state). */
  ready: (root: HTMLElement) => boolean;
}

// One composition per theme: the gallery's decorator reads the theme from the story's globals.
function themed(module: Parameters<typeof composeStories>[0]) {
  const light: Record<string, ComposedStory> = composeStories(module, { initialGlobals: { theme: "light" } });
  const dark: Record<string, ComposedStory> = composeStories(module, { initialGlobals: { theme: "dark" } });
  return (name: string) => (theme: Theme) => {
    const story = (theme === "dark" ? dark : light)[name];
    if (!story) throw new Error(`No story named ${name}`);
    return story;
  };
}

const has = (selector: string) => (root: HTMLElement) => root.querySelector(selector) !== null;
const text = (value: string) => (root: HTMLElement) => (root.textContent ?? "").includes(value);
const all =
  (...checks: ((root: HTMLElement) => boolean)[]) =>
  (root: HTMLElement) =>
    checks.every((check) => check(root));
const notBusy = (root: HTMLElement) => root.querySelector('[aria-busy="true"], [data-state="loading"]') === null;

interface Main {
  component: string;
  story: (theme: Theme) => ComposedStory;
  ready: (root: HTMLElement) => boolean;
  /** Narrow widths this component is also captured at (light only). */
  narrow?: number[];
}

const MAIN: Main[] = [
  { component: "SentimentBar", story: themed(SentimentBarStories)("AllStates"), ready: has('[data-slot="sentiment-bar"][data-state="ready"]') },
  { component: "TracesTable", story: themed(TracesTableStories)("HostData"), ready: all(text("support_chat"), notBusy), narrow: [560, 360] },
  {
    component: "GenerationsTable",
    story: themed(GenerationsTableStories)("FromTraces"),
    ready: all(has('[data-slot="sentiment-bar"][data-state="ready"]'), notBusy),
    narrow: [360],
  },
  { component: "TraceDetail", story: themed(TraceDetailStories)("SupportChatbot"), ready: has('[role="treeitem"]'), narrow: [560, 360] },
  { component: "TextReprView", story: themed(TextReprViewStories)("TraceWithMarkers"), ready: has('[role="list"]') },
  { component: "SummaryPanel", story: themed(SummaryPanelStories)("Cached"), ready: text("Customer updates delivery address before shipping") },
  { component: "SessionView", story: themed(SessionViewStories)("Conversation"), ready: all(has('[data-slot="session-trace"]'), notBusy) },
  { component: "EvaluationSummaryPanel", story: themed(EvaluationSummaryPanelStories)("Loaded"), ready: has('[data-slot="pattern-card"], article') },
  { component: "SentimentOverview", story: themed(SentimentOverviewStories)("ByModel"), ready: has("svg") },
  {
    component: "SafeMarkdown",
    story: themed(SafeMarkdownStories)("ModelAnswer"),
    ready: all(has('[data-slot="safe-markdown"][data-state="formatted"]'), has("code[data-highlighted]")),
  },
];

export const SHOTS: Shot[] = MAIN.flatMap((main) => [
  ...(["light", "dark"] as const).map((theme) => ({ name: `${main.component}-1280-${theme}`, story: main.story, width: 1280, theme, ready: main.ready })),
  ...(main.narrow ?? []).map((width) => ({ name: `${main.component}-${width}-light`, story: main.story, width, theme: "light" as const, ready: main.ready })),
]);
