"use client";
import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { useContext, useMemo, useState, type ReactNode } from "react";
import type { TraceLensClient } from "../client/clientTypes";
import type { MediaPolicy } from "../components/ui/mediaPolicy";
import { MediaPolicyScope } from "../components/ui/mediaPolicyContext";
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
   * What images and other media from trace data and model output may load, in every tracelens
   * component inside: remote ones wait for a click naming their host unless allowed ("allow", or
   * `{ allowOrigins: [...] }`); `data:` media loads inline under a size cap. A component's own
   * `mediaPolicy` prop wins. @default "ask"
   */
  mediaPolicy?: MediaPolicy;
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
export function TraceLensProvider({ client, queryClient, resolvePerson, mediaPolicy, children }: TraceLensProviderProps) {
  const host = useContext(QueryClientContext);
  // Created once, and only when neither a prop nor the host supplies one.
  const [own] = useState(() => (queryClient || host ? null : new QueryClient()));
  const active = queryClient ?? host ?? own!;
  const value = useMemo(() => ({ client, queryClient: active, ...(resolvePerson ? { resolvePerson } : {}) }), [client, active, resolvePerson]);
  const inner = (
    <TraceLensContext.Provider value={value}>
      <MediaPolicyScope policy={mediaPolicy}>{children}</MediaPolicyScope>
    </TraceLensContext.Provider>
  );
  // Wrapping only a client we own keeps the host's QueryClientProvider in charge of its subtree.
  return active === host ? inner : <QueryClientProvider client={active}>{inner}</QueryClientProvider>;
}
