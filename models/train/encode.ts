// Writes the tokenizer into the model folder, then encodes train.tsv and val.tsv with it (through
// @huggingface/tokenizers, exactly as the runtime does) into a JSON file that train.py reads.
// test.tsv is never encoded here: it is only read by eval.ts, after training.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { preprocessTwitterText } from "../../src/inference/preprocess";
import { LABELS, modelDir, readSplit } from "./data";
import { MODEL_MAX_LENGTH, writeTokenizer } from "./vocab";

const out = process.argv[2] ?? path.join(os.tmpdir(), "tracelens-train");
mkdirSync(out, { recursive: true });
const vocabSize = writeTokenizer(modelDir);
const tokenizer = new Tokenizer(
  JSON.parse(readFileSync(path.join(modelDir, "tokenizer.json"), "utf8")),
  JSON.parse(readFileSync(path.join(modelDir, "tokenizer_config.json"), "utf8")),
);

function encodeSplit(split: "train" | "val") {
  const rows = readSplit(split);
  return {
    labels: rows.map((row) => LABELS.indexOf(row.label)),
    ids: rows.map((row) => {
      const ids = tokenizer.encode(preprocessTwitterText(row.text)).ids;
      // Keep [CLS] … [SEP] within the limit, as the runtime's truncation does.
      return ids.length <= MODEL_MAX_LENGTH ? ids : [...ids.slice(0, MODEL_MAX_LENGTH - 1), ids[ids.length - 1] as number];
    }),
  };
}

const file = path.join(out, "encoded.json");
writeFileSync(file, JSON.stringify({ vocab_size: vocabSize, labels: LABELS, train: encodeSplit("train"), val: encodeSplit("val") }));
console.log(`vocabulary ${vocabSize} pieces; encoded train and val into ${file}`);
