// Learns a model's WordPiece vocabulary from its training texts (plus VADER's one-piece words) and
// writes tokenizer.json and tokenizer_config.json. Words are split by the very normalizer and
// pre-tokenizer that @huggingface/tokenizers runs at inference time, so training and inference see
// identical pieces.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { preprocessTwitterText } from "../../src/inference/preprocess";
import { repoRoot } from "./data";

export const SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;
/** Tweets rarely pass 100 pieces; long chat messages are cut here after the 2,000-character cut. */
export const MODEL_MAX_LENGTH = 256;

const WHOLE_WORD_MIN_COUNT = 2;
const MAX_WHOLE_WORDS = 14000;
const CHAR_MIN_COUNT = 3;
const PREFIX_PIECES = 1500;
const SUFFIX_PIECES = 1500;

/** VADER's lexicon, as shipped by the vader-sentiment package (word, mean valence, …). */
export const LEXICON_FILE = path.join(repoRoot, "node_modules/vader-sentiment/vader_lexicon.txt");

/**
 * Typographic quotes become ASCII ones, and the literal `\uXXXX` escapes some tweet exports leave in
 * their text (TweetEval's val and test splits carry `\u2019` and `\u002c`) become their characters,
 * so "don\u2019t", "don’t" and "don't" are the same pieces as the training tweets'.
 */
const ESCAPE_REPLACEMENTS: Array<[string, string]> = [
  ["\\u2019", "'"],
  ["\\u2018", "'"],
  ["\\u201c", '"'],
  ["\\u201d", '"'],
  ["\\u002c", ","],
  ["\\u2026", "..."],
  ["\u2019", "'"],
  ["\u2018", "'"],
  ["\u201c", '"'],
  ["\u201d", '"'],
  ["\u2026", "..."],
];
const BERT_NORMALIZER = { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true };

function tokenizerJson(vocab: Record<string, number>) {
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((content, id) => ({
      id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    normalizer: {
      type: "Sequence",
      normalizers: [...ESCAPE_REPLACEMENTS.map(([from, to]) => ({ type: "Replace", pattern: { String: from }, content: to })), BERT_NORMALIZER],
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: { type: "BertProcessing", sep: ["[SEP]", 3], cls: ["[CLS]", 2] },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab },
  };
}

export const TOKENIZER_CONFIG = {
  tokenizer_class: "BertTokenizer",
  do_lower_case: true,
  model_max_length: MODEL_MAX_LENGTH,
  unk_token: "[UNK]", sep_token: "[SEP]", pad_token: "[PAD]", cls_token: "[CLS]", mask_token: "[MASK]",
  clean_up_tokenization_spaces: true,
};

function bump(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

function top(counts: Map<string, number>, n: number, min = 1): string[] {
  return [...counts].filter(([, c]) => c >= min).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([w]) => w);
}

/** Word counts over the preprocessed training texts, split exactly as the runtime tokenizer splits. */
function countWords(splitter: Tokenizer, texts: readonly string[]): Map<string, number> {
  const words = new Map<string, number>();
  for (const text of texts) {
    const normalized = splitter.normalizer ? splitter.normalizer.normalize(preprocessTwitterText(text)) : text;
    const pieces = splitter.pre_tokenizer ? splitter.pre_tokenizer.pre_tokenize_text(normalized) : [normalized];
    for (const word of pieces) bump(words, word);
  }
  return words;
}

/**
 * Lexicon words that are one piece after normalisation and pre-tokenisation. They join the
 * vocabulary even when train.tsv never uses them, so a sentiment word first met at inference time
 * still reaches the model whole, carrying its VADER valence (see train.py's lexicon columns).
 */
function lexiconWords(splitter: Tokenizer): string[] {
  const words: string[] = [];
  for (const line of readFileSync(LEXICON_FILE, "utf8").split("\n")) {
    const entry = line.split("\t")[0];
    if (!entry) continue;
    const normalized = splitter.normalizer ? splitter.normalizer.normalize(entry) : entry;
    const pieces = splitter.pre_tokenizer ? splitter.pre_tokenizer.pre_tokenize_text(normalized) : [normalized];
    if (pieces.length === 1 && pieces[0] === normalized && /\p{L}/u.test(normalized)) words.push(normalized);
  }
  return words;
}

export function buildVocab(texts: readonly string[]): Record<string, number> {
  const splitter = new Tokenizer(tokenizerJson({ "[UNK]": 0 }), TOKENIZER_CONFIG);
  const words = countWords(splitter, texts);
  const chars = new Map<string, number>();
  for (const [word, count] of words) for (const ch of word) bump(chars, ch, count);
  const wholeWords = top(words, MAX_WHOLE_WORDS, WHOLE_WORD_MIN_COUNT);
  const known = new Set(wholeWords);
  // Rare words are what subword pieces are for: their frequent heads and inner/tail pieces.
  const heads = new Map<string, number>();
  const tails = new Map<string, number>();
  for (const [word, count] of words) {
    if (known.has(word)) continue;
    const cps = [...word];
    for (let len = 2; len <= Math.min(8, cps.length - 1); len++) bump(heads, cps.slice(0, len).join(""), count);
    for (let start = 1; start < cps.length; start++) {
      for (let len = 2; len <= Math.min(8, cps.length - start); len++) bump(tails, cps.slice(start, start + len).join(""), count);
    }
  }
  const ordered: string[] = [...SPECIALS];
  const seen = new Set<string>(ordered);
  const add = (piece: string) => {
    if (!seen.has(piece)) {
      seen.add(piece);
      ordered.push(piece);
    }
  };
  for (const ch of top(chars, Infinity, CHAR_MIN_COUNT)) {
    add(ch);
    add(`##${ch}`);
  }
  wholeWords.forEach(add);
  lexiconWords(splitter).forEach(add);
  top(heads, PREFIX_PIECES, 5).forEach(add);
  top(tails, SUFFIX_PIECES, 5).forEach((piece) => add(`##${piece}`));
  return Object.fromEntries(ordered.map((piece, id) => [piece, id]));
}

/** Writes tokenizer.json and tokenizer_config.json into `dir`; returns the vocabulary size. */
export function writeTokenizer(dir: string, texts: readonly string[]): number {
  const vocab = buildVocab(texts);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "tokenizer.json"), JSON.stringify(tokenizerJson(vocab)));
  writeFileSync(path.join(dir, "tokenizer_config.json"), `${JSON.stringify(TOKENIZER_CONFIG, null, 2)}\n`);
  return Object.keys(vocab).length;
}
