"""Averages the weights of short continuations of a shipped sentiment network (a "model soup").

A network trained once sits at one point of a wide low-loss region, and which point is the luck of
its seed. Training copies of it a little further, each with its own batch order and dropout, moves
them to other points of the same region; because they start from the same weights, their weights
can be averaged (unlike networks trained from different seeds, whose filters are in no common
order), and the average lies nearer the middle of the region, which tends to hold up better on
text unlike the training set. The average is one network of the same shape: same graph, size and
speed.

Usage:
  python3 soup.py continue ENCODED_JSON MODEL_DIR OUT_PT SEED
      trains a copy of MODEL_DIR's graph (rebuilt from its int8 table and its taps) for
      TRACELENS_EPOCHS epochs (default 2) at a learning rate falling from TRACELENS_LR (default 5e-4)
      to zero, saving its weights after every epoch in OUT_PT
  python3 soup.py average ENCODED_JSON MODEL_DIR OUT_DIR SNAPSHOT_PT...
      averages the shipped weights and every saved epoch (TRACELENS_SOUP=final: only each
      continuation's last epoch), prints the average's dev figures and exports it to OUT_DIR
"""
import json
import math
import os
import random
import shutil
import sys

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model as M  # noqa: E402
import train as T  # noqa: E402


def rebuild(model_dir, lexicon, vocab_size, n_labels):
    """The trained-form network of a shipped graph: embedding = the int8 table's learnt columns."""
    graph = onnx.load(os.path.join(model_dir, "onnx", "model_quantized.onnx")).graph
    w = {i.name: torch.tensor(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    table = w["q_embed"].to(torch.float32) * w["q_scale"].unsqueeze(1)
    learnt = table.shape[1] - lexicon.shape[1]
    taps = [w[k] for k in sorted(k for k in w if k.startswith("taps."))]
    biases = [w[k] for k in sorted(k for k in w if k.startswith("biases."))]
    widths = tuple(t.shape[1] // b.shape[0] for t, b in zip(taps, biases))
    M.EMBED = learnt
    net = M.TextCnn(vocab_size, n_labels, lexicon, biases[0].shape[0], widths)
    with torch.no_grad():
        net.embed.weight.copy_(table[:, :learnt])
        for conv, tap, bias in zip(net.convs, taps, biases):
            filters, width = bias.shape[0], conv.kernel_size[0]
            conv.weight.copy_(torch.stack([tap[:, i * filters:(i + 1) * filters].t() for i in range(width)], 2))
            conv.bias.copy_(bias)
        net.head.weight.copy_(w["head.weight"])
        net.head.bias.copy_(w["head.bias"])
    return net.eval()


def load_common(encoded, model_dir):
    data = json.load(open(encoded))
    # The frozen columns, computed as train.py computes them (the table holds only their int8 copy).
    vocab = json.load(open(os.path.join(model_dir, "tokenizer.json")))["model"]["vocab"]
    lexicon = M.lexicon_columns(vocab, T.LEXICON)
    if json.load(open(os.path.join(model_dir, "config.json")))["tracelens"]["training"].get("glove"):
        lexicon = torch.cat([lexicon, M.glove_columns(vocab, T.GLOVE)[0]], 1)
    return data, rebuild(model_dir, lexicon, data["vocab_size"], len(data["labels"]))


def cont(encoded, model_dir, out_pt, seed):
    data, net = load_common(encoded, model_dir)
    torch.manual_seed(seed)
    random.seed(seed)
    train = data["train"]
    n = len(data["labels"])
    counts = np.bincount(train["labels"], minlength=n)
    class_weights = torch.tensor(counts.sum() / (n * counts), dtype=torch.float32)
    sample_weights = torch.tensor(train["weights"], dtype=torch.float32)
    epochs = int(os.environ.get("TRACELENS_EPOCHS", "2"))
    lr = float(os.environ.get("TRACELENS_LR", "5e-4"))
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    steps = epochs * math.ceil(len(train["ids"]) / T.BATCH)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + math.cos(math.pi * s / steps)))
    snapshots = []
    for epoch in range(1, epochs + 1):
        net.train()
        order = sorted(range(len(train["ids"])), key=lambda i: (len(train["ids"][i]), random.random()))
        chunks = [order[s:s + T.BATCH] for s in range(0, len(order), T.BATCH)]
        random.shuffle(chunks)
        for idx, x, m, y in T.batches(train["ids"], train["labels"], [i for c in chunks for i in c], False):
            x = x.masked_fill((torch.rand(x.shape) < T.UNK_DROPOUT) & (x > 4), T.UNK)
            w = sample_weights[idx]
            per_row = F.cross_entropy(net(x, m), y, weight=class_weights, reduction="none")
            loss = (per_row * w).sum() / (class_weights[y] * w).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        _, line = T.evaluate(data, [net], f"seed {seed} epoch {epoch}")
        print(line, flush=True)
        snapshots.append({k: v.detach().clone() for k, v in net.state_dict().items()})
    torch.save({"snapshots": snapshots, "seed": seed, "epochs": epochs, "lr": lr}, out_pt)


def average(encoded, model_dir, out_dir, snapshot_pts):
    data, net = load_common(encoded, model_dir)
    final_only = os.environ.get("TRACELENS_SOUP", "all") == "final"
    states = [] if final_only else [{k: v.clone() for k, v in net.state_dict().items()}]
    value, line = T.evaluate(data, [net], "shipped")
    print(f"{line}; select score {value:.4f}", flush=True)
    record = []
    for path in snapshot_pts:
        saved = torch.load(path)
        states += saved["snapshots"][-1:] if final_only else saved["snapshots"]
        record.append({"seed": saved["seed"], "epochs": saved["epochs"], "lr": saved["lr"]})
    soup = {k: torch.stack([s[k].to(torch.float32) for s in states]).mean(0) for k in states[0]}
    net.load_state_dict(soup)
    value, line = T.evaluate(data, [net], f"average of {len(states)}")
    print(f"{line}; select score {value:.4f}", flush=True)
    os.makedirs(out_dir, exist_ok=True)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(os.path.join(model_dir, name), out_dir)
    exported = M.ExportedCnn.from_trained(net).eval()
    _, x, m, _ = next(T.batches(data["train"]["ids"], data["train"]["labels"], list(range(64)), False))
    M.check_export(net, exported, x, m)
    M.export(exported, out_dir)
    before = json.load(open(os.path.join(model_dir, "config.json")))["tracelens"]["training"]
    training = {**before, "soup": {"of": json.load(open(os.path.join(model_dir, "config.json")))["_name_or_path"], "continuations": record,
                                   "weights_averaged": len(states), "start_included": not final_only, "select_score": round(value, 4)}}
    M.write_config(out_dir, data["task"], data["labels"], data["vocab_size"], net.convs[0].out_channels, training)
    print(f"wrote {out_dir}", flush=True)


def main():
    torch.set_num_threads(int(os.environ.get("TRACELENS_THREADS", "1")))
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "continue":
        cont(args[0], args[1], args[2], int(args[3]))
    elif mode == "average":
        average(args[0], args[1], args[2], args[3:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
