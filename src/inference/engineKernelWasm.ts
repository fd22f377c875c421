/**
 * The WebAssembly (SIMD) function behind engineKernel.ts, assembled here from its instructions so no
 * build step or binary file is needed. ONNX Runtime's WebAssembly runs the same work as separate
 * kernels (three Gathers, two Adds, a Max, ReduceMax and ReduceSum), each writing a `[batch, length,
 * filters]` tensor that the next reads back; this function reads each token's three table rows once
 * and keeps only the pooled running values.
 *
 * pool(left, centre, right, ids, n, out, rowBytes): for t in 0…n-1, with `ids` pointing at a zero
 * before the n token ids and a zero after them,
 *   v = max((left[ids[t-1]] + centre[ids[t]]) + right[ids[t+1]], 0)   (float32, 4 lanes at a time)
 *   out[0…F)  = max over t of v   (zeros before the first token, which ReLU makes the floor anyway)
 *   out[F…2F) = sum over t of v, added in token order
 * Table rows are `rowBytes` long (F floats, a multiple of 16 bytes); tables and `out` are 16-byte aligned.
 */

const leb = (value: number): number[] => {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
};
/** Signed LEB128, for i32.const (only small non-negative constants are used). */
const sleb = (value: number): number[] => (value < 0x40 ? [value] : [(value & 0x7f) | 0x80, ...sleb(value >> 7)]);
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const name = (text: string): number[] => [...leb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];

const I32 = 0x7f;
const V128 = 0x7b;
const get = (local: number) => [0x20, ...leb(local)];
const set = (local: number) => [0x21, ...leb(local)];
const tee = (local: number) => [0x22, ...leb(local)];
const i32 = (value: number) => [0x41, ...sleb(value)];
const ADD = [0x6a];
const MUL = [0x6c];
const SHL = [0x74];
const LT_U = [0x49];
const loadI32 = (offset: number) => [0x28, 2, ...leb(offset)];
const simd = (op: number) => [0xfd, ...leb(op)];
const LOAD = [...simd(0x00), 4, 0];
const STORE = [...simd(0x0b), 4, 0];
const ZERO = [...simd(0x0c), ...new Array<number>(16).fill(0)];
const F32X4_ADD = simd(0xe4);
/** f32x4.pmax: `a < b ? b : a` per lane, one native max instruction on x86 and ARM. */
const F32X4_PMAX = simd(0xeb);
const loop = (body: number[]) => [0x03, 0x40, ...body, 0x0b];
const BR_IF_LOOP = [0x0d, 0];

// Parameters, then locals.
const [LEFT, CENTRE, RIGHT, IDS, N, OUT, ROW] = [0, 1, 2, 3, 4, 5, 6];
const [T, PL, PC, PR, J, SUMS, V] = [7, 8, 9, 10, 11, 12, 13];

/** `base + ids[offset/4] * rowBytes`: the address of a token's row in one table. */
const rowOf = (table: number, offset: number) => [...get(table), ...get(IDS), ...loadI32(offset), ...get(ROW), ...MUL, ...ADD];
const lane = (pointer: number) => [...get(pointer), ...get(J), ...ADD, ...LOAD];

const body = [
  ...vec([
    [6, I32],
    [1, V128],
  ]),
  // out[0 … 2F) = 0
  ...i32(0),
  ...set(J),
  ...loop([...get(OUT), ...get(J), ...ADD, ...ZERO, ...STORE, ...get(J), ...i32(16), ...ADD, ...tee(J), ...get(ROW), ...i32(1), ...SHL, ...LT_U, ...BR_IF_LOOP]),
  ...get(OUT),
  ...get(ROW),
  ...ADD,
  ...set(SUMS),
  ...i32(0),
  ...set(T),
  ...loop([
    ...rowOf(LEFT, 0),
    ...set(PL),
    ...rowOf(CENTRE, 4),
    ...set(PC),
    ...rowOf(RIGHT, 8),
    ...set(PR),
    ...i32(0),
    ...set(J),
    ...loop([
      ...lane(PL),
      ...lane(PC),
      ...F32X4_ADD,
      ...lane(PR),
      ...F32X4_ADD,
      ...ZERO,
      ...F32X4_PMAX,
      ...set(V),
      ...get(OUT), ...get(J), ...ADD, // store address for the maxima
      ...lane(OUT),
      ...get(V),
      ...F32X4_PMAX,
      ...STORE,
      ...get(SUMS), ...get(J), ...ADD, // store address for the sums
      ...lane(SUMS),
      ...get(V),
      ...F32X4_ADD,
      ...STORE,
      ...get(J), ...i32(16), ...ADD, ...tee(J), ...get(ROW), ...LT_U, ...BR_IF_LOOP,
    ]),
    ...get(IDS), ...i32(4), ...ADD, ...set(IDS),
    ...get(T), ...i32(1), ...ADD, ...tee(T), ...get(N), ...LT_U, ...BR_IF_LOOP,
  ]),
  0x0b,
];

/** The module: one exported memory (grown by the caller) and the exported `pool` function. */
export const POOL_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([[0x60, ...vec(new Array<number[]>(7).fill([I32])), 0]])), // type: (i32 × 7) → ()
  ...section(3, vec([[0]])), // function 0 has type 0
  ...section(5, vec([[0x00, 1]])), // memory: 1 page to start, grown to fit the tables
  ...section(7, vec([[...name("memory"), 0x02, 0], [...name("pool"), 0x00, 0]])),
  ...section(10, vec([[...leb(body.length), ...body]])),
]);

export type PoolFunction = (left: number, centre: number, right: number, ids: number, n: number, out: number, rowBytes: number) => void;
