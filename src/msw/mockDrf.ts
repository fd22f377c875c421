/**
 * Django REST Framework field semantics, as PostHog's llm_analytics serializers get them. Written
 * from the facts in shared/spec/posthog-contract.md (F-D1 … F-D4), not from the client: the mock
 * must refuse what DRF refuses and accept what it accepts, whatever tracelens happens to send.
 */

/** A DRF error body: field → messages (or a nested dict for nested serializers and list items). */
export type DrfErrors = Record<string, unknown>;

export type FieldSpec =
  | { kind: "char"; required?: boolean; allowNull?: boolean; allowBlank?: boolean; default?: unknown }
  | { kind: "boolean"; required?: boolean; allowNull?: boolean; default?: unknown }
  | { kind: "choice"; choices: readonly string[]; required?: boolean; allowNull?: boolean; default?: unknown }
  | { kind: "integer"; required?: boolean; allowNull?: boolean; default?: unknown }
  | { kind: "uuid"; required?: boolean; allowNull?: boolean; default?: unknown }
  | { kind: "json"; required?: boolean; allowNull?: boolean; default?: unknown }
  | { kind: "list"; child: FieldSpec; minLength?: number; maxLength?: number; required?: boolean; allowNull?: boolean; default?: unknown }
  | { kind: "nested"; fields: SerializerSpec; required?: boolean; allowNull?: boolean; default?: unknown };

export type SerializerSpec = Readonly<Record<string, FieldSpec>>;

export type DrfResult = { ok: true; data: Record<string, unknown> } | { ok: false; errors: DrfErrors };

/** Python's `type(x).__name__` for a JSON value, as DRF puts it in messages. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (Array.isArray(value)) return "list";
  if (typeof value === "string") return "str";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return "dict";
}

/** Python's `str(x)` of a JSON scalar, as DRF quotes it in "is not a valid choice" messages. */
function pyStr(value: unknown): string {
  if (value === true) return "True";
  if (value === false) return "False";
  if (value === null || value === undefined) return "None";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// F-D4: BooleanField.TRUE_VALUES / FALSE_VALUES (strings compared case-insensitively here, as DRF
// lists every case variant of them).
const TRUE_TEXT = new Set(["t", "y", "yes", "true", "on", "1"]);
const FALSE_TEXT = new Set(["f", "n", "no", "false", "off", "0"]);

type Outcome = { value: unknown } | { error: unknown };

function fieldValue(spec: FieldSpec, value: unknown): Outcome {
  switch (spec.kind) {
    case "char": {
      // F-D4: CharField takes str/int/float (never bool, list, dict), trims, refuses blank.
      if (typeof value === "boolean" || !(typeof value === "string" || typeof value === "number")) return { error: ["Not a valid string."] };
      const text = String(value).trim();
      if (text === "" && !spec.allowBlank) return { error: ["This field may not be blank."] };
      return { value: text };
    }
    case "boolean": {
      if (value === true || value === 1) return { value: true };
      if (value === false || value === 0) return { value: false };
      if (typeof value === "string" && TRUE_TEXT.has(value.toLowerCase())) return { value: true };
      if (typeof value === "string" && FALSE_TEXT.has(value.toLowerCase())) return { value: false };
      return { error: ["Must be a valid boolean."] };
    }
    case "choice": {
      // F-D4: `str(value)` must be one of the choices (so `true` is "True", never "true").
      if (isDict(value) || Array.isArray(value) || !spec.choices.includes(pyStr(value))) return { error: [`"${pyStr(value)}" is not a valid choice.`] };
      return { value: pyStr(value) };
    }
    case "integer": {
      // F-D4: an int, or a numeric string whose decimals are all zero ("5", "5.0").
      const text = typeof value === "number" || typeof value === "string" ? String(value).replace(/\.0*\s*$/, "") : null;
      if (typeof value === "boolean" || text === null || !/^\s*[+-]?\d+\s*$/.test(text)) return { error: ["A valid integer is required."] };
      return { value: Number.parseInt(text, 10) };
    }
    case "uuid": {
      // F-D4: 32 hex digits once hyphens, braces and a "urn:uuid:" prefix are removed.
      if (typeof value !== "string") return { error: ["Must be a valid UUID."] };
      const hex = value.replace(/^urn:/i, "").replace(/^uuid:/i, "").replace(/[{}-]/g, "");
      if (!/^[0-9a-f]{32}$/i.test(hex)) return { error: ["Must be a valid UUID."] };
      const h = hex.toLowerCase();
      return { value: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}` };
    }
    case "json":
      return { value };
    case "list": {
      // F-D4: ListField: a list (a str or a dict is not one), items checked by the child field,
      // then the length validators.
      if (!Array.isArray(value)) return { error: [`Expected a list of items but got type "${pyTypeName(value)}".`] };
      const items: unknown[] = [];
      const itemErrors: Record<string, unknown> = {};
      value.forEach((item, index) => {
        const outcome = item === null ? (spec.child.allowNull ? { value: null } : { error: ["This field may not be null."] }) : fieldValue(spec.child, item);
        if ("error" in outcome) itemErrors[String(index)] = outcome.error;
        else items.push(outcome.value);
      });
      if (Object.keys(itemErrors).length > 0) return { error: itemErrors };
      if (spec.minLength !== undefined && items.length < spec.minLength) return { error: [`Ensure this field has at least ${spec.minLength} elements.`] };
      if (spec.maxLength !== undefined && items.length > spec.maxLength) return { error: [`Ensure this field has no more than ${spec.maxLength} elements.`] };
      return { value: items };
    }
    case "nested": {
      const nested = runSerializer(spec.fields, value);
      return nested.ok ? { value: nested.data } : { error: nested.errors };
    }
  }
}

/**
 * Runs a serializer over a request body: every declared field at once (DRF reports them all), unknown
 * keys silently ignored (F-D1), missing fields required or defaulted, `null` refused unless allowed
 * (F-D3). A body that is not a dict is refused whole (F-D2).
 */
export function runSerializer(spec: SerializerSpec, body: unknown): DrfResult {
  if (!isDict(body)) return { ok: false, errors: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${pyTypeName(body)}.`] } };
  const data: Record<string, unknown> = {};
  const errors: DrfErrors = {};
  for (const [name, field] of Object.entries(spec)) {
    const present = Object.prototype.hasOwnProperty.call(body, name) && body[name] !== undefined;
    if (!present) {
      if (field.required) errors[name] = ["This field is required."];
      else if (field.default !== undefined) data[name] = field.default;
      continue;
    }
    const value = body[name];
    if (value === null) {
      if (field.allowNull) data[name] = null;
      else errors[name] = ["This field may not be null."];
      continue;
    }
    const outcome = fieldValue(field, value);
    if ("error" in outcome) errors[name] = outcome.error;
    else data[name] = outcome.value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data };
}

/** Python truthiness of a validated value, as the views' `if data and trace_id:` tests it. */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) return Object.keys(value).length > 0;
  return true;
}
