/**
 * The embedded models (`models/tracelens-{sentiment,emotion,toxicity}/` in the package). Each file is named in
 * its own `new URL("…", import.meta.url)` literal: bundlers emit exactly the files written that way,
 * and in Node the same expression is a `file:` URL into the installed package. The relative path is
 * the same from `src/inference/` and from `dist/inference/`, both two levels below the package root.
 */
import { nodeBuiltin } from "./runtimeEnv";
import type { ModelFileUrls } from "./types";

declare const __filename: string | undefined;

/** The embedded sentiment model's folder name inside `models/`. */
export const DEFAULT_MODEL_NAME = "tracelens-sentiment";
/** The embedded emotion model's folder name inside `models/`. */
export const DEFAULT_EMOTION_MODEL_NAME = "tracelens-emotion";
/** The embedded toxicity model's folder name inside `models/`. */
export const DEFAULT_TOXICITY_MODEL_NAME = "tracelens-toxicity";

/** CommonJS builds have no `import.meta.url`; Node's module wrapper gives the file name instead. */
function fromCommonJsFilename(name: string): ModelFileUrls | undefined {
  if (typeof __filename !== "string") return undefined;
  const url = nodeBuiltin<{ pathToFileURL(path: string): URL }>("node:url");
  if (!url) return undefined;
  const base = url.pathToFileURL(__filename);
  const at = (file: string) => new URL(`../../models/${name}/${file}`, base);
  return {
    config: at("config.json"),
    tokenizer: at("tokenizer.json"),
    tokenizerConfig: at("tokenizer_config.json"),
    model: at("onnx/model_quantized.onnx"),
    name,
  };
}

function located(name: string, fromModuleUrl: () => ModelFileUrls): ModelFileUrls {
  try {
    return fromModuleUrl();
  } catch (error) {
    const fallback = fromCommonJsFilename(name);
    if (fallback) return fallback;
    throw error;
  }
}

/** Where the embedded sentiment model's files are, found with no configuration. */
export function defaultSentimentModel(): ModelFileUrls {
  return located(DEFAULT_MODEL_NAME, () => ({
    config: new URL("../../models/tracelens-sentiment/config.json", import.meta.url),
    tokenizer: new URL("../../models/tracelens-sentiment/tokenizer.json", import.meta.url),
    tokenizerConfig: new URL("../../models/tracelens-sentiment/tokenizer_config.json", import.meta.url),
    model: new URL("../../models/tracelens-sentiment/onnx/model_quantized.onnx", import.meta.url),
    name: DEFAULT_MODEL_NAME,
  }));
}

/** Where the embedded emotion model (GoEmotions' 28 labels) is, found with no configuration. */
export function defaultEmotionModel(): ModelFileUrls {
  return located(DEFAULT_EMOTION_MODEL_NAME, () => ({
    config: new URL("../../models/tracelens-emotion/config.json", import.meta.url),
    tokenizer: new URL("../../models/tracelens-emotion/tokenizer.json", import.meta.url),
    tokenizerConfig: new URL("../../models/tracelens-emotion/tokenizer_config.json", import.meta.url),
    model: new URL("../../models/tracelens-emotion/onnx/model_quantized.onnx", import.meta.url),
    name: DEFAULT_EMOTION_MODEL_NAME,
  }));
}

/** Where the embedded toxicity model (hate speech / offensive / none) is, found with no configuration. */
export function defaultToxicityModel(): ModelFileUrls {
  return located(DEFAULT_TOXICITY_MODEL_NAME, () => ({
    config: new URL("../../models/tracelens-toxicity/config.json", import.meta.url),
    tokenizer: new URL("../../models/tracelens-toxicity/tokenizer.json", import.meta.url),
    tokenizerConfig: new URL("../../models/tracelens-toxicity/tokenizer_config.json", import.meta.url),
    model: new URL("../../models/tracelens-toxicity/onnx/model_quantized.onnx", import.meta.url),
    name: DEFAULT_TOXICITY_MODEL_NAME,
  }));
}
