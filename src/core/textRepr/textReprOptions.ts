/**
 * text_repr options as PostHog reads them, in its two layers: the request serializer (Django REST
 * framework's IntegerField / BooleanField, products/ai_observability/backend/api/text_repr.py, F-T1
 * and F-D4 in the contract) turns `"5"` into 5 and `"off"` into false or answers 400; then the
 * formatters apply their defaults to whatever keys were sent.
 */
import { pyParseInt } from "../python/pyInt";
import { pyLen } from "../python/pyText";
import { TEXT_REPR_DEFAULTS, type ResolvedTextReprOptions, type TextReprJson } from "./textReprTypes";

const INTEGER_OPTIONS = new Set(["max_length", "truncate_buffer", "max_depth", "tools_collapse_threshold"]);
/** The serializer's declaration order, which is also the order DRF lists errors and fields in. */
const OPTION_FIELDS = [
  "max_length",
  "truncated",
  "truncate_buffer",
  "include_markers",
  "collapsed",
  "include_metadata",
  "include_hierarchy",
  "max_depth",
  "tools_collapse_threshold",
  "include_line_numbers",
] as const;

/** Options after the serializer: ints and bools only, unknown keys gone, absent keys absent. */
export type ValidatedTextReprOptions = Partial<Record<(typeof OPTION_FIELDS)[number], number | boolean>>;

export type TextReprOptionsCheck =
  | { ok: true; options: ValidatedTextReprOptions }
  | { ok: false; errors: { options: TextReprJson } };

// DRF's BooleanField.TRUE_VALUES / FALSE_VALUES (1.0 and 0.0 match as numbers, like Python's set lookup).
const TRUE_TEXT = new Set(["t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1"]);
const FALSE_TEXT = new Set(["f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0"]);

/** DRF IntegerField's longest accepted string. */
const MAX_INTEGER_TEXT = 1000;
/** Trailing `.000` and spaces, which IntegerField strips before `int()` (its `re_decimal`). */
const DECIMAL_TAIL = /\.0*[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** How a JS number travels in a JSON body: integral below 1e21 is an int, anything else a float. */
function isWireInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < 1e21;
}

function wireTypeName(v: unknown): string {
  if (Array.isArray(v)) return "list";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return isWireInt(v) ? "int" : "float";
  if (typeof v === "bigint") return "int";
  return "dict";
}

type FieldResult = { value: number | boolean; exact?: bigint } | { error: string };

function integerField(raw: unknown): FieldResult {
  const invalid = { error: "A valid integer is required." };
  if (typeof raw === "bigint") return { value: Number(raw), exact: raw };
  if (typeof raw === "number") return isWireInt(raw) ? { value: raw === 0 ? 0 : raw, exact: BigInt(raw) } : invalid;
  if (typeof raw !== "string") return invalid; // str(True), str([5]), str({...}) are no ints
  if (pyLen(raw) > MAX_INTEGER_TEXT) return { error: "String value too large." };
  const n = pyParseInt(raw.replace(DECIMAL_TAIL, ""));
  return n === null ? invalid : { value: Number(n), exact: n };
}

function booleanField(raw: unknown): FieldResult {
  if (raw === true || raw === 1 || (typeof raw === "string" && TRUE_TEXT.has(raw))) return { value: true };
  if (raw === false || raw === 0 || (typeof raw === "string" && FALSE_TEXT.has(raw))) return { value: false };
  return { error: "Must be a valid boolean." };
}

/** The serializer's result, plus `truncate_buffer` as an exact int (Python prints `len - buffer` exactly). */
type OptionsCheckExact = TextReprOptionsCheck & { truncateBufferExact?: bigint };

/**
 * PostHog's `TextReprOptionsSerializer` on the request's `options`: the coerced options, or the
 * 400 body DRF answers (`{"options": {"max_length": ["A valid integer is required."]}}`).
 * A key holding `undefined` counts as absent, as it is once the body is JSON.
 */
export function validateTextReprOptions(raw: unknown): TextReprOptionsCheck {
  const checked = checkOptions(raw);
  return checked.ok ? { ok: true, options: checked.options } : { ok: false, errors: checked.errors };
}

function checkOptions(raw: unknown): OptionsCheckExact {
  if (raw === null) return { ok: false, errors: { options: ["This field may not be null."] } };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    const message = `Invalid data. Expected a dictionary, but got ${wireTypeName(raw)}.`;
    return { ok: false, errors: { options: { non_field_errors: [message] } } };
  }
  const source = raw as Record<string, unknown>;
  const options: ValidatedTextReprOptions = {};
  const errors: Record<string, string[]> = {};
  let truncateBufferExact: bigint | undefined;
  for (const field of OPTION_FIELDS) {
    if (!Object.hasOwn(source, field) || source[field] === undefined) continue;
    const value = source[field];
    let result: FieldResult;
    if (value === null) result = { error: "This field may not be null." };
    else result = INTEGER_OPTIONS.has(field) ? integerField(value) : booleanField(value);
    if ("error" in result) errors[field] = [result.error];
    else {
      options[field] = result.value;
      if (field === "truncate_buffer") truncateBufferExact = result.exact;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors: { options: errors } };
  return { ok: true, options, truncateBufferExact };
}

/**
 * The formatters' view of validated options: `options.get(key, default)` for each. (`max_length`
 * 0 keeps its meaning, "no limit", for the callers that sample.)
 */
function resolveValidatedOptions(o: ValidatedTextReprOptions, truncateBufferExact?: bigint): ResolvedTextReprOptions {
  const d = TEXT_REPR_DEFAULTS;
  const int = (v: number | boolean | undefined, fallback: number) => (typeof v === "number" ? v : fallback);
  const bool = (v: number | boolean | undefined, fallback: boolean) => (typeof v === "boolean" ? v : fallback);
  const truncateBuffer = int(o.truncate_buffer, d.truncateBuffer);
  return {
    maxLength: int(o.max_length, d.maxLength),
    truncated: bool(o.truncated, d.truncated),
    truncateBuffer,
    truncateBufferExact: truncateBufferExact ?? BigInt(truncateBuffer),
    includeMarkers: bool(o.include_markers, d.includeMarkers),
    collapsed: bool(o.collapsed, d.collapsed),
    includeLineNumbers: bool(o.include_line_numbers, d.includeLineNumbers),
    toolsCollapseThreshold: int(o.tools_collapse_threshold, d.toolsCollapseThreshold),
  };
}

/**
 * Both layers: the serializer's 400 body, or the options the formatters use. `undefined` means no
 * `options` key in the request (the defaults).
 */
export function checkTextReprOptions(
  raw: unknown,
): { ok: true; resolved: ResolvedTextReprOptions } | { ok: false; errors: { options: TextReprJson } } {
  if (raw === undefined) return { ok: true, resolved: resolveValidatedOptions({}) };
  const checked = checkOptions(raw);
  if (!checked.ok) return checked;
  return { ok: true, resolved: resolveValidatedOptions(checked.options, checked.truncateBufferExact) };
}

/** The formatters' options for options already known to be valid (anything invalid takes its default). */
export function resolveTextReprOptions(options: unknown): ResolvedTextReprOptions {
  const checked = checkOptions(options ?? {});
  return resolveValidatedOptions(checked.ok ? checked.options : {}, checked.truncateBufferExact);
}
