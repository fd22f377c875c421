import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { playwright } from "@vitest/browser-playwright";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/chromium.mjs";

const dirname = path.dirname(fileURLToPath(import.meta.url));

// Each browser project names its Chromium instance: two unnamed ones would clash as "browser (chromium)".
// Browser projects get the same 30 s hang guard as the others (a guard, not a speed check).
const browser = (name: string) => ({
  enabled: true,
  headless: true,
  instances: [{ browser: "chromium" as const, name }],
  provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } }),
});

export default defineConfig({
  plugins: [react(), tailwindcss()],
  optimizeDeps: { exclude: ["onnxruntime-web"] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "core",
          environment: "node",
          globals: true,
          // Property tests are CPU-bound; on a busy 2-core box 5 s is too tight a hang guard (not a speed check).
          testTimeout: 30_000,
          include: ["test/core/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "unit",
          globals: true,
          // A hang guard for 2-core CI running projects side by side, not a speed check.
          testTimeout: 30_000,
          environment: "jsdom",
          setupFiles: ["test/setup.ts"],
          include: ["test/**/*.test.{ts,tsx}"],
          exclude: ["test/core/**", "test/**/*.browser.test.{ts,tsx}", "test/consumer/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          globals: true,
          include: ["test/**/*.browser.test.{ts,tsx}"],
          setupFiles: ["test/setup.browser.ts"],
          browser: browser("browser (chromium)"),
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        plugins: [
          storybookTest({
            configDir: path.join(dirname, ".storybook"),
            storybookScript: "storybook dev -p 6006 --ci --no-open --no-version-updates --disable-telemetry",
          }),
        ],
        test: { name: "storybook", browser: browser("storybook (chromium)"), testTimeout: 30_000, setupFiles: [".storybook/vitest.setup.ts"] },
      },
    ],
  },
});
