/**
 * Just enough of pydantic v2 (lax mode) to validate query bodies the way posthog/schema.py does:
 * every model forbids extra keys (F-Q2), optional fields accept null, and a failure becomes DRF's
 * ParseError "JSON parse error - <pydantic message>" (F-Q1, posthog/api/mixins.py).
 */

export type PyField =
  | { t: "str"; max?: number }
  | { t: "int" }
  | { t: "bool" }
  | { t: "dict" }
  | { t: "any" }
  | { t: "list"; item: PyField }
  | { t: "literal"; values: readonly string[] }
  | { t: "model"; model: PyModel }
  | { t: "custom"; check: (value: unknown, loc: Loc, errors: PyError[]) => void };

export interface PyModel {
  name: string;
  fields: Readonly<Record<string, { type: PyField; required?: boolean }>>;
}

export type Loc = ReadonlyArray<string | number>;

export interface PyError {
  loc: Loc;
  msg: string;
  type: string;
  input: unknown;
}

/** Python's repr of a JSON value, cut as pydantic cuts long inputs in its messages. */
export function pyRepr(value: unknown): string {
  const walk = (v: unknown): string => {
    if (v === null || v === undefined) return "None";
    if (v === true) return "True";
    if (v === false) return "False";
    if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
    if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
    if (Array.isArray(v)) return `[${v.map(walk).join(", ")}]`;
    return `{${Object.entries(v as Record<string, unknown>).map(([k, item]) => `${walk(k)}: ${walk(item)}`).join(", ")}}`;
  };
  const text = walk(value);
  return text.length > 100 ? `${text.slice(0, 48)}...${text.slice(-48)}` : text;
}

function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (Array.isArray(value)) return "list";
  if (typeof value === "string") return "str";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return "dict";
}

export function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const BOOL_TEXT = new Set(["0", "off", "f", "false", "n", "no", "1", "on", "t", "true", "y", "yes"]);

function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

/** Validates one value against a field type, collecting pydantic-style errors at `loc`. */
export function checkField(type: PyField, value: unknown, loc: Loc, errors: PyError[]): void {
  const fail = (msg: string, errorType: string): void => {
    errors.push({ loc, msg, type: errorType, input: value });
  };
  switch (type.t) {
    case "any":
      return;
    case "str":
      if (typeof value !== "string") return fail("Input should be a valid string", "string_type");
      if (type.max !== undefined && [...value].length > type.max) fail(`String should have at most ${type.max} characters`, "string_too_long");
      return;
    case "int":
      if (typeof value === "number" && Number.isInteger(value)) return;
      if (typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value)) return;
      if (typeof value === "number") return fail("Input should be a valid integer, got a number with a fractional part", "int_from_float");
      return fail("Input should be a valid integer", "int_type");
    case "bool":
      if (typeof value === "boolean" || value === 0 || value === 1) return;
      if (typeof value === "string" && BOOL_TEXT.has(value.toLowerCase())) return;
      return fail("Input should be a valid boolean", "bool_type");
    case "dict":
      if (!isDict(value)) fail("Input should be a valid dictionary", "dict_type");
      return;
    case "list":
      if (!Array.isArray(value)) return fail("Input should be a valid list", "list_type");
      value.forEach((item, i) => checkField(type.item, item, [...loc, i], errors));
      return;
    case "literal":
      if (typeof value !== "string" || !type.values.includes(value)) fail(`Input should be ${quoteList(type.values)}`, "literal_error");
      return;
    case "model":
      checkModel(type.model, value, loc, errors);
      return;
    case "custom":
      type.check(value, loc, errors);
      return;
  }
}

/** A model with `extra="forbid"`: unknown keys, missing required fields and wrong types all fail. */
export function checkModel(model: PyModel, value: unknown, loc: Loc, errors: PyError[]): void {
  if (!isDict(value)) {
    errors.push({ loc, msg: `Input should be a valid dictionary or instance of ${model.name}`, type: "model_type", input: value });
    return;
  }
  for (const [name, field] of Object.entries(model.fields)) {
    if (!Object.prototype.hasOwnProperty.call(value, name)) {
      if (field.required) errors.push({ loc: [...loc, name], msg: "Field required", type: "missing", input: value });
      continue;
    }
    const item = value[name];
    // F-Q2: optional fields are `X | None = None`, so null is fine for them.
    if (item === null && !field.required) continue;
    checkField(field.type, item, [...loc, name], errors);
  }
  for (const [name, item] of Object.entries(value)) {
    if (!Object.prototype.hasOwnProperty.call(model.fields, name)) {
      errors.push({ loc: [...loc, name], msg: "Extra inputs are not permitted", type: "extra_forbidden", input: item });
    }
  }
}

/** pydantic's `str(ValidationError)` for a model name and its errors. */
export function formatValidationError(title: string, errors: readonly PyError[]): string {
  const lines = [`${errors.length} validation error${errors.length === 1 ? "" : "s"} for ${title}`];
  for (const error of errors) {
    lines.push(error.loc.join("."));
    lines.push(`  ${error.msg} [type=${error.type}, input_value=${pyRepr(error.input)}, input_type=${pyTypeName(error.input)}]`);
  }
  return lines.join("\n");
}
