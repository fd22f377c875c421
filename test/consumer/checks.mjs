// What a host must see: a bar with tracelens' layout and colours, a dark mode that follows the OS and
// the host's data-theme, host CSS that wins, and no clash with the host's own class names.
const RED = { light: "rgb(220, 38, 38)", dark: "rgb(248, 113, 113)" };

function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function assertNear(actual, expected, what, tolerance = 0.6) {
  if (Math.abs(actual - expected) > tolerance) throw new Error(`${what}: expected ≈${expected}, got ${actual}`);
}

export async function checkPage(page, colorScheme) {
  const m = await page.evaluate(() => {
    const measure = (id) => {
      const root = document.querySelector(`#${id} [data-slot="sentiment-bar"]`);
      const track = root.querySelector('[data-slot="sentiment-bar-track"]');
      const fill = root.querySelector('[data-slot="sentiment-bar-fill"]');
      return {
        name: root.getAttribute("aria-label"),
        display: getComputedStyle(root).display,
        trackWidth: track.getBoundingClientRect().width,
        trackHeight: track.getBoundingClientRect().height,
        trackBg: getComputedStyle(track).backgroundColor,
        fillWidth: fill.getBoundingClientRect().width,
        fillBg: getComputedStyle(fill).backgroundColor,
        markers: root.querySelectorAll('[data-slot="sentiment-bar-marker"]').length,
      };
    };
    return {
      labels: document.getElementById("labels").textContent,
      plain: measure("plain"),
      dark: measure("dark"),
      override: measure("host-override"),
      tokens: measure("host-tokens"),
      hostFlexDisplay: getComputedStyle(document.getElementById("host-flex")).display,
    };
  });
  assertEqual(m.labels, "negative,neutral,positive", "tracelens/core import");
  assertEqual(m.plain.name, "Negative 72%, strongest positive message 40%, strongest negative message 91%", "accessible name");
  assertEqual(m.plain.display, "inline-flex", "root display");
  assertNear(m.plain.trackWidth, 40, "track width (size sm)");
  assertNear(m.plain.trackHeight, 6, "track height");
  assertNear(m.plain.fillWidth, 40 * 0.72, "fill width = winning score");
  if (m.plain.trackBg === "rgba(0, 0, 0, 0)") throw new Error("track has no background: stylesheet not applied");
  assertEqual(m.plain.fillBg, RED[colorScheme], "fill colour follows the OS colour scheme");
  assertEqual(m.plain.markers, 2, "markers");
  assertEqual(m.dark.fillBg, RED.dark, "data-theme=dark on an ancestor");
  assertEqual(m.override.fillBg, "rgb(0, 0, 255)", "unlayered host CSS wins over the library");
  assertEqual(m.tokens.fillBg, "rgb(128, 0, 128)", "a --tl-*-light/-dark token set on an ancestor");
  assertEqual(m.hostFlexDisplay, "block", "host class .flex is untouched (library classes are prefixed)");

  await page.focus('#plain [data-slot="sentiment-bar"]');
  const tooltip = await page.waitForSelector('[role="tooltip"]');
  const text = await tooltip.textContent();
  assertEqual(text, "Negative: 72% (max positive: 40%, max negative: 91%)", "tooltip text");
  const visible = await tooltip.evaluate((el) => el.matches(":popover-open") && el.checkVisibility());
  assertEqual(visible, true, "tooltip visible in the top layer");
}
