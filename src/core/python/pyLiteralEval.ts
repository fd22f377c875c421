/**
 * Python's `ast.literal_eval(text)` for str sources: strings (with prefixes, escapes and implicit
 * concatenation), bytes, ints (`1_000`, `0x1F`), floats, complex, True/False/None, tuples, lists,
 * dicts, sets and `set()`, signed numbers and `a + bj`. Values come back in the pyValue model;
 * bytes, sets and complex numbers are opaque because only their failure to json.dumps matters.
 */
import { LiteralFail, tokenizeLiteral, type PyLiteralToken } from "./pyLiteralTokens";
import { PyDict, PyFloat, PyOpaque, PyTuple, pyKind } from "./pyValue";

/** What the AST node was, as far as literal_eval's sign and complex rules care. */
type NodeKind = "number" | "complex" | "signed" | "other";

interface Parsed {
  value: unknown;
  kind: NodeKind;
}

function negate(v: unknown): unknown {
  if (v instanceof PyOpaque) return v;
  if (v instanceof PyFloat) return new PyFloat(-v.value);
  if (typeof v === "bigint") return -v;
  const n = v as number;
  return n === 0 ? 0 : -n;
}

class LiteralParser {
  private pos = 0;
  /** Set by an unhashable dict key or set item: Python's TypeError, raised once the text parses. */
  unhashable = false;

  constructor(private readonly tokens: PyLiteralToken[]) {}

  private peek(): PyLiteralToken | undefined {
    return this.tokens[this.pos];
  }

  private isOp(value: string): boolean {
    const tok = this.peek();
    return tok !== undefined && tok.t === "op" && tok.value === value;
  }

  private expectOp(value: string): void {
    if (!this.isOp(value)) throw new LiteralFail(`expected ${value}`);
    this.pos++;
  }

  private atClose(): boolean {
    const tok = this.peek();
    return tok === undefined || (tok.t === "op" && ")]}".includes(tok.value));
  }

  /** `a, b, c` (a tuple when any comma appears) or a single expression. */
  parseExprList(): Parsed {
    const first = this.parseExpr();
    if (!this.isOp(",")) return first;
    const items = [first.value];
    while (this.isOp(",")) {
      this.pos++;
      if (this.atClose()) break;
      items.push(this.parseExpr().value);
    }
    return { value: new PyTuple(items), kind: "other" };
  }

  parseExpr(): Parsed {
    let left: Parsed;
    if (this.isOp("+") || this.isOp("-")) {
      const minus = this.isOp("-");
      this.pos++;
      const operand = this.parsePrimary();
      if (operand.kind !== "number" && operand.kind !== "complex") throw new LiteralFail("sign");
      left = { value: minus ? negate(operand.value) : operand.value, kind: "signed" };
      if (operand.kind === "complex") left = { value: left.value, kind: "other" };
    } else {
      left = this.parsePrimary();
    }
    if (this.isOp("+") || this.isOp("-")) {
      this.pos++;
      const right = this.parsePrimary();
      const realLeft = left.kind === "number" || left.kind === "signed";
      if (!realLeft || right.kind !== "complex") throw new LiteralFail("binop");
      left = { value: new PyOpaque("complex", "complex", true), kind: "other" };
      if (this.isOp("+") || this.isOp("-")) throw new LiteralFail("binop chain");
    }
    return left;
  }

  private parseSequence(close: string): unknown[] {
    const items: unknown[] = [];
    while (!this.isOp(close)) {
      items.push(this.parseExpr().value);
      if (this.isOp(close)) break;
      this.expectOp(",");
    }
    this.pos++;
    return items;
  }

  /** `{}` / `{k: v, …}` / `{a, b}` after the opening brace. */
  private parseBrace(): Parsed {
    if (this.isOp("}")) {
      this.pos++;
      return { value: new PyDict(), kind: "other" };
    }
    const first = this.parseExpr().value;
    if (this.isOp(":")) {
      const dict = new PyDict();
      let key = first;
      for (;;) {
        this.expectOp(":");
        const value = this.parseExpr().value;
        if (isHashable(key)) dict.set(key, value);
        else this.unhashable = true;
        if (this.isOp("}")) break;
        this.expectOp(",");
        if (this.isOp("}")) break;
        key = this.parseExpr().value;
      }
      this.pos++;
      return { value: dict, kind: "other" };
    }
    const items = [first];
    for (;;) {
      if (this.isOp("}")) break;
      this.expectOp(",");
      if (this.isOp("}")) break;
      items.push(this.parseExpr().value);
    }
    this.pos++;
    if (!items.every(isHashable)) this.unhashable = true;
    return { value: new PyOpaque("set", "set()", true), kind: "other" };
  }

  parsePrimary(): Parsed {
    const tok = this.peek();
    if (tok === undefined) throw new LiteralFail("unexpected end");
    this.pos++;
    switch (tok.t) {
      case "num":
        return { value: tok.value, kind: tok.complex ? "complex" : "number" };
      case "str": {
        let text = tok.value;
        for (let next = this.peek(); next?.t === "str"; next = this.peek()) {
          if (next.bytes !== tok.bytes) throw new LiteralFail("mixing bytes and str");
          text += next.value;
          this.pos++;
        }
        if (tok.bytes) return { value: new PyOpaque("bytes", "b''", text.length > 0), kind: "other" };
        return { value: text, kind: "other" };
      }
      case "name":
        if (tok.value === "True") return { value: true, kind: "other" };
        if (tok.value === "False") return { value: false, kind: "other" };
        if (tok.value === "None") return { value: null, kind: "other" };
        if (tok.value === "set" && this.isOp("(")) {
          this.pos++;
          this.expectOp(")");
          return { value: new PyOpaque("set", "set()", false), kind: "other" };
        }
        throw new LiteralFail(`name ${tok.value}`);
      default:
        break;
    }
    if (tok.value === "(") {
      if (this.isOp(")")) {
        this.pos++;
        return { value: new PyTuple([]), kind: "other" };
      }
      const inner = this.parseExprList();
      this.expectOp(")");
      return inner;
    }
    if (tok.value === "[") return { value: this.parseSequence("]"), kind: "other" };
    if (tok.value === "{") return this.parseBrace();
    throw new LiteralFail(`unexpected ${tok.value}`);
  }

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }
}

// What a literal (or a blank/comment line before it) can start with; a name must be one of these.
const LITERAL_START = /^[0-9.'"([{+\-#\n\r\\\f]/;
const LEADING_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const LITERAL_NAME = /^(?:True|False|None|set|[rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])$/;

/**
 * True when the text fails as a literal at its first token (prose, code, markup): Python raises
 * there whatever follows, so the whole text need not be tokenised.
 */
function cannotBeLiteral(text: string): boolean {
  if (text === "" || LITERAL_START.test(text)) return false;
  const name = LEADING_NAME.exec(text);
  return name === null || !LITERAL_NAME.test(name[0]);
}

function isHashable(v: unknown): boolean {
  const kind = pyKind(v);
  if (kind === "list" || kind === "dict") return false;
  if (v instanceof PyOpaque && v.typeName === "set") return false;
  return v instanceof PyTuple ? v.items.every(isHashable) : true;
}

/**
 * `ast.literal_eval(source)`; `{ ok: false }` wherever Python raises, with `typeError` set for the
 * one failure callers catching only ValueError/SyntaxError do not catch (an unhashable dict key or
 * set item in otherwise valid text).
 */
export function pyLiteralEval(source: string): { ok: true; value: unknown } | { ok: false; typeError?: true } {
  const text = source.replace(/^[ \t]+/, "");
  if (cannotBeLiteral(text)) return { ok: false };
  try {
    const tokens = tokenizeLiteral(text);
    if (tokens.length === 0) return { ok: false };
    const parser = new LiteralParser(tokens);
    const { value } = parser.parseExprList();
    if (!parser.atEnd()) return { ok: false };
    if (parser.unhashable) return { ok: false, typeError: true };
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}
