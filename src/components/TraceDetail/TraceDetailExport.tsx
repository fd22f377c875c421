import { useState } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { CopyButton } from "../ui/CopyButton";
import { safeStringify } from "../ui/jsonViewModel";

/** The trace as JSON, as the host gave it (PostHog's LLMTrace), indented; built on demand (traces can be megabytes). */
export function traceJson(trace: LLMTrace): string {
  return safeStringify(trace, 2);
}

/** A file name from the trace id, safe on every file system. */
export function traceFileName(trace: LLMTrace): string {
  const id = typeof trace.id === "string" || typeof trace.id === "number" ? String(trace.id) : "trace";
  return `trace-${id.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80) || "trace"}.json`;
}

/** Saves `text` as a file through a temporary object URL (no network, nothing left behind). */
function downloadText(text: string, fileName: string): boolean {
  if (typeof document === "undefined" || typeof URL === "undefined" || typeof URL.createObjectURL !== "function") return false;
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or the download can be cancelled in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return true;
}

export interface TraceDetailExportProps {
  trace: LLMTrace;
  /** Called with the file name after a download starts (hosts log exports). */
  onDownload?: (fileName: string) => void;
}

/** "Copy JSON" and "Download JSON" for the whole trace, as PostHog's trace page has. */
export function TraceDetailExport({ trace, onDownload }: TraceDetailExportProps) {
  const [failed, setFailed] = useState(false);
  return (
    <span data-slot="trace-export" className="tl:inline-flex tl:items-center tl:gap-1">
      <CopyButton value={() => traceJson(trace)} label="Copy JSON" description="of the whole trace" />
      <button
        type="button"
        className={SMALL_BUTTON}
        onClick={() => {
          const name = traceFileName(trace);
          const ok = downloadText(traceJson(trace), name);
          setFailed(!ok);
          if (ok) onDownload?.(name);
        }}
      >
        Download JSON
      </button>
      {failed && (
        <span role="status" className="tl:text-xs tl:text-danger">
          This browser cannot save files here; use Copy JSON.
        </span>
      )}
    </span>
  );
}
