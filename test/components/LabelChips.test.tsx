import { act, fireEvent, render, screen } from "@testing-library/react";
import { EmotionChips, ToxicityChip } from "../../src/all";
import { annoyedMessage, gratefulMessage, mixedTraceLabels, offensiveMessage, offensiveTraceLabels, severeTraceLabels } from "../../stories/fixtures/labelFixtures";
import { axeViolations } from "../axe";

describe("EmotionChips", () => {
  it("draws the top emotions of a message, the rest counted, all of them in the accessible name", () => {
    render(<EmotionChips labels={annoyedMessage} />);
    const chips = screen.getByRole("img");
    expect(chips).toHaveAccessibleName("Emotion: annoyance 81%, anger 57%, disappointment 44%");
    expect([...chips.querySelectorAll('[data-slot="emotion-chip"]')].map((c) => c.textContent)).toEqual(["annoyance", "anger"]);
    expect(chips).toHaveTextContent("+1");
    expect(chips).toHaveAttribute("data-source", "local");
  });

  it("shows a trace's most frequent emotion first, with message counts in the tooltip", async () => {
    vi.useFakeTimers();
    try {
      render(<EmotionChips labels={mixedTraceLabels} max={1} />);
      const chips = screen.getByRole("img");
      expect(chips.querySelector('[data-slot="emotion-chip"]')).toHaveAttribute("data-emotion", "annoyance");
      act(() => fireEvent.focus(chips));
      expect(screen.getByRole("tooltip")).toHaveTextContent("annoyance 81% (2 of 3 messages)");
      expect(screen.getByRole("tooltip")).toHaveTextContent("classified in this browser");
    } finally {
      vi.useRealTimers();
    }
  });

  it("has distinct loading, empty and error states", () => {
    const { rerender, container } = render(<EmotionChips labels={undefined} loading />);
    expect(screen.getByRole("img")).toHaveAccessibleName("Emotion loading");
    rerender(<EmotionChips labels={null} />);
    expect(container.querySelector('[data-slot="emotion-chips"]')).toHaveAttribute("data-state", "empty");
    expect(container).toHaveTextContent("No emotion labels");
    rerender(<EmotionChips labels={{ error: "Failed to compute labels" }} />);
    expect(screen.getByRole("img")).toHaveAccessibleName("Emotion unavailable: Failed to compute labels");
  });

  it("renders hostile label names as text", () => {
    const hostile = { emotion: { labels: ["<img src=x onerror=alert(1)>"], primary: null, scores: null, source: "posthog-llm" as const }, toxicity: null };
    const { container } = render(<EmotionChips labels={hostile} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container).toHaveTextContent("<img src=x onerror=alert(1)>");
  });
});

describe("ToxicityChip", () => {
  it("shows nothing for a clean message unless asked for a dash", () => {
    const { container, rerender } = render(<ToxicityChip labels={gratefulMessage} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<ToxicityChip labels={gratefulMessage} clean="dash" />);
    expect(container).toHaveTextContent("Not toxic");
  });

  it("names the label, marks severity without colour alone, and carries the bias note", async () => {
    vi.useFakeTimers();
    try {
      const { rerender } = render(<ToxicityChip labels={offensiveMessage} />);
      const chip = screen.getByRole("img");
      expect(chip).toHaveAccessibleName("Toxicity: offensive language");
      expect(chip).toHaveAttribute("data-state", "toxic");
      act(() => fireEvent.focus(chip));
      expect(screen.getByRole("tooltip")).toHaveTextContent(/offensive language 77%.*African-American English/s);
      rerender(<ToxicityChip labels={severeTraceLabels} />);
      expect(screen.getByRole("img")).toHaveAccessibleName("Toxicity: offensive language, hate speech (severe)");
      expect(screen.getByRole("img")).toHaveTextContent("⚠⚠");
    } finally {
      vi.useRealTimers();
    }
  });

  it("passes axe with both chips side by side", async () => {
    const { container } = render(
      <div>
        <EmotionChips labels={offensiveTraceLabels} />
        <ToxicityChip labels={offensiveTraceLabels} />
      </div>,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
