/**
 * PostHog's own Python text_repr formatter (../shared/peers/posthog-text-repr, a measuring peer,
 * never copied into the project) as a long-lived subprocess that times its own calls, driven
 * line by line so its runs can alternate with tracelens' on the same machine load.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createInterface, type Interface } from "node:readline";

/** ../shared/peers/posthog-text-repr beside the checkout, or where POSTHOG_TEXT_REPR_PEER points. */
export const PEER_DIR = (
  process.env.POSTHOG_TEXT_REPR_PEER ?? fileURLToPath(new URL("../../shared/peers/posthog-text-repr/", import.meta.url))
).replace(/\/?$/, "/");
const WORKER = fileURLToPath(new URL("./textReprPeerWorker.py", import.meta.url));

export function peerAvailable(): boolean {
  return existsSync(`${PEER_DIR}driver.py`);
}

export interface PeerRun {
  ms: number;
  chars: number;
}

export interface PeerDigest {
  sha256: string;
  chars: number;
}

export class TextReprPeer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: Interface;
  private readonly pending: Array<(line: string) => void> = [];
  private stderr = "";

  private constructor(inputPaths: readonly string[], options: object) {
    const python = process.env.PYTHON ?? "python3";
    this.child = spawn(python, [WORKER, PEER_DIR, JSON.stringify(options), ...inputPaths], { stdio: "pipe" });
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on("line", (line) => this.pending.shift()?.(line));
    this.child.on("exit", (code) => {
      const waiting = this.pending.splice(0);
      for (const resolve of waiting) resolve(JSON.stringify({ exit: code, stderr: this.stderr.slice(-2000) }));
    });
  }

  /** Starts the worker and waits until it has loaded and warmed every input. */
  static async start(inputPaths: readonly string[], options: object): Promise<TextReprPeer> {
    const peer = new TextReprPeer(inputPaths, options);
    const first = await peer.next();
    if (first !== "ready") throw new Error(`PostHog's formatter did not start: ${first}`);
    return peer;
  }

  private next(): Promise<string> {
    return new Promise((resolve) => this.pending.push(resolve));
  }

  private async ask<T>(command: string): Promise<T> {
    const reply = this.next();
    this.child.stdin.write(`${command}\n`);
    const parsed = JSON.parse(await reply) as T & { exit?: number; stderr?: string };
    if (parsed.exit !== undefined) throw new Error(`PostHog's formatter exited (${parsed.exit}): ${parsed.stderr}`);
    return parsed;
  }

  run(index: number): Promise<PeerRun> {
    return this.ask<PeerRun>(`run ${index}`);
  }

  digest(index: number): Promise<PeerDigest> {
    return this.ask<PeerDigest>(`digest ${index}`);
  }

  stop(): void {
    this.child.stdin.end("stop\n");
  }
}
