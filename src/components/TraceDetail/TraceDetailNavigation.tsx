"use client";
import { useEffect, useRef } from "react";
import type { TraceClickDetails } from "../../core/traceRows";
import { SMALL_BUTTON } from "../ui/buttonStyles";

/** A trace to go to: its id and, when known, when it happened (for TraceDetail's `timestamp`). */
export interface TraceNeighbour {
  traceId: string;
  timestamp: string | null;
}

/** The traces either side of the open one, newest first as lists show them. */
export interface TraceDetailNeighbours {
  newer: TraceNeighbour | null;
  older: TraceNeighbour | null;
  /** The neighbours are still being looked up. */
  loading?: boolean;
}

export interface TraceDetailNavigationProps {
  neighbours: TraceDetailNeighbours;
  onTraceNavigate: (traceId: string, details: TraceClickDetails) => void;
}

/** Typing in a field must never navigate away. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * PostHog's newer/older trace buttons, with its `p` (newer) and `n` (older) keys anywhere on the page
 * except in a text field or with a modifier held.
 */
export function TraceDetailNavigation({ neighbours, onTraceNavigate }: TraceDetailNavigationProps) {
  const go = (to: TraceNeighbour | null) => {
    if (to) onTraceNavigate(to.traceId, { timestamp: to.timestamp, trace: null });
  };
  const latest = useRef({ neighbours, go });
  latest.current = { neighbours, go };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isEditable(event.target)) return;
      const { neighbours: current, go: navigate } = latest.current;
      if (event.key === "p" && current.newer) navigate(current.newer);
      else if (event.key === "n" && current.older) navigate(current.older);
      else return;
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  const busy = neighbours.loading === true;
  return (
    <nav aria-label="Other traces" data-slot="trace-detail-navigation" aria-busy={busy || undefined} className="tl:flex tl:items-center tl:gap-1">
      <button type="button" className={SMALL_BUTTON} aria-keyshortcuts="p" disabled={!neighbours.newer} onClick={() => go(neighbours.newer)}>
        ← Newer <kbd className="tl:text-muted">p</kbd>
      </button>
      <button type="button" className={SMALL_BUTTON} aria-keyshortcuts="n" disabled={!neighbours.older} onClick={() => go(neighbours.older)}>
        Older <kbd className="tl:text-muted">n</kbd> →
      </button>
    </nav>
  );
}
