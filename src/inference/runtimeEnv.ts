/**
 * Where the code runs. Node built-ins are reached through `process.getBuiltinModule` (Node ≥ 20.16)
 * rather than `import`, so browser bundles never see `node:` specifiers.
 */

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

const nodeProcess = () => (globalThis as { process?: NodeProcess }).process;

/**
 * True in Node (and Node-hosted test environments such as jsdom), where paths are read with `fs`.
 * `getBuiltinModule` tells real Node from the `process` shims some browser bundles define.
 */
export function isNodeRuntime(): boolean {
  const proc = nodeProcess();
  return typeof proc?.versions?.node === "string" && typeof proc.getBuiltinModule === "function";
}

/** A Node built-in module, or undefined outside Node. */
export function nodeBuiltin<T>(id: string): T | undefined {
  return nodeProcess()?.getBuiltinModule?.(id) as T | undefined;
}
