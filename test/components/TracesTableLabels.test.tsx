import { QueryClient } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { TraceLensProvider, TracesTable, createLocalClient, tracesTableColumns } from "../../src/all";
import type { LabelFilter } from "../../src/core";
import { keywordLabelClassifiers, withPostHogLlmLabels } from "../../stories/fixtures/labelFixtures";
import { FIXTURE_IDS, FIXTURE_NOW, fixtureTraces } from "../../stories/fixtures/tableFixtures";

const SLOW = { timeout: 15_000 }; // a hang guard for a busy 2-core box, not a speed check
const rowIds = () => screen.getAllByRole("row").filter((row) => row.hasAttribute("data-row-id")).map((row) => row.dataset.rowId);

function Controlled({ traces, initial = {} }: { traces: typeof fixtureTraces; initial?: LabelFilter }) {
  const [filter, setFilter] = useState<LabelFilter>(initial);
  return <TracesTable traces={traces} now={FIXTURE_NOW} labelFilter={filter} onLabelFilterChange={setFilter} />;
}

describe("TracesTable emotion and toxicity", () => {
  const labelled = [withPostHogLlmLabels(fixtureTraces[0]!, "annoyance", 1), withPostHogLlmLabels(fixtureTraces[1]!, "joy", 0), fixtureTraces[2]!];

  it("keeps PostHog's columns when nothing carries labels", () => {
    render(<TracesTable traces={fixtureTraces} now={FIXTURE_NOW} />);
    expect(screen.getAllByRole("columnheader").map((th) => th.dataset.columnId)).toEqual(tracesTableColumns.map((c) => c.id));
    expect(screen.queryByRole("combobox", { name: "Emotion filter" })).toBeNull();
  });

  it("adds Emotion and Toxicity columns for host-labelled rows and filters them through a controlled labelFilter", async () => {
    render(<Controlled traces={labelled} />);
    expect(screen.getAllByRole("columnheader").map((th) => th.dataset.columnId)).toEqual([...tracesTableColumns.map((c) => c.id), "emotion", "toxicity"]);
    const first = screen.getAllByRole("row").find((row) => row.dataset.rowId === labelled[0]!.id)!;
    expect(within(first).getByRole("img", { name: /^Emotion: annoyance/ })).toBeInTheDocument();
    expect(within(first).getByRole("img", { name: "Toxicity: toxicity" })).toBeInTheDocument();
    fireEvent.change(screen.getByRole("combobox", { name: "Emotion filter" }), { target: { value: "joy" } });
    await waitFor(() => expect(rowIds()).toEqual([labelled[1]!.id]));
    expect(screen.getByText("1 without labels hidden")).toBeInTheDocument();
    fireEvent.change(screen.getByRole("combobox", { name: "Emotion filter" }), { target: { value: "" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Toxicity filter" }), { target: { value: "toxic" } });
    await waitFor(() => expect(rowIds()).toEqual([labelled[0]!.id]));
    expect(screen.getByText(/can be biased/)).toBeInTheDocument();
  });

  it("labels rows through the local client's classifiers and filters on them", async () => {
    const client = createLocalClient({ traces: fixtureTraces, labelClassifiers: keywordLabelClassifiers() });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <TraceLensProvider client={client} queryClient={queryClient}>
        <Controlled traces={fixtureTraces} initial={{ emotions: ["gratitude"] }} />
      </TraceLensProvider>,
    );
    await waitFor(() => expect(rowIds()).toContain(FIXTURE_IDS.delighted), SLOW);
    expect(rowIds()).not.toContain(FIXTURE_IDS.frustrated);
    const row = screen.getAllByRole("row").find((r) => r.dataset.rowId === FIXTURE_IDS.delighted)!;
    await waitFor(() => expect(within(row).getByRole("img", { name: /^Emotion: .*gratitude/ })).toHaveAttribute("data-source", "local"), SLOW);
  });
});
