import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";

/** Says a short message through the nearest shared live region. */
export type Announce = (message: string) => void;

const CopyAnnouncerContext = createContext<Announce | null>(null);

/** The shared live region around copy buttons, when there is one: a table's rows then carry none of their own. */
export function useCopyAnnouncer(): Announce | null {
  return useContext(CopyAnnouncerContext);
}

/** How long a message stays in the region (a virtual cursor reading the page later should not find a stale "Copied"). */
const CLEAR_MS = 3000;

/**
 * One polite live region for every copy button inside it. A table with 100,000 rows draws a copy button in
 * each rendered row; one region per table instead of one per button keeps each row an element and an
 * update lighter, and a screen reader still hears "Copied" after each copy (the region is emptied first,
 * so the same message twice is announced twice).
 */
export function CopyAnnouncer({ children }: { children?: ReactNode }) {
  const [message, setMessage] = useState("");
  const timers = useRef<Array<ReturnType<typeof setTimeout>>>([]);
  const [announce] = useState<Announce>(() => (text: string) => {
    for (const timer of timers.current) clearTimeout(timer);
    setMessage("");
    timers.current = [setTimeout(() => setMessage(text), 50), setTimeout(() => setMessage(""), CLEAR_MS)];
  });
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  return (
    <CopyAnnouncerContext.Provider value={announce}>
      {children}
      <span aria-live="polite" data-slot="copy-announcer" className="tl:sr-only">
        {message}
      </span>
    </CopyAnnouncerContext.Provider>
  );
}
