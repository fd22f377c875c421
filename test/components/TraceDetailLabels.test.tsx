import { QueryClient } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import { TraceDetail, TraceLensProvider, createLocalClient } from "../../src/all";
import { keywordLabelClassifiers } from "../../stories/fixtures/labelFixtures";
import type { LLMTrace } from "../../src/core";
import { withPostHogLlmLabels } from "../../stories/fixtures/labelFixtures";
import { fixtureTraces as t } from "../../stories/TraceDetailStoryParts";

describe("TraceDetail conversation labels", () => {
  it("puts PostHog-LLM's stored labels on the user message they describe (the generation's last), beside its sentiment", () => {
    const trace = withPostHogLlmLabels(t.frustratedUser as LLMTrace & { events: Array<{ event: string; properties: Record<string, unknown> }> }, "annoyance", 1);
    const gen = trace.events.filter((e) => e.event === "$ai_generation").at(-1)! as { id: string };
    render(<TraceDetail trace={trace as LLMTrace} defaultSelectedEventId={gen.id} />);
    const input = screen.getByRole("group", { name: "Input" });
    const users = [...input.querySelectorAll<HTMLElement>('[data-slot="message"][data-role="user"]')];
    const labelled = users.filter((card) => card.querySelector('[data-slot="message-labels"]'));
    expect(labelled).toHaveLength(1);
    expect(labelled[0]).toBe(users.at(-1));
    expect(within(labelled[0]!).getByRole("img", { name: /^Emotion: annoyance/ })).toHaveAttribute("data-source", "posthog-llm");
    expect(within(labelled[0]!).getByRole("img", { name: "Toxicity: toxicity" })).toBeInTheDocument();
    expect(input.querySelectorAll('[data-slot="message"][data-role="assistant"] [data-slot="message-labels"]')).toHaveLength(0);
  });

  it("shows no chips where nothing labelled the messages", () => {
    const gen = t.frustratedUser.events.filter((e) => e.event === "$ai_generation").at(-1)!;
    render(<TraceDetail trace={t.frustratedUser} defaultSelectedEventId={gen.id} />);
    expect(document.querySelectorAll('[data-slot="message-labels"]')).toHaveLength(0);
  });

  it("labels every user message through the local client's classifiers when the events carry none", async () => {
    const client = createLocalClient({ traces: [t.frustratedUser], labelClassifiers: keywordLabelClassifiers() });
    const gen = t.frustratedUser.events.filter((e) => e.event === "$ai_generation").at(-1)!;
    render(
      <TraceLensProvider client={client} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <TraceDetail trace={t.frustratedUser} defaultSelectedEventId={gen.id} />
      </TraceLensProvider>,
    );
    const input = screen.getByRole("group", { name: "Input" });
    await waitFor(() => expect(input.querySelectorAll('[data-slot="message"][data-role="user"] [data-slot="message-labels"]')).toHaveLength(4), { timeout: 15_000 });
    const chips = [...input.querySelectorAll('[data-slot="emotion-chips"]')];
    expect(chips.every((chip) => chip.getAttribute("data-source") === "local")).toBe(true);
  });
});
