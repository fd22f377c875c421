import { readFileSync } from "node:fs";
import { buildThemeCss } from "../../src/styles/themeCss";
import { TRACELENS_TOKENS } from "../../src/styles/tokens";

test("the committed theme.css is the one generated from the token table", () => {
  const committed = readFileSync(new URL("../../src/styles/theme.css", import.meta.url), "utf8");
  expect(committed).toBe(buildThemeCss());
});

test("every token has a light and a dark value and one mapping that follows the scheme toggles", () => {
  const css = buildThemeCss();
  for (const name of Object.keys(TRACELENS_TOKENS)) {
    expect(css).toContain(`--tl-${name}-light:`);
    expect(css).toContain(`--tl-${name}-dark:`);
    expect(css.split(`--tl-${name}: var(--tl-on-dark, var(--tl-${name}-light)) var(--tl-on-light, var(--tl-${name}-dark));`).length - 1).toBe(1);
  }
  // :root (light, then the OS's dark), marked dark regions, marked light regions.
  expect(css.split("--tl-on-dark: ;").length - 1).toBe(2);
  expect(css.split("--tl-on-light: ;").length - 1).toBe(2);
  expect(css).not.toContain("light-dark(");
});
