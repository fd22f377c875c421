// `npm run bench:markdown`: the markdown benchmark in real Chromium (long tasks need a real main thread).
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/chromium.mjs";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  // React's production build, as hosts ship it (its development build is several times slower).
  mode: "production",
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  test: {
    name: "bench:markdown",
    globals: true,
    include: [process.env.BENCH_FILE ?? "bench/markdown.bench.browser.tsx"],
    testTimeout: 600_000,
    browser: {
      enabled: true,
      headless: true,
      instances: [{ browser: "chromium", name: "bench:markdown (chromium)" }],
      // --expose-gc: each run starts after a collection, so one renderer's garbage is not charged to the next.
      provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc"] } }),
    },
  },
});
