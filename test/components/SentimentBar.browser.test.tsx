import { render } from "vitest-browser-react";
import { page, userEvent } from "vitest/browser";
import { SentimentBar } from "../../src/all";
import { frustratedGeneration } from "../../stories/fixtures/sentimentResults";
import { SentimentBarGallery } from "../../stories/SentimentBarGallery";
import { axeViolations } from "../axe";

const slot = (root: Element, name: string) => root.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;

// Chromium serialises light-dark() results as rgb(); these are the tokens' light and dark values.
const GREEN_LIGHT = "rgb(21, 128, 61)";
const RED_LIGHT = "rgb(220, 38, 38)";
const RED_DARK = "rgb(248, 113, 113)";

describe("SentimentBar in Chromium with the real stylesheet", () => {
  it("is 40 px wide at size sm with a fill as wide as the score", async () => {
    const screen = await render(<SentimentBar sentiment={frustratedGeneration} />);
    const root = screen.container;
    const track = slot(root, "sentiment-bar-track");
    const fill = slot(root, "sentiment-bar-fill");
    expect(track.getBoundingClientRect().width).toBeCloseTo(40, 0);
    expect(fill.getBoundingClientRect().width).toBeCloseTo(40 * 0.7214, 0);
    expect(track.getBoundingClientRect().height).toBeCloseTo(6, 0);
    expect(getComputedStyle(fill).backgroundColor).toBe(RED_LIGHT);
    expect(getComputedStyle(track).borderTopLeftRadius).not.toBe("0px");
  });

  it("colours the fill per label from the tokens and lets a host override a token", async () => {
    const screen = await render(
      <div style={{ ["--tl-sentiment-positive-light" as string]: "rgb(1, 2, 3)" }}>
        <SentimentBar label="positive" score={0.9} data-testid="custom" />
        <SentimentBar label="positive" score={0.9} />
      </div>,
    );
    const [custom] = screen.container.querySelectorAll('[data-slot="sentiment-bar"]');
    expect(getComputedStyle(slot(custom!, "sentiment-bar-fill")).backgroundColor).toBe("rgb(1, 2, 3)");
    const outside = await render(<SentimentBar label="positive" score={0.9} />);
    expect(getComputedStyle(slot(outside.container, "sentiment-bar-fill")).backgroundColor).toBe(GREEN_LIGHT);
  });

  it("switches to dark tokens under data-theme=dark or .dark, and the component's own theme wins", async () => {
    const screen = await render(
      <div>
        <div data-theme="dark"><SentimentBar label="negative" score={0.7} /></div>
        <div className="dark"><SentimentBar label="negative" score={0.7} /></div>
        <div className="dark"><SentimentBar label="negative" score={0.7} data-theme="light" /></div>
      </div>,
    );
    const fills = [...screen.container.querySelectorAll<HTMLElement>('[data-slot="sentiment-bar-fill"]')];
    expect(fills.map((f) => getComputedStyle(f).backgroundColor)).toEqual([RED_DARK, RED_DARK, RED_LIGHT]);
  });

  it("follows the nearest marked ancestor when light and dark regions nest", async () => {
    const screen = await render(
      <div>
        <div data-theme="light"><div className="dark"><SentimentBar label="negative" score={0.7} /></div></div>
        <div className="dark"><div data-theme="light"><SentimentBar label="negative" score={0.7} /></div></div>
        <div data-theme="dark"><div data-theme="light"><div data-theme="dark"><SentimentBar label="negative" score={0.7} /></div></div></div>
      </div>,
    );
    const fills = [...screen.container.querySelectorAll<HTMLElement>('[data-slot="sentiment-bar-fill"]')];
    expect(fills.map((f) => getComputedStyle(f).backgroundColor)).toEqual([RED_DARK, RED_LIGHT, RED_DARK]);
  });

  it("places the markers at the strongest messages, above and below the track", async () => {
    const screen = await render(<SentimentBar sentiment={frustratedGeneration} />);
    const track = slot(screen.container, "sentiment-bar-track").getBoundingClientRect();
    const [pos, neg] = [...screen.container.querySelectorAll<HTMLElement>('[data-slot="sentiment-bar-marker"]')].map((m) =>
      m.getBoundingClientRect(),
    );
    expect((pos!.left + pos!.right) / 2 - track.left).toBeCloseTo(40 * 0.4012, 0);
    expect((neg!.left + neg!.right) / 2 - track.left).toBeCloseTo(40 * 0.9134, 0);
    expect(pos!.bottom).toBeLessThanOrEqual(track.top + 0.5);
    expect(neg!.top).toBeGreaterThanOrEqual(track.bottom - 0.5);
  });

  it("fills 75% of its container at size full", async () => {
    const screen = await render(
      <div style={{ width: 200 }}>
        <SentimentBar sentiment={frustratedGeneration} size="full" />
      </div>,
    );
    expect(slot(screen.container, "sentiment-bar-track").getBoundingClientRect().width).toBeCloseTo(150, 0);
  });

  it("shows the tooltip in the top layer when reached with Tab, and hides it with Escape", async () => {
    await render(
      <div style={{ overflow: "hidden", height: 20 }}>
        <SentimentBar sentiment={frustratedGeneration} />
      </div>,
    );
    await userEvent.tab();
    const tooltip = page.getByRole("tooltip");
    await expect.element(tooltip).toHaveTextContent("Negative: 72% (max positive: 40%, max negative: 91%)");
    const el = tooltip.element() as HTMLElement;
    expect(el.matches(":popover-open")).toBe(true);
    expect(el.checkVisibility()).toBe(true);
    // Readable: light text on the dark tooltip (a layer-order bug once made it the page's text colour).
    expect(getComputedStyle(el).color).toBe("rgb(250, 250, 250)");
    expect(getComputedStyle(el).backgroundColor).toBe("rgb(24, 24, 27)");
    expect(await axeViolations(el)).toEqual([]);
    await userEvent.keyboard("{Escape}");
    await expect.element(page.getByRole("tooltip")).not.toBeInTheDocument();
  });

  it("has no axe violations in any state", async () => {
    const screen = await render(<SentimentBarGallery />);
    expect(await axeViolations(screen.container)).toEqual([]);
  });
});
