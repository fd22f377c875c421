/**
 * The query endpoint's request schema: QueryRequest, and the query kinds tracelens sends (TracesQuery,
 * TraceQuery, EventsQuery), with their DateRange, QueryLogTags and property filters, all with pydantic's
 * `extra="forbid"` (F-Q2). Field lists are F-Q3 (frontend/src/queries/schema/schema-general.ts
 * @0011b583) and F-Q4 (frontend/src/types.ts); TracesQuery/TraceQuery fields follow the server profile.
 */
import type { MockServerProfile } from "./mockProfiles";
import { checkField, checkModel, formatValidationError, isDict, type Loc, type PyError, type PyField, type PyModel } from "./mockPydantic";
import { exploreQueryModels } from "./mockQuerySchemaExplore";

/** F-Q4: PropertyFilterType. */
export const PROPERTY_FILTER_TYPES = [
  "meta", "event", "internal_event", "event_metadata", "person", "element", "feature", "session", "cohort", "recording",
  "log_entry", "group", "hogql", "data_warehouse", "data_warehouse_person_property", "error_tracking_issue",
  "revenue_analytics", "flag", "log",
] as const;

/** F-Q4: PropertyOperator. */
export const PROPERTY_OPERATORS = [
  "exact", "is_not", "icontains", "not_icontains", "regex", "not_regex", "gt", "gte", "lt", "lte", "is_set", "is_not_set",
  "is_date_exact", "is_date_before", "is_date_after", "between", "not_between", "min", "max", "in", "not_in",
  "is_cleaned_path_exact", "flag_evaluates_to",
] as const;

/** F-Q3: RefreshType. */
const REFRESH_TYPES = ["async", "async_except_on_cache_miss", "blocking", "force_async", "force_blocking", "force_cache", "lazy_async"] as const;

const DATE_RANGE: PyModel = {
  name: "DateRange",
  fields: { date_from: { type: { t: "str" } }, date_to: { type: { t: "str" } }, explicitDate: { type: { t: "bool" } } },
};

const QUERY_LOG_TAGS: PyModel = {
  name: "QueryLogTags",
  fields: { scene: { type: { t: "str" } }, productKey: { type: { t: "str" } }, name: { type: { t: "str" } } },
};

/** F-Q4: which model a filter type validates as, and the keys it adds to BasePropertyFilter. */
function filterModel(type: string): PyModel {
  const base: PyModel["fields"] = {
    key: { type: { t: "str" }, required: true },
    value: { type: { t: "any" } },
    label: { type: { t: "str" } },
    type: { type: { t: "literal", values: [type] } },
  };
  const operator = { type: { t: "literal", values: PROPERTY_OPERATORS } as PyField };
  if (type === "hogql") return { name: "HogQLPropertyFilter", fields: base };
  if (type === "flag") return { name: "FlagPropertyFilter", fields: { ...base, operator: { type: { t: "literal", values: ["flag_evaluates_to"] }, required: true } } };
  if (type === "group") return { name: "GroupPropertyFilter", fields: { ...base, operator, group_type_index: { type: { t: "int" } } } };
  if (type === "cohort") return { name: "CohortPropertyFilter", fields: { ...base, operator, cohort_name: { type: { t: "str" } } } };
  const name = `${type.split("_").map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("")}PropertyFilter`;
  return { name, fields: { ...base, operator } };
}

function checkPropertyFilter(value: unknown, loc: Loc, errors: PyError[]): void {
  if (!isDict(value)) {
    errors.push({ loc, msg: "Input should be a valid dictionary or object to extract fields from", type: "model_attributes_type", input: value });
    return;
  }
  // F-Q4: EmptyPropertyFilter {} is allowed.
  if (Object.keys(value).length === 0) return;
  // F-Q4: only EventPropertyFilter has a default type ("event").
  const type = value.type ?? "event";
  if (typeof type !== "string" || !(PROPERTY_FILTER_TYPES as readonly string[]).includes(type)) {
    errors.push({ loc: [...loc, "type"], msg: `Input should be one of the PropertyFilterType values, not ${JSON.stringify(type)}`, type: "union_tag_invalid", input: type });
    return;
  }
  const model = filterModel(type);
  checkModel(model, value, [...loc, model.name], errors);
}

const PROPERTY_FILTERS: PyField = { t: "list", item: { t: "custom", check: checkPropertyFilter } };

/** F-Q3: Node { kind, version?, response? } + DataNode { modifiers?, tags? }. */
function dataNode(kind: string, own: PyModel["fields"]): PyModel {
  return {
    name: kind,
    fields: {
      kind: { type: { t: "literal", values: [kind] }, required: true },
      version: { type: { t: "int" } },
      response: { type: { t: "dict" } },
      modifiers: { type: { t: "dict" } },
      tags: { type: { t: "model", model: QUERY_LOG_TAGS } },
      ...own,
    },
  };
}

const TRACES_QUERY_TYPES: Record<string, PyField> = {
  dateRange: { t: "model", model: DATE_RANGE },
  limit: { t: "int" },
  offset: { t: "int" },
  filterTestAccounts: { t: "bool" },
  filterSupportTraces: { t: "bool" },
  showColumnConfigurator: { t: "bool" },
  properties: PROPERTY_FILTERS,
  personId: { t: "str" },
  groupKey: { t: "str" },
  groupTypeIndex: { t: "int" },
  includeSentiment: { t: "bool" },
  randomOrder: { t: "bool" },
  // Only for custom profiles that model a server with trace search.
  searchTerm: { t: "str" },
};

function pick(names: readonly string[]): PyModel["fields"] {
  const fields: Record<string, { type: PyField }> = {};
  for (const name of names) fields[name] = { type: TRACES_QUERY_TYPES[name] ?? { t: "any" } };
  return fields;
}

/** F-Q3: EventsQuery. */
const EVENTS_QUERY = dataNode("EventsQuery", {
  source: { type: { t: "dict" } },
  select: { type: { t: "list", item: { t: "str" } }, required: true },
  where: { type: { t: "list", item: { t: "str" } } },
  properties: { type: PROPERTY_FILTERS },
  fixedProperties: { type: PROPERTY_FILTERS },
  filterTestAccounts: { type: { t: "bool" } },
  event: { type: { t: "str" } },
  events: { type: { t: "list", item: { t: "str" } } },
  limit: { type: { t: "int" } },
  offset: { type: { t: "int" } },
  actionId: { type: { t: "int" } },
  actionSteps: { type: { t: "list", item: { t: "dict" } } },
  personId: { type: { t: "str" } },
  before: { type: { t: "str" } },
  after: { type: { t: "str" } },
  orderBy: { type: { t: "list", item: { t: "str" } } },
});

/** The query kinds this mock answers, as the profile defines them. */
export function queryModels(profile: MockServerProfile): Record<string, PyModel> {
  return {
    TracesQuery: dataNode("TracesQuery", pick(profile.tracesQueryFields)),
    TraceQuery: dataNode("TraceQuery", { traceId: { type: { t: "str" }, required: true }, ...pick(profile.traceQueryFields) }),
    EventsQuery: EVENTS_QUERY,
    ...exploreQueryModels(profile, { dateRange: DATE_RANGE, propertyFilters: PROPERTY_FILTERS, dataNode }),
  };
}

export type QueryCheck = { ok: true; query: Record<string, unknown> & { kind: string } } | { ok: false; detail: string };

/**
 * F-Q1/F-Q3: QueryRequest { client_query_id?, refresh?, async?, query, filters_override?,
 * variables_override?, name? (≤128), limit_context? }, `query` discriminated on `kind`.
 */
export function checkQueryRequest(body: unknown, profile: MockServerProfile): QueryCheck {
  const errors: PyError[] = [];
  const models = queryModels(profile);
  const request: PyModel = {
    name: "QueryRequest",
    fields: {
      client_query_id: { type: { t: "str" } },
      refresh: { type: { t: "literal", values: REFRESH_TYPES } },
      async: { type: { t: "bool" } },
      query: {
        required: true,
        type: {
          t: "custom",
          check: (value, loc, errs) => {
            if (!isDict(value) || typeof value.kind !== "string") {
              errs.push({ loc, msg: "Unable to extract tag using discriminator 'kind'", type: "union_tag_not_found", input: value });
              return;
            }
            const model = models[value.kind];
            if (!model) {
              errs.push({ loc, msg: `Input tag '${value.kind}' found using 'kind' does not match any of the expected tags`, type: "union_tag_invalid", input: value });
              return;
            }
            checkField({ t: "model", model }, value, [...loc, value.kind], errs);
          },
        },
      },
      filters_override: { type: { t: "dict" } },
      variables_override: { type: { t: "dict" } },
      name: { type: { t: "str", max: 128 } },
      limit_context: { type: { t: "literal", values: ["posthog_ai"] } },
    },
  };
  checkModel(request, body, [], errors);
  if (errors.length > 0) return { ok: false, detail: `JSON parse error - ${formatValidationError("QueryRequest", errors)}` };
  return { ok: true, query: (body as { query: Record<string, unknown> & { kind: string } }).query };
}
