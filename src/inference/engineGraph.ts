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

/** A protobuf field: its number, wire type and where its value's bytes lie (and the whole field's). */
interface Field {
  no: number;
  wire: number;
  start: number;
  end: number;
  /** Start of the field's tag, so the field can be copied as it is. */
  at: number;
  /** The value of a varint field. */
  value: number;
}

function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const byte = bytes[i] as number;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return [value, i + 1];
  }
  throw new Error("bad varint");
}

function fields(bytes: Uint8Array, from = 0, to = bytes.length): Field[] {
  const out: Field[] = [];
  let at = from;
  while (at < to) {
    const [tag, next] = readVarint(bytes, at);
    const no = Math.floor(tag / 8);
    const wire = tag & 7;
    let start = next;
    let end: number;
    let value = 0;
    if (wire === 0) [value, end] = readVarint(bytes, next);
    else if (wire === 1) end = next + 8;
    else if (wire === 5) end = next + 4;
    else if (wire === 2) {
      const [length, body] = readVarint(bytes, next);
      start = body;
      end = body + length;
    } else throw new Error(`unsupported wire type ${wire}`);
    if (end > to) throw new Error("truncated field");
    out.push({ no, wire, start, end, at, value });
    at = end;
  }
  return out;
}

const text = new TextDecoder();
const utf8 = new TextEncoder();
const str = (bytes: Uint8Array, f: Field) => text.decode(bytes.subarray(f.start, f.end));

function varint(value: number): number[] {
  const out: number[] = [];
  while (value >= 0x80) {
    out.push((value % 128) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
  return out;
}

/** One protobuf field as bytes: a nested message, bytes or a string (wire type 2), or a varint. */
function encode(no: number, value: Uint8Array | string | number): Uint8Array {
  if (typeof value === "number") return Uint8Array.from([...varint(no * 8), ...varint(value)]);
  const body = typeof value === "string" ? utf8.encode(value) : value;
  const head = [...varint(no * 8 + 2), ...varint(body.length)];
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ONNX field numbers (onnx.proto) and element types.
const MODEL_GRAPH = 7;
const GRAPH = { node: 1, initializer: 5, input: 11, output: 12 } as const;
const NODE = { input: 1, output: 2, opType: 4, attribute: 5, domain: 7 } as const;
const ATTRIBUTE = { name: 1, i: 3 } as const;
const TENSOR = { dims: 1, dataType: 2, name: 8, rawData: 9 } as const;
const FLOAT = 1;
const UINT8 = 2;
const INT8 = 3;

interface Node {
  field: Field;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  /** Integer attributes by name (Cast's `to`). */
  ints: Map<string, number>;
  /** Attribute fields as they are, to copy onto a replacement node. */
  attributes: Field[];
}

function readNode(bytes: Uint8Array, field: Field): Node {
  const node: Node = { field, opType: "", domain: "", inputs: [], outputs: [], ints: new Map(), attributes: [] };
  for (const f of fields(bytes, field.start, field.end)) {
    if (f.no === NODE.input) node.inputs.push(str(bytes, f));
    else if (f.no === NODE.output) node.outputs.push(str(bytes, f));
    else if (f.no === NODE.opType) node.opType = str(bytes, f);
    else if (f.no === NODE.domain) node.domain = str(bytes, f);
    else if (f.no === NODE.attribute) {
      node.attributes.push(f);
      const parts = fields(bytes, f.start, f.end);
      const name = parts.find((p) => p.no === ATTRIBUTE.name);
      const int = parts.find((p) => p.no === ATTRIBUTE.i && p.wire === 0);
      if (name && int) node.ints.set(str(bytes, name), int.value);
    }
  }
  return node;
}

function makeNode(opType: string, inputs: string[], outputs: string[], attributes: Uint8Array[] = []): Uint8Array {
  return encode(GRAPH.node, concat([...inputs.map((n) => encode(NODE.input, n)), ...outputs.map((n) => encode(NODE.output, n)), encode(NODE.opType, opType), ...attributes]));
}

function floatTensor(name: string, dims: Uint8Array[], values: Float32Array): Uint8Array {
  const raw = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  return encode(GRAPH.initializer, concat([...dims, encode(TENSOR.dataType, FLOAT), encode(TENSOR.name, name), encode(TENSOR.rawData, raw)]));
}

/** The graph with its Cast nodes replaced as described above, or `bytes` itself where none applies. */
export function castFreeGraph(bytes: Uint8Array): Uint8Array {
  try {
    return rewrite(bytes) ?? bytes;
  } catch {
    return bytes; // not a layout this understands: ONNX Runtime reads (or rejects) it as it is
  }
}

function rewrite(bytes: Uint8Array): Uint8Array | undefined {
  const model = fields(bytes);
  const graphField = model.find((f) => f.no === MODEL_GRAPH && f.wire === 2);
  if (!graphField) return undefined;
  const graph = fields(bytes, graphField.start, graphField.end);
  const nodes = graph.filter((f) => f.no === GRAPH.node).map((f) => readNode(bytes, f));
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
  return concat(model.map((f) => (f === graphField ? encode(MODEL_GRAPH, graphBytes) : bytes.subarray(f.at, f.end))));
}

function uniqueName(base: string, producer: Map<string, Node>, initializers: Map<string, unknown>): string {
  let name = base;
  for (let i = 1; producer.has(name) || initializers.has(name); i++) name = `${base}_${i}`;
  return name;
}
