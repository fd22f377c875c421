/**
 * EventsQuery as posthog/hogql_queries/events_query_runner.py answers it, for the columns and orders
 * tracelens needs: `after` (default "-24h", "all" for none) and `before` (default now + 5 s), both strict;
 * `event`/`events`, property filters, `personId`; `orderBy` (default `timestamp DESC` when timestamp is
 * selected, else the first column ascending); `select` with `*`, `person` expanded to an object; paging
 * with HogQLHasMorePaginator. HogQL this mock cannot evaluate (free `where` clauses, other columns) is a
 * 501 that says so.
 */
import { eventsQueryBounds } from "./mockDates";
import { MockLimitation, eventMatchesAll } from "./mockFilters";
import type { MockStore, StoredEvent } from "./mockStore";
import { DEFAULT_QUERY_LIMIT } from "./mockTraceQueries";

export interface EventsQueryInput {
  select: string[];
  event?: string | null;
  events?: string[] | null;
  properties?: Record<string, unknown>[] | null;
  fixedProperties?: Record<string, unknown>[] | null;
  personId?: string | null;
  after?: string | null;
  before?: string | null;
  orderBy?: string[] | null;
  where?: string[] | null;
  limit?: number | string | null;
  offset?: number | string | null;
}

/** A column name without its `-- label` comment. */
function bare(column: string): string {
  return column.split("--")[0]!.trim();
}

function column(event: StoredEvent, raw: string): unknown {
  const name = bare(raw);
  switch (name) {
    case "*":
      return {
        uuid: event.id, event: event.event, properties: event.properties, timestamp: event.createdAt, team_id: 1,
        distinct_id: event.distinctId, elements_chain: "", created_at: event.createdAt, person_mode: "full",
      };
    case "uuid":
      return event.id;
    case "event":
      return event.event;
    case "timestamp":
      return event.createdAt;
    case "distinct_id":
      return event.distinctId;
    // A bare `properties` column is the stored JSON text, not an object.
    case "properties":
      return JSON.stringify(event.properties);
    case "person":
      return event.person
        ? { uuid: event.person.uuid, created_at: event.person.created_at, properties: event.person.properties ?? {}, distinct_id: event.distinctId }
        : { distinct_id: event.distinctId };
    default: {
      const property = /^properties\.(\$?[A-Za-z0-9_]+)$/.exec(name);
      if (property) return event.properties[property[1]!] ?? null;
      throw new MockLimitation(`tracelens' mock PostHog does not evaluate the column ${JSON.stringify(name)}`);
    }
  }
}

function sortValue(event: StoredEvent, expr: string): unknown {
  if (expr === "timestamp") return event.at;
  const numeric = /^toFloat\((properties\.\$?[A-Za-z0-9_]+)\)$/.exec(expr);
  if (numeric) {
    const value = Number(column(event, numeric[1]!));
    return Number.isFinite(value) ? value : null;
  }
  return column(event, expr);
}

function compare(a: unknown, b: unknown): number {
  // ClickHouse sorts NULLs last for both directions by default; callers flip only non-null order.
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

function orderOf(select: string[], orderBy: string[] | null | undefined): Array<{ expr: string; desc: boolean }> {
  if (orderBy && orderBy.length > 0) {
    return orderBy.map((raw) => {
      const match = /^(.*?)\s+(ASC|DESC)$/i.exec(bare(raw));
      return { expr: (match ? match[1]! : bare(raw)).trim(), desc: match ? match[2]!.toUpperCase() === "DESC" : false };
    });
  }
  if (select.map(bare).includes("timestamp")) return [{ expr: "timestamp", desc: true }];
  return select.length > 0 ? [{ expr: bare(select[0]!), desc: false }] : [];
}

export async function runEventsQuery(store: MockStore, input: EventsQueryInput, now: number) {
  if (input.where && input.where.length > 0) throw new MockLimitation("tracelens' mock PostHog does not evaluate HogQL `where` clauses");
  const bounds = eventsQueryBounds(input.after, input.before, now);
  if ("error" in bounds) throw new MockLimitation(bounds.error);
  const select = input.select.length === 0 ? ["*"] : input.select;
  const names = [input.event, ...(input.events ?? [])].filter((name): name is string => typeof name === "string" && name !== "");
  const all = await store.events();
  let personDistinctIds: Set<string> | null = null;
  if (input.personId) personDistinctIds = new Set(all.filter((e) => e.person?.uuid === input.personId).map((e) => e.distinctId));
  const rows = all.filter(
    (event) =>
      (bounds.after === null || event.at > bounds.after) &&
      event.at < bounds.before &&
      (names.length === 0 || names.includes(event.event)) &&
      (!personDistinctIds || personDistinctIds.has(event.distinctId)) &&
      eventMatchesAll(event, input.properties) &&
      eventMatchesAll(event, input.fixedProperties),
  );
  const order = orderOf(select, input.orderBy);
  rows.sort((a, b) => {
    for (const { expr, desc } of order) {
      const left = sortValue(a, expr);
      const right = sortValue(b, expr);
      if (left === right) continue;
      if (left === null || left === undefined) return 1;
      if (right === null || right === undefined) return -1;
      const diff = compare(left, right);
      if (diff !== 0) return desc ? -diff : diff;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const limit = Number(input.limit) > 0 ? Math.floor(Number(input.limit)) : DEFAULT_QUERY_LIMIT;
  const offset = Number(input.offset) > 0 ? Math.floor(Number(input.offset)) : 0;
  const page = rows.slice(offset, offset + limit);
  return {
    columns: select,
    types: select.map(() => "String"),
    results: page.map((event) => select.map((raw) => column(event, raw))),
    hasMore: offset + limit < rows.length,
    limit,
    offset,
    hogql: "",
    timings: [],
    modifiers: {},
  };
}
