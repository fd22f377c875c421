// Consumer test: the packed tarball, installed into a scratch Vite + React app outside the repository,
// built, served and opened in Chromium. Also lints the tarball with publint and attw.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { CHROMIUM_ARGS, chromiumPath } from "../../scripts/chromium.mjs";
import { serveStatic } from "../../scripts/serve-static.mjs";
import { checkPage } from "./checks.mjs";
import { buildNextApp, checkNextApp } from "./next.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(path.join(tmpdir(), "tracelens-consumer-"));
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, npm_config_fund: "false", npm_config_audit: "false" } });

let failures = 0;

async function checkInChromium(dist, what) {
  const server = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    for (const colorScheme of ["light", "dark"]) {
      await step(`${what}: SentimentBar renders styled in Chromium (OS ${colorScheme})`, async () => {
        const page = await browser.newPage({ colorScheme });
        const errors = [];
        page.on("pageerror", (e) => errors.push(e.message));
        page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
        await page.goto(server.url);
        await page.waitForSelector('[data-slot="sentiment-bar"]');
        await checkPage(page, colorScheme);
        if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
        await page.close();
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
const step = async (name, fn) => {
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (error) {
    failures++;
    console.error(`not ok - ${name}\n  ${String(error?.stack ?? error).split("\n").join("\n  ")}`);
  }
};

try {
  if (!existsSync(path.join(repo, "dist/index.js"))) sh("npm", ["run", "build"], repo);
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: repo, encoding: "utf8" }));
  const tarball = path.join(work, packed[0].filename);
  console.log(`packed ${packed[0].filename}: ${packed[0].entryCount} files, ${(packed[0].size / 1024).toFixed(1)} kB`);

  await step("the built main entry and its chunks import no onnxruntime, tokenizers or msw", () => {
    const seen = new Set();
    const bare = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const match of readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\b[^"]*?"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/gm)) {
        const spec = match[1] ?? match[2];
        if (spec.startsWith(".")) visit(path.resolve(path.dirname(file), spec));
        else bare.add(spec);
      }
    };
    visit(path.join(repo, "dist/index.js"));
    const forbidden = [...bare].filter((spec) => /onnxruntime|@huggingface\/|^msw/.test(spec));
    if (forbidden.length) throw new Error(`dist/index.js reaches ${forbidden.join(", ")}`);
  });
  for (const entry of ["index", "tables", "trace", "overview", "evaluations"]) {
    await step(`dist/${entry}.js keeps the "use client" directive`, () => {
      const head = readFileSync(path.join(repo, `dist/${entry}.js`), "utf8").slice(0, 20);
      if (!head.startsWith('"use client"')) throw new Error(`dist/${entry}.js starts with ${JSON.stringify(head)}`);
    });
  }
  await step("publint passes on the tarball", () => sh("npx", ["publint", "--strict", tarball], repo));
  await step("are-the-types-wrong passes on the tarball (node16 + bundler)", () =>
    sh("npx", ["attw", tarball, "--profile", "node16", "--exclude-entrypoints", "styles.css", "theme.css", "inference/worker"], repo),
  );

  // The peer range promises React 18.2+ and 19: build and check the same app on both.
  for (const react of ["19.3.1", "18.3.1"]) {
    const app = path.join(work, `app-react-${react}`);
    cpSync(path.join(repo, "test/consumer/app"), app, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(app, "package.json"), "utf8"));
    Object.assign(manifest.dependencies, { react, "react-dom": react, tracelens: `file:${tarball}` });
    writeFileSync(path.join(app, "package.json"), JSON.stringify(manifest, null, 2));
    sh("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], app);
    sh("npx", ["vite", "build", "--logLevel", "warn"], app);
    await checkInChromium(path.join(app, "dist"), `React ${react}`);
  }

  await step("Next.js app router: next build, server HTML, clean hydration, provider shared across entries", async () => {
    await checkNextApp(buildNextApp(repo, tarball, work));
  });
} catch (error) {
  failures++;
  console.error(error);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(failures ? `consumer test: ${failures} check(s) failed` : "consumer test: all checks passed");
process.exit(failures ? 1 : 0);
