"use client";
import { QueryClient, QueryClientContext } from "@tanstack/react-query";
import { useContext, useMemo, useState, type ReactNode } from "react";
import { TraceLensContext, type TraceLensHookOptions } from "./context";

export interface TraceLensScopeProps extends TraceLensHookOptions {
  children?: ReactNode;
}

/**
 * What every drop-in wraps itself in, so its own `client` / `queryClient` props reach every hook inside
 * it (cells, tabs, nested panels) without being passed down. What is not given comes from the provider
 * (and its person resolver is kept); a `client` with no QueryClient anywhere gets a private one, as
 * `TraceLensProvider` does. With neither prop it changes nothing.
 */
export function TraceLensScope({ client, queryClient, children }: TraceLensScopeProps) {
  const outer = useContext(TraceLensContext);
  const host = useContext(QueryClientContext);
  // Created once, and only for a client that would otherwise have no cache at all.
  const [own] = useState(() => (client && !queryClient && !outer && !host ? new QueryClient() : null));
  const activeClient = client ?? outer?.client;
  const activeQueryClient = queryClient ?? outer?.queryClient ?? host ?? own;
  const resolvePerson = outer?.resolvePerson;
  const value = useMemo(
    () => (activeClient && activeQueryClient ? { client: activeClient, queryClient: activeQueryClient, ...(resolvePerson ? { resolvePerson } : {}) } : null),
    [activeClient, activeQueryClient, resolvePerson],
  );
  if ((!client && !queryClient) || !value) return <>{children}</>;
  return <TraceLensContext.Provider value={value}>{children}</TraceLensContext.Provider>;
}
