"use client";
import { useQuery } from "@tanstack/react-query";
import { useTraceLensClient } from "./context";

/** Names are stable; ask the host once an hour at most. */
const PERSON_STALE_TIME_MS = 3_600_000;

/**
 * A person's name from the provider's `resolvePerson`, for rows that carry only a distinct id (inside a
 * `TraceLensProvider`). Returns the fallback (the distinct id, say) until the host answers, when it has
 * no answer, or when there is no resolver.
 */
export function usePersonLabel(distinctId: string | null | undefined, fallback: string | null): string | null {
  const { queryClient, resolvePerson } = useTraceLensClient();
  const enabled = Boolean(resolvePerson && distinctId);
  const query = useQuery(
    {
      queryKey: ["tracelens", "person", distinctId ?? ""],
      queryFn: async ({ signal }) => (await resolvePerson!(distinctId!, { signal })) ?? null,
      enabled,
      staleTime: PERSON_STALE_TIME_MS,
      retry: false,
    },
    queryClient,
  );
  return enabled && typeof query.data === "string" && query.data.trim() ? query.data.trim() : fallback;
}
