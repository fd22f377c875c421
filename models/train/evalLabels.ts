// The emotion and toxicity parts of `npm run model:eval`: macro-F1 on the dev splits (GoEmotions:
// 28 labels and the 7 Ekman groups; Davidson et al.: hate speech / offensive / none), run through
// createEmotionClassifier / createToxicityClassifier as hosts run them, beside simple baselines.
import { createEmotionClassifier, createToxicityClassifier, type LabelResult } from "../../src/inference";
import { PROFANITY } from "./profanity";
import { TOXICITY_LABELS, emotionLabels, emotionModelDir, readChat, readEmotion, readToxicity, toxicityModelDir } from "./data";
import { fmt, labelF1, pad } from "./evalMetrics";

const row = (name: string, values: number[], note = "") => console.log(`${pad(name, 44)}${values.map((v) => pad(fmt(v), 14)).join("")}${note}`);

/**
 * Thresholds tuned on one half of dev and scored on the other (then swapped, averaged): how much the
 * reported figure owes to choosing thresholds on the rows it is measured on.
 */
function crossFitF1(labels: readonly string[], gold: string[][], scores: Array<Record<string, number>>): number {
  const halves = [0, 1].map((h) => gold.map((_, i) => i).filter((i) => i % 2 === h));
  const candidates = Array.from({ length: 37 }, (_, k) => 0.05 + k * 0.025);
  let total = 0;
  for (const [tune, test] of [[halves[0]!, halves[1]!], [halves[1]!, halves[0]!]]) {
    const thresholds = labels.map((label) => {
      let best = [0.5, -1];
      for (const t of candidates) {
        const f = labelF1([label], tune.map((i) => gold[i]!), tune.map((i) => ((scores[i]![label] ?? 0) >= t ? [label] : []))).macro;
        if (f > best[1]!) best = [t, f];
      }
      return best[0]!;
    });
    const predicted = test.map((i) => labels.filter((label, j) => (scores[i]![label] ?? 0) >= thresholds[j]!));
    total += labelF1(labels, test.map((i) => gold[i]!), predicted).macro / 2;
  }
  return total;
}

export async function evaluateEmotion(): Promise<void> {
  const { labels, ekman } = emotionLabels();
  const dev = readEmotion("dev");
  const groups = Object.keys(ekman);
  const toGroups = (names: readonly string[]) => groups.filter((g) => ekman[g]!.some((l) => names.includes(l)));
  const gold = dev.map((r) => r.labels);
  const goldEkman = gold.map(toGroups);
  const fine = createEmotionClassifier({ model: emotionModelDir, batchSize: 64 });
  const coarse = createEmotionClassifier({ model: emotionModelDir, batchSize: 64, grouping: "ekman" });
  const results: LabelResult[] = await fine.classify(dev.map((r) => r.text));
  const grouped: LabelResult[] = await coarse.classify(dev.map((r) => r.text));
  await Promise.all([fine.dispose(), coarse.dispose()]);

  console.log(`\n## Emotion: GoEmotions dev (${dev.length} Reddit comments), macro-F1`);
  console.log(`${pad("system", 44)}${pad("28 labels", 14)}${pad("Ekman 7", 14)}`);
  row("tracelens-emotion", [labelF1(labels, gold, results.map((r) => r.labels)).macro, labelF1(groups, goldEkman, grouped.map((r) => r.labels)).macro], "  (thresholds chosen on this dev set)");
  row("  same, thresholds cross-fitted on halves", [crossFitF1(labels, gold, results.map((r) => r.scores)), crossFitF1(groups, goldEkman, grouped.map((r) => r.scores))]);
  row("every label on every comment", [labelF1(labels, gold, gold.map(() => labels)).macro, labelF1(groups, goldEkman, gold.map(() => groups)).macro]);
  row("neutral only (the most frequent label)", [labelF1(labels, gold, gold.map(() => ["neutral"])).macro, labelF1(groups, goldEkman, gold.map(() => ["neutral"])).macro]);
  console.log("For scale (not measured here): the GoEmotions paper's BERT-base reaches 0.46 (28) and 0.64 (Ekman) on the test split.");
  const perLabel = labelF1(labels, gold, results.map((r) => r.labels)).perLabel;
  console.log(`per label: ${labels.map((l, i) => `${l} ${perLabel[i]!.toFixed(2)}`).join(", ")}`);
}

export async function evaluateToxicity(): Promise<void> {
  const dev = readToxicity("dev");
  const gold = dev.map((r) => r.labels[0] as string);
  const chat = readChat("dev").map((t) => t.text).filter((text) => !PROFANITY.test(text));
  const classifier = createToxicityClassifier({ model: toxicityModelDir, batchSize: 64 });
  const predicted = (await classifier.classify(dev.map((r) => r.text))).map((r) => r.labels[0] ?? "none");
  const chatFlags = (await classifier.classify(chat)).filter((r) => r.labels.length > 0).length;
  await classifier.dispose();
  const classes = [...TOXICITY_LABELS];
  const f1 = (pred: string[]) => labelF1(classes, gold.map((g) => [g]), pred.map((p) => [p]));
  const lexicon = (text: string) => (PROFANITY.test(text) ? "offensive_language" : "none");

  console.log(`\n## Toxicity: Davidson et al. dev (${dev.length} tweets), macro-F1 over hate_speech / offensive_language / none`);
  console.log(`${pad("system", 44)}${pad("macro-F1", 14)}${pad("hate", 14)}${pad("offensive", 14)}${pad("none", 14)}flagged clean chat turns`);
  const show = (name: string, pred: string[], flagged: number) => {
    const s = f1(pred);
    row(name, [s.macro, ...s.perLabel], `${flagged} of ${chat.length}`);
  };
  show("tracelens-toxicity", predicted, chatFlags);
  show("offensive_language everywhere", gold.map(() => "offensive_language"), chat.length);
  show("profanity word list", dev.map((r) => lexicon(r.text)), chat.filter((t) => lexicon(t) !== "none").length);
}
