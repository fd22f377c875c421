"use client";
import { QueryClientContext, type QueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { TraceLensClient } from "../client/clientTypes";

/** A host's way to name a person from a distinct id (its own user store, PostHog's persons API…). */
export type PersonResolver = (distinctId: string, options: { signal: AbortSignal }) => Promise<string | null | undefined> | string | null | undefined;

export interface TraceLensContextValue {
  client: TraceLensClient;
  queryClient: QueryClient;
  /** Names people from distinct ids, when the host gave a resolver. */
  resolvePerson?: PersonResolver;
}

export const TraceLensContext = createContext<TraceLensContextValue | null>(null);

/** Lets a hook run outside a provider, or against another client than the provider's. */
export interface TraceLensHookOptions {
  client?: TraceLensClient;
  queryClient?: QueryClient;
}

/**
 * The client and QueryClient a hook should use: explicit ones first, then the provider's, then
 * (for the QueryClient) the host's own QueryClientProvider.
 */
export function useTraceLens(explicit?: TraceLensHookOptions): TraceLensContextValue {
  const context = useContext(TraceLensContext);
  const hostQueryClient = useContext(QueryClientContext);
  const client = explicit?.client ?? context?.client;
  const queryClient = explicit?.queryClient ?? context?.queryClient ?? hostQueryClient;
  if (!client) {
    throw new Error("tracelens: no client. Render inside <TraceLensProvider client={...}>, or pass { client } to the hook.");
  }
  if (!queryClient) {
    throw new Error("tracelens: no QueryClient. Render inside <TraceLensProvider>, or pass { queryClient } to the hook.");
  }
  return { client, queryClient, ...(context?.resolvePerson ? { resolvePerson: context.resolvePerson } : {}) };
}
