// The sentiment part of `npm run model:eval`: macro recall on the chat dev set (all, hard, clear) and
// TweetEval val, plus, only with --test, the chat test set (all, hard) and TweetEval test, for the
// model in models/ (or $TRACELENS_SENTIMENT_OUT), the models shipped before it (read from git), VADER
// and AFINN, all on the same rows.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Sentiment from "sentiment";
import vader from "vader-sentiment";
import { createSentimentClassifier } from "../../src/inference";
import { LABELS, modelDir, readChat, readSplit, repoRoot, type Label } from "./data";
import { fmt, pad, recalls } from "./evalMetrics";

/** Commits whose models/tracelens-sentiment this project shipped before: tweet-only, then the first chat-domain model. */
export const PREVIOUS_MODELS: ReadonlyArray<readonly [commit: string, title: string]> = [
  ["b15ab4b", "tweet-only model"],
  ["adadf53", "first chat model"],
];

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

/** A previous model's files, written to a temp folder from git; undefined (with a note) when git cannot give them. */
function previousModel(commit: string): string | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tracelens-previous-"));
  try {
    for (const file of ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model_quantized.onnx"]) {
      const bytes = execFileSync("git", ["show", `${commit}:models/tracelens-sentiment/${file}`], { cwd: repoRoot, maxBuffer: 64 << 20 });
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), bytes);
    }
    return dir;
  } catch {
    console.log(`(previous model skipped: git cannot show models/tracelens-sentiment at ${commit} here)`);
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
  const val = readSplit("val");
  sets.push([`tweet val (${val.length})`, val.map((r) => r.text), val.map((r) => r.label)]);
  if (withTest) {
    // Written independently of train and dev and never used to choose anything: read only here.
    const test = readChat("test");
    const hard = test.filter((t) => t.hard);
    sets.push([`chat test (${test.length})`, test.map((t) => t.text), test.map((t) => t.label)]);
    sets.push([`test hard (${hard.length})`, hard.map((t) => t.text), hard.map((t) => t.label)]);
    const rows = readSplit("test");
    sets.push([`tweet test (${rows.length})`, rows.map((r) => r.text), rows.map((r) => r.label)]);
  }
  const classifiers = [createSentimentClassifier({ model: modelDir, batchSize: 64 })];
  const systems: Array<[string, Predict]> = [["tracelens-sentiment (new)", async (texts) => (await classifiers[0]!.classify(texts)).map((r) => r.label)]];
  for (const [commit, title] of PREVIOUS_MODELS) {
    const previous = previousModel(commit);
    if (!previous) continue;
    const old = createSentimentClassifier({ model: previous, batchSize: 64 });
    classifiers.push(old);
    systems.push([`${title} (${commit})`, async (texts) => (await old.classify(texts)).map((r) => r.label)]);
  }
  systems.push(["vader-sentiment 1.1.3", vaderPredict], ["sentiment 5.0.2 (AFINN-165)", afinnPredict]);

  console.log("\n## Sentiment: macro-averaged recall (negative, neutral, positive)");
  if (!withTest) console.log("(test sets not scored: pass --test for the chat test set and TweetEval test.tsv, and log the look in models/README.md)");
  console.log(`${pad("system", 32)}${sets.map(([name]) => pad(name, 20)).join("")}chat dev recall neg / neu / pos`);
  for (const [name, predict] of systems) {
    const scores = [];
    for (const [, texts, gold] of sets) scores.push(recalls(LABELS, gold, await predict(texts)));
    console.log(`${pad(name, 32)}${scores.map((s) => pad(fmt(s.macro), 20)).join("")}${scores[0]!.perClass.map(fmt).join(" / ")}`);
  }
  await Promise.all(classifiers.map((c) => c.dispose()));
}
