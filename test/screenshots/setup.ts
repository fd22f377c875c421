/**
 * What makes a screenshot depend only on the component: no animation or transition mid-way, no blinking
 * caret, and fonts named outright. The default stack (`ui-sans-serif, system-ui, …`) resolves through
 * fontconfig, which picks differently on a machine with other fonts; DejaVu ships with fontconfig on
 * every Debian that has Chromium, so naming it keeps the baselines valid on CI's fresh machine.
 */
import "@testing-library/jest-dom/vitest";
import "../../src/styles/index.css";

const style = document.createElement("style");
style.dataset.screenshots = "";
style.textContent = `
  :root, [data-theme], .tl-root {
    --tl-font-sans: "DejaVu Sans", sans-serif;
    --tl-font-mono: "DejaVu Sans Mono", monospace;
  }
  html, body { margin: 0; font-family: "DejaVu Sans", sans-serif; }
  *, *::before, *::after {
    animation: none !important;
    transition: none !important;
    caret-color: transparent !important;
    scroll-behavior: auto !important;
  }
`;
document.head.append(style);
