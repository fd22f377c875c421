// `tsx encode.ts <task> <out-dir>`: learns the task's vocabulary from its training texts, writes the
// tokenizer into the model folder, then encodes every set train.py needs (through
// @huggingface/tokenizers, exactly as the runtime does) into <out-dir>/<task>.json.
// Never encoded here: TweetEval's test.tsv and the chat test set (read only by eval.ts, after training).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { prepareSentimentText } from "../../src/inference/sentimentClassifier";
import {
  LABELS,
  TOXICITY_LABELS,
  emotionLabels,
  emotionModelDir,
  modelDir,
  readChat,
  readEmotion,
  readSplit,
  readToxicity,
  toxicityModelDir,
} from "./data";
import { PROFANITY } from "./profanity";
import { MODEL_MAX_LENGTH, writeTokenizer } from "./vocab";

type Task = "sentiment" | "emotion" | "toxicity";
const task = (process.argv[2] ?? "sentiment") as Task;
const out = process.argv[3] ?? path.join(os.tmpdir(), "tracelens-train");
/** How many times a chat turn counts against a tweet in the loss: 3,000 turns beside 48,518 tweets. */
const CHAT_WEIGHT = Number(process.env.TRACELENS_CHAT_WEIGHT ?? 8);

interface Example {
  text: string;
  label: number | number[];
  weight?: number;
  hard?: boolean;
}

function encoder(dir: string) {
  const tokenizer = new Tokenizer(
    JSON.parse(readFileSync(path.join(dir, "tokenizer.json"), "utf8")),
    JSON.parse(readFileSync(path.join(dir, "tokenizer_config.json"), "utf8")),
  );
  return (text: string) => {
    const ids = tokenizer.encode(prepareSentimentText(text)).ids;
    // Keep [CLS] … [SEP] within the limit, as the runtime's truncation does.
    return ids.length <= MODEL_MAX_LENGTH ? ids : [...ids.slice(0, MODEL_MAX_LENGTH - 1), ids[ids.length - 1] as number];
  };
}

function encodeSet(encode: (text: string) => number[], name: string, rows: readonly Example[]) {
  return {
    name,
    ids: rows.map((row) => encode(row.text)),
    labels: rows.map((row) => row.label),
    weights: rows.map((row) => row.weight ?? 1),
    hard: rows.map((row) => row.hard ?? false),
  };
}

function sentiment() {
  const label = (name: string) => LABELS.indexOf(name as (typeof LABELS)[number]);
  const tweets = readSplit("train").map((row) => ({ text: row.text, label: label(row.label) }));
  const chatTrain = readChat("train").map((turn) => ({ text: turn.text, label: label(turn.label), weight: CHAT_WEIGHT }));
  const chatDev = readChat("dev").map((turn) => ({ text: turn.text, label: label(turn.label), hard: turn.hard }));
  const vocab = writeTokenizer(modelDir, [...tweets, ...chatTrain].map((row) => row.text));
  const encode = encoder(modelDir);
  return {
    dir: modelDir,
    vocab_size: vocab,
    labels: [...LABELS],
    problem: "single",
    metric: "recall",
    train: encodeSet(encode, "tweets + chat train", [...tweets, ...chatTrain]),
    // Epochs are chosen on these two dev sets. The chat test set is never encoded: only model:eval
    // reads it, to report the model that was chosen.
    select: [
      encodeSet(encode, "tweet val", readSplit("val").map((row) => ({ text: row.text, label: label(row.label) }))),
      encodeSet(encode, "chat dev", chatDev),
    ],
    report: [],
  };
}

function emotion() {
  const { labels, ekman } = emotionLabels();
  const multiHot = (names: string[]) => labels.map((label) => (names.includes(label) ? 1 : 0));
  const train = readEmotion("train").map((row) => ({ text: row.text, label: multiHot(row.labels) }));
  const dev = readEmotion("dev").map((row) => ({ text: row.text, label: multiHot(row.labels) }));
  const vocab = writeTokenizer(emotionModelDir, train.map((row) => row.text));
  const encode = encoder(emotionModelDir);
  return {
    dir: emotionModelDir,
    vocab_size: vocab,
    labels,
    groups: ekman,
    problem: "multi",
    metric: "f1",
    train: encodeSet(encode, "goemotions train", train),
    select: [encodeSet(encode, "goemotions dev", dev)],
    report: [],
  };
}

/** Every n-th item, so a sample is spread over the whole file (no randomness, same every run). */
const everyNth = <T,>(items: readonly T[], n: number) => items.filter((_, i) => i % n === 0);

function toxicity() {
  const index = (names: string[]) => TOXICITY_LABELS.indexOf(names[0] as (typeof TOXICITY_LABELS)[number]);
  const none = TOXICITY_LABELS.indexOf("none");
  const clean = (text: string) => !PROFANITY.test(text);
  // Davidson's tweets were collected because they contain hate-speech lexicon terms: 83% are toxic
  // and its "none" tweets still talk about the same topics. Ordinary text (everyday tweets, Reddit
  // comments, the project's chat turns) joins the "none" class, or every request mentioning a
  // problem looks offensive to the model.
  const everyday = [
    ...everyNth(readSplit("train").map((row) => row.text).filter(clean), 4),
    ...everyNth(readEmotion("train").map((row) => row.text).filter(clean), 4),
    ...readChat("train").map((turn) => turn.text).filter(clean),
  ].map((text) => ({ text, label: none }));
  const train = [...readToxicity("train").map((row) => ({ text: row.text, label: index(row.labels) })), ...everyday];
  const dev = readToxicity("dev").map((row) => ({ text: row.text, label: index(row.labels) }));
  // Thresholds and epochs are chosen on Davidson's dev split plus the clean chat dev turns, so that
  // they also answer "how often is an ordinary chat turn flagged".
  const chatDev = readChat("dev").map((turn) => turn.text).filter(clean).map((text) => ({ text, label: none }));
  const vocab = writeTokenizer(toxicityModelDir, train.map((row) => row.text));
  const encode = encoder(toxicityModelDir);
  return {
    dir: toxicityModelDir,
    vocab_size: vocab,
    labels: [...TOXICITY_LABELS],
    problem: "single",
    metric: "f1",
    train: encodeSet(encode, "davidson train + everyday text as none", train),
    select: [encodeSet(encode, "davidson dev + clean chat dev", [...dev, ...chatDev])],
    report: [encodeSet(encode, "davidson dev", dev)],
  };
}

mkdirSync(out, { recursive: true });
const encoded = task === "emotion" ? emotion() : task === "toxicity" ? toxicity() : sentiment();
const file = path.join(out, `${task}.json`);
writeFileSync(file, JSON.stringify({ task, ...encoded }));
console.log(`${task}: vocabulary ${encoded.vocab_size} pieces, ${encoded.train.ids.length} training rows; encoded into ${file}`);
