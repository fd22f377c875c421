import { render } from "vitest-browser-react";
import { userEvent } from "vitest/browser";
import { EmotionChips, LabelFilterControls, LabelsOverview, ToxicityChip } from "../../src/all";
import type { LabelFilter } from "../../src/core";
import { mixedTraceLabels, offensiveMessage, severeTraceLabels } from "../../stories/fixtures/labelFixtures";
import { fixtureTraces } from "../../stories/fixtures/tableFixtures";
import { withPostHogLlmLabels } from "../../stories/fixtures/labelFixtures";
import { axeViolations } from "../axe";

describe("label chips in Chromium with the real stylesheet", () => {
  it("reaches each chip group with Tab, opens its tooltip on focus and closes it with Escape", async () => {
    const screen = await render(
      <div>
        <button type="button">before</button>
        <EmotionChips labels={mixedTraceLabels} />
        <ToxicityChip labels={offensiveMessage} />
      </div>,
    );
    await userEvent.click(screen.getByRole("button", { name: "before" }));
    await userEvent.keyboard("{Tab}");
    expect(document.activeElement).toHaveAccessibleName(/^Emotion: annoyance 81%/);
    await expect.element(screen.getByRole("tooltip")).toHaveTextContent(/2 of 3 messages/);
    await userEvent.keyboard("{Escape}");
    await expect.element(screen.getByRole("tooltip")).not.toBeInTheDocument();
    await userEvent.keyboard("{Tab}");
    expect(document.activeElement).toHaveAccessibleName("Toxicity: offensive language");
    await expect.element(screen.getByRole("tooltip")).toHaveTextContent(/African-American English/);
    await userEvent.keyboard("{Escape}");
    await expect.element(screen.getByRole("tooltip")).not.toBeInTheDocument();
  });

  it("keeps chips one line high and passes axe in light and dark themes", async () => {
    const screen = await render(
      <div>
        {["light", "dark"].map((scheme) => (
          <div key={scheme} style={{ colorScheme: scheme }} className="tl:bg-bg">
            <EmotionChips labels={mixedTraceLabels} />
            <ToxicityChip labels={severeTraceLabels} />
          </div>
        ))}
      </div>,
    );
    for (const chip of screen.container.querySelectorAll<HTMLElement>('[data-slot="emotion-chip"]')) expect(chip.getBoundingClientRect().height).toBeLessThanOrEqual(20);
    expect(await axeViolations(screen.container)).toEqual([]);
  });

  it("drives a label filter from the keyboard alone: overview buckets and the toolbar selects", async () => {
    let filter: LabelFilter = {};
    const traces = [withPostHogLlmLabels(fixtureTraces[0]!, "annoyance", 1), withPostHogLlmLabels(fixtureTraces[1]!, "joy", 0)];
    const screen = await render(
      <div>
        <button type="button">start</button>
        <LabelsOverview traces={traces} filter={filter} onFilterChange={(next) => (filter = next)} />
        <LabelFilterControls filter={filter} onFilterChange={(next) => (filter = next)} emotions={["annoyance", "joy"]} />
      </div>,
    );
    await userEvent.click(screen.getByRole("button", { name: "start" }));
    await userEvent.keyboard("{Tab}");
    expect(document.activeElement).toHaveAccessibleName("annoyance");
    await userEvent.keyboard(" ");
    expect(filter).toEqual({ emotions: ["annoyance"] });
    const select = screen.getByRole("combobox", { name: "Toxicity filter" });
    await userEvent.selectOptions(select, "Severe only");
    expect(filter.toxicity).toEqual(["severe"]);
    expect(await axeViolations(screen.container)).toEqual([]);
  });
});
