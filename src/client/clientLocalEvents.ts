/**
 * EventsQuery answered locally: every event of the host's traces (generations at any depth,
 * evaluation runs), filtered, ordered and paged as PostHog's events query does it. Without a date
 * range every event counts, as for the local client's trace lists.
 */
import type { LLMTrace, LLMTraceEvent } from "../core/eventsTrace";
import { ApiError } from "./clientErrors";
import { checkPropertyFilters, inDateRange, matchesOperator } from "./clientLocalFilters";
import type { LocalTraceStore } from "./clientLocalTraces";
import type { EventsPage, EventsParams } from "./clientTypes";

interface Row {
  event: LLMTraceEvent;
  trace: LLMTrace;
  at: number;
}

function sortKey(row: Row, expr: string): number | string | null {
  if (expr === "timestamp") return row.at;
  const numeric = /^toFloat\(properties\.(\$?[A-Za-z0-9_]+)\)$/.exec(expr);
  if (numeric) {
    const value = Number(row.event.properties?.[numeric[1]!]);
    return Number.isFinite(value) ? value : null;
  }
  const property = /^properties\.(\$?[A-Za-z0-9_]+)$/.exec(expr);
  if (property) {
    const value = row.event.properties?.[property[1]!];
    return value === undefined || value === null ? null : typeof value === "number" ? value : String(value);
  }
  throw new ApiError({ kind: "http", status: 400, path: "local:query", body: { detail: `The local client cannot order by ${JSON.stringify(expr)}` } });
}

function order(rows: Row[], orderBy: readonly string[]): void {
  const terms = orderBy.map((raw) => {
    const match = /^(.*?)\s+(ASC|DESC)$/i.exec(raw.trim());
    return { expr: (match ? match[1]! : raw).trim(), desc: match ? match[2]!.toUpperCase() === "DESC" : false };
  });
  rows.sort((a, b) => {
    for (const { expr, desc } of terms) {
      const left = sortKey(a, expr);
      const right = sortKey(b, expr);
      if (left === right) continue;
      // Missing values last in either direction, as ClickHouse sorts NULLs.
      if (left === null) return 1;
      if (right === null) return -1;
      const diff = typeof left === "number" && typeof right === "number" ? left - right : String(left).localeCompare(String(right));
      if (diff !== 0) return desc ? -diff : diff;
    }
    return a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0;
  });
}

export async function localListEvents(store: LocalTraceStore, params: EventsParams, now: number): Promise<EventsPage> {
  checkPropertyFilters(params.properties);
  const names = [params.event, ...(params.events ?? [])].filter((name): name is string => typeof name === "string" && name !== "");
  const rows: Row[] = [];
  for (const trace of await store.all()) {
    if (params.personId !== undefined && trace.person?.uuid !== params.personId) continue;
    for (const event of trace.events) {
      const at = Date.parse(event.createdAt);
      if (!Number.isFinite(at)) continue;
      if (names.length > 0 && !names.includes(String(event.event))) continue;
      if (!inDateRange(at, params.dateRange, now)) continue;
      const matches = (params.properties ?? []).every((filter) =>
        (filter.type ?? "event") === "person"
          ? matchesOperator(trace.person?.properties?.[filter.key as string], filter.operator ?? "exact", filter.value)
          : matchesOperator(event.properties?.[filter.key as string], filter.operator ?? "exact", filter.value),
      );
      if (matches) rows.push({ event, trace, at });
    }
  }
  order(rows, params.orderBy?.length ? params.orderBy : ["timestamp DESC"]);
  const limit = typeof params.limit === "number" && params.limit > 0 ? Math.floor(params.limit) : 100;
  const offset = typeof params.offset === "number" && params.offset > 0 ? Math.floor(params.offset) : 0;
  const results = rows.slice(offset, offset + limit).map(({ event, trace }) => {
    const distinctId = trace.distinctId ?? trace.person?.distinct_id;
    return { ...event, ...(distinctId ? { distinctId } : {}), ...(trace.person ? { person: trace.person } : {}) };
  });
  return { results, hasMore: offset + limit < rows.length, limit, offset };
}
