// @vitest-environment node
// Every way a model can fail to load or run, each with its typed, readable error. Broken folders are
// made in a temp dir from the committed fixtures; HTTP cases go through a loopback server.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  InferenceError,
  ModelCorruptError,
  ModelFileMissingError,
  ModelSignatureError,
  createSentimentClassifier,
  createTextClassifier,
  type ProgressInfo,
} from "../../src/inference";

const fixtures = fileURLToPath(new URL("../fixtures/inference/", import.meta.url));
let scratch: string;
let server: Server;
let base: string;

/** A copy of a fixture folder with some files replaced (or removed when the content is null). */
function variant(name: string, from: string, files: Record<string, string | Uint8Array | null>): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(fixtures, from), dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    if (content === null) rmSync(path.join(dir, file));
    else writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const caught = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as Error);

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "tracelens-inference-"));
  server = createServer((req, res) => {
    const file = path.join(fixtures, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-length": body.length }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
});
afterAll(() => {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("missing files", () => {
  it("names the file and path of a missing folder on disk", async () => {
    const error = await caught(createTextClassifier({ model: path.join(scratch, "nowhere") }).load());
    expect(error).toBeInstanceOf(ModelFileMissingError);
    expect(error).toMatchObject({ code: "model-file-missing", file: "config.json", status: undefined });
    expect(error!.message).toMatch(/Model file config\.json is missing: .*nowhere\/config\.json could not be read/);
  });

  it("names the first missing file in a fixed order whichever read fails first", async () => {
    // config.json and tokenizer_config.json both missing: config.json is always the one reported.
    const dir = variant("two-missing", "tiny-toxicity", { "config.json": null, "tokenizer_config.json": null });
    for (let i = 0; i < 3; i++) {
      const error = await caught(createTextClassifier({ model: dir }).load());
      expect(error).toMatchObject({ file: "config.json" });
    }
    const noTokenizers = variant("no-tokenizers", "tiny-toxicity", { "tokenizer.json": null, "tokenizer_config.json": null });
    expect(await caught(createTextClassifier({ model: noTokenizers }).load())).toMatchObject({ file: "tokenizer.json" });
  });

  it("reports the HTTP status of a missing tokenizer.json", async () => {
    const error = await caught(createTextClassifier({ model: `${base}tiny-toxicity-no-such/` }).load());
    expect(error).toMatchObject({ name: "ModelFileMissingError", status: 404 });
    const dir = variant("no-tokenizer", "tiny-toxicity", { "tokenizer.json": null });
    const local = await caught(createTextClassifier({ model: dir }).load());
    expect(local).toMatchObject({ file: "tokenizer.json" });
  });

  it("names both graph files when neither exists", async () => {
    const dir = variant("no-graph", "tiny-toxicity", { "onnx/model.onnx": null });
    const error = await caught(createTextClassifier({ model: dir }).load());
    expect(error).toBeInstanceOf(ModelFileMissingError);
    expect((error as ModelFileMissingError).file).toBe("onnx/model_quantized.onnx or onnx/model.onnx");
  });

  it("can retry after a failed load", async () => {
    const dir = variant("late", "tiny-toxicity", { "config.json": null });
    const classifier = createTextClassifier({ model: dir });
    expect(await caught(classifier.load())).toBeInstanceOf(ModelFileMissingError);
    expect(classifier.getStatus().state).toBe("error");
    cpSync(path.join(fixtures, "tiny-toxicity/config.json"), path.join(dir, "config.json"));
    await expect(classifier.load()).resolves.toMatchObject({ scoreFunction: "sigmoid" });
    expect(classifier.getStatus().state).toBe("ready");
  });
});

describe("corrupt files", () => {
  it.each([
    ["config.json", "{ not json", /config\.json is corrupt: not valid JSON/],
    ["config.json", "[1, 2]", /config\.json is corrupt: expected a JSON object/],
    ["config.json", JSON.stringify({ model_type: "bert" }), /config\.json is corrupt: it has no id2label map/],
    ["config.json", JSON.stringify({ id2label: { 0: "a", 5: "b" } }), /id2label must map 0…1 to label names/],
    ["tokenizer.json", JSON.stringify({ model: { type: "NoSuchModel" } }), /tokenizer\.json is corrupt: the tokenizer cannot be built/],
    ["onnx/model.onnx", new Uint8Array([8, 1, 2, 3, 4, 5, 6, 7]), /onnx\/model\.onnx is corrupt: ONNX Runtime cannot load it/],
  ])("%s containing %j", async (file, content, message) => {
    const dir = variant(`corrupt-${Math.random().toString(36).slice(2)}`, "tiny-toxicity", { [file]: content });
    const error = await caught(createTextClassifier({ model: dir }).load());
    expect(error).toBeInstanceOf(ModelCorruptError);
    expect(error).toMatchObject({ code: "model-corrupt", file });
    expect(error!.message).toMatch(message);
  });
});

describe("graphs that do not fit", () => {
  it("names the inputs and outputs of a graph without input_ids", async () => {
    const error = await caught(createTextClassifier({ model: path.join(fixtures, "wrong-io") }).load());
    expect(error).toBeInstanceOf(ModelSignatureError);
    expect(error).toMatchObject({ code: "model-signature", inputs: ["pixel_values"], outputs: ["probabilities"] });
    expect(error!.message).toBe(
      "The model's graph does not fit a text classifier: it has no input named input_ids (graph inputs: pixel_values; outputs: probabilities)",
    );
  });

  it.each([
    ["extra_input.onnx", /needs inputs a text classifier cannot feed: past_key_values \(graph inputs: input_ids, past_key_values; outputs: logits\)/],
    ["no_logits.onnx", /it has no output named logits \(graph inputs: input_ids; outputs: probabilities\)/],
    ["float_ids.onnx", /input input_ids is float32, not int64 or int32/],
    ["logits_3d.onnx", /output logits has 3 dimensions, not 2 \(batch, labels\)/],
  ])("names what is wrong with %s", async (modelFile, message) => {
    const error = await caught(createTextClassifier({ model: path.join(fixtures, "wrong-io"), modelFile: `onnx/${modelFile}` }).load());
    expect(error).toBeInstanceOf(ModelSignatureError);
    expect(error!.message).toMatch(message);
  });

  it("refuses a config whose labels do not match the graph's declared logits width, at load", async () => {
    const two = JSON.stringify({ id2label: { 0: "negative", 1: "positive" } });
    const dir = variant("declared-width", "tiny-roberta", { "config.json": two });
    const error = await caught(createTextClassifier({ model: dir }).load());
    expect(error).toBeInstanceOf(ModelSignatureError);
    expect(error!.message).toMatch(/output logits has 3 columns but config\.json's id2label lists 2 labels/);
  });

  it("refuses logits of the wrong width at the warm-up run when the graph leaves the width symbolic", async () => {
    const classifier = createTextClassifier({ model: path.join(fixtures, "wrong-io"), modelFile: "onnx/dynamic_width.onnx" });
    const error = await caught(classifier.load()); // the first warm-up batch: 32 rows of 12 columns
    expect(error).toBeInstanceOf(ModelSignatureError);
    expect(error!.message).toMatch(/output logits came back as \[32, 12\], expected \[32, 3\] \(one column per id2label entry\)/);
  });

  it("refuses logits of the wrong width at the first run when warm-up is off", async () => {
    const classifier = createTextClassifier({ model: path.join(fixtures, "wrong-io"), modelFile: "onnx/dynamic_width.onnx", warmUpRounds: 0 });
    await classifier.load();
    const error = await caught(classifier.classify(["hello hello hello"])); // [CLS] + 3 + [SEP] = 5 columns
    expect(error).toBeInstanceOf(ModelSignatureError);
    expect(error!.message).toMatch(/output logits came back as \[1, 5\], expected \[1, 3\] \(one column per id2label entry\)/);
  });

  it("refuses a sentiment model whose labels are not negative/neutral/positive", async () => {
    const error = await caught(createSentimentClassifier({ model: path.join(fixtures, "tiny-toxicity") }).classify(["hi"]));
    expect(error).toBeInstanceOf(InferenceError);
    expect(error!.message).toMatch(/labels \(toxic, severe_toxic, .*\) do not map to negative, neutral and positive; pass a labelMap/);
  });
});

describe("lifecycle", () => {
  it("rejects calls after dispose", async () => {
    const classifier = createTextClassifier({ model: path.join(fixtures, "tiny-toxicity") });
    await classifier.classify(["hello"]);
    await classifier.dispose();
    expect(classifier.getStatus().state).toBe("disposed");
    const error = await caught(classifier.classify(["hello"]));
    expect(error).toMatchObject({ code: "disposed" });
  });

  it("needs a model or a pipeline", () => {
    expect(() => createTextClassifier({})).toThrow(/needs a `model` or a `pipeline`/);
  });

  it("reads over HTTP with byte progress and content-length totals", async () => {
    const events: ProgressInfo[] = [];
    const classifier = createTextClassifier({ model: `${base}tiny-toxicity/`, onProgress: (e) => events.push(e) });
    await classifier.load();
    const graph = readFileSync(path.join(fixtures, "tiny-toxicity/onnx/model.onnx")).length;
    const progress = events.filter((e) => e.status === "progress" && e.file === "onnx/model.onnx").at(-1);
    expect(progress).toMatchObject({ loaded: graph, total: graph, progress: 100 });
    const missing = events.find((e) => e.status === "initiate" && e.file === "onnx/model_quantized.onnx");
    expect(missing).toBeDefined(); // tried first, then the full graph
    expect(events.some((e) => e.status === "download" && e.file === "onnx/model_quantized.onnx")).toBe(false);
    await classifier.dispose();
  });
});
