/**
 * Turns a `ModelSource` into the concrete locations of a model's files. Locations stay strings so
 * they cross `postMessage` as they are; URLs are made absolute on the thread that knows the page.
 */
import { isNodeRuntime } from "./runtimeEnv";
import type { ModelSource } from "./types";

/** The graph files of the transformers.js layout, in the order they are tried. */
export const DEFAULT_MODEL_FILES = ["onnx/model_quantized.onnx", "onnx/model.onnx"] as const;

export interface ModelFileLocation {
  /** The name in progress events and errors, relative to the folder (`tokenizer.json`). */
  file: string;
  /** An absolute URL, or a file-system path in Node. */
  location: string;
}

/** A model whose files are known: the graph may have fallbacks (quantized first, then full). */
export interface ResolvedModel {
  name: string;
  config: ModelFileLocation;
  tokenizer: ModelFileLocation;
  tokenizerConfig: ModelFileLocation;
  graphs: ModelFileLocation[];
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** True when a location is read from the file system rather than fetched. */
export function isFileLocation(location: string): boolean {
  return isNodeRuntime() && (location.startsWith("file:") || !SCHEME.test(location) || /^[a-z]:[\\/]/i.test(location));
}

/** The page or worker location relative URLs resolve against. */
function baseUrl(): string | undefined {
  const doc = (globalThis as { document?: { baseURI?: string } }).document;
  if (typeof doc?.baseURI === "string") return doc.baseURI;
  const loc = (globalThis as { location?: { href?: string } }).location;
  return typeof loc?.href === "string" ? loc.href : undefined;
}

/** An absolute URL for browsers; in Node, paths and `file:` URLs stay as they are. */
export function absoluteLocation(location: string | URL): string {
  const text = typeof location === "string" ? location : location.href;
  if (isNodeRuntime() && !/^(https?|blob|data):/i.test(text)) return text;
  const base = baseUrl();
  return base ? new URL(text, base).href : text;
}

function join(folder: string, file: string): string {
  if (isFileLocation(folder) && !folder.startsWith("file:")) {
    const separator = folder.endsWith("/") || folder.endsWith("\\") ? "" : "/";
    return `${folder}${separator}${file}`;
  }
  return new URL(file, folder.endsWith("/") ? folder : `${folder}/`).href;
}

/**
 * Locations of every file of `source`. `graphFile` names the graph inside a folder; without it the
 * quantized graph is tried first, then the full one.
 */
export function resolveModel(source: ModelSource, graphFile?: string): ResolvedModel {
  if (typeof source === "object" && !(source instanceof URL)) {
    const at = (file: string, where: string | URL): ModelFileLocation => ({ file, location: absoluteLocation(where) });
    const graph = at(graphFile ?? DEFAULT_MODEL_FILES[0], source.model);
    return {
      name: source.name ?? graph.location,
      config: at("config.json", source.config),
      tokenizer: at("tokenizer.json", source.tokenizer),
      tokenizerConfig: at("tokenizer_config.json", source.tokenizerConfig),
      graphs: [graph],
    };
  }
  const folder = absoluteLocation(source);
  const at = (file: string): ModelFileLocation => ({ file, location: join(folder, file) });
  return {
    name: folder,
    config: at("config.json"),
    tokenizer: at("tokenizer.json"),
    tokenizerConfig: at("tokenizer_config.json"),
    graphs: (graphFile ? [graphFile] : [...DEFAULT_MODEL_FILES]).map(at),
  };
}
