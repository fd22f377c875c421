/**
 * Unicode behaviour pinned to Python 3.11 (Unicode 14.0), which produced the parity vectors.
 *
 * JS engines ship other Unicode data. Characters assigned after 14.0 are unassigned to Python:
 * `upper()` leaves them alone and `repr()` escapes them. Printability comes from Python's own
 * table; the upper-case list was computed by comparing Python 3.11 with Node on Unicode 17.
 */

/** Code points whose uppercase mapping is newer than Unicode 14 (inclusive ranges). */
const UPPER_NEWER_THAN_14: ReadonlyArray<readonly [number, number]> = [
  [0x19b, 0x19b], [0x264, 0x264], [0x1c8a, 0x1c8a], [0xa7cd, 0xa7cd], [0xa7cf, 0xa7cf],
  [0xa7d3, 0xa7d3], [0xa7d5, 0xa7d5], [0xa7db, 0xa7db], [0x10d70, 0x10d85], [0x16ebb, 0x16ed3],
];

function inRanges(cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid] as readonly [number, number];
    if (cp < r[0]) hi = mid - 1;
    else if (cp > r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Python 3.11's `str.isprintable()` table, generated from its `unicodedata` so that no engine's
 * own Unicode data is consulted. Each entry is "gap.length" in base 36: the gap from the end of
 * the previous non-printable range to this range's first code point, then its length minus one.
 */
const NON_PRINTABLE_RANGES = [
  "0.v 2n.x c.0 ju.1 6.3 7.0 1.0 k.0 b1.0 12.1 1e.1 3.0 1j.7 r.3 6.g m.0 5c.0 1c.1 1n.1 2t.d 1n.1",
  "1d.1 f.0 s.1 1.0 b.4 v.8 22.0 4h.0 8.1 2.1 m.0 7.0 1.2 4.1 9.1 2.1 4.7 1.3 2.0 5.1 p.1 3.0 6.3",
  "2.1 m.0 7.0 2.0 2.0 2.1 1.0 5.3 2.1 3.2 1.6 4.0 1.6 h.9 3.0 9.0 3.0 m.0 7.0 2.0 5.1 a.0 3.0 3.1",
  "1.e 4.1 c.6 7.0 3.0 8.1 2.1 m.0 7.0 2.0 5.1 9.1 2.1 3.6 3.3 2.0 5.1 i.9 2.0 6.2 3.0 4.2 2.0 1.0",
  "2.2 2.2 3.2 c.3 5.2 3.0 4.1 1.5 1.d l.4 d.0 3.0 n.0 g.1 9.0 3.0 4.6 2.0 3.1 1.1 4.1 a.6 m.0 3.0",
  "n.0 a.0 5.1 9.0 3.0 4.6 2.5 2.0 4.1 a.0 2.c d.0 3.0 1f.0 3.0 6.3 g.1 q.0 3.0 i.2 o.0 9.0 1.1 7.2",
  "1.3 6.0 1.0 8.5 a.1 3.b 1m.3 t.10 2.0 1.0 5.0 o.0 1.0 n.1 5.0 1.0 6.1 a.1 4.v 20.0 10.3 13.0",
  "10.0 f.0 d.10 5i.0 1.4 1.1 ah.0 4.1 7.0 1.0 4.1 15.0 4.1 x.0 4.1 7.0 1.0 4.1 f.0 1l.0 4.1 1v.1",
  "w.2 q.5 2e.1 6.1 hs.0 s.2 2h.6 m.8 o.8 k.b d.0 3.0 2.b 2m.1 a.5 a.5 e.0 b.5 2h.6 17.4 1y.9 v.0",
  "c.3 c.3 1.2 16.1 5.a 18.3 q.5 b.2 1q.1 1t.0 t.1 b.5 a.5 e.1 v.1c 25.2 1b.0 38.7 1o.2 f.2 1o.6",
  "17.1 b.7 17.4 eu.1 6.1 12.1 6.1 8.0 1.0 1.0 1.0 v.1 1h.0 f.0 e.1 6.0 j.1 3.0 9.g o.7 1b.g 2.1",
  "r.0 d.2 x.e x.e 3w.3 if.o b.k 1ec.1 w.0 9p.4 19.0 1.4 1.1 1k.6 2.d o.8 7.0 7.0 7.0 7.0 7.0 7.0",
  "7.0 7.0 3i.x q.0 2h.b 5y.p c.4 1r.0 2e.1 2v.4 17.0 2m.0 2c.b 1b.0 mlp.2 1j.8 9o.j 54.7 5n.4 2.0",
  "1.0 5.n 1n.2 a.5 1k.7 1y.7 c.5 38.a u.2 26.0 b.3 x.0 1j.8 e.1 a.1 2v.n s.9 6.1 6.1 6.8 7.0 7.0",
  "1o.3 3i.1 a.5 8mc.b n.3 1d.6ir a6.1 2y.11 7.b 5.4 q.0 5.0 1.0 2.0 2.0 3h.f cd.1 1i.6 1.v 16.5",
  "1f.0 j.0 4.3 5.0 3r.3 5a.2 6.1 6.1 6.1 3.2 7.0 7.c 2.1 c.0 q.0 j.0 2.0 f.1 e.x 3f.4 3.3 19.2",
  "2g.0 d.2 1.1a 1a.3l t.2 1d.e s.3 10.8 u.4 17.4 u.0 11.3 e.15 4e.1 a.5 10.3 10.3 14.7 1g.a c.0",
  "f.0 7.0 2.0 b.0 f.0 7.0 2.1u 8n.8 m.9 8.n 6.0 16.0 9.1w 6.1 1.0 18.0 2.2 1.1 n.0 20.7 9.1b j.0",
  "2.4 x.2 r.4 1.1r 1k.3 k.1 1e.0 2.4 8.0 3.0 t.1 3.3 a.6 9.6 1s.v 13.3 c.8 1i.2 t.1 r.4 q.6 4.b",
  "7.27 21.1i 1f.c 1f.6 1a.7 a.85 v.0 16.0 3.1 2.25 14.7 16.l q.11 s.j n.8 26.3 10.8 1q.0 5.c p.6",
  "a.5 1h.0 i.7 13.8 2o.0 k.a i.0 18.1s 7.0 1.0 4.0 f.0 b.5 1n.4 a.5 4.0 8.1 2.1 m.0 7.0 2.0 5.0",
  "a.1 2.1 3.1 1.5 1.4 7.1 7.2 5.3u 2k.0 5.t 20.7 a.4l 1i.1 12.x 1x.a a.5 d.i 1m.5 a.1h r.1 f.3",
  "n.54 1o.2r 2b.b 8.1 1.1 8.0 2.0 u.0 2.1 c.8 a.1x 8.1 1a.1 b.q 20.7 2b.c 21.7a 9.0 19.0 e.9 t.2",
  "w.1 m.0 e.20 7.0 2.0 18.2 1.0 2.0 9.7 a.5 6.0 2.0 11.0 2.0 6.6 a.8l p.52 1.e 1e.c pn.2t 33.0 5.a",
  "5g.217 2r.c tr.34g g7.6ns ft.6 v.0 a.3 29.0 a.5 u.1 6.9 1y.9 a.0 7.0 l.4 j.j3 2j.2s 23.3 1l.6",
  "h.1r 5.a 2.d 4qg.7 ye.15 9.6w6 4.0 7.0 2.0 83.18 3.g 4.7 b0.1s3 2z.4 d.2 9.6 a.1 4.3mn 1a.1 n.8",
  "38.1n 6u.9 13.1 22.7 34.k 1y.49 k.b 2f.8 p.3q 2d.0 1z.0 2.1 1.1 2.1 4.0 c.0 1.0 7.0 1t.0 4.1 8.0",
  "7.0 s.0 4.0 5.0 1.2 7.0 9g.1 84.1 ji.e 5.0 f.un v.68 7.0 h.1 7.0 2.0 5.5w 19.2 e.1 a.3 2.8v v.g",
  "1m.4 1.yn 7.0 4.0 2.0 f.0 5h.1 g.14 24.3 a.3 2.ls 1w.23 1p.5d 4.0 r.0 2.0 1.1 1.0 a.0 4.0 1.0",
  "1.5 1.3 1.0 1.0 1.0 3.0 2.0 1.1 1.0 1.0 1.0 1.0 1.0 2.0 1.1 4.0 7.0 4.0 4.0 1.0 a.0 h.4 3.0 5.0",
  "h.1f 2.7h 18.3 2s.b f.1 f.0 f.0 11.9 4u.1j t.c 18.3 9.6 2.d 6.49 rc.4 g.2 d.2 38.b 2h.6 c.3 1.e",
  "c.3 1k.7 a.5 14.7 u.1 2.25 9g.b e.1 5.2 5.2 7.8 t.2 b.4 6.9 a.5 8.7 7.8 43.0 1j.10 a.sl wyo.v",
  "37d.6 66.1 4g2.d 5rl.2e6 f2.15t 3t7.fcms 6o.47bj",
].join(" ");

let nonPrintable: Array<readonly [number, number]> | undefined;

function decodeNonPrintable(): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  let next = 0;
  for (const entry of NON_PRINTABLE_RANGES.split(" ")) {
    const [gap = "0", span = "0"] = entry.split(".");
    const first = next + parseInt(gap, 36);
    const last = first + parseInt(span, 36);
    ranges.push([first, last]);
    next = last + 1;
  }
  return ranges;
}

/** Python's `ch.isprintable()` for one code point. */
export function pyIsPrintable(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  nonPrintable ??= decodeNonPrintable();
  return !inRanges(cp, nonPrintable);
}

// Letters that can change under full upper-casing; ASCII-only text skips the per-character walk.
const NEEDS_CHECK = /[\u00b5-\uffff]/;

// Roles and names repeat on every message: short ones are upper-cased once.
const upperCache = new Map<string, string>();

/** Python's `str.upper()`: full case mapping (`ß → SS`, `ﬁ → FI`), as of Unicode 14. */
export function pyUpper(s: string): string {
  if (s.length > 24) return upper(s);
  let cached = upperCache.get(s);
  if (cached === undefined) {
    if (upperCache.size >= 256) upperCache.clear();
    upperCache.set(s, (cached = upper(s)));
  }
  return cached;
}

function upper(s: string): string {
  if (!NEEDS_CHECK.test(s)) return s.toUpperCase();
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    out += inRanges(cp, UPPER_NEWER_THAN_14) ? ch : ch.toUpperCase();
  }
  return out;
}
