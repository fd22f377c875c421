"""Tokenizer files for the inference test fixtures (used by make-inference-fixtures.py): a
RoBERTa-style byte-level BPE learnt here from a few sentences, and small WordPiece folders."""
import collections
import json
import os
import re

SENTIMENT = {"0": "negative", "1": "neutral", "2": "positive"}
CORPUS = """I love this, thank you so much! This is the best answer I have had.
This is useless and I am really annoyed. Why does it keep failing?
Can you summarise the document for me please? The meeting is at noon.
That worked perfectly, great job. I hate waiting for slow responses.
Please write a function that parses the log file and returns the errors.
It's fine, I'll try again tomorrow. You're wrong, the answer is not correct."""

def write_json(folder, name, value):
    with open(os.path.join(folder, name), "w") as f:
        json.dump(value, f, indent=1, ensure_ascii=False)
        f.write("\n")


def bytes_to_unicode():
    """GPT-2's reversible byte → printable character table (byte-level BPE's alphabet)."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    chars, extra = printable[:], 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
    return {b: chr(c) for b, c in zip(printable, chars)}


def learn_bpe(corpus, merges_wanted):
    """Plain BPE over byte-level words (a leading space belongs to the word, as in RoBERTa)."""
    table = bytes_to_unicode()
    words = collections.Counter(re.findall(r"'s|'t|'re|'ve|'m|'ll|'d| ?[^\W\d_]+| ?\d+| ?[^\s\w]+|\s+", corpus))
    seqs = {w: ["".join(table[b] for b in ch.encode("utf-8")) for ch in w] for w in words}
    seqs = {w: [c for piece in s for c in piece] for w, s in seqs.items()}
    merges = []
    for _ in range(merges_wanted):
        pairs = collections.Counter()
        for w, s in seqs.items():
            for a, b in zip(s, s[1:]):
                pairs[(a, b)] += words[w]
        if not pairs:
            break
        (a, b), _count = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
        merges.append((a, b))
        for w, s in seqs.items():
            out, i = [], 0
            while i < len(s):
                if i + 1 < len(s) and s[i] == a and s[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(s[i])
                    i += 1
            seqs[w] = out
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for ch in sorted(set(table.values()), key=ord):
        vocab[ch] = len(vocab)
    for a, b in merges:
        vocab.setdefault(a + b, len(vocab))
    vocab["<mask>"] = len(vocab)
    return vocab, [f"{a} {b}" for a, b in merges]


def roberta_tokenizer(folder):
    vocab, merges = learn_bpe(CORPUS, 300)
    special = lambda content, i, lstrip=False: {"id": i, "content": content, "single_word": False, "lstrip": lstrip,
                                                "rstrip": False, "normalized": False, "special": True}
    write_json(folder, "tokenizer.json", {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [special("<s>", 0), special("<pad>", 1), special("</s>", 2), special("<unk>", 3),
                         special("<mask>", vocab["<mask>"], lstrip=True)],
        "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": {"type": "RobertaProcessing", "sep": ["</s>", 2], "cls": ["<s>", 0],
                           "trim_offsets": True, "add_prefix_space": False},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "vocab": vocab, "merges": merges},
    })
    write_json(folder, "tokenizer_config.json", {
        "tokenizer_class": "RobertaTokenizer", "model_max_length": 512, "bos_token": "<s>", "eos_token": "</s>",
        "sep_token": "</s>", "cls_token": "<s>", "unk_token": "<unk>", "pad_token": "<pad>", "mask_token": "<mask>",
        "add_prefix_space": False, "errors": "replace",
    })
    return len(vocab)


def wordpiece_folder(folder, words, config):
    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]"] + words)}
    write_json(folder, "tokenizer.json", {
        "version": "1.0", "added_tokens": [{"id": i, "content": t, "special": True, "normalized": False, "single_word": False,
                                            "lstrip": False, "rstrip": False} for t, i in list(vocab.items())[:4]],
        "normalizer": {"type": "BertNormalizer", "lowercase": True, "clean_text": True, "handle_chinese_chars": True, "strip_accents": None},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": vocab},
    })
    write_json(folder, "tokenizer_config.json", {"tokenizer_class": "BertTokenizer", "model_max_length": 64, "pad_token": "[PAD]",
                                                "unk_token": "[UNK]", "cls_token": "[CLS]", "sep_token": "[SEP]", "do_lower_case": True})
    write_json(folder, "config.json", config)
    return vocab
