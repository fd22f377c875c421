"""Trains tracelens' embedded sentiment model (see model.py) and exports it to ONNX.

Three teacher networks (different seeds) are trained on the labels; a smaller student — the model
that ships — then learns from the labels and from the teachers' averaged predictions. The student
keeps most of what averaging several networks gains, at a fraction of their inference cost, which
matters in the browser's WebAssembly runtime. Classes are weighted by inverse frequency because
the official metric, macro-averaged recall, counts the rare negative class as much as the others.
Every choice (epochs) is made on val.tsv; test.tsv is never read here.

Usage: python3 train.py ENCODED_JSON OUT_DIR   (run through models/train/train.sh)
"""
import copy
import json
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from model import ExportedCnn, SentimentCnn, check_export, export, lexicon_columns, write_config

SEED = int(os.environ.get("TRACELENS_SEED", "13"))
EPOCHS = int(os.environ.get("TRACELENS_EPOCHS", "8"))
TEACHERS = int(os.environ.get("TRACELENS_TEACHERS", "3"))
TEACHER_FILTERS = int(os.environ.get("TRACELENS_TEACHER_FILTERS", "160"))
STUDENT_FILTERS = int(os.environ.get("TRACELENS_FILTERS", "96"))
TEMPERATURE = 2.0  # softens the teachers' distributions so the student also learns their second choices
SOFT_WEIGHT = 0.5  # share of the loss on the teachers' predictions (the rest on the labels)
BATCH = 64
LR = 2e-3
UNK_DROPOUT = 0.1  # pieces replaced by [UNK], so the model copes with pieces it has not seen
UNK = 1
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
LEXICON = os.environ.get("TRACELENS_LEXICON", os.path.join(ROOT, "node_modules/vader-sentiment/vader_lexicon.txt"))


def batches(ids, labels, order):
    for start in range(0, len(order), BATCH):
        idx = order[start:start + BATCH]
        width = max(len(ids[i]) for i in idx)
        x = torch.zeros((len(idx), width), dtype=torch.long)
        m = torch.zeros((len(idx), width), dtype=torch.long)
        for row, i in enumerate(idx):
            x[row, :len(ids[i])] = torch.tensor(ids[i])
            m[row, :len(ids[i])] = 1
        yield idx, x, m, torch.tensor([labels[i] for i in idx])


def macro_recall(pred, gold, n):
    return float(np.mean([(pred[gold == c] == c).mean() for c in range(n)]))


def predict(models, split):
    """Averaged class probabilities of one or more models over a split, in split order."""
    order = sorted(range(len(split["ids"])), key=lambda i: len(split["ids"][i]))
    probs = np.zeros((len(order), models[0].head.out_features), dtype=np.float32)
    for model in models:
        model.eval()
    with torch.no_grad():
        for idx, x, m, _ in batches(split["ids"], split["labels"], order):
            probs[idx] = np.mean([torch.softmax(model(x, m), -1).numpy() for model in models], axis=0)
    return probs


def evaluate(models, split, n):
    pred = predict(models, split).argmax(1)
    gold = np.array(split["labels"])
    return macro_recall(pred, gold, n), [float((pred[gold == c] == c).mean()) for c in range(n)]


def fit(name, model, data, weights, soft=None):
    """Trains for EPOCHS and keeps the epoch with the best val macro recall."""
    train, val, n = data["train"], data["val"], len(data["labels"])
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    steps = EPOCHS * ((len(train["ids"]) + BATCH - 1) // BATCH)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=LR, total_steps=steps)
    best = (-1.0, None, 0)
    started = time.time()
    for epoch in range(1, EPOCHS + 1):
        model.train()
        # Similar lengths in a batch keep padding (and CPU time) low; the batches are then shuffled.
        order = sorted(range(len(train["ids"])), key=lambda i: (len(train["ids"][i]), random.random()))
        chunks = [order[s:s + BATCH] for s in range(0, len(order), BATCH)]
        random.shuffle(chunks)
        for idx, x, m, y in batches(train["ids"], train["labels"], [i for c in chunks for i in c]):
            x = x.masked_fill((torch.rand(x.shape) < UNK_DROPOUT) & (x > 4), UNK)
            logits = model(x, m)
            loss = F.cross_entropy(logits, y, weight=weights)
            if soft is not None:
                target = soft[idx]
                distill = F.kl_div(F.log_softmax(logits / TEMPERATURE, -1), target, reduction="batchmean")
                loss = (1 - SOFT_WEIGHT) * loss + SOFT_WEIGHT * TEMPERATURE ** 2 * distill
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        recall, per_class = evaluate([model], val, n)
        print(f"{name} epoch {epoch}: val macro recall {recall:.4f} ({' / '.join(f'{r:.3f}' for r in per_class)})"
              f"  {time.time() - started:.0f}s", flush=True)
        if recall > best[0]:
            best = (recall, copy.deepcopy(model.state_dict()), epoch)
    model.load_state_dict(best[1])
    model.eval()
    return model, best[0], best[2]


def new_model(data, lexicon, filters, seen, seed):
    torch.manual_seed(seed)
    random.seed(seed)
    model = SentimentCnn(data["vocab_size"], len(data["labels"]), lexicon, filters)
    # Pieces train.tsv never uses (lexicon words, rare subwords) keep an all-zero embedding: they get
    # no gradient, and random vectors would only add noise where the lexicon columns should speak.
    with torch.no_grad():
        model.embed.weight[~seen] = 0.0
    return model


def main():
    encoded_path, out_dir = sys.argv[1], sys.argv[2]
    # One thread by default: on a shared machine two OpenMP threads wait on each other and run
    # several times slower than one (TRACELENS_THREADS=2 helps on an idle machine).
    torch.set_num_threads(int(os.environ.get("TRACELENS_THREADS", "1")))
    started = time.time()
    data = json.load(open(encoded_path))
    train, val, labels = data["train"], data["val"], data["labels"]
    n = len(labels)
    counts = np.bincount(train["labels"], minlength=n)
    weights = torch.tensor(counts.sum() / (n * counts), dtype=torch.float32)
    vocab = json.load(open(os.path.join(out_dir, "tokenizer.json")))["model"]["vocab"]
    lexicon = lexicon_columns(vocab, LEXICON)
    seen = torch.zeros(data["vocab_size"], dtype=torch.bool)
    for ids in train["ids"]:
        seen[ids] = True
    print(f"{int((lexicon.sum(1) != 0).sum())} of {len(vocab)} pieces carry a VADER valence; "
          f"{int((~seen).sum())} never occur in train.tsv", flush=True)

    teachers = []
    for k in range(TEACHERS):
        model, recall, epoch = fit(f"teacher {k + 1}", new_model(data, lexicon, TEACHER_FILTERS, seen, SEED + k), data, weights)
        print(f"teacher {k + 1}: kept epoch {epoch}, val macro recall {recall:.4f}", flush=True)
        teachers.append(model)
    ensemble, _ = evaluate(teachers, val, n)
    print(f"teachers averaged: val macro recall {ensemble:.4f}", flush=True)
    probs = predict(teachers, train)
    # Averaged probabilities, re-softened by the same temperature the student's logits are.
    soft = torch.softmax(torch.log(torch.tensor(probs).clamp(min=1e-8)) / TEMPERATURE, -1)

    student, recall, epoch = fit("student", new_model(data, lexicon, STUDENT_FILTERS, seen, SEED + 100), data, weights, soft)
    print(f"student: kept epoch {epoch}, val macro recall {recall:.4f}", flush=True)
    exported = ExportedCnn.from_trained(student).eval()
    _, x, m, _ = next(batches(val["ids"], val["labels"], list(range(64))))
    check_export(student, exported, x, m)
    export(exported, out_dir)
    write_config(out_dir, labels, data["vocab_size"], STUDENT_FILTERS, {
        "student_epoch": epoch, "val_macro_recall": round(recall, 4), "teachers": TEACHERS,
        "teacher_filters": TEACHER_FILTERS, "teachers_val_macro_recall": round(ensemble, 4),
        "epochs": EPOCHS, "seed": SEED, "seconds": round(time.time() - started)})


if __name__ == "__main__":
    main()
