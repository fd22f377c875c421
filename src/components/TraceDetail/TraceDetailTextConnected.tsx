"use client";
import { useMemo } from "react";
import { useTextRepr } from "../../hooks/useTextRepr";
import { TextReprView } from "../TextReprView";
import type { TraceDetailPanelContext } from "./TraceDetailEventPanel";
import { formatTextReprRequest, textReprRequestFor } from "./traceDetailTextReprRequest";

/**
 * The Text tab through the provider's client (PostHog's endpoint, or the local client). If the
 * request fails, the same text is rendered locally by core, with a note saying so.
 */
export function TraceDetailTextConnected({ node, tree, trace, selectEvent }: TraceDetailPanelContext) {
  const request = useMemo(() => textReprRequestFor(node, tree, trace), [node, tree, trace]);
  const query = useTextRepr(request);
  const fallback = useMemo(() => (query.isError ? formatTextReprRequest(request) : null), [query.isError, request]);
  const label = `Text representation of ${node === tree.root ? "the trace" : node.name}`;
  return (
    <div className="tl:flex tl:flex-col tl:gap-1">
      {fallback && (
        <p role="note" data-slot="text-repr-fallback" className="tl:m-0 tl:text-xs tl:text-warning">
          The text could not be fetched ({query.error?.message ?? "unknown error"}); showing the same rendering made in the browser.
        </p>
      )}
      <TextReprView
        text={query.data?.text ?? fallback?.text}
        loading={query.isPending && !fallback}
        error={fallback?.error ? new Error(fallback.error.message) : undefined}
        onRetry={() => void query.refetch()}
        onSelectEvent={selectEvent}
        label={label}
      />
    </div>
  );
}
