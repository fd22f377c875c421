import type { Decorator, Preview } from "@storybook/react-vite";
import { configure } from "storybook/test";
import "../src/styles/index.css";
import "./preview.css";

// Play functions wait for behaviour (data from the local client, batched sentiment), not speed: 1 s is too
// short on a busy 2-core CI box.
configure({ asyncUtilTimeout: 10_000 });

/** Wraps every story the way a host page would: a themed ancestor with tracelens' own background. */
const withTheme: Decorator = (Story, context) => {
  const theme = context.globals.theme as "light" | "dark" | "system" | undefined;
  return (
    <div
      className="tl-root sb-tracelens-frame"
      data-theme={theme && theme !== "system" ? theme : undefined}
      style={{ background: "var(--tl-bg)", color: "var(--tl-fg)", padding: 16 }}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  globalTypes: {
    theme: {
      description: "Colour scheme of the host page",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light", icon: "sun" },
          { value: "dark", title: "Dark", icon: "moon" },
          { value: "system", title: "Follow the OS", icon: "browser" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light" },
  decorators: [withTheme],
  parameters: {
    layout: "padded",
    controls: { matchers: { color: /(background|color)$/i } },
    // Accessibility violations fail the story's test, in the gallery and in CI.
    a11y: { test: "error" },
    options: { storySort: { order: ["Introduction", "Guides", "Components"] } },
  },
  tags: ["autodocs"],
};

export default preview;
