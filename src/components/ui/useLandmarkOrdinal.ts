import { useEffect, useState, useSyncExternalStore } from "react";

/**
 * Landmarks of one page must not share an accessible name, or a screen reader's landmark list
 * shows three indistinguishable "Sentiment" regions. Each mounted instance registers its base
 * name here, in mount order, and learns its position among instances with the same name.
 */
const mounted = new Map<object, string>();
const listeners = new Set<() => void>();
let version = 0;

function changed() {
  version++;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * 1 for the first mounted instance with this `name`, 2 for the second, … (1 on the server and
 * before mounting). Pair with a suffix so same-named landmarks get distinct names. `null` (a
 * landmark the host named itself) takes no number.
 */
export function useLandmarkOrdinal(name: string | null): number {
  // An object, not useId(): ids repeat across separate React roots on one page.
  const [key] = useState(() => ({}));
  useEffect(() => {
    if (name === null) return;
    mounted.set(key, name);
    changed();
    return () => {
      mounted.delete(key);
      changed();
    };
  }, [key, name]);
  useSyncExternalStore(subscribe, () => version, () => 0);
  if (name === null) return 1;
  let ordinal = 0;
  for (const [other, otherName] of mounted) {
    if (otherName === name) ordinal++;
    if (other === key) return ordinal;
  }
  return 1;
}
