"use client";
import { forwardRef, useMemo, useState, type ComponentPropsWithoutRef, type Ref } from "react";
import { isPropertyBag } from "../../core/eventsAccess";
import type { QueryPropertyFilter } from "../../core/eventsTrace";
import { personDisplay, personFilter, type PersonDisplay, type PersonLike } from "../../core/personDisplay";
import { cutText } from "../../core/boundedText";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { PolicyImage } from "../ui/MediaGate";
import { decideMedia, type MediaPolicy } from "../ui/mediaPolicy";
import { useMediaPolicy } from "../ui/mediaPolicyContext";
import { PopoverButton } from "../ui/PopoverButton";

export interface PersonBadgeProps extends Omit<ComponentPropsWithoutRef<"span">, "children"> {
  /** PostHog's person (uuid, distinct id, properties), as traces carry it. */
  person: PersonLike | null | undefined;
  /** The event's distinct id, when the person object lacks one. */
  distinctId?: string | null;
  /** A name the host knows the person by (its own user store). */
  hostName?: string | null;
  /** "Filter to this person": the property filter that keeps their traces (email, username or distinct id). */
  onFilterToPerson?: (filter: QueryPropertyFilter, details: { person: PersonLike | null; distinctId: string | null }) => void;
  /** The filters already keep only this person: the button offers to remove it instead. */
  filtered?: boolean;
  /** Properties listed in the popover. @default 40 */
  maxProperties?: number;
  /** Whether the badge's button is in the tab order (in a table: only in the focused row). @default true */
  tabbable?: boolean;
  /**
   * Whether a picture from the person's properties (`$avatar`, `avatar`, `avatar_url`, `picture`) may load.
   * A remote one that the policy does not allow shows initials, and the popover offers to load it.
   * @default the TraceLensProvider's, else "ask"
   */
  mediaPolicy?: MediaPolicy;
}

function valueText(value: unknown): string {
  if (typeof value === "string") return cutText(value, 200);
  try {
    return cutText(JSON.stringify(value) ?? String(value), 200);
  } catch {
    return cutText(String(value), 200);
  }
}

/** Initials on a colour from the distinct id, or the picture when the media policy lets it load now. */
function Avatar({ shown, policy }: { shown: PersonDisplay; policy: MediaPolicy }) {
  const [failed, setFailed] = useState<string | null>(null);
  const decision = shown.avatarUrl ? decideMedia(shown.avatarUrl, "image", policy) : null;
  const url = decision?.action === "load" && failed !== decision.url ? decision.url : null;
  return (
    <span
      aria-hidden="true"
      data-slot="person-badge-avatar"
      data-picture={url ? true : undefined}
      className="tl:inline-flex tl:h-5 tl:w-5 tl:shrink-0 tl:items-center tl:justify-center tl:overflow-hidden tl:rounded-full tl:text-[10px] tl:font-semibold tl:text-white"
      style={{ background: `hsl(${shown.hue} 55% 30%)` }}
    >
      {url ? (
        <img src={url} alt="" loading="lazy" decoding="async" referrerPolicy="no-referrer" className="tl:h-full tl:w-full tl:object-cover" onError={() => setFailed(url)} />
      ) : (
        shown.initials
      )}
    </span>
  );
}

/**
 * A person as PostHog shows one in tables: a coloured initials avatar and a name (email, name, username,
 * a host-given name, or the distinct id), opening a popover with their properties and "Filter to this
 * person". Person data is untrusted: text only, cut to bounded lengths; a picture loads only as the
 * media policy allows. The popover draws in the top layer, so table cells never clip it.
 */
export const PersonBadge = forwardRef(function PersonBadge(
  { person, distinctId, hostName, onFilterToPerson, filtered = false, maxProperties = 40, tabbable = true, mediaPolicy, className, ...rest }: PersonBadgeProps,
  ref: Ref<HTMLSpanElement>,
) {
  const policy = useMediaPolicy(mediaPolicy);
  const shown = useMemo(() => personDisplay(person, { distinctId, hostName }), [person, distinctId, hostName]);
  const label = cutText(shown.label, 80);
  const avatar = <Avatar shown={shown} policy={policy} />;
  return (
    // The popover is the badge's root: a wrapper of its own would cost each table row an element and a layout.
    <PopoverButton
      slot="person-badge-popover"
      root={{ as: "span", slot: "person-badge", ref, props: { ...rest, className, "data-label-from": shown.labelFrom } }}
      panelLabel={`Person ${label}`}
      topLayer
      tabbable={tabbable}
      buttonClassName="tl:max-w-full tl:min-w-0 tl:border-transparent tl:bg-transparent"
      label={
        <>
          <span className="tl:sr-only">Person: </span>
          {avatar}
          <span data-slot="person-badge-label" className="tl:truncate">
            {label}
          </span>
        </>
      }
    >
      {(close) => {
        // Read only while open: a closed badge in each of a table's rows costs no walk over 5,000 properties.
        const properties = isPropertyBag(person?.properties) ? Object.entries(person!.properties!) : [];
        const filter = onFilterToPerson ? personFilter(person, shown.distinctId) : null;
        return (
          <>
            <div className="tl:flex tl:items-center tl:gap-2">
              {avatar}
              <strong className="tl:min-w-0 tl:truncate">{label}</strong>
            </div>
            <dl className="tl:m-0 tl:grid tl:grid-cols-[auto_1fr] tl:gap-x-2 tl:gap-y-0.5">
              {shown.email && <Entry name="Email" value={shown.email} />}
              {shown.distinctId && <Entry name="Distinct ID" value={cutText(shown.distinctId, 200)} mono />}
              {shown.uuid && <Entry name="Person ID" value={cutText(shown.uuid, 200)} mono />}
            </dl>
            {shown.avatarUrl && decideMedia(shown.avatarUrl, "image", policy).action !== "load" && (
              <PolicyImage src={shown.avatarUrl} alt="Picture" mediaPolicy={policy} className="tl:h-16 tl:w-16 tl:rounded-full tl:object-cover" />
            )}
            {properties.length > 0 && <PersonProperties listed={properties.slice(0, Math.max(0, maxProperties))} total={properties.length} />}
            {!shown.distinctId && properties.length === 0 && <span className="tl:text-muted">Nothing is known about this person.</span>}
            {filter && (
              <button
                type="button"
                className={cn(SMALL_BUTTON, "tl:self-start")}
                onClick={() => {
                  onFilterToPerson!(filter, { person: person ?? null, distinctId: shown.distinctId });
                  close();
                }}
              >
                {filtered ? "Remove the filter to this person" : "Filter to this person"}
              </button>
            )}
          </>
        );
      }}
    </PopoverButton>
  );
});
PersonBadge.displayName = "PersonBadge";

function Entry({ name, value, mono }: { name: string; value: string; mono?: boolean }) {
  return (
    <>
      <dt className="tl:text-muted">{name}</dt>
      <dd className={cn("tl:m-0 tl:min-w-0 tl:break-words", mono && "tl:font-code")}>{value}</dd>
    </>
  );
}

/** The properties, rendered only while open (a closed list would leave a focusable scroll box nobody can see). */
function PersonProperties({ listed, total }: { listed: Array<[string, unknown]>; total: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="tl:cursor-pointer">{`Properties (${total})`}</summary>
      {open && (
        <dl className="tl:m-0 tl:mt-1 tl:grid tl:max-h-48 tl:grid-cols-[auto_1fr] tl:gap-x-2 tl:gap-y-0.5 tl:overflow-auto" tabIndex={0} aria-label="Person properties">
          {listed.map(([key, value]) => (
            <Entry key={key} name={cutText(key, 80)} value={valueText(value)} mono />
          ))}
        </dl>
      )}
      {open && total > listed.length && <span className="tl:text-muted">{`${total - listed.length} more not shown`}</span>}
    </details>
  );
}
