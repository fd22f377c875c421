"""The embedded sentiment model: the network as trained, the form it ships in, and its export.

Trained as word-piece embeddings (learnt dimensions + two fixed VADER valence columns) → Conv1d →
ReLU → masked max- and mean-pooling → linear. Shipped with an int8 embedding table and each
convolution rewritten as matrix products over shifted copies of the sequence, because
onnxruntime-web's wasm build runs MatMul many times faster than Conv, and GlobalMaxPool much faster
than ReduceMax over a middle axis.
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


def pool(h, mask, count):
    """Masked max and mean over positions of h [B, F, L] (mask [B, 1, L]). h is a ReLU output, so
    zeroing padded positions is enough for the max as well."""
    kept = h * mask
    return [kept.max(-1).values, kept.sum(-1) / count]


class SentimentCnn(nn.Module):
    """The network as trained (Conv1d over [B, C, L] is the fast path in this PyTorch build)."""

    def __init__(self, vocab_size, n_labels, lexicon, filters):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, EMBED, padding_idx=PAD)
        self.register_buffer("lexicon", lexicon)
        channels = EMBED + lexicon.shape[1]
        self.convs = nn.ModuleList(nn.Conv1d(channels, filters, w, padding=w // 2) for w in WIDTHS)
        self.drop = nn.Dropout(DROPOUT)
        self.head = nn.Linear(2 * filters * len(WIDTHS), n_labels)

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
    masking before the convolution, only in the pooling."""

    def __init__(self, trained):
        super().__init__()
        weight = trained.table().detach()
        assert float(weight[PAD].abs().max()) == 0.0, "the [PAD] embedding must be zero"
        scale = weight.abs().max(1).values.clamp(min=1e-8) / 127.0
        self.register_buffer("q_embed", torch.round(weight / scale.unsqueeze(1)).to(torch.int8))
        self.register_buffer("q_scale", scale)
        # Conv1d weight [F, C, w] → one [C, F] matrix per window position.
        self.weights = nn.ModuleList(
            nn.ParameterList(nn.Parameter(c.weight.detach()[:, :, i].t().contiguous()) for i in range(c.kernel_size[0]))
            for c in trained.convs
        )
        self.biases = nn.ParameterList(nn.Parameter(c.bias.detach().clone()) for c in trained.convs)
        self.head = trained.head

    def forward(self, input_ids, attention_mask):
        x = self.q_embed[input_ids].to(torch.float32) * self.q_scale[input_ids].unsqueeze(-1)  # B,L,C
        mask = attention_mask.to(x.dtype).unsqueeze(-1)  # B,L,1
        count = mask.sum(1).clamp(min=1.0)
        length = x.shape[1]
        pooled = []
        for width, weights, bias in zip(WIDTHS, self.weights, self.biases):
            half = width // 2
            padded = F.pad(x, (0, 0, half, half))
            # A convolution as a sum of matrix products over shifted copies of x: shifting along the
            # sequence axis copies whole rows, where stacking windows along the channel axis would copy
            # many small pieces (onnxruntime-web's Concat on the innermost axis is slow).
            h = bias
            for i, weight in enumerate(weights):
                h = h + torch.matmul(x if i == half else padded[:, i:i + length], weight)
            kept = F.relu(h) * mask
            pooled.append(F.adaptive_max_pool1d(kept.transpose(1, 2), 1).squeeze(-1))  # exported as GlobalMaxPool
            pooled.append(kept.sum(1) / count)
        return self.head(torch.cat(pooled, 1))


def check_export(trained, exported, x, m):
    """The shipped form must compute what was trained, up to the int8 rounding of the embeddings."""
    with torch.no_grad():
        gap = float((torch.softmax(trained(x, m), -1) - torch.softmax(exported(x, m), -1)).abs().max())
    print(f"export check: largest probability difference {gap:.5f}", flush=True)
    assert gap < 0.02, gap


def export(model, out_dir):
    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    x = torch.tensor([[2, 10, 11, 3], [2, 12, 3, 0]])
    torch.onnx.export(model, (x, (x != 0).long()), os.path.join(out_dir, "onnx", "model_quantized.onnx"),
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
                                    "logits": {0: "batch"}}, opset_version=13, do_constant_folding=True)


def write_config(out_dir, labels, vocab_size, filters, training):
    config = {
        "_name_or_path": "tracelens/tracelens-sentiment",
        # transformers.js picks its model class by model_type; "bert" names the interface this graph
        # shares with BERT classifiers (input_ids + attention_mask in, logits out), not its layers.
        "model_type": "bert",
        "architectures": ["TraceLensSentimentCnn"],
        "tracelens": {
            "architecture": "word-piece embedding (%d learnt + 2 VADER valence columns, int8) → convolution widths %s, "
                            "%d filters (as MatMuls over shifted rows) → ReLU → masked max+mean pooling → linear" % (
                                EMBED, ",".join(map(str, WIDTHS)), filters),
            "training": training,
        },
        "problem_type": "single_label_classification",
        "id2label": {str(i): label for i, label in enumerate(labels)},
        "label2id": {label: i for i, label in enumerate(labels)},
        "vocab_size": vocab_size,
        "pad_token_id": PAD,
        "max_position_embeddings": 256,
    }
    with open(os.path.join(out_dir, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
