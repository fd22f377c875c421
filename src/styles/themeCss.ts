import { TRACELENS_STATIC_TOKENS, TRACELENS_TOKENS } from "./tokens";

type Scheme = "light" | "dark";

const names = Object.keys(TRACELENS_TOKENS) as Array<keyof typeof TRACELENS_TOKENS>;

/** Space toggles: the empty one is "on" (var() yields nothing), `initial` is "off" (var() falls back). */
const toggles = (scheme: Scheme) =>
  scheme === "dark" ? "--tl-on-dark: ;\n    --tl-on-light: initial;" : "--tl-on-dark: initial;\n    --tl-on-light: ;";

function schemeRule(selector: string, scheme: Scheme): string {
  return `  ${selector} {\n    ${toggles(scheme)}\n  }`;
}

/** Each token resolves to its light or dark value by the toggles the element inherits (or sets). */
function mapping(): string {
  const lines = names.map((name) => `    --tl-${name}: var(--tl-on-dark, var(--tl-${name}-light)) var(--tl-on-light, var(--tl-${name}-dark));`);
  return `  :where(.tl-root) {\n    color-scheme: var(--tl-on-dark, light) var(--tl-on-light, dark);\n${lines.join("\n")}\n  }`;
}

/**
 * theme.css from the token table. The scheme is carried by two inherited custom properties (space
 * toggles) set on :root by the OS preference and on any element marked dark or light, so the nearest
 * marked ancestor wins and a mark on the component itself beats all of them. Not light-dark(): host
 * bundlers (lightningcss in Vite) rewrite it into toggles that resolve on :root, which broke dark mode
 * in a real Vite app.
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
 * class on an ancestor (the nearest one wins); the same on the component itself beats any ancestor. Re-theme by overriding
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

${schemeRule(":where(:root)", "light")}

  @media (prefers-color-scheme: dark) {
  ${schemeRule(":where(:root)", "dark").replace(/\n/g, "\n  ")}
  }

${schemeRule(':where(.dark, [data-theme="dark"])', "dark")}

${schemeRule(':where(.light, [data-theme="light"])', "light")}

${mapping()}
}
`;
}
