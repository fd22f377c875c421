// @vitest-environment node
import { readFileSync } from "node:fs";
import path from "node:path";
import { castFreeGraph } from "../../src/inference/engineGraph";
import { configureRuntime, ort } from "../../src/inference/ortRuntime";
import { WARM_UP_GRAPH } from "../../src/inference/warmUpGraph";

const root = path.resolve(__dirname, "../..");
const graphOf = (task: string) => new Uint8Array(readFileSync(path.join(root, `models/tracelens-${task}/onnx/model_quantized.onnx`)));
const miniGraph = () => Uint8Array.from(atob(WARM_UP_GRAPH), (c) => c.charCodeAt(0));

/** Op types of a graph's nodes, read with a few lines of protobuf walking (fields 7 → 1 → 4). */
function opTypes(bytes: Uint8Array): string[] {
  const varint = (at: number): [number, number] => {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return [value, at];
    }
  };
  const walk = (from: number, to: number, visit: (no: number, start: number, end: number) => void) => {
    for (let at = from; at < to; ) {
      const [tag, next] = varint(at);
      if ((tag & 7) === 0) {
        at = varint(next)[1];
        continue;
      }
      if ((tag & 7) !== 2) throw new Error("unexpected wire type");
      const [length, start] = varint(next);
      visit(tag >> 3, start, start + length);
      at = start + length;
    }
  };
  const ops: string[] = [];
  walk(0, bytes.length, (no, start, end) => {
    if (no !== 7) return;
    walk(start, end, (field, nodeStart, nodeEnd) => {
      if (field !== 1) return;
      walk(nodeStart, nodeEnd, (part, s, e) => part === 4 && ops.push(new TextDecoder().decode(bytes.subarray(s, e))));
    });
  });
  return ops;
}

/** Logits of a graph for five rows of different lengths (padding included), ids below `vocab`. */
async function logits(graph: Uint8Array, vocab: number): Promise<Float32Array> {
  configureRuntime({ threads: 1 });
  const session = await ort.InferenceSession.create(graph);
  try {
    const lengths = [17, 1, 2, 9, 16];
    const width = 17;
    const ids = new BigInt64Array(lengths.length * width);
    const mask = new BigInt64Array(lengths.length * width);
    for (let i = 0; i < ids.length; i++) {
      const present = i % width < lengths[Math.floor(i / width)]!;
      ids[i] = present ? BigInt(1 + ((i * 7919) % (vocab - 1))) : 0n;
      mask[i] = present ? 1n : 0n;
    }
    const dims = [lengths.length, width];
    const out = await session.run({ input_ids: new ort.Tensor("int64", ids, dims), attention_mask: new ort.Tensor("int64", mask, dims) });
    return out.logits!.data as Float32Array;
  } finally {
    await session.release();
  }
}

describe("castFreeGraph", () => {
  it.each([
    ["sentiment", graphOf("sentiment"), 20000],
    ["toxicity", graphOf("toxicity"), 5000],
    ["the warm-up graph", miniGraph(), 64],
  ])("gives %s the same logits, bit for bit, with no Cast left but the constants' own", async (_, graph, vocab) => {
    const rewritten = castFreeGraph(graph);
    expect(opTypes(graph).filter((op) => op === "Cast")).toHaveLength(4);
    // The table's and the token count's casts are gone; the two scalar casts of a constant (folded
    // once at load) stay.
    expect(opTypes(rewritten).filter((op) => op === "Cast")).toHaveLength(2);
    const [before, after] = [await logits(graph, vocab), await logits(rewritten, vocab)];
    expect(after).toHaveLength(before.length);
    expect(Array.from(after).every((value, i) => Object.is(value, before[i]))).toBe(true);
  });

  it("returns bytes it cannot read, and graphs without those casts, unchanged", () => {
    const garbage = Uint8Array.from([0x3a, 0xff, 0xff, 0xff, 0x7f, 1, 2]);
    expect(castFreeGraph(garbage)).toBe(garbage);
    const once = castFreeGraph(miniGraph());
    expect(castFreeGraph(once)).toBe(once);
    expect(castFreeGraph(new Uint8Array(0)).length).toBe(0);
  });
});
