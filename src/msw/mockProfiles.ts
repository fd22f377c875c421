/**
 * Which PostHog the mock plays. The query schema (F-Q3) and the shape of trace rows change between
 * PostHog versions, and pydantic's `extra="forbid"` (F-Q2) turns every field a server does not know
 * into a 400 for the whole query, so a client must cope with more than the newest server.
 */

export interface MockServerProfile {
  /** A name for messages and stories. */
  name: string;
  /** Optional fields TracesQuery accepts besides the Node/DataNode ones. */
  tracesQueryFields: readonly string[];
  /** Optional fields TraceQuery accepts besides `traceId` and the Node/DataNode ones. */
  traceQueryFields: readonly string[];
  /**
   * What a trace row says about its person: the newest rows carry `distinctId` and no `person`
   * (posthog/hogql_queries/ai/utils.py TraceMapperMixin); older rows carry the `person` object.
   */
  traceRows: "distinct-id" | "person";
  /** Whether `/llm_analytics/sentiment/` (on-read sentiment) still exists; PostHog plans to remove it. */
  onReadSentiment: boolean;
  /** Whether the query endpoint knows TraceNeighborsQuery (newer/older navigation, newer servers only). @default false */
  traceNeighborsQuery?: boolean;
}

/**
 * F-Q3, frontend/src/queries/schema/schema-general.ts @0011b583 (the newest stored version):
 * TracesQuery has `includeSentiment` and no `searchTerm`; TraceQuery has `includeSentiment`.
 */
export const LATEST_PROFILE: MockServerProfile = {
  name: "latest",
  tracesQueryFields: [
    "dateRange", "limit", "offset", "filterTestAccounts", "filterSupportTraces", "showColumnConfigurator",
    "properties", "personId", "groupKey", "groupTypeIndex", "includeSentiment", "randomOrder",
  ],
  traceQueryFields: ["dateRange", "includeSentiment", "properties"],
  traceRows: "distinct-id",
  onReadSentiment: true,
  traceNeighborsQuery: true,
};

/**
 * An older PostHog whose TracesQuery/TraceQuery predate `includeSentiment` ("includeSentiment is
 * recent", F-Q3) and that never had `searchTerm`, with `person` objects on trace rows. It still
 * rejects both fields with pydantic's extra_forbidden 400.
 */
export const LEGACY_PROFILE: MockServerProfile = {
  name: "legacy",
  tracesQueryFields: ["dateRange", "limit", "offset", "filterTestAccounts", "filterSupportTraces", "properties", "personId", "groupKey", "groupTypeIndex"],
  traceQueryFields: ["dateRange", "properties"],
  traceRows: "person",
  onReadSentiment: true,
};

export const MOCK_PROFILES = { latest: LATEST_PROFILE, legacy: LEGACY_PROFILE } as const;

export type MockProfileName = keyof typeof MOCK_PROFILES;

/** A profile by name, or a custom one (e.g. a server behind a flag that accepts `searchTerm`). */
export function resolveProfile(profile: MockProfileName | MockServerProfile | undefined): MockServerProfile {
  if (profile === undefined) return LATEST_PROFILE;
  return typeof profile === "string" ? MOCK_PROFILES[profile] : profile;
}
