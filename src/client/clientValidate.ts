/**
 * Request validation in PostHog's words (DRF serializer messages, posthog-api.md §0.4), shared by
 * the local client and the mock backend so both refuse what PostHog refuses, with its 400 bodies.
 */
import { ApiError } from "./clientErrors";

export type FieldErrors = Record<string, unknown>;

/** A 400 ApiError whose body is exactly what PostHog would send. */
export function badRequest(body: unknown, path = "local"): ApiError {
  return new ApiError({ kind: "http", status: 400, body, path });
}

function pyType(value: unknown): string {
  if (value === null) return "NoneType";
  if (Array.isArray(value)) return "list";
  if (typeof value === "string") return "str";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return "dict";
}

export const UUID_PATTERN = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Collects field errors; `throwIfAny` raises them as one 400, as DRF reports every field at once. */
export class FieldValidator {
  readonly errors: FieldErrors = {};
  constructor(readonly body: Record<string, unknown>) {}

  private fail(field: string, message: unknown): void {
    this.errors[field] = Array.isArray(message) || isDict(message) ? message : [message];
  }

  choice(field: string, choices: readonly string[], required = false): void {
    const value = this.body[field];
    if (value === undefined) {
      if (required) this.fail(field, "This field is required.");
      return;
    }
    if (typeof value !== "string" || !choices.includes(value)) this.fail(field, `"${String(value)}" is not a valid choice.`);
  }

  boolean(field: string): void {
    const value = this.body[field];
    if (value !== undefined && typeof value !== "boolean" && !["true", "false", 1, 0].includes(value as never)) {
      this.fail(field, "Must be a valid boolean.");
    }
  }

  /** A list of strings (optionally UUIDs) with DRF's length limits. */
  list(field: string, opts: { required?: boolean; min?: number; max?: number; uuid?: boolean; allowNull?: boolean }): void {
    const value = this.body[field];
    if (value === undefined || (value === null && opts.allowNull)) {
      if (opts.required) this.fail(field, "This field is required.");
      return;
    }
    if (value === null) return this.fail(field, "This field may not be null.");
    if (!Array.isArray(value)) return this.fail(field, `Expected a list of items but got type "${pyType(value)}".`);
    if (opts.min !== undefined && value.length < opts.min) {
      return this.fail(field, opts.min === 1 ? "This list may not be empty." : `Ensure this field has at least ${opts.min} elements.`);
    }
    if (opts.max !== undefined && value.length > opts.max) return this.fail(field, `Ensure this field has no more than ${opts.max} elements.`);
    const itemErrors: Record<string, string[]> = {};
    value.forEach((item, i) => {
      if (typeof item !== "string" && typeof item !== "number") itemErrors[i] = ["Not a valid string."];
      else if (opts.uuid && !UUID_PATTERN.test(String(item))) itemErrors[i] = ["Must be a valid UUID."];
    });
    if (Object.keys(itemErrors).length > 0) this.fail(field, itemErrors);
  }

  uuid(field: string, required = true): void {
    const value = this.body[field];
    if (value === undefined || value === null) {
      if (required) this.fail(field, value === null ? "This field may not be null." : "This field is required.");
      return;
    }
    if (typeof value !== "string" || !UUID_PATTERN.test(value)) this.fail(field, "Must be a valid UUID.");
  }

  dict(field: string, required: boolean): void {
    const value = this.body[field];
    if (value === undefined) {
      if (required) this.fail(field, "This field is required.");
      return;
    }
    if (!isDict(value)) this.fail(field, `Expected a dictionary of items but got type "${pyType(value)}".`);
  }

  throwIfAny(path?: string): void {
    if (Object.keys(this.errors).length > 0) throw badRequest(this.errors, path);
  }
}

/** The body as a dict, or DRF's "non_field_errors" 400 for anything else. */
export function requireDict(body: unknown, path?: string): Record<string, unknown> {
  if (isDict(body)) return body;
  throw badRequest({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${pyType(body)}.`] }, path);
}

const MODES = ["minimal", "detailed"] as const;

/** Serializer-level checks of a summarization request (posthog-api.md §3.1). */
export function validateSummarizationBody(input: unknown, path?: string): Record<string, unknown> {
  const body = requireDict(input, path);
  const v = new FieldValidator(body);
  v.choice("mode", MODES);
  v.choice("summarize_type", ["trace", "event"]);
  v.boolean("force_refresh");
  v.dict("data", false);
  v.throwIfAny(path);
  const has = (key: string) => body[key] !== undefined && body[key] !== null && body[key] !== "";
  const ids = (has("trace_id") ? 1 : 0) + (has("generation_id") ? 1 : 0);
  let problem: string | null = null;
  if (ids === 2) problem = "Provide either trace_id or generation_id, not both.";
  else if (has("data") && ids > 0) problem = "Provide either 'data' or a trace_id/generation_id, not both.";
  else if (!has("data") && ids === 0) problem = "Provide either 'data' or a trace_id/generation_id.";
  else if (has("data") && !has("summarize_type")) problem = "summarize_type is required when providing data.";
  if (problem) throw badRequest({ non_field_errors: [problem] }, path);
  return body;
}

/** Serializer-level checks of an evaluation_summary request (posthog-api.md §4.1). */
export function validateEvaluationSummaryBody(input: unknown, path?: string): Record<string, unknown> {
  const body = requireDict(input, path);
  const v = new FieldValidator(body);
  v.uuid("evaluation_id");
  v.choice("filter", ["all", "pass", "fail", "na"]);
  v.list("generation_ids", { max: 250, uuid: true, allowNull: true });
  v.boolean("force_refresh");
  v.throwIfAny(path);
  return body;
}

/** Checks of a text_repr request (posthog-api.md §2.1; "$ai_evaluation" is not a choice, posthog-contract.md F-T1). */
export function validateTextReprBody(input: unknown, path?: string): Record<string, unknown> {
  const body = requireDict(input, path);
  const v = new FieldValidator(body);
  v.choice("event_type", ["$ai_generation", "$ai_span", "$ai_embedding", "$ai_trace"], true);
  v.dict("data", true);
  v.dict("options", false);
  v.throwIfAny(path);
  return body;
}
