"""Rewrites an exported graph in the current export form (model.py's ExportedCnn) from its own weights,
so models trained before an export change get the faster graph without being trained again. The
function is unchanged: the check below compares the rewritten network's logits with the convolution
computed directly from the same weights, on random ids with padding.

Usage: python3 regraph.py models/tracelens-<task>     (needs python3-onnx; uses PyTorch only to export)
"""
import os
import sys

import onnx
import torch
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model as M  # noqa: E402


def reference(table, taps, biases, head, ids, mask):
    """The trained function, written as the convolution it is: window position i of each width reads
    token t + i - width // 2 (zero vectors beyond the ends and at padding), then ReLU, masked max and
    mean pooling over the real tokens, and the linear head."""
    x = table[ids * mask] * mask.unsqueeze(-1).to(torch.float32)  # [B, L, C], zero at padding
    count = mask.sum(1, keepdim=True).to(torch.float32).clamp(min=1.0)
    length = ids.shape[1]
    pooled = []
    for tap, bias in zip(taps, biases):
        filters = bias.shape[0]
        width = tap.shape[1] // filters
        h = bias.expand(ids.shape[0], length, filters).clone()
        for i in range(width):
            offset = i - width // 2
            for t in range(length):
                if 0 <= t + offset < length:
                    h[:, t] += x[:, t + offset] @ tap[:, i * filters:(i + 1) * filters]
        kept = torch.relu(h) * mask.unsqueeze(-1).to(torch.float32)
        pooled += [kept.amax(1), kept.sum(1) / count]
    return head(torch.cat(pooled, 1))


def check(exported, table, taps, biases, head):
    generator = torch.Generator().manual_seed(0)
    ids = torch.randint(1, table.shape[0], (6, 17), generator=generator)
    lengths = torch.tensor([17, 1, 2, 9, 16, 5])
    mask = (torch.arange(17).unsqueeze(0) < lengths.unsqueeze(1)).long()
    with torch.no_grad():
        gap = float((exported(ids * mask, mask) - reference(table, taps, biases, head, ids, mask)).abs().max())
    print(f"check: largest logit difference from the direct convolution {gap:.2e}")
    assert gap < 1e-3, gap


def main():
    folder = sys.argv[1]
    path = os.path.join(folder, "onnx", "model_quantized.onnx")
    graph = onnx.load(path).graph
    weights = {i.name: torch.tensor(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    taps = [weights[k] for k in sorted(k for k in weights if k.startswith("taps."))]
    biases = [weights[k] for k in sorted(k for k in weights if k.startswith("biases."))]
    widths = tuple(t.shape[1] // b.shape[0] for t, b in zip(taps, biases))
    assert widths == M.WIDTHS, f"the graph has convolution widths {widths}; set TRACELENS_WIDTHS to match"
    head = torch.nn.Linear(weights["head.weight"].shape[1], weights["head.weight"].shape[0])
    head.weight.data, head.bias.data = weights["head.weight"], weights["head.bias"]
    exported = M.ExportedCnn(weights["q_embed"], weights["q_scale"], taps, biases, head).eval()
    check(exported, weights["q_embed"].to(torch.float32) * weights["q_scale"].unsqueeze(1), taps, biases, head)
    M.export(exported, folder)
    print(f"rewrote {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
