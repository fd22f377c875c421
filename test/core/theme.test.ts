import { readFileSync } from "node:fs";
import { buildThemeCss } from "../../src/styles/themeCss";
import { TRACELENS_TOKENS } from "../../src/styles/tokens";

test("the committed theme.css is the one generated from the token table", () => {
  const committed = readFileSync(new URL("../../src/styles/theme.css", import.meta.url), "utf8");
  expect(committed).toBe(buildThemeCss());
});

test("every token has a light and a dark value and is mapped in all six scheme rules", () => {
  const css = buildThemeCss();
  for (const name of Object.keys(TRACELENS_TOKENS)) {
    expect(css).toContain(`--tl-${name}-light:`);
    expect(css).toContain(`--tl-${name}-dark:`);
    expect(css.split(`--tl-${name}: var(--tl-${name}-`).length - 1).toBe(6);
  }
  expect(css).not.toContain("light-dark(");
});
