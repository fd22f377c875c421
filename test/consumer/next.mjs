// The packed tarball in a Next.js app-router host (test/consumer/next-app): `next build`, `next start`,
// then Chromium checks that the server HTML already holds the components, that hydration is clean,
// and that a provider from `tracelens` reaches a component from `tracelens/trace` (one context).
import { execFileSync, spawn } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { chromium } from "playwright";
import { CHROMIUM_ARGS, chromiumPath } from "../../scripts/chromium.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", npm_config_fund: "false", npm_config_audit: "false" };

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not answer within 60 s");
}

/** Builds the app against `tarball` in `work`; returns the app folder. */
export function buildNextApp(repo, tarball, work) {
  const app = path.join(work, "next-app");
  cpSync(path.join(repo, "test/consumer/next-app"), app, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(app, "package.json"), "utf8"));
  manifest.dependencies.tracelens = `file:${tarball}`;
  writeFileSync(path.join(app, "package.json"), JSON.stringify(manifest, null, 2));
  cpSync(path.join(repo, "test/fixtures/traces/frustrated-user.json"), path.join(app, "app/trace.json"));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], { cwd: app, stdio: "inherit", env });
  execFileSync("npx", ["next", "build"], { cwd: app, stdio: "inherit", env });
  return app;
}

export async function checkNextApp(app) {
  const port = await freePort();
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: app, env, stdio: "ignore", detached: true });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(url, child);
    const html = await (await fetch(url)).text();
    for (const slot of ["sentiment-bar", "trace-detail"]) {
      if (!html.includes(`data-slot="${slot}"`)) throw new Error(`the server HTML has no ${slot}`);
    }
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      // A failed request is reported by URL below; the browser's own favicon probe is not the app's.
      page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
      page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && errors.push(`${r.status()} ${r.url()}`));
      await page.goto(url);
      // The connected TraceDetail fetches its trace through the provider after hydration.
      await page.waitForSelector('#connected [data-slot="trace-detail"] [role="treeitem"]', { timeout: 30_000 });
      await page.waitForFunction(() => document.querySelector("#table tbody")?.textContent?.includes("account_help"));
      const styled = await page.evaluate(() => {
        const track = document.querySelector('#bar [data-slot="sentiment-bar-track"]');
        return { height: track.getBoundingClientRect().height, display: getComputedStyle(track.closest('[data-slot="sentiment-bar"]')).display };
      });
      if (styled.display !== "inline-flex" || styled.height < 4) throw new Error(`SentimentBar is unstyled: ${JSON.stringify(styled)}`);
      if (errors.length) throw new Error(`page errors (hydration included): ${errors.join("; ")}`);
    } finally {
      await browser.close();
    }
  } finally {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
