import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  framework: { name: "@storybook/react-vite", options: {} },
  stories: ["../stories/**/*.mdx", "../stories/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(cfg) {
    const { default: tailwindcss } = await import("@tailwindcss/vite");
    cfg.plugins = [...(cfg.plugins ?? []), tailwindcss()];
    cfg.optimizeDeps = { ...cfg.optimizeDeps, exclude: [...(cfg.optimizeDeps?.exclude ?? []), "onnxruntime-web"] };
    return cfg;
  },
};
export default config;
