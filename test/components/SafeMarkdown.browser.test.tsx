// SafeMarkdown in real Chromium: no axe violations in either theme once formatted and coloured
// (syntax colours, task checkboxes, media gates, table scroll frames), and the gate is keyboard-usable.
import { render } from "vitest-browser-react";
import { userEvent } from "vitest/browser";
import { SafeMarkdown, preloadSafeMarkdown } from "../../src/all";
import { LLM_ANSWER, MEDIA_ANSWER } from "../../stories/fixtures/markdownFixtures";
import { axeViolations } from "../axe";

beforeAll(() => preloadSafeMarkdown());

describe("SafeMarkdown (Chromium)", () => {
  it.each(["light", "dark"] as const)("has no axe violations in the %s theme, syntax colours included", async (theme) => {
    const screen = await render(
      <div data-theme={theme} className="tl-root" style={{ background: "var(--tl-bg)", color: "var(--tl-fg)", padding: 8, width: 800 }}>
        <SafeMarkdown text={`${LLM_ANSWER}\n\n\`\`\`json\n{"a": 1, "b": [true, null, "x"]}\n\`\`\`\n\n${MEDIA_ANSWER}`} />
      </div>,
    );
    await expect.poll(() => screen.container.querySelectorAll("code[data-highlighted]").length, { timeout: 20_000 }).toBe(2);
    expect(await axeViolations(screen.container)).toEqual([]);
  });

  it("opens a media gate from the keyboard", async () => {
    const screen = await render(<SafeMarkdown text={"![chart](https://images.example/c.png)"} />);
    const button = screen.getByRole("button", { name: "Load image from images.example" });
    (button.element() as HTMLElement).focus();
    await userEvent.keyboard("{Enter}");
    await expect.poll(() => screen.container.querySelector("img")?.getAttribute("src")).toBe("https://images.example/c.png");
  });
});
