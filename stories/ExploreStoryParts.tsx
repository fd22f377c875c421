/**
 * The Explore page: TraceFilters, SessionsTable, ErrorsTable, TracesTable and TraceDetail assembled into one screen over
 * the embedded default (a local client, no backend), its state in the URL through `useTraceLensUrlState`.
 */
import { useMemo, useState } from "react";
import { ErrorsTable, SessionsTable, TraceDetail, TraceFilters, TracesTable, useTraceLensUrlState, type UrlStateAdapter } from "../src/all";
import type { TraceClickDetails } from "../src/core";
import { EXPLORE_NOW, exploreClient, exploreTraces } from "./fixtures/exploreFixtures";
import { LocalProvider } from "./TracesTableStoryParts";

/** The story's own "router": the URL state lives in memory so the gallery's iframe URL is left alone. */
function memoryRouter(initial: string): UrlStateAdapter {
  let search = initial;
  const listeners = new Set<() => void>();
  return {
    read: () => search,
    write: (next) => {
      search = next;
      listeners.forEach((listener) => listener());
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function ExploreScreen({ traces }: { traces: ReturnType<typeof exploreTraces> }) {
  const [router] = useState(() => memoryRouter("?date_from=-30d"));
  const [url, setUrl] = useTraceLensUrlState({ adapter: router });
  const filters = url.filters;
  const exploreFilters = useMemo(
    () => ({ dateRange: filters.dateRange, properties: filters.properties, filterTestAccounts: filters.filterTestAccounts }),
    [filters.dateRange, filters.properties, filters.filterTestAccounts],
  );
  // The traces list takes the person filters apart, so "Filter to this person" in its rows lands in the URL's filters.
  const tracesQuery = useMemo(() => ({ dateRange: filters.dateRange, filterTestAccounts: filters.filterTestAccounts }), [filters.dateRange, filters.filterTestAccounts]);
  const open = (traceId: string, details: TraceClickDetails) => setUrl({ trace: traceId, timestamp: details.timestamp, event: null });
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <TraceFilters value={filters} onChange={(next) => setUrl({ filters: next })} traces={traces} sections={["date", "properties", "testAccounts"]} />
      <section aria-label="Sessions">
        <h2 style={{ fontSize: 14, margin: "0 0 6px" }}>Sessions</h2>
        <SessionsTable query={exploreFilters} now={EXPLORE_NOW} height={300} onTraceClick={open} />
      </section>
      <section aria-label="Errors">
        <h2 style={{ fontSize: 14, margin: "0 0 6px" }}>Errors</h2>
        <ErrorsTable query={exploreFilters} now={EXPLORE_NOW} height={260} onTraceClick={open} />
      </section>
      <section aria-label="Traces">
        <h2 style={{ fontSize: 14, margin: "0 0 6px" }}>Traces</h2>
        <TracesTable
          query={tracesQuery}
          propertyFilters={filters.properties}
          onPropertyFiltersChange={(properties) => setUrl({ filters: { ...filters, properties } })}
          now={EXPLORE_NOW}
          height={300}
          pageSize={25}
          onTraceClick={open}
        />
      </section>
      {url.trace && (
        <section aria-label="Trace">
          <h2 style={{ fontSize: 14, margin: "0 0 6px" }}>{`Trace ${url.trace}`}</h2>
          <TraceDetail
            traceId={url.trace}
            timestamp={url.timestamp}
            neighboursQuery={exploreFilters}
            onTraceNavigate={open}
            key={url.trace}
            defaultSelectedEventId={url.event ?? undefined}
            onSelectEvent={(event) => setUrl({ event }, { replace: true })}
          />
        </section>
      )}
      <output aria-label="URL" data-testid="url" style={{ fontSize: 11, wordBreak: "break-all" }}>
        {router.read()}
      </output>
    </div>
  );
}

/** The whole Explore screen on the embedded local client. */
export function ExplorePage() {
  const [traces] = useState(() => exploreTraces({ traces: 60, sessions: 12 }));
  const [client] = useState(() => exploreClient(traces));
  return (
    <LocalProvider client={client}>
      <ExploreScreen traces={traces} />
    </LocalProvider>
  );
}
