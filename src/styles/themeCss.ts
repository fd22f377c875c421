import { TRACELENS_STATIC_TOKENS, TRACELENS_TOKENS } from "./tokens";

type Scheme = "light" | "dark";

const names = Object.keys(TRACELENS_TOKENS) as Array<keyof typeof TRACELENS_TOKENS>;

function mapping(selector: string, scheme: Scheme): string {
  const lines = names.map((name) => `    --tl-${name}: var(--tl-${name}-${scheme});`);
  return `  ${selector} {\n    color-scheme: ${scheme};\n${lines.join("\n")}\n  }`;
}

/**
 * theme.css from the token table. The light/dark choice is made by plain selectors on each component
 * root rather than light-dark(): host bundlers (lightningcss in Vite) rewrite light-dark() inside custom
 * properties into toggles that resolve on :root, which broke dark mode in a real Vite app.
 */
export function buildThemeCss(): string {
  const values = names.flatMap((name) => {
    const [light, dark] = TRACELENS_TOKENS[name];
    return [`    --tl-${name}-light: ${light};`, `    --tl-${name}-dark: ${dark};`];
  });
  const statics = Object.entries(TRACELENS_STATIC_TOKENS).map(([name, value]) => `    --tl-${name}: ${value};`);
  return `/* Generated from src/styles/tokens.ts by \`npm run build:theme\`; edit the table, not this file. */
/*
 * Components follow the OS colour scheme unless a host sets data-theme="dark|light" or a .dark/.light
 * class on an ancestor; the same on the component itself beats any ancestor. Re-theme by overriding
 * --tl-<token>-light / --tl-<token>-dark on any ancestor, or --tl-<token> on .tl-root.
 */
@layer tracelens.theme {
  :where(:root) {
${[...statics, ...values].join("\n")}
  }

  :where(.tl-root) {
    font-family: var(--tl-font-sans);
    color: var(--tl-fg);
  }

${mapping(":where(.tl-root)", "light")}

  @media (prefers-color-scheme: dark) {
  ${mapping(":where(.tl-root)", "dark").replace(/\n/g, "\n  ")}
  }

${mapping(':where(.dark, [data-theme="dark"]) :where(.tl-root)', "dark")}

${mapping(':where(.light, [data-theme="light"]) :where(.tl-root)', "light")}

${mapping('.tl-root:is(.dark, [data-theme="dark"])', "dark")}

${mapping('.tl-root:is(.light, [data-theme="light"])', "light")}
}
`;
}
