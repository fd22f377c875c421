// `npm run model:eval`: macro-averaged recall (the SemEval-2017 Task 4A metric) of the embedded model
// on val.tsv (where it was selected) and test.tsv (the reported figure), beside the two npm lexicon
// classifiers on the same rows. The model runs through tracelens/inference exactly as hosts run it.
import path from "node:path";
import Sentiment from "sentiment";
import vader from "vader-sentiment";
import { createSentimentClassifier } from "../../src/inference";
import { LABELS, dataDir, modelDir, readSplit, type Label, type Row } from "./data";

type Predict = (texts: string[]) => Promise<Label[]>;

try {
  dataDir();
} catch (error) {
  console.error((error as Error).message); // the data is not in the repository; say where it was looked for
  process.exit(1);
}

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

const classifier = createSentimentClassifier({ model: modelDir, batchSize: 64 });
const modelPredict: Predict = async (texts) => (await classifier.classify(texts)).map((result) => result.label);

function recalls(rows: readonly Row[], predicted: readonly Label[]) {
  const perClass = LABELS.map((label) => {
    const indices = rows.flatMap((row, i) => (row.label === label ? [i] : []));
    return indices.filter((i) => predicted[i] === label).length / indices.length;
  });
  return { macro: perClass.reduce((a, b) => a + b, 0) / perClass.length, perClass };
}

const splits = { val: readSplit("val"), test: readSplit("test") };
const systems: Array<[string, Predict]> = [
  ["tracelens-sentiment (embedded)", modelPredict],
  ["vader-sentiment 1.1.3", vaderPredict],
  ["sentiment 5.0.2 (AFINN-165)", afinnPredict],
];
const pad = (text: string, width: number) => text.padEnd(width);
const fmt = (value: number) => value.toFixed(4);

console.log(`Macro-averaged recall (negative, neutral, positive), model ${path.relative(process.cwd(), modelDir)}`);
console.log(`${pad("system", 32)}${pad(`val.tsv (${splits.val.length})`, 18)}${pad(`test.tsv (${splits.test.length})`, 20)}test recall neg / neu / pos`);
for (const [name, predict] of systems) {
  const started = performance.now();
  const val = recalls(splits.val, await predict(splits.val.map((row) => row.text)));
  const test = recalls(splits.test, await predict(splits.test.map((row) => row.text)));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${pad(name, 32)}${pad(fmt(val.macro), 18)}${pad(fmt(test.macro), 20)}${test.perClass.map(fmt).join(" / ")}` +
      `   (${seconds.toFixed(1)} s)`,
  );
}
await classifier.dispose();
