/**
 * Helpers shared by the TracesTable, GenerationsTable and SentimentOverview stories (a stories file may
 * export only stories). Every client here is the embedded local client: no network.
 */
import { QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiError, createLocalClient, TraceLensProvider, type TraceLensClient } from "../src/all";
import type { LLMTrace } from "../src/core";
import { fixtureTraces, keywordClassifier } from "./fixtures/tableFixtures";

/** A local client over the fixtures that scores user messages with a keyword classifier. */
export function fixtureClient(traces: readonly LLMTrace[] = fixtureTraces): TraceLensClient {
  return createLocalClient({ traces, classifier: keywordClassifier() });
}

/** A client whose trace list fails `failures` times (a 503), then answers; for error-and-retry stories. */
export function flakyClient(failures: number, base: TraceLensClient = fixtureClient()): TraceLensClient {
  let left = failures;
  return {
    ...base,
    scope: `${base.scope}:flaky`,
    async listTraces(params, options) {
      if (left > 0) {
        left -= 1;
        throw new ApiError({ kind: "http", status: 503, path: "local:query", body: { detail: "The query service is unavailable" } });
      }
      return base.listTraces(params, options);
    },
    async listEvents(params, options) {
      if (left > 0) {
        left -= 1;
        throw new ApiError({ kind: "http", status: 503, path: "local:query", body: { detail: "The query service is unavailable" } });
      }
      return base.listEvents(params, options);
    },
  };
}

/** A client whose sentiment endpoint never answers, to show the loading state of lazy sentiment. */
export function slowSentimentClient(base: TraceLensClient = fixtureClient()): TraceLensClient {
  return { ...base, scope: `${base.scope}:slow`, sentiment: () => new Promise(() => undefined) };
}

/** A client that counts sentiment requests (each carries up to 5 ids). */
export function countingClient(base: TraceLensClient = fixtureClient()): TraceLensClient & { sentimentRequests: string[][] } {
  const sentimentRequests: string[][] = [];
  return {
    ...base,
    scope: `${base.scope}:counting`,
    sentimentRequests,
    sentiment(request, options) {
      sentimentRequests.push([...((request as { ids?: string[] }).ids ?? [])]);
      return base.sentiment(request, options);
    },
  };
}

/** A provider with its own QueryClient per story, so stories never share a cache. */
export function LocalProvider({ client, children }: { client: TraceLensClient; children?: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <TraceLensProvider client={client} queryClient={queryClient}>
      {children}
    </TraceLensProvider>
  );
}

/** A labelled box for the all-states stories. */
export function StateFrame({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section aria-label={title} style={{ display: "flex", flexDirection: "column", gap: 6 }}>
      <p style={{ margin: 0, fontSize: 12, fontWeight: 600 }}>{title}</p>
      {children}
    </section>
  );
}
