// The sentiment part of `npm run model:eval`: macro recall on the chat dev set (all, hard, clear) and
// TweetEval val (test.tsv only with --test), for the new model, the previous shipped model (read
// from git), VADER and AFINN, all on the same rows.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Sentiment from "sentiment";
import vader from "vader-sentiment";
import { createSentimentClassifier } from "../../src/inference";
import { LABELS, modelDir, readChat, readSplit, repoRoot, type Label } from "./data";
import { fmt, pad, recalls } from "./evalMetrics";

/** The commit whose models/tracelens-sentiment is the tweet-only model this project shipped before the chat data. */
export const PREVIOUS_MODEL_COMMIT = "b15ab4b";

type Predict = (texts: string[]) => Promise<Label[]>;

/** VADER's own rule: compound ≥ 0.05 positive, ≤ -0.05 negative, neutral between. */
const vaderPredict: Predict = async (texts) =>
  texts.map((text) => {
    const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(text);
    return compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral";
  });

const afinn = new Sentiment();
/** AFINN's summed word score: above 0 positive, below 0 negative, 0 neutral. */
const afinnPredict: Predict = async (texts) =>
  texts.map((text) => {
    const { score } = afinn.analyze(text);
    return score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
  });

/** The previous model's files, written to a temp folder from git; undefined (with a note) when git cannot give them. */
function previousModel(): string | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tracelens-previous-"));
  try {
    for (const file of ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model_quantized.onnx"]) {
      const bytes = execFileSync("git", ["show", `${PREVIOUS_MODEL_COMMIT}:models/tracelens-sentiment/${file}`], { cwd: repoRoot, maxBuffer: 64 << 20 });
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), bytes);
    }
    return dir;
  } catch {
    console.log(`(previous model skipped: git cannot show models/tracelens-sentiment at ${PREVIOUS_MODEL_COMMIT} here)`);
    return undefined;
  }
}

export async function evaluateSentiment(withTest: boolean): Promise<void> {
  const chat = readChat("dev");
  const sets: Array<[string, string[], Label[]]> = [
    [`chat dev (${chat.length})`, chat.map((t) => t.text), chat.map((t) => t.label)],
    [`hard (${chat.filter((t) => t.hard).length})`, chat.filter((t) => t.hard).map((t) => t.text), chat.filter((t) => t.hard).map((t) => t.label)],
    [`clear (${chat.filter((t) => !t.hard).length})`, chat.filter((t) => !t.hard).map((t) => t.text), chat.filter((t) => !t.hard).map((t) => t.label)],
  ];
  for (const split of withTest ? (["val", "test"] as const) : (["val"] as const)) {
    const rows = readSplit(split);
    sets.push([`tweet ${split} (${rows.length})`, rows.map((r) => r.text), rows.map((r) => r.label)]);
  }
  const classifiers = [createSentimentClassifier({ model: modelDir, batchSize: 64 })];
  const systems: Array<[string, Predict]> = [["tracelens-sentiment (new)", async (texts) => (await classifiers[0]!.classify(texts)).map((r) => r.label)]];
  const previous = previousModel();
  if (previous) {
    const old = createSentimentClassifier({ model: previous, batchSize: 64 });
    classifiers.push(old);
    systems.push([`previous model (${PREVIOUS_MODEL_COMMIT})`, async (texts) => (await old.classify(texts)).map((r) => r.label)]);
  }
  systems.push(["vader-sentiment 1.1.3", vaderPredict], ["sentiment 5.0.2 (AFINN-165)", afinnPredict]);

  console.log("\n## Sentiment: macro-averaged recall (negative, neutral, positive)");
  if (!withTest) console.log("(TweetEval test.tsv not scored; pass --test for the final figure, and log the look in models/README.md)");
  console.log(`${pad("system", 32)}${sets.map(([name]) => pad(name, 20)).join("")}chat dev recall neg / neu / pos`);
  for (const [name, predict] of systems) {
    const scores = [];
    for (const [, texts, gold] of sets) scores.push(recalls(LABELS, gold, await predict(texts)));
    console.log(`${pad(name, 32)}${scores.map((s) => pad(fmt(s.macro), 20)).join("")}${scores[0]!.perClass.map(fmt).join(" / ")}`);
  }
  await Promise.all(classifiers.map((c) => c.dispose()));
}
