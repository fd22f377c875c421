import type { LLMTrace } from "../../core/eventsTrace";
import { tracePersonLabel } from "../../core/traceRows";
import { usePersonLabel } from "../../hooks/usePersonLabel";
import { usePersonResolver } from "../../hooks/context";
import { TextCell } from "./TableCells";

/** The distinct id a row names its person by, when it has no better name for them. */
function bareDistinctId(person: LLMTrace["person"] | undefined, distinctId: unknown, label: string | null): string | null {
  const id = typeof distinctId === "string" && distinctId ? distinctId : person?.distinct_id;
  return typeof id === "string" && id && label === id ? id : null;
}

function ResolvedPersonCell({ distinctId, fallback }: { distinctId: string; fallback: string | null }) {
  return <TextCell text={usePersonLabel(distinctId, fallback)} />;
}

/**
 * A row's person: email, name or username when the row has them, else the distinct id, which the
 * provider's `resolvePerson` may turn into a name (the newest PostHog rows carry only `distinctId`).
 */
export function PersonCell({ person, distinctId }: { person: LLMTrace["person"] | undefined; distinctId: unknown }) {
  const resolvePerson = usePersonResolver();
  const label = tracePersonLabel({ id: "", createdAt: "", events: [], person: person ?? null, ...(typeof distinctId === "string" ? { distinctId } : {}) });
  const bare = bareDistinctId(person, distinctId, label);
  if (!bare || !resolvePerson) return <TextCell text={label} />;
  return <ResolvedPersonCell distinctId={bare} fallback={label} />;
}
