"use client";
import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { useContext, useMemo, useState, type ReactNode } from "react";
import type { TraceLensClient } from "../client/clientTypes";
import { TraceLensContext, type PersonResolver } from "./context";

export interface TraceLensProviderProps {
  /** Where data comes from: `createPostHogClient(...)` or `createLocalClient(...)`. */
  client: TraceLensClient;
  /**
   * The QueryClient to cache in. By default the host's (from its own QueryClientProvider), so
   * tracelens' queries show up in its devtools and share its cache; a private one otherwise.
   */
  queryClient?: QueryClient;
  /**
   * Names people from their distinct id. The newest PostHog trace rows carry only `distinctId` (no
   * person object); without a resolver tables show the distinct id itself.
   */
  resolvePerson?: PersonResolver;
  children?: ReactNode;
}

/**
 * Makes a data client available to tracelens' hooks and drop-in components.
 *
 * @example
 * <TraceLensProvider client={createLocalClient({ traces })}>
 *   <TracesTable />
 * </TraceLensProvider>
 */
export function TraceLensProvider({ client, queryClient, resolvePerson, children }: TraceLensProviderProps) {
  const host = useContext(QueryClientContext);
  // Created once, and only when neither a prop nor the host supplies one.
  const [own] = useState(() => (queryClient || host ? null : new QueryClient()));
  const active = queryClient ?? host ?? own!;
  const value = useMemo(() => ({ client, queryClient: active, ...(resolvePerson ? { resolvePerson } : {}) }), [client, active, resolvePerson]);
  const inner = <TraceLensContext.Provider value={value}>{children}</TraceLensContext.Provider>;
  // Wrapping only a client we own keeps the host's QueryClientProvider in charge of its subtree.
  return active === host ? inner : <QueryClientProvider client={active}>{inner}</QueryClientProvider>;
}
