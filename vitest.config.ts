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
          exclude: ["test/core/**", "test/**/*.browser.test.{ts,tsx}", "test/consumer/**", "test/screenshots/**"],
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
        test: {
          name: "screenshots",
          globals: true,
          include: ["test/screenshots/**/*.screenshot.test.tsx"],
          setupFiles: [".storybook/vitest.setup.ts", "test/screenshots/setup.ts"],
          testTimeout: 60_000,
          browser: {
            ...browser("screenshots (chromium)"),
            // Pinned so a screenshot depends on nothing of the machine but the browser and its fonts.
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, "--font-render-hinting=none", "--force-color-profile=srgb", "--hide-scrollbars"] },
              contextOptions: { locale: "en-US", timezoneId: "UTC", deviceScaleFactor: 1, reducedMotion: "reduce", colorScheme: "light" },
            }),
            viewport: { width: 1360, height: 900 },
            expect: {
              toMatchScreenshot: {
                // Per-pixel colour tolerance (pixelmatch's 0–1 scale) and at most 0.2 % of the pixels differing:
                // enough for anti-aliasing noise, far too little for a moved, missing or overflowing element.
                comparatorName: "pixelmatch",
                comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.002 },
                // Baselines are committed (the repository ignores __screenshots__ folders elsewhere).
                resolveScreenshotPath: ({ arg, ext, root }) => path.join(root, "test/screenshots/baselines", `${arg}${ext}`),
                resolveDiffPath: ({ arg, ext, root, attachmentsDir }) => path.join(root, attachmentsDir, "screenshots", `${arg}${ext}`),
              },
            },
          },
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
