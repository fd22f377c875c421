/**
 * Removes the graph's `Cast` nodes before ONNX Runtime's WebAssembly build sees it. That build's Cast
 * kernel is one enormous function (every type pair, about half a megabyte of WebAssembly): once a few
 * calls make it hot, V8 spends seconds optimising it in the background, competing with the first
 * classifications for the CPU, although casting is no real work here. tracelens' graphs cast twice:
 * - the int8 embedding table to float32, once, when the session folds its constants: the table is
 *   converted here instead (int8 → float32 is exact) and stored as a float32 initializer;
 * - the attention mask's sum to float32, on every batch: the mask is mapped to 0.0/1.0 with a Gather
 *   and summed as float32 (counts below 2²⁴ are exact), which is the same value. The engine only ever
 *   feeds masks of zeros and ones, which is what makes that mapping valid.
 * Outputs are bit-identical. Anything unexpected (another layout, external data, a parse failure)
 * leaves the graph as it was.
 */

import { FLOAT, GRAPH, INT8, TENSOR, UINT8, concat, encode, fields, floatTensor, makeNode, readModelGraph, str, withGraph, type Field, type Node } from "./engineGraphProto";

/** The graph with its Cast nodes replaced as described above, or `bytes` itself where none applies. */
export function castFreeGraph(bytes: Uint8Array): Uint8Array {
  try {
    return rewrite(bytes) ?? bytes;
  } catch {
    return bytes; // not a layout this understands: ONNX Runtime reads (or rejects) it as it is
  }
}

function rewrite(bytes: Uint8Array): Uint8Array | undefined {
  const read = readModelGraph(bytes);
  if (!read) return undefined;
  const { graph, nodes } = read;
  const inputs = new Set(graph.filter((f) => f.no === GRAPH.input).map((f) => str(bytes, fields(bytes, f.start, f.end).find((p) => p.no === 1)!)));
  const outputs = new Set(graph.filter((f) => f.no === GRAPH.output).map((f) => str(bytes, fields(bytes, f.start, f.end).find((p) => p.no === 1)!)));
  const uses = new Map<string, number>();
  for (const node of nodes) for (const name of node.inputs) uses.set(name, (uses.get(name) ?? 0) + 1);
  const producer = new Map<string, Node>();
  for (const node of nodes) for (const name of node.outputs) producer.set(name, node);
  const initializers = new Map<string, { field: Field; parts: Field[] }>();
  for (const f of graph) {
    if (f.no !== GRAPH.initializer) continue;
    const parts = fields(bytes, f.start, f.end);
    const name = parts.find((p) => p.no === TENSOR.name);
    if (name) initializers.set(str(bytes, name), { field: f, parts });
  }

  const replaced = new Map<Field, Uint8Array>(); // node or initializer field → its replacement (empty: dropped)
  const added: Uint8Array[] = [];
  let maskValues: string | undefined;
  for (const cast of nodes) {
    if (cast.opType !== "Cast" || cast.domain !== "" || cast.ints.get("to") !== FLOAT || cast.inputs.length !== 1 || cast.outputs.length !== 1) continue;
    const [source] = cast.inputs as [string];
    const [target] = cast.outputs as [string];
    const table = initializers.get(source);
    const reduce = producer.get(source);
    if (table && uses.get(source) === 1 && !inputs.has(source) && !outputs.has(source)) {
      // An int8/uint8 initializer cast to float: store it as float.
      const type = table.parts.find((p) => p.no === TENSOR.dataType)?.value;
      const raw = table.parts.find((p) => p.no === TENSOR.rawData);
      if ((type !== INT8 && type !== UINT8) || !raw || table.parts.some((p) => p.no !== TENSOR.dims && p.no !== TENSOR.dataType && p.no !== TENSOR.name && p.no !== TENSOR.rawData)) continue;
      const ints = type === INT8 ? new Int8Array(bytes.buffer, bytes.byteOffset + raw.start, raw.end - raw.start) : bytes.subarray(raw.start, raw.end);
      const dims = table.parts.filter((p) => p.no === TENSOR.dims).map((p) => bytes.subarray(p.at, p.end));
      replaced.set(table.field, new Uint8Array(0));
      replaced.set(cast.field, new Uint8Array(0));
      added.push(floatTensor(target, dims, Float32Array.from(ints)));
    } else if (reduce && reduce.opType === "ReduceSum" && reduce.domain === "" && reduce.inputs[0] === "attention_mask" && inputs.has("attention_mask") && uses.get(source) === 1 && !outputs.has(source)) {
      // The mask's token count cast to float: sum the mask as floats instead.
      if (!maskValues) {
        maskValues = uniqueName("tracelens_mask_values", producer, initializers);
        added.push(floatTensor(maskValues, [encode(TENSOR.dims, 2)], Float32Array.of(0, 1)));
      }
      const floats = uniqueName(`${target}_mask`, producer, initializers);
      const attributes = reduce.attributes.map((a) => bytes.subarray(a.at, a.end));
      replaced.set(reduce.field, new Uint8Array(0)); // its integer sum fed only this Cast
      replaced.set(
        cast.field,
        concat([makeNode("Gather", [maskValues, "attention_mask"], [floats]), makeNode("ReduceSum", [floats, ...reduce.inputs.slice(1)], [target], attributes)]),
      );
    }
  }
  if (replaced.size === 0) return undefined;

  const graphBytes = concat([...graph.map((f) => replaced.get(f) ?? bytes.subarray(f.at, f.end)), ...added]);
  return withGraph(bytes, read, graphBytes);
}

function uniqueName(base: string, producer: Map<string, Node>, initializers: Map<string, unknown>): string {
  let name = base;
  for (let i = 1; producer.has(name) || initializers.has(name); i++) name = `${base}_${i}`;
  return name;
}
