/**
 * A real HTTP server on 127.0.0.1 (random port) in front of the mock PostHog backend, so the
 * PostHog client is tested over actual sockets: resets are real resets, slowness is real time.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { PostHogMockBackend } from "../../src/msw/mockBackend";

export interface LoopbackServer {
  url: string;
  /** Requests received, in flight now, and the most in flight at once (counted at the socket). */
  readonly received: number;
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Authorization headers seen (to check what the client sends). */
  readonly authorizations: Array<string | undefined>;
  resetCounters(): void;
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts)));
    req.on("error", reject);
  });
}

export async function startLoopbackServer(backend: PostHogMockBackend): Promise<LoopbackServer> {
  let received = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const authorizations: Array<string | undefined> = [];

  const server = http.createServer(async (req, res) => {
    received += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    authorizations.push(req.headers.authorization);
    const aborted = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) aborted.abort();
    });
    try {
      const body = await readBody(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers,
        signal: aborted.signal,
        ...(req.method === "GET" || req.method === "HEAD" ? {} : { body: new Uint8Array(body) }),
      });
      const outcome = await backend.handle(request);
      if (outcome.type === "network-error") {
        req.socket.destroy();
        return;
      }
      const text = await outcome.response.text();
      res.writeHead(outcome.response.status, Object.fromEntries(outcome.response.headers));
      res.end(text);
    } catch {
      // The client went away (timeout or abort) while the backend was still "working".
      if (!res.headersSent) res.destroy();
    } finally {
      inFlight -= 1;
    }
  });
  // Every request is its own connection, as a browser's pool would spread them; keeps resets isolated.
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get received() {
      return received;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    authorizations,
    resetCounters() {
      received = 0;
      maxInFlight = inFlight;
      authorizations.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
