/**
 * Query kinds the explore screens send, modelled as posthog/schema.py models them (every model
 * `extra="forbid"`, F-Q2; fields from frontend/src/queries/schema/schema-general.ts, F-Q3):
 * HogQLQuery { query, filters?: HogQLFilters { properties?, dateRange?, filterTestAccounts? }, variables?,
 * values?, explain?, name? }, TrendsQuery (the fields tracelens and PostHog's errors tab use, plus the
 * other top-level ones), EventsNode, BreakdownFilter, and TraceNeighborsQuery { traceId, timestamp,
 * dateRange?, properties?, filterTestAccounts?, filterSupportTraces? } (trace_neighbors_query_runner.py reads
 * these) where the server profile has it.
 */
import type { MockServerProfile } from "./mockProfiles";
import type { PyField, PyModel } from "./mockPydantic";

export interface SchemaParts {
  dateRange: PyModel;
  propertyFilters: PyField;
  dataNode: (kind: string, own: PyModel["fields"]) => PyModel;
}

/** The kinds beyond TracesQuery/TraceQuery/EventsQuery, built from the shared parts (no import cycle). */
export function exploreQueryModels(profile: MockServerProfile, parts: SchemaParts): Record<string, PyModel> {
  const hogqlFilters: PyModel = {
    name: "HogQLFilters",
    fields: { properties: { type: parts.propertyFilters }, dateRange: { type: { t: "model", model: parts.dateRange } }, filterTestAccounts: { type: { t: "bool" } } },
  };
  const eventsNode: PyModel = parts.dataNode("EventsNode", {
    event: { type: { t: "str" } },
    name: { type: { t: "str" } },
    custom_name: { type: { t: "str" } },
    math: { type: { t: "str" } },
    math_property: { type: { t: "str" } },
    math_hogql: { type: { t: "str" } },
    math_group_type_index: { type: { t: "int" } },
    properties: { type: parts.propertyFilters },
    fixedProperties: { type: parts.propertyFilters },
    limit: { type: { t: "int" } },
    orderBy: { type: { t: "list", item: { t: "str" } } },
  });
  const breakdownFilter: PyModel = {
    name: "BreakdownFilter",
    fields: {
      breakdown: { type: { t: "any" } },
      breakdown_type: { type: { t: "literal", values: ["cohort", "person", "event", "event_metadata", "group", "session", "hogql", "data_warehouse", "data_warehouse_person_property", "revenue_analytics"] } },
      breakdown_limit: { type: { t: "int" } },
      breakdown_normalize_url: { type: { t: "bool" } },
      breakdown_group_type_index: { type: { t: "int" } },
      breakdown_histogram_bin_count: { type: { t: "int" } },
      breakdown_hide_other_aggregation: { type: { t: "bool" } },
      breakdowns: { type: { t: "list", item: { t: "dict" } } },
    },
  };
  const models: Record<string, PyModel> = {
    HogQLQuery: parts.dataNode("HogQLQuery", {
      query: { type: { t: "str" }, required: true },
      filters: { type: { t: "model", model: hogqlFilters } },
      variables: { type: { t: "dict" } },
      values: { type: { t: "dict" } },
      explain: { type: { t: "bool" } },
      name: { type: { t: "str" } },
    }),
    TrendsQuery: parts.dataNode("TrendsQuery", {
      series: { type: { t: "list", item: { t: "model", model: eventsNode } }, required: true },
      dateRange: { type: { t: "model", model: parts.dateRange } },
      interval: { type: { t: "literal", values: ["second", "minute", "hour", "day", "week", "month"] } },
      properties: { type: parts.propertyFilters },
      filterTestAccounts: { type: { t: "bool" } },
      samplingFactor: { type: { t: "any" } },
      aggregation_group_type_index: { type: { t: "int" } },
      breakdownFilter: { type: { t: "model", model: breakdownFilter } },
      compareFilter: { type: { t: "dict" } },
      conversionGoal: { type: { t: "any" } },
      trendsFilter: { type: { t: "dict" } },
      dataColorTheme: { type: { t: "any" } },
    }),
  };
  if (profile.traceNeighborsQuery) {
    models.TraceNeighborsQuery = parts.dataNode("TraceNeighborsQuery", {
      traceId: { type: { t: "str" }, required: true },
      timestamp: { type: { t: "str" }, required: true },
      dateRange: { type: { t: "model", model: parts.dateRange } },
      properties: { type: parts.propertyFilters },
      filterTestAccounts: { type: { t: "bool" } },
      filterSupportTraces: { type: { t: "bool" } },
    });
  }
  return models;
}
