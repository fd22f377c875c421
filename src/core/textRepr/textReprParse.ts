/**
 * `parseTextRepr`: split a text_repr text into numbered lines of plain and marker segments.
 *
 * Built for untrusted input: it never throws, runs in linear time per line (each `>>>` and
 * `|` is located once, markers are validated from their end), and any marker that does not
 * decode cleanly (bad base64, invalid UTF-8, missing `>>>`) is left as plain text.
 */
import { base64DecodeUtf8 } from "./textReprBase64";
import type {
  ParseTextReprOptions,
  TextReprLine,
  TextReprMarkerSegment,
  TextReprSegment,
} from "./textReprSegments";

const TRUNCATED = "<<<TRUNCATED|";
const TOOLS = "<<<TOOLS_EXPANDABLE|";
const GEN = "<<<GEN_EXPANDABLE|";
const LINK = "<<<EVENT_LINK|";
const MAX_COUNT_DIGITS = 15;
const MAX_LINK_TAG = 64;

function isBase64Char(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ||
    code === 43 || code === 47 || code === 61
  );
}

/** A `>>>` in the line, with the last `|` before it and the base64-looking runs before both. */
interface MarkerEnd {
  at: number;
  lastPipe: number;
  /** Start of the base64-character run that ends at `at`. */
  runStart: number;
  /** Start of the base64-character run that ends at `lastPipe`. */
  pipeRunStart: number;
}

/** One forward pass; every later check on a marker is then O(1) plus decoding. */
function findMarkerEnds(line: string): MarkerEnd[] {
  const ends: MarkerEnd[] = [];
  let lastPipe = -1;
  let pipeRunStart = 0;
  let runStart = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 62 && line.charCodeAt(i + 1) === 62 && line.charCodeAt(i + 2) === 62) {
      ends.push({ at: i, lastPipe, runStart, pipeRunStart });
    }
    if (code === 124) {
      lastPipe = i;
      pipeRunStart = runStart;
    }
    if (!isBase64Char(code)) runStart = i + 1;
  }
  return ends;
}

interface Match {
  segment: TextReprMarkerSegment;
  end: number;
}

class LineScanner {
  private readonly ends: MarkerEnd[];
  private readonly payloads = new Map<number, string | null>();
  private pipeFrom = -1;
  private pipeAt = -1;
  private genExhausted = false;

  constructor(private readonly line: string) {
    this.ends = findMarkerEnds(line);
  }

  /** Index of the first `>>>` at or after `from` (binary search). */
  private firstEndIndex(from: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid] as MarkerEnd).at < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private nextPipe(from: number): number {
    if (from > this.pipeAt || from < this.pipeFrom) {
      this.pipeFrom = from;
      this.pipeAt = this.line.indexOf("|", from);
      if (this.pipeAt < 0) this.pipeAt = Number.MAX_SAFE_INTEGER;
    }
    return this.pipeAt;
  }

  /** The decoded payload between an end's last pipe and the end, decoded once per end. */
  private tailPayload(end: MarkerEnd): string | null {
    let decoded = this.payloads.get(end.at);
    if (decoded === undefined) {
      decoded = base64DecodeUtf8(this.line.slice(end.lastPipe + 1, end.at));
      this.payloads.set(end.at, decoded);
    }
    return decoded;
  }

  matchAt(p: number): Match | null {
    const line = this.line;
    if (line.startsWith(TRUNCATED, p)) return this.truncated(p, p + TRUNCATED.length);
    if (line.startsWith(TOOLS, p)) return this.tools(p, p + TOOLS.length);
    if (line.startsWith(LINK, p)) return this.link(p, p + LINK.length);
    if (line.startsWith(GEN, p) && !this.genExhausted) return this.gen(p, p + GEN.length);
    return null;
  }

  private truncated(p: number, body: number): Match | null {
    const end = this.ends[this.firstEndIndex(body)];
    // The base64 must fill everything between the prefix and the count's pipe.
    if (!end || end.lastPipe < body || end.pipeRunStart !== body) return null;
    if (end.at - end.lastPipe - 1 > MAX_COUNT_DIGITS) return null;
    const count = this.line.slice(end.lastPipe + 1, end.at);
    if (!/^\d+$/.test(count)) return null;
    const content = base64DecodeUtf8(this.line.slice(body, end.lastPipe));
    if (content === null) return null;
    const raw = this.line.slice(p, end.at + 3);
    return { end: end.at + 3, segment: { kind: "truncated", content, omittedChars: Number(count), raw } };
  }

  private tools(p: number, body: number): Match | null {
    const end = this.ends[this.firstEndIndex(body)];
    if (!end || end.lastPipe < body || end.runStart !== end.lastPipe + 1) return null;
    const content = this.tailPayload(end);
    if (content === null) return null;
    const label = this.line.slice(body, end.lastPipe);
    const count = /^AVAILABLE TOOLS: (\d+)$/.exec(label)?.[1];
    const raw = this.line.slice(p, end.at + 3);
    return {
      end: end.at + 3,
      segment: { kind: "toolsExpandable", label, toolCount: count === undefined ? null : Number(count), content, raw },
    };
  }

  private link(p: number, body: number): Match | null {
    const end = this.ends[this.firstEndIndex(body)];
    if (!end || end.lastPipe < body || end.at - end.lastPipe - 1 > MAX_LINK_TAG) return null;
    const label = this.line.slice(end.lastPipe + 1, end.at);
    const eventId = this.line.slice(body, end.lastPipe);
    return { end: end.at + 3, segment: { kind: "eventLink", eventId, label, raw: this.line.slice(p, end.at + 3) } };
  }

  private gen(p: number, body: number): Match | null {
    const idEnd = this.nextPipe(body);
    for (let k = this.firstEndIndex(body); k < this.ends.length; k++) {
      const end = this.ends[k] as MarkerEnd;
      if (end.lastPipe <= idEnd || end.runStart !== end.lastPipe + 1) continue;
      const content = this.tailPayload(end);
      if (content === null) continue;
      const label = this.line.slice(idEnd + 1, end.lastPipe);
      const tag = /^\[[^\]]*\]/.exec(label)?.[0] ?? null;
      const summary = tag === null ? label : label.slice(tag.length).replace(/^ /, "");
      return {
        end: end.at + 3,
        segment: {
          kind: "genExpandable",
          eventId: this.line.slice(body, idEnd),
          label,
          tag,
          summary,
          content,
          raw: this.line.slice(p, end.at + 3),
        },
      };
    }
    // No later GEN marker on this line can end validly either, so stop looking.
    this.genExhausted = true;
    return null;
  }
}

function parseSegments(line: string): TextReprSegment[] {
  const segments: TextReprSegment[] = [];
  if (line.length === 0) return segments;
  let open = line.indexOf("<<<");
  if (open < 0) return [{ kind: "text", text: line }];
  const scanner = new LineScanner(line);
  let textStart = 0;
  while (open >= 0) {
    const match = scanner.matchAt(open);
    if (match) {
      if (open > textStart) segments.push({ kind: "text", text: line.slice(textStart, open) });
      segments.push(match.segment);
      textStart = match.end;
      open = line.indexOf("<<<", match.end);
    } else {
      open = line.indexOf("<<<", open + 1);
    }
  }
  if (textStart < line.length) segments.push({ kind: "text", text: line.slice(textStart) });
  return segments;
}

/** Width of the line numbers when the first line is numbered `L1: `, `L01: `…, else null. */
function detectNumberWidth(firstLine: string): number | null {
  const m = /^L(0*1): /.exec(firstLine);
  return m ? (m[1] as string).length : null;
}

/**
 * Split a text_repr text into lines of plain and marker segments (see `TextReprLine`).
 * Never throws; markers that cannot be decoded stay plain text.
 */
export function parseTextRepr(text: string, options: ParseTextReprOptions = {}): TextReprLine[] {
  const source = typeof text === "string" ? text : "";
  const lines = source.split("\n");
  const mode = options?.lineNumbers ?? "auto";
  let prefix: RegExp | null = null;
  if (mode !== false) {
    const width = detectNumberWidth(lines[0] ?? "");
    if (width !== null) prefix = new RegExp(`^L(\\d{${width}}): `);
    else if (mode === true) prefix = /^L(\d+): /;
  }
  return lines.map((line, index) => {
    const m = prefix?.exec(line);
    const body = m ? line.slice(m[0].length) : line;
    return { index, lineNumber: m ? Number(m[1]) : null, text: body, segments: parseSegments(body) };
  });
}
