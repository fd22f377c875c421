import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { GenerationsTable, generationsTableColumns } from "../../src/all";
import type { LabelFilter } from "../../src/core";
import { withPostHogLlmLabels } from "../../stories/fixtures/labelFixtures";
import { FIXTURE_NOW, fixtureTraces } from "../../stories/fixtures/tableFixtures";

const dataRows = () => screen.getAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));

describe("GenerationsTable emotion and toxicity", () => {
  it("adds the label columns for host-labelled generations and filters them through a controlled labelFilter", async () => {
    const traces = [withPostHogLlmLabels(fixtureTraces[0]!, "annoyance", 1), withPostHogLlmLabels(fixtureTraces[1]!, "joy", 0)];
    function Controlled() {
      const [filter, setFilter] = useState<LabelFilter>({});
      return <GenerationsTable traces={traces} now={FIXTURE_NOW} labelFilter={filter} onLabelFilterChange={setFilter} />;
    }
    render(<Controlled />);
    expect(screen.getAllByRole("columnheader").map((th) => th.dataset.columnId).slice(-2)).toEqual(["emotion", "toxicity"]);
    const before = dataRows().length;
    fireEvent.change(screen.getByRole("combobox", { name: "Toxicity filter" }), { target: { value: "toxic" } });
    await waitFor(() => expect(dataRows().length).toBeLessThan(before));
    for (const row of dataRows()) expect(within(row).getByRole("img", { name: "Toxicity: toxicity" })).toBeInTheDocument();
  });

  it("keeps PostHog's columns when nothing carries labels", () => {
    render(<GenerationsTable traces={fixtureTraces.slice(0, 2)} now={FIXTURE_NOW} />);
    expect(screen.getAllByRole("columnheader").map((th) => th.dataset.columnId)).toEqual(generationsTableColumns.map((c) => c.id));
  });
});
