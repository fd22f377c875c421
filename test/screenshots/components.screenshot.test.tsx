/**
 * Screenshot tests: each component's main story, light and dark, and the tables and TraceDetail at
 * narrow widths, compared with the committed baselines in test/screenshots/baselines/ (pixelmatch,
 * threshold in vitest.config.ts). A layout break (overflow, a missing pane, a colour gone wrong) fails here.
 *
 * Update the baselines after an intended visual change with `npm run test:screenshots:update`, on a
 * machine with Debian's Chromium and fonts like CI's, and commit the PNGs it rewrites.
 */
import { render } from "vitest-browser-react";
import { page } from "vitest/browser";
import { SHOTS } from "./screenshotStories";

describe("screenshots", () => {
  it.each(SHOTS.map((shot) => [shot.name, shot] as const))("%s", async (name, shot) => {
    const Story = shot.story(shot.theme);
    await Story.load();
    await render(
      <div data-testid="screenshot" style={{ width: shot.width, boxSizing: "border-box" }}>
        <Story />
      </div>,
    );
    const root = document.querySelector<HTMLElement>('[data-testid="screenshot"]')!;
    await expect.poll(() => shot.ready(root), { timeout: 20_000, interval: 100 }).toBe(true);
    // Markdown shows as plain text until its lazily loaded parser arrives, which a loaded machine can
    // delay past the ready text (SummaryPanel was once shot 39 px short that way).
    const plainMarkdown = () => root.querySelector('[data-slot="safe-markdown"][data-state="plain"]') !== null;
    await expect.poll(plainMarkdown, { timeout: 20_000, interval: 100 }).toBe(false);
    // Nothing may stick out of the container it was given: that is the narrow layouts' promise.
    expect(root.scrollWidth, `${name} overflows its ${shot.width}px container`).toBeLessThanOrEqual(shot.width);
    await expect.element(page.getByTestId("screenshot")).toMatchScreenshot(name);
  });
});
