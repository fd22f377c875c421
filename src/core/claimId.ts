/**
 * Claims a free id in `seen`: the id itself, else `id#index`, else `id#index.n`, since a suffixed id
 * can be a real id of another item (a host's "a#2" beside two traces "a", an event whose literal id is
 * "u1#7" beside a reused "u1" at position 7).
 */
export function claimId(seen: Set<string>, id: string, index: number): string {
  let claimed = id;
  for (let n = 0; seen.has(claimed); n++) claimed = n === 0 ? `${id}#${index}` : `${id}#${index}.${n}`;
  seen.add(claimed);
  return claimed;
}
