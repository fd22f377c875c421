import { useCallback } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import { filterToPerson, isFilteredToPerson, personDisplay, type PersonLike } from "../../core/personDisplay";
import { usePersonLabel } from "../../hooks/usePersonLabel";
import { usePersonResolver } from "../../hooks/context";
import { PersonBadge } from "../PersonBadge";
import { usePropertyFiltersContext } from "./tablePropertyFilters";

interface PersonCellProps {
  person: LLMTrace["person"] | undefined;
  distinctId: unknown;
  /** The row holds the grid's focus: the badge is in the tab order. */
  active: boolean;
}

/** The host's name for a person the row knows only by distinct id (the newest PostHog rows carry only `distinctId`). */
function ResolvedPersonCell({ bareId, ...props }: PersonCellProps & { bareId: string }) {
  return <PersonCellBadge {...props} hostName={usePersonLabel(bareId, null)} />;
}

function PersonCellBadge({ person, distinctId, active, hostName }: PersonCellProps & { hostName: string | null }) {
  const filters = usePropertyFiltersContext();
  const id = typeof distinctId === "string" && distinctId ? distinctId : null;
  const subject = (person ?? null) as PersonLike | null;
  const onChange = filters?.onChange;
  const current = filters?.filters;
  const onFilterToPerson = useCallback(() => {
    if (!onChange || !current) return;
    onChange(filterToPerson({ properties: [...current] }, subject, { distinctId: id, toggle: true }).properties);
  }, [onChange, current, subject, id]);
  return (
    <PersonBadge
      person={subject}
      distinctId={id}
      hostName={hostName}
      tabbable={active}
      filtered={current ? isFilteredToPerson({ properties: [...current] }, subject, id) : false}
      onFilterToPerson={onChange ? onFilterToPerson : undefined}
    />
  );
}

/**
 * A row's person as a PersonBadge: email, name or username when the row has them, else the name the
 * provider's `resolvePerson` gives the distinct id, else the distinct id. "Filter to this person" adds
 * (or removes) their filter in the table's property filters.
 */
export function PersonCell(props: PersonCellProps) {
  const resolvePerson = usePersonResolver();
  const id = typeof props.distinctId === "string" && props.distinctId ? props.distinctId : null;
  const shown = personDisplay(props.person as PersonLike | null | undefined, { distinctId: id });
  if (resolvePerson && shown.labelFrom === "distinct-id" && shown.distinctId) return <ResolvedPersonCell {...props} bareId={shown.distinctId} />;
  return <PersonCellBadge {...props} hostName={null} />;
}
