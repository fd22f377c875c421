/**
 * Just enough ONNX protobuf to read a graph's nodes and initializers and write a few fields back, for
 * the load-time rewrites in engineGraph.ts and engineKernelGraph.ts (no protobuf library in the bundle).
 */

/** A protobuf field: its number, wire type and where its value's bytes lie (and the whole field's). */
export interface Field {
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

export function fields(bytes: Uint8Array, from = 0, to = bytes.length): Field[] {
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

/** The varints packed in a length-delimited field (repeated int64s such as `ints` or `dims`). */
export function packedVarints(bytes: Uint8Array, field: Field): number[] {
  const out: number[] = [];
  for (let at = field.start; at < field.end; ) {
    const [value, next] = readVarint(bytes, at);
    out.push(value);
    at = next;
  }
  return out;
}

const text = new TextDecoder();
const utf8 = new TextEncoder();
export const str = (bytes: Uint8Array, f: Field) => text.decode(bytes.subarray(f.start, f.end));

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
export function encode(no: number, value: Uint8Array | string | number): Uint8Array {
  if (typeof value === "number") return Uint8Array.from([...varint(no * 8), ...varint(value)]);
  const body = typeof value === "string" ? utf8.encode(value) : value;
  const head = [...varint(no * 8 + 2), ...varint(body.length)];
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ONNX field numbers (onnx.proto) and element types.
export const MODEL_GRAPH = 7;
export const GRAPH = { node: 1, initializer: 5, input: 11, output: 12 } as const;
export const NODE = { input: 1, output: 2, opType: 4, attribute: 5, domain: 7 } as const;
export const ATTRIBUTE = { name: 1, f: 2, i: 3, ints: 8 } as const;
export const TENSOR = { dims: 1, dataType: 2, floatData: 4, name: 8, rawData: 9 } as const;
export const VALUE_INFO = { name: 1, type: 2 } as const;
export const FLOAT = 1;
export const UINT8 = 2;
export const INT8 = 3;

export interface Node {
  field: Field;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  /** Integer attributes by name (Cast's `to`, Gemm's `transB`). */
  ints: Map<string, number>;
  /** Float attributes by name (Gemm's `alpha`). */
  floats: Map<string, number>;
  /** Integer-list attributes by name (ReduceMax's `axes`). */
  intLists: Map<string, number[]>;
  /** Attribute fields as they are, to copy onto a replacement node. */
  attributes: Field[];
}

export function readNode(bytes: Uint8Array, field: Field): Node {
  const node: Node = { field, opType: "", domain: "", inputs: [], outputs: [], ints: new Map(), floats: new Map(), intLists: new Map(), attributes: [] };
  for (const f of fields(bytes, field.start, field.end)) {
    if (f.no === NODE.input) node.inputs.push(str(bytes, f));
    else if (f.no === NODE.output) node.outputs.push(str(bytes, f));
    else if (f.no === NODE.opType) node.opType = str(bytes, f);
    else if (f.no === NODE.domain) node.domain = str(bytes, f);
    else if (f.no === NODE.attribute) {
      node.attributes.push(f);
      const parts = fields(bytes, f.start, f.end);
      const nameField = parts.find((p) => p.no === ATTRIBUTE.name);
      if (!nameField) continue;
      const name = str(bytes, nameField);
      const int = parts.find((p) => p.no === ATTRIBUTE.i && p.wire === 0);
      if (int) node.ints.set(name, int.value);
      const float = parts.find((p) => p.no === ATTRIBUTE.f && p.wire === 5);
      if (float) node.floats.set(name, new DataView(bytes.buffer, bytes.byteOffset + float.start, 4).getFloat32(0, true));
      const list = parts.filter((p) => p.no === ATTRIBUTE.ints);
      // Repeated int64s come packed (one length-delimited field) or one varint field each.
      if (list.length > 0) node.intLists.set(name, list.flatMap((p) => (p.wire === 2 ? packedVarints(bytes, p) : [p.value])));
    }
  }
  return node;
}


/** An ONNX model's graph as both readers need it: the model's top-level fields, the graph field, its fields and nodes. */
export interface ModelGraph {
  model: Field[];
  graphField: Field;
  graph: Field[];
  nodes: Node[];
}

/** `undefined` for bytes with no graph field. */
export function readModelGraph(bytes: Uint8Array): ModelGraph | undefined {
  const model = fields(bytes);
  const graphField = model.find((f) => f.no === MODEL_GRAPH && f.wire === 2);
  if (!graphField) return undefined;
  const graph = fields(bytes, graphField.start, graphField.end);
  return { model, graphField, graph, nodes: graph.filter((f) => f.no === GRAPH.node).map((f) => readNode(bytes, f)) };
}

/** The model's bytes with its graph replaced by `graphBytes`, every other field as it was. */
export function withGraph(bytes: Uint8Array, { model, graphField }: ModelGraph, graphBytes: Uint8Array): Uint8Array {
  return concat(model.map((f) => (f === graphField ? encode(MODEL_GRAPH, graphBytes) : bytes.subarray(f.at, f.end))));
}
export function makeNode(opType: string, inputs: string[], outputs: string[], attributes: Uint8Array[] = []): Uint8Array {
  return encode(GRAPH.node, concat([...inputs.map((n) => encode(NODE.input, n)), ...outputs.map((n) => encode(NODE.output, n)), encode(NODE.opType, opType), ...attributes]));
}

export function floatTensor(name: string, dims: Uint8Array[], values: Float32Array): Uint8Array {
  const raw = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  return encode(GRAPH.initializer, concat([...dims, encode(TENSOR.dataType, FLOAT), encode(TENSOR.name, name), encode(TENSOR.rawData, raw)]));
}

/** A graph output declaration: a float tensor of any shape named `name`. */
export function floatOutput(name: string): Uint8Array {
  // TypeProto.tensor_type (1) → TypeProto.Tensor.elem_type (1).
  const type = encode(1, encode(1, FLOAT));
  return encode(GRAPH.output, concat([encode(VALUE_INFO.name, name), encode(VALUE_INFO.type, type)]));
}
