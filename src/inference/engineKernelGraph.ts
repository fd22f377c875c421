/**
 * Recognises the graph tracelens' own models are exported as (models/train/model.py's ExportedCnn):
 * three Gathers of per-vocabulary window tables at positions t-1, t and t+1, summed, ReLU (Max with
 * zero), max- and mean-pooling over the sequence, and one Gemm. For such a graph the engine runs the
 * gathers, ReLU and pooling in one pass of its own WebAssembly kernel (engineKernel.ts) and leaves ONNX
 * Runtime only the work it does once: folding the window tables from the int8 embeddings at load.
 *
 * Only the shape of the graph is recognised here; whether the kernel computes the same function is
 * checked by numbers when the model loads (engineKernelLoad.ts), so a graph that looks alike but
 * differs in some detail (slice bounds, the mean's denominator, the ReLU's constant) keeps ONNX Runtime.
 */
import {
  FLOAT,
  GRAPH,
  TENSOR,
  concat,
  fields,
  floatOutput,
  packedVarints,
  str,
  type Field,
  type Node,
  readModelGraph,
  withGraph,
} from "./engineGraphProto";

export interface KernelGraph {
  /** The graph with the three window tables added as outputs, so one run can fetch them. */
  graph: Uint8Array;
  /** Names of the `[vocabulary, filters]` tables read at positions t-1, t and t+1. */
  tables: [left: string, centre: string, right: string];
  /** The head: `[labels, 2 × filters]` weights (max-pooled columns first, then mean-pooled) and `[labels]` bias. */
  weight: Float32Array;
  bias: Float32Array;
  labels: number;
}

/** The graph's kernel form, or undefined where it is not tracelens' window-pooling network. */
export function kernelGraph(bytes: Uint8Array): KernelGraph | undefined {
  try {
    return recognise(bytes);
  } catch {
    return undefined; // a layout this does not read: ONNX Runtime runs the graph as it is
  }
}

/** A float initializer's values and dims (raw_data or packed float_data), or undefined. */
function floatInitializer(bytes: Uint8Array, parts: Field[] | undefined): { dims: number[]; values: Float32Array } | undefined {
  if (!parts || parts.find((p) => p.no === TENSOR.dataType)?.value !== FLOAT) return undefined;
  const dims = parts.filter((p) => p.no === TENSOR.dims).flatMap((p) => (p.wire === 2 ? packedVarints(bytes, p) : [p.value]));
  const count = dims.reduce((n, d) => n * d, 1);
  const raw = parts.find((p) => p.no === TENSOR.rawData) ?? parts.find((p) => p.no === TENSOR.floatData && p.wire === 2);
  if (!raw || raw.end - raw.start !== count * 4) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + raw.start, count * 4);
  return { dims, values: Float32Array.from({ length: count }, (_, i) => view.getFloat32(i * 4, true)) };
}

function recognise(bytes: Uint8Array): KernelGraph | undefined {
  const read = readModelGraph(bytes);
  if (!read) return undefined;
  const { graph, graphField, nodes } = read;
  const nameOf = (f: Field) => str(bytes, fields(bytes, f.start, f.end).find((p) => p.no === 1)!);
  const initializers = new Map<string, Field[]>();
  for (const f of graph) {
    if (f.no !== GRAPH.initializer) continue;
    const parts = fields(bytes, f.start, f.end);
    const name = parts.find((p) => p.no === TENSOR.name);
    if (name) initializers.set(str(bytes, name), parts);
  }
  const inputs = graph.filter((f) => f.no === GRAPH.input).map(nameOf).filter((name) => !initializers.has(name));
  const outputs = graph.filter((f) => f.no === GRAPH.output).map(nameOf);
  if (inputs.length !== 2 || !inputs.includes("input_ids") || !inputs.includes("attention_mask")) return undefined;
  const producer = new Map<string, Node>();
  for (const node of nodes) for (const name of node.outputs) producer.set(name, node);
  const made = (name: string | undefined, opType: string): Node | undefined => {
    const node = name === undefined ? undefined : producer.get(name);
    return node && node.opType === opType && node.domain === "" ? node : undefined;
  };
  const axis = (node: Node) => node.ints.get("axis") ?? 0;

  // logits = Gemm(Concat(ReduceMax(relu), Div(ReduceSum(relu), count)), W, b), W transposed.
  const gemm = made("logits", "Gemm");
  if (!gemm || gemm.inputs.length !== 3 || gemm.ints.get("transB") !== 1 || (gemm.ints.get("transA") ?? 0) !== 0) return undefined;
  if ((gemm.floats.get("alpha") ?? 1) !== 1 || (gemm.floats.get("beta") ?? 1) !== 1) return undefined;
  const weight = floatInitializer(bytes, initializers.get(gemm.inputs[1]!));
  const bias = floatInitializer(bytes, initializers.get(gemm.inputs[2]!));
  if (!weight || !bias || weight.dims.length !== 2 || bias.dims.length !== 1 || bias.dims[0] !== weight.dims[0]) return undefined;
  const pooled = made(gemm.inputs[0], "Concat");
  if (!pooled || pooled.inputs.length !== 2 || (axis(pooled) !== 1 && axis(pooled) !== -1)) return undefined;
  const max = made(pooled.inputs[0], "ReduceMax");
  const mean = made(pooled.inputs[1], "Div");
  if (!max || !mean || max.ints.get("keepdims") !== 0 || max.intLists.get("axes")?.join() !== "1") return undefined;
  const relu = max.inputs[0];
  const sum = made(mean.inputs[0], "ReduceSum");
  if (!sum || sum.inputs[0] !== relu || sum.ints.get("keepdims") !== 0) return undefined;
  const zeroMax = made(relu, "Max");
  if (!zeroMax || zeroMax.inputs.length !== 2) return undefined;

  // The ReLU's input: a tree of Adds over exactly three Gathers along axis 0.
  const gathers: Node[] = [];
  const leaves = (name: string | undefined): boolean => {
    const add = made(name, "Add");
    if (add) return add.inputs.length === 2 && leaves(add.inputs[0]) && leaves(add.inputs[1]);
    const gather = made(name, "Gather");
    if (!gather || axis(gather) !== 0) return false;
    gathers.push(gather);
    return true;
  };
  const summed = zeroMax.inputs.find((name) => made(name, "Add"));
  if (!summed || !leaves(summed) || gathers.length !== 3) return undefined;

  // Which position each table is read at, from its indices: the masked ids, or them shifted by a
  // column of zeros put before (the previous token) or after (the next one).
  const tables: Partial<Record<"left" | "centre" | "right", string>> = {};
  for (const gather of gathers) {
    const [table, index] = gather.inputs as [string, string];
    const masked = made(index, "Mul");
    const shifted = made(index, "Concat");
    let position: "left" | "centre" | "right" | undefined;
    if (masked && [...masked.inputs].sort().join() === "attention_mask,input_ids") position = "centre";
    else if (shifted && shifted.inputs.length === 2 && axis(shifted) === 1) {
      if (made(shifted.inputs[0], "ConstantOfShape")) position = "left";
      else if (made(shifted.inputs[1], "ConstantOfShape")) position = "right";
    }
    if (!position || tables[position]) return undefined;
    tables[position] = table;
  }
  const { left, centre, right } = tables;
  if (!left || !centre || !right) return undefined;
  const [labels, columns] = weight.dims as [number, number];
  if (columns % 8 !== 0) return undefined; // two halves of whole 4-float lanes

  const extra = [left, centre, right].filter((name, i, all) => !outputs.includes(name) && all.indexOf(name) === i).map(floatOutput);
  const graphBytes = concat([bytes.subarray(graphField.start, graphField.end), ...extra]);
  return {
    graph: withGraph(bytes, read, graphBytes),
    tables: [left, centre, right],
    weight: weight.values,
    bias: bias.values,
    labels,
  };
}
