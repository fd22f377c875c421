// @vitest-environment node
// The engine with its pooling kernel (the default) against the same engine running every batch through
// ONNX Runtime: identical labels and 4-place scores on the chat turns written for the sentiment model
// and on texts at the edges (empty, whitespace, one character, pasted pages cut at the token limit,
// emoji, code, other scripts), for the three shipped models.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { createClassificationEngine, type ClassificationEngine } from "../../src/inference/engine";
import { resolveModel } from "../../src/inference/modelFiles";
import { prepareSentimentText } from "../../src/inference";
import type { LabelScore } from "../../src/inference/types";

const root = path.resolve(__dirname, "../..");
const folder = (task: string) => path.join(root, `models/tracelens-${task}`);

/** The chat dev turns' texts (`== label tags` headers, text up to the next header). */
function chatTurns(): string[] {
  const dir = path.join(root, "models/data/chat-sentiment/dev");
  return readdirSync(dir).flatMap((file) =>
    readFileSync(path.join(dir, file), "utf8")
      .split(/^== .*$/m)
      .map((turn) => turn.trim())
      .filter(Boolean),
  );
}

const words = "the export failed again and I am honestly so tired of this but thanks for trying".split(" ");
const EDGES = [
  "",
  " ",
  "\n\t",
  "a",
  "!",
  "😀",
  "👍👍👍 🙏",
  "ok",
  "Спасибо, всё работает!",
  "これは最悪です",
  "const x = await fetch(url); if (!x.ok) throw new Error(`HTTP ${x.status}`);",
  Array.from({ length: 3000 }, (_, i) => words[i % words.length]).join(" "),
  "great ".repeat(600),
  "x".repeat(5000),
  "[PAD] [CLS] [SEP] [UNK]",
];

const rounded = (rows: LabelScore[][]) => rows.map((scores) => scores.map(({ label, score }) => `${label} ${score.toFixed(4)}`).join(", "));

async function both(task: string, texts: string[]): Promise<[LabelScore[][], LabelScore[][]]> {
  const engines: ClassificationEngine[] = [
    createClassificationEngine({ model: resolveModel(folder(task)), threads: 1 }),
    createClassificationEngine({ model: resolveModel(folder(task)), threads: 1, fusedKernel: false, warmUpRounds: 0 }),
  ];
  try {
    // The kernel took over in the first engine only (else this would compare ONNX Runtime with itself).
    expect((await engines[0]!.load()).fusedKernel).toBe(true);
    expect((await engines[1]!.load()).fusedKernel).toBeUndefined();
    return [await engines[0]!.classify(texts), await engines[1]!.classify(texts)];
  } finally {
    await Promise.all(engines.map((engine) => engine.dispose()));
  }
}

describe("the engine with its pooling kernel", () => {
  it("labels and scores the sentiment chat turns and edge texts exactly as ONNX Runtime does", async () => {
    const texts = [...chatTurns(), ...EDGES].map(prepareSentimentText);
    expect(texts.length).toBeGreaterThan(600);
    const [kernel, runtime] = await both("sentiment", texts);
    expect(rounded(kernel)).toEqual(rounded(runtime));
    const gap = Math.max(...kernel.flatMap((scores, i) => scores.map((s, j) => Math.abs(s.score - runtime[i]![j]!.score))));
    expect(gap).toBeLessThan(1e-6);
  }, 60_000);

  it.each(["emotion", "toxicity"])("gives %s's sigmoid scores as ONNX Runtime does", async (task) => {
    const texts = [...chatTurns().slice(0, 150), ...EDGES];
    const [kernel, runtime] = await both(task, texts);
    expect(rounded(kernel)).toEqual(rounded(runtime));
  }, 60_000);
});
