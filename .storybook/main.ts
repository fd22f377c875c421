import type { StorybookConfig } from "@storybook/react-vite";
import remarkGfm from "remark-gfm";

const config: StorybookConfig = {
  framework: { name: "@storybook/react-vite", options: {} },
  stories: ["../stories/**/*.mdx", "../stories/**/*.stories.@(ts|tsx)"],
  addons: [
    // GitHub-flavoured markdown, so the guides' and Introduction's tables render as tables.
    { name: "@storybook/addon-docs", options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } } },
    "@storybook/addon-a11y",
    "@storybook/addon-vitest",
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(cfg) {
    const { default: tailwindcss } = await import("@tailwindcss/vite");
    cfg.plugins = [...(cfg.plugins ?? []), tailwindcss()];
    cfg.optimizeDeps = { ...cfg.optimizeDeps, exclude: [...(cfg.optimizeDeps?.exclude ?? []), "onnxruntime-web"] };
    return cfg;
  },
};
export default config;
