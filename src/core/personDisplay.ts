/**
 * Persons as the explore screens show them: a display name, email, initials and the filter that keeps
 * only their traces. The name comes from person properties in PostHog's order (email, name, username in
 * their spellings), else a host-given name, else the distinct id. Person data is untrusted text: it is
 * returned as plain strings, never markup.
 */
import { isPropertyBag } from "./eventsAccess";
import type { LLMTrace, QueryPropertyFilter } from "./eventsTrace";
import type { TraceFilterState } from "./traceFilterState";

/** PostHog's PERSON_DEFAULT_DISPLAY_NAME_PROPERTIES, in its order. */
export const PERSON_DISPLAY_NAME_PROPERTIES = ["email", "Email", "name", "Name", "username", "Username", "UserName"] as const;

/** Person properties that may hold a picture's address, in the order they are read. */
export const PERSON_AVATAR_PROPERTIES = ["$avatar", "avatar", "avatar_url", "picture"] as const;

export interface PersonLike {
  uuid?: string | null;
  distinct_id?: string | null;
  properties?: Record<string, unknown> | null;
}

export interface PersonDisplay {
  /** What to show: a name or email from the properties, a host-given name, or the distinct id. */
  label: string;
  /** Where `label` came from. */
  labelFrom: "property" | "host" | "distinct-id" | "none";
  email: string | null;
  distinctId: string | null;
  uuid: string | null;
  /** One or two letters for an avatar ("JD", "A"), or "?" when there is nothing to take them from. */
  initials: string;
  /** A stable 0–359 hue for the avatar, from the distinct id (or label). */
  hue: number;
  /** A picture's address from the properties, unchecked: only the media policy decides whether it loads. */
  avatarUrl: string | null;
}

function text(value: unknown, max = 200): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return trimmed === "" ? null : trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

function initialsOf(label: string, fromEmail: boolean): string {
  const base = fromEmail ? label.split("@")[0]! : label;
  const words = base.split(/[\s._\-+]+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const first = (word: string) => [...word].find((ch) => /[\p{L}\p{N}]/u.test(ch)) ?? "";
  if (words.length === 0) return "?";
  const letters = words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words[words.length - 1]!);
  return letters.toUpperCase() || "?";
}

function hueOf(seed: string): number {
  let hash = 0;
  for (let i = 0; i < seed.length; i += 1) hash = (hash * 31 + seed.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}

/**
 * How to show a person. `hostName` is what a host resolver (the provider's `resolvePerson`) answered;
 * it is used only when the person properties name nobody.
 */
export function personDisplay(person: PersonLike | null | undefined, options: { distinctId?: string | null; hostName?: string | null } = {}): PersonDisplay {
  const properties = isPropertyBag(person?.properties) ? person!.properties! : {};
  const distinctId = text(options.distinctId) ?? text(person?.distinct_id);
  const email = text(properties.email) ?? text(properties.Email);
  let label: string | null = null;
  let labelFrom: PersonDisplay["labelFrom"] = "none";
  let fromEmail = false;
  for (const key of PERSON_DISPLAY_NAME_PROPERTIES) {
    const value = text(properties[key]);
    if (value) {
      label = value;
      labelFrom = "property";
      fromEmail = key === "email" || key === "Email";
      break;
    }
  }
  if (!label && text(options.hostName)) {
    label = text(options.hostName);
    labelFrom = "host";
  }
  if (!label && distinctId) {
    label = distinctId;
    labelFrom = "distinct-id";
  }
  const shown = label ?? "Anonymous";
  return {
    label: shown,
    labelFrom,
    email,
    distinctId,
    uuid: text(person?.uuid),
    initials: labelFrom === "none" ? "?" : labelFrom === "distinct-id" ? initialsOf(shown, false).slice(0, 1) : initialsOf(shown, fromEmail),
    hue: hueOf(distinctId ?? shown),
    avatarUrl: PERSON_AVATAR_PROPERTIES.map((key) => text(properties[key], 8192)).find((url) => url !== null) ?? null,
  };
}

/**
 * The distinct id a trace's events were captured with: the row's own, else its person's, else null. The one
 * rule for filters (local client and host data alike: `distinct_id is_set` fails without one), person
 * chips and explore, so they never disagree about who a trace belongs to.
 */
export function traceCapturedDistinctId(trace: LLMTrace): string | null {
  if (typeof trace?.distinctId === "string" && trace.distinctId) return trace.distinctId;
  const person = isPropertyBag(trace?.person) ? trace.person : null;
  return typeof person?.distinct_id === "string" && person.distinct_id ? person.distinct_id : null;
}

/** The person of a trace row (newest PostHog rows carry only `distinctId`). */
export function tracePerson(trace: LLMTrace): PersonLike & { distinct_id: string | null } {
  const person = isPropertyBag(trace?.person) ? (trace.person as PersonLike) : null;
  return { uuid: person?.uuid ?? null, distinct_id: traceCapturedDistinctId(trace), properties: isPropertyBag(person?.properties) ? person!.properties! : {} };
}

/**
 * The filter that keeps one person's traces, as PostHog's "Filter by <value>" button builds it: their
 * email if known, else their username, else their distinct id (a person filter on `distinct_id`, which
 * PostHog reads from the person's distinct ids). Null when there is nothing to filter on.
 */
export function personFilter(person: PersonLike | null | undefined, distinctId?: string | null): QueryPropertyFilter | null {
  const properties = isPropertyBag(person?.properties) ? person!.properties! : {};
  const email = text(properties.email, 10_000);
  if (email) return { type: "person", key: "email", operator: "exact", value: email };
  const username = text(properties.username, 10_000);
  if (username) return { type: "person", key: "username", operator: "exact", value: username };
  const id = text(distinctId, 10_000) ?? text(person?.distinct_id, 10_000);
  return id ? { type: "person", key: "distinct_id", operator: "exact", value: id } : null;
}

/** Whether two property filters ask the same thing (type, key, operator and value). */
export function samePropertyFilter(a: QueryPropertyFilter, b: QueryPropertyFilter): boolean {
  return (a.type ?? "event") === (b.type ?? "event") && a.key === b.key && (a.operator ?? "exact") === (b.operator ?? "exact") && JSON.stringify(a.value) === JSON.stringify(b.value);
}

/** Whether the state already filters to this person. */
export function isFilteredToPerson(state: Pick<TraceFilterState, "properties">, person: PersonLike | null | undefined, distinctId?: string | null): boolean {
  const filter = personFilter(person, distinctId);
  return filter !== null && state.properties.some((existing) => samePropertyFilter(existing, filter));
}

/**
 * "Filter to this person": the state with the person's filter added (unless an identical one is there),
 * or, with `toggle`, removed when it is there. Unchanged (same object) when there is nothing to filter on.
 */
export function filterToPerson<S extends Pick<TraceFilterState, "properties">>(state: S, person: PersonLike | null | undefined, options: { distinctId?: string | null; toggle?: boolean } = {}): S {
  const filter = personFilter(person, options.distinctId);
  if (!filter) return state;
  const present = state.properties.some((existing) => samePropertyFilter(existing, filter));
  if (present && !options.toggle) return state;
  return { ...state, properties: present ? state.properties.filter((existing) => !samePropertyFilter(existing, filter)) : [...state.properties, filter] };
}
