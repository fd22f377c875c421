/**
 * Where this code runs, as far as credentials are concerned: a browser scope (a page, any kind
 * of worker, a worklet, or something that looks like one) where every visitor can read what the
 * bundle holds, or a server runtime (Node, Deno, Bun, edge runtimes) where a key stays private.
 *
 * Checking for `window` alone misses workers and worklets, which have no `window` but run the
 * same bundle for the same visitors. Server runtimes that imitate browser globals (Deno's
 * `window` and workers, Bun's and Cloudflare's `navigator`, edge runtimes' `self`) are
 * recognised first by their own markers. Anything unrecognised that has a `navigator` counts as
 * a browser: failing closed costs a host one opt-out flag, failing open costs a leaked key.
 */

/** What {@link detectRuntimeScope} found. */
export interface RuntimeScope {
  /** True where a credential would be readable by whoever uses the page. */
  browser: boolean;
  /** A readable name, for error messages: "a window", "a worker", "Deno", … */
  name: string;
}

type Globals = Record<string, unknown>;

// Reads may throw (a hostile or locked-down global); that propagates to the caller, which fails closed.
function read(g: Globals, key: string): unknown {
  return g[key];
}

function nested(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if ((typeof current !== "object" && typeof current !== "function") || current === null) return undefined;
    current = (current as Globals)[key];
  }
  return current;
}

const defined = (value: unknown) => value !== undefined && value !== null;

/** The server runtime this is, by its own marker, or null. A page that defines these still has a `document`. */
function serverRuntime(g: Globals): string | null {
  if (typeof nested(read(g, "Deno"), "version", "deno") === "string") return "Deno";
  if (defined(read(g, "Bun")) || typeof nested(read(g, "process"), "versions", "bun") === "string") return "Bun";
  if (typeof read(g, "EdgeRuntime") === "string") return "an edge runtime";
  if (nested(read(g, "navigator"), "userAgent") === "Cloudflare-Workers") return "Cloudflare Workers";
  if (typeof read(g, "WebSocketPair") === "function" && defined(read(g, "caches")) && !defined(read(g, "document"))) return "Cloudflare Workers";
  return null;
}

/** Browser worker and worklet scopes, by the globals each one defines. */
function workerScope(g: Globals): string | null {
  if (defined(read(g, "ServiceWorkerGlobalScope")) && typeof read(g, "clients") === "object") return "a service worker";
  if (defined(read(g, "SharedWorkerGlobalScope")) && typeof read(g, "onconnect") !== "undefined") return "a shared worker";
  if (defined(read(g, "WorkerGlobalScope")) || typeof read(g, "importScripts") === "function") return "a worker";
  if (
    defined(read(g, "WorkletGlobalScope")) ||
    typeof read(g, "registerProcessor") === "function" ||
    typeof read(g, "registerPaint") === "function" ||
    typeof read(g, "registerLayout") === "function" ||
    typeof read(g, "registerAnimator") === "function"
  ) {
    return "a worklet";
  }
  return null;
}

/**
 * Classifies a global scope (this one by default). Never throws: a scope whose globals cannot
 * even be read is treated as a browser.
 */
export function detectRuntimeScope(g: object = globalThis): RuntimeScope {
  try {
    const globals = g as Globals;
    // A DOM means a page, whatever else is around (jsdom, Electron renderers, Node polyfills).
    if (defined(read(globals, "document"))) return { browser: true, name: "a browser window" };
    const server = serverRuntime(globals);
    if (server) return { browser: false, name: server };
    if (defined(read(globals, "window"))) return { browser: true, name: "a browser window" };
    const worker = workerScope(globals);
    if (worker) return { browser: true, name: worker };
    if (typeof nested(read(globals, "process"), "versions", "node") === "string") return { browser: false, name: "Node.js" };
    if (defined(read(globals, "navigator"))) return { browser: true, name: "a browser-like scope (it has a navigator and no known server runtime)" };
    return { browser: false, name: "a server runtime" };
  } catch {
    return { browser: true, name: "a scope that could not be inspected" };
  }
}
