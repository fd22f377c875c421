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

/** Read only through the hooks in this folder (`useTraceLensClient`, `usePersonResolver`); components never read it. */
export const TraceLensContext = createContext<TraceLensContextValue | null>(null);

/** Lets a hook or a drop-in run outside a provider, or against another client than the provider's. */
export interface TraceLensHookOptions {
  client?: TraceLensClient;
  queryClient?: QueryClient;
}

const NO_CLIENT = "tracelens: no client. Render inside <TraceLensProvider client={...}>, or pass { client } to the hook.";
const NO_QUERY_CLIENT = "tracelens: no QueryClient. Render inside <TraceLensProvider>, or pass { queryClient } to the hook.";

/**
 * The client and QueryClient to use: explicit ones first, then the provider's, then (for the
 * QueryClient) the host's own QueryClientProvider. Throws a clear error when there is none, or, with
 * `optional: true`, returns null (a drop-in showing host data works without a provider).
 *
 * @example
 * const { client, queryClient } = useTraceLensClient({ client: props.client, queryClient: props.queryClient });
 */
export function useTraceLensClient(options?: TraceLensHookOptions & { optional?: false }): TraceLensContextValue;
export function useTraceLensClient(options: TraceLensHookOptions & { optional: true }): TraceLensContextValue | null;
export function useTraceLensClient(options: TraceLensHookOptions & { optional?: boolean } = {}): TraceLensContextValue | null {
  const context = useContext(TraceLensContext);
  const hostQueryClient = useContext(QueryClientContext);
  const client = options.client ?? context?.client;
  const queryClient = options.queryClient ?? context?.queryClient ?? hostQueryClient;
  if (!client || !queryClient) {
    if (options.optional) return null;
    throw new Error(client ? NO_QUERY_CLIENT : NO_CLIENT);
  }
  return { client, queryClient, ...(context?.resolvePerson ? { resolvePerson: context.resolvePerson } : {}) };
}

/** @deprecated Use `useTraceLensClient` (the same resolution). */
export const useTraceLens = (explicit?: TraceLensHookOptions): TraceLensContextValue => useTraceLensClient(explicit);

/** The provider's person resolver, when the host gave one (no provider: none). */
export function usePersonResolver(): PersonResolver | undefined {
  return useContext(TraceLensContext)?.resolvePerson;
}
