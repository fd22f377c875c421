import { act, fireEvent, render, screen } from "@testing-library/react";
import { createRef } from "react";
import { SentimentBar } from "../../src/all";
import {
  delightedTrace,
  failedSentiment,
  frustratedGeneration,
  neutralGeneration,
  noUserMessages,
} from "../../stories/fixtures/sentimentResults";

const bar = () => screen.getByRole("img");
const fill = () => bar().querySelector<HTMLElement>('[data-slot="sentiment-bar-fill"]');
const markers = () => [...bar().querySelectorAll<HTMLElement>('[data-slot="sentiment-bar-marker"]')];

describe("SentimentBar with PostHog results", () => {
  it("fills to the winning label's score and marks both extremes (generation level)", () => {
    render(<SentimentBar sentiment={frustratedGeneration} />);
    expect(bar()).toHaveAccessibleName("Negative 72%, strongest positive message 40%, strongest negative message 91%");
    expect(bar()).toHaveAttribute("data-state", "ready");
    expect(bar()).toHaveAttribute("data-label", "negative");
    expect(fill()).toHaveStyle({ width: "72.14%" });
    expect(fill()).toHaveAttribute("data-label", "negative");
    expect(markers().map((m) => [m.dataset.label, m.style.left])).toEqual([
      ["positive", "40.12%"],
      ["negative", "91.34%"],
    ]);
  });

  it("computes extremes across every generation of a trace-level result", () => {
    render(<SentimentBar sentiment={delightedTrace} />);
    expect(bar()).toHaveAccessibleName("Positive 88%, strongest positive message 95%");
    expect(markers()).toHaveLength(1);
  });

  it("draws no marker at or below 5%", () => {
    render(<SentimentBar label="neutral" score={0.8} maxPositive={0.05} maxNegative={0.049} />);
    expect(markers()).toHaveLength(0);
    expect(bar()).toHaveAccessibleName("Neutral 80%");
  });

  it("shows the label with a glyph, not colour alone", () => {
    const { rerender } = render(<SentimentBar sentiment={frustratedGeneration} />);
    const glyph = () => bar().querySelector('[data-slot="sentiment-bar-glyph"]')?.textContent;
    expect(glyph()).toBe("−");
    rerender(<SentimentBar sentiment={delightedTrace} />);
    expect(glyph()).toBe("+");
    rerender(<SentimentBar sentiment={neutralGeneration} />);
    expect(glyph()).toBe("=");
  });

  it("lets explicit props override the result's fields", () => {
    render(<SentimentBar sentiment={frustratedGeneration} label="positive" score={0.5} maxNegative={0.2} />);
    expect(bar()).toHaveAccessibleName("Positive 50%, strongest positive message 40%, strongest negative message 20%");
  });
});

describe("SentimentBar states", () => {
  it("tells loading, no data and error apart", () => {
    const { rerender } = render(<SentimentBar loading />);
    expect(bar()).toHaveAttribute("data-state", "loading");
    expect(bar()).toHaveAttribute("aria-busy", "true");
    expect(bar()).not.toHaveAttribute("tabindex");

    rerender(<SentimentBar sentiment={noUserMessages} />);
    expect(bar()).toHaveAttribute("data-state", "empty");
    expect(bar()).toHaveAccessibleName("No sentiment data");

    rerender(<SentimentBar sentiment={null} />);
    expect(bar()).toHaveAttribute("data-state", "empty");

    rerender(<SentimentBar sentiment={failedSentiment} />);
    expect(bar()).toHaveAttribute("data-state", "error");
    expect(bar()).toHaveAccessibleName("Sentiment unavailable: Failed to compute sentiment");

    rerender(<SentimentBar error={new Error("429 Too Many Requests")} sentiment={frustratedGeneration} />);
    expect(bar()).toHaveAccessibleName("Sentiment unavailable: 429 Too Many Requests");
  });

  it("treats an explicit label on an empty result as data", () => {
    render(<SentimentBar sentiment={noUserMessages} label="neutral" score={0.3} />);
    expect(bar()).toHaveAttribute("data-state", "ready");
  });
});

describe("SentimentBar stacked variant", () => {
  it("draws all three shares, positive first, and names them", () => {
    render(<SentimentBar sentiment={frustratedGeneration} variant="stacked" />);
    const segments = [...bar().querySelectorAll<HTMLElement>('[data-slot="sentiment-bar-segment"]')];
    expect(segments.map((s) => s.dataset.label)).toEqual(["positive", "neutral", "negative"]);
    const widths = segments.map((s) => parseFloat(s.style.width));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
    expect(widths[2]).toBeCloseTo(72.14, 1);
    expect(bar()).toHaveAccessibleName(
      "Negative 72%, strongest positive message 40%, strongest negative message 91%; positive 10%, neutral 18%, negative 72%",
    );
  });

  it("hides zero-width segments", () => {
    render(<SentimentBar label="positive" scores={{ positive: 1, neutral: 0, negative: 0 }} variant="stacked" />);
    expect(bar().querySelectorAll('[data-slot="sentiment-bar-segment"]')).toHaveLength(1);
  });
});

describe("SentimentBar tooltip", () => {
  it("opens on keyboard focus with PostHog's wording and closes on Escape", () => {
    render(<SentimentBar sentiment={frustratedGeneration} />);
    expect(screen.queryByRole("tooltip")).toBeNull();
    act(() => bar().focus());
    expect(screen.getByRole("tooltip")).toHaveTextContent("Negative: 72% (max positive: 40%, max negative: 91%)");
    fireEvent.keyDown(bar(), { key: "Escape" });
    expect(screen.queryByRole("tooltip")).toBeNull();
  });

  it("opens on hover and closes after the pointer leaves", () => {
    vi.useFakeTimers();
    try {
      render(<SentimentBar label="positive" score={0.92} />);
      fireEvent.pointerEnter(bar());
      expect(screen.getByRole("tooltip")).toHaveTextContent("Positive: 92%");
      fireEvent.pointerLeave(bar());
      act(() => vi.advanceTimersByTime(500));
      expect(screen.queryByRole("tooltip")).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("can be turned off, and the bar taken out of the tab order", () => {
    render(<SentimentBar label="positive" score={0.9} tooltip={false} focusable={false} />);
    act(() => bar().focus());
    expect(screen.queryByRole("tooltip")).toBeNull();
    expect(bar()).not.toHaveAttribute("tabindex");
  });
});

describe("SentimentBar as a component", () => {
  it("passes className, data attributes and DOM props through, and forwards its ref", () => {
    const ref = createRef<HTMLDivElement>();
    render(<SentimentBar ref={ref} label="negative" score={0.6} size="full" className="host-class" data-testid="x" id="bar" />);
    expect(bar()).toHaveClass("host-class", "tl-root");
    expect(bar()).toHaveAttribute("data-size", "full");
    expect(bar()).toHaveAttribute("data-variant", "confidence");
    expect(bar()).toHaveAttribute("id", "bar");
    expect(ref.current).toBe(bar());
  });

  it.each([
    ["NaN score", { label: "positive", score: Number.NaN }],
    ["score above 1", { label: "negative", score: 7 }],
    ["negative score", { label: "neutral", score: -3 }],
    ["unknown label", { label: "furious" }],
    ["garbage result", { sentiment: { label: 42, scores: "x", messages: [1, null, { label: "positive" }] } }],
    ["array result", { sentiment: [] }],
    ["generations of wrong type", { sentiment: { label: "positive", score: 0.9, generations: "nope" } }],
  ])("never crashes on hostile input: %s", (_name, props) => {
    render(<SentimentBar {...(props as object)} />);
    const width = fill() ? parseFloat(fill()!.style.width) : 0;
    expect(width).toBeGreaterThanOrEqual(0);
    expect(width).toBeLessThanOrEqual(100);
    expect(bar().getAttribute("aria-label")).not.toMatch(/NaN|undefined/);
  });
});
