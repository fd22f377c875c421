// Browser tests run in Debian's Chromium. If it is missing, install it when we can (root + apt);
// otherwise stop with a message that says how to point the tests at another Chromium.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromiumAvailable, chromiumPath } from "./chromium.mjs";

function canInstall() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return isRoot && existsSync("/usr/bin/apt-get");
}

if (!chromiumAvailable()) {
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no executable is there.`);
    process.exit(1);
  }
  if (!canInstall()) {
    console.error(
      "Chromium was not found at /usr/bin/chromium and cannot be installed here (needs root and apt-get).\n" +
        "Install Chromium, or set CHROMIUM_PATH=/path/to/chromium, then run the tests again.",
    );
    process.exit(1);
  }
  console.log("Chromium is missing: installing Debian's chromium package…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-q"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-q", "chromium"], { stdio: "inherit", env });
  if (!chromiumAvailable()) {
    console.error(`apt-get finished but ${chromiumPath()} is still missing; set CHROMIUM_PATH.`);
    process.exit(1);
  }
}
