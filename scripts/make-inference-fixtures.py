"""Makes the small model folders tracelens/inference's tests load (test/fixtures/inference/).

* tiny-roberta: a RobertaForSequenceClassification-shaped graph with random weights (RoBERTa
  embeddings with padding-offset position ids, post-norm encoder layers, <s>-token classification
  head), inputs input_ids + attention_mask, output logits, and a RoBERTa-style byte-level BPE
  tokenizer.json learnt here from a few sentences. It stands in for
  cardiffnlp/twitter-roberta-base-sentiment-latest: same file layout, inputs, special tokens and
  config keys, so the code path is the one the real model takes.
* tiny-toxicity: a multi-label (sigmoid) graph whose six toxicity-style logits are sums of per-word
  weights, so tests can predict which labels fire.
* wrong-io: graphs that load but do not fit a text classifier, one per way (pick with modelFile).

Run: /usr/bin/python3 scripts/make-inference-fixtures.py   (Debian python3-torch + python3-onnx)
"""
import math
import os

import numpy as np
import onnx
import torch
import torch.nn as nn
from onnx import TensorProto, helper, numpy_helper

from inference_fixture_tokenizers import SENTIMENT, roberta_tokenizer, wordpiece_folder, write_json

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "inference")


class TinyRoberta(nn.Module):
    """RobertaForSequenceClassification's computation at toy size (hidden 32, 2 layers, 2 heads)."""

    def __init__(self, vocab_size, hidden=32, layers=2, heads=2, ffn=64, positions=514, labels=3):
        super().__init__()
        self.heads = heads
        self.word = nn.Embedding(vocab_size, hidden)
        self.position = nn.Embedding(positions, hidden)
        self.token_type = nn.Embedding(1, hidden)
        self.embed_norm = nn.LayerNorm(hidden, eps=1e-5)
        self.layers = nn.ModuleList(nn.ModuleDict({
            "qkv": nn.Linear(hidden, 3 * hidden), "out": nn.Linear(hidden, hidden), "norm1": nn.LayerNorm(hidden, eps=1e-5),
            "up": nn.Linear(hidden, ffn), "down": nn.Linear(ffn, hidden), "norm2": nn.LayerNorm(hidden, eps=1e-5),
        }) for _ in range(layers))
        self.dense = nn.Linear(hidden, hidden)
        self.out_proj = nn.Linear(hidden, labels)

    def forward(self, input_ids, attention_mask):
        pad = 1  # RoBERTa: positions count from padding_idx + 1 and padding keeps position padding_idx
        not_pad = (input_ids != pad).long()
        position_ids = torch.cumsum(not_pad, dim=1) * not_pad + pad
        x = self.word(input_ids) + self.position(position_ids) + self.token_type(torch.zeros_like(input_ids))
        x = self.embed_norm(x)
        b, length, h = x.shape
        d = h // self.heads
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -1e4
        for layer in self.layers:
            q, k, v = layer["qkv"](x).split(h, dim=-1)
            split = lambda t: t.reshape(b, length, self.heads, d).transpose(1, 2)
            attn = torch.softmax(split(q) @ split(k).transpose(-1, -2) / math.sqrt(d) + bias, dim=-1)
            ctx = (attn @ split(v)).transpose(1, 2).reshape(b, length, h)
            x = layer["norm1"](x + layer["out"](ctx))
            x = layer["norm2"](x + layer["down"](torch.nn.functional.gelu(layer["up"](x))))
        return self.out_proj(torch.tanh(self.dense(x[:, 0])))


def tiny_roberta():
    folder = os.path.join(OUT, "tiny-roberta")
    os.makedirs(os.path.join(folder, "onnx"), exist_ok=True)
    vocab_size = roberta_tokenizer(folder)
    torch.manual_seed(5)
    model = TinyRoberta(vocab_size).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.normal_(0, 0.3)
    ids = torch.tensor([[0, 40, 41, 2], [0, 42, 2, 1]])
    torch.onnx.export(model, (ids, (ids != 1).long()), os.path.join(folder, "onnx", "model.onnx"),
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch_size", 1: "sequence_length"},
                                    "attention_mask": {0: "batch_size", 1: "sequence_length"}, "logits": {0: "batch_size"}},
                      opset_version=14)
    write_json(folder, "config.json", {
        "_name_or_path": "tracelens/tiny-roberta-fixture", "architectures": ["RobertaForSequenceClassification"],
        "model_type": "roberta", "vocab_size": vocab_size, "hidden_size": 32, "num_hidden_layers": 2,
        "num_attention_heads": 2, "intermediate_size": 64, "max_position_embeddings": 514, "type_vocab_size": 1,
        "pad_token_id": 1, "bos_token_id": 0, "eos_token_id": 2, "layer_norm_eps": 1e-5,
        "id2label": SENTIMENT, "label2id": {v: int(k) for k, v in SENTIMENT.items()},
    })


def tiny_toxicity():
    """logits[b, k] = sum over real tokens of W[token, k] + bias[k]; bias -4 keeps unrelated labels low."""
    folder = os.path.join(OUT, "tiny-toxicity")
    os.makedirs(os.path.join(folder, "onnx"), exist_ok=True)
    labels = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]
    triggers = {"idiot": ["toxic", "insult"], "stupid": ["toxic", "insult"], "kill": ["toxic", "threat"],
                "destroy": ["threat"], "damn": ["obscene"], "vile": ["toxic", "severe_toxic"]}
    words = sorted(triggers) + ["you", "are", "an", "i", "will", "this", "is", "lovely", "day", "thanks", "."]
    config = {"_name_or_path": "tracelens/tiny-toxicity-fixture", "model_type": "bert", "problem_type": "multi_label_classification",
              "id2label": {str(i): l for i, l in enumerate(labels)}, "label2id": {l: i for i, l in enumerate(labels)}, "pad_token_id": 0}
    vocab = wordpiece_folder(folder, words, config)
    weights = np.zeros((len(vocab), len(labels)), dtype=np.float32)
    for word, fired in triggers.items():
        for label in fired:
            weights[vocab[word], labels.index(label)] = 8.0
    graph = helper.make_graph(
        [helper.make_node("Gather", ["W", "input_ids"], ["per_token"]),
         helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
         helper.make_node("Unsqueeze", ["mask_f", "last"], ["mask3"]),
         helper.make_node("Mul", ["per_token", "mask3"], ["kept"]),
         helper.make_node("ReduceSum", ["kept", "seq_axis"], ["summed"], keepdims=0),
         helper.make_node("Add", ["summed", "bias"], ["logits"])],
        "tiny_toxicity",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", len(labels)])],
        [numpy_helper.from_array(weights, "W"), numpy_helper.from_array(np.full(len(labels), -4.0, np.float32), "bias"),
         numpy_helper.from_array(np.array([2], np.int64), "last"), numpy_helper.from_array(np.array([1], np.int64), "seq_axis")])
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), os.path.join(folder, "onnx", "model.onnx"))


def identity_graph(name, inputs, outputs):
    """Graphs that load but do not fit: each output is a cast or copy of the first input."""
    nodes = [helper.make_node("Cast", [inputs[0][0]], [out], to=elem) if elem != inputs[0][1] else
             helper.make_node("Identity", [inputs[0][0]], [out]) for out, elem, _ in outputs]
    graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info(n, e, shape) for n, e, shape in inputs],
                              [helper.make_tensor_value_info(n, e, shape) for n, e, shape in outputs])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])


def wrong_io():
    """One tokenizer + config, and one graph per way a graph can fail to fit (pick with modelFile)."""
    folder = os.path.join(OUT, "wrong-io")
    os.makedirs(os.path.join(folder, "onnx"), exist_ok=True)
    wordpiece_folder(folder, ["hello"], {"model_type": "bert", "id2label": SENTIMENT})
    i64, f32, bl = TensorProto.INT64, TensorProto.FLOAT, ["batch", "sequence"]
    graphs = {
        "model.onnx": ([("pixel_values", f32, ["batch", 3])], [("probabilities", f32, ["batch", 3])]),
        "extra_input.onnx": ([("input_ids", i64, bl), ("past_key_values", f32, bl)], [("logits", f32, bl)]),
        "no_logits.onnx": ([("input_ids", i64, bl)], [("probabilities", f32, bl)]),
        "float_ids.onnx": ([("input_ids", f32, bl)], [("logits", f32, bl)]),
        # logits as wide as the text: a width no declared shape gives away, found at the first run
        "dynamic_width.onnx": ([("input_ids", i64, bl)], [("logits", f32, bl)]),
        "logits_3d.onnx": ([("input_ids", i64, ["batch", "sequence", "x"])], [("logits", f32, ["batch", "sequence", "x"])]),
    }
    for file, (inputs, outputs) in graphs.items():
        save(identity_graph(file.replace(".onnx", ""), inputs, outputs), os.path.join(folder, "onnx", file))


def save(model, path):
    model.ir_version = 8  # readable by every onnxruntime-web/-node 1.x
    onnx.checker.check_model(model)
    onnx.save(model, path)


if __name__ == "__main__":
    tiny_roberta()
    tiny_toxicity()
    wrong_io()
    for root, _, files in os.walk(OUT):
        for name in sorted(files):
            path = os.path.join(root, name)
            print(f"{os.path.relpath(path, OUT)}: {os.path.getsize(path)} bytes")
