import type { TraceTreeNode } from "../../core/trace";
import { cn } from "../ui/cn";
import { DisclosureBox } from "../ui/DisclosureBox";
import { JsonView } from "../ui/JsonView";
import { parseJsonObjectText } from "../ui/jsonViewModel";
import type { ConversationModel } from "./traceDetailConversationModel";
import { httpStatus } from "./traceDetailModel";
import { TraceDetailText } from "./TraceDetailTextPart";

const VERDICT: Record<string, { text: string; className: string }> = {
  pass: { text: "✓ Pass", className: "tl:text-(color:--tl-kind-generation) tl:border-(color:--tl-kind-generation)" },
  fail: { text: "✗ Fail", className: "tl:text-danger tl:border-danger" },
  "n/a": { text: "– Not applicable", className: "tl:text-muted tl:border-border" },
  unknown: { text: "? No result", className: "tl:text-muted tl:border-border" },
};

function ErrorBlock({ error, status }: { error: unknown; status: number | null }) {
  const json = typeof error === "string" ? parseJsonObjectText(error) : null;
  const value = json ? json.value : error;
  return (
    <div role="note" data-slot="conversation-error" className="tl:rounded-tl tl:border tl:border-danger tl:bg-(color:--tl-danger-subtle) tl:p-2">
      <p className="tl:m-0 tl:mb-1 tl:text-xs tl:font-semibold tl:text-danger">Error{status !== null && status >= 400 ? ` (HTTP ${status})` : ""}</p>
      {typeof value === "string" ? <TraceDetailText text={value} markdown={false} /> : <JsonView value={value} defaultExpandDepth={4} toolbar={false} />}
    </div>
  );
}

function Tools({ tools, highlight }: { tools: ConversationModel["tools"]; highlight: string }) {
  return (
    <DisclosureBox slot="conversation-tools" label={`Available tools (${tools.length})`} labelClassName="tl:font-semibold tl:text-fg">
      <ul className="tl:m-0 tl:flex tl:list-none tl:flex-col tl:gap-2 tl:border-t tl:border-border tl:p-2">
        {tools.map((tool, i) => (
          <li key={`${tool.name}:${i}`} className="tl:flex tl:flex-col tl:gap-0.5">
            <span className="tl:font-code tl:text-xs tl:font-semibold">{tool.name || "(unnamed)"}</span>
            {tool.description && <span className="tl:text-xs tl:text-muted">{tool.description}</span>}
            {tool.parameters !== undefined && <JsonView value={tool.parameters} defaultExpandDepth={1} toolbar={false} rootName="parameters" highlight={highlight} />}
          </li>
        ))}
      </ul>
    </DisclosureBox>
  );
}

function Details({ details, highlight }: { details: ConversationModel["details"]; highlight: string }) {
  return (
    <DisclosureBox slot="conversation-details" label={`Details (${details.length})`} labelClassName="tl:font-semibold tl:text-fg" defaultOpen>
      <dl className="tl:m-0 tl:grid tl:grid-cols-[max-content_1fr] tl:gap-x-3 tl:gap-y-1 tl:border-t tl:border-border tl:p-2 tl:text-xs">
        {details.map((detail) => (
          <div key={detail.key} data-detail={detail.key} className="tl:contents">
            <dt className="tl:font-semibold tl:text-muted">{detail.label}</dt>
            <dd className="tl:m-0 tl:min-w-0 tl:break-words">
              {typeof detail.value === "object" && detail.value !== null ? (
                <JsonView value={detail.value} defaultExpandDepth={2} toolbar={false} highlight={highlight} />
              ) : (
                <span className="tl:font-code">{String(detail.value)}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </DisclosureBox>
  );
}

/** Error block, evaluation verdict and tool list: what sits above the messages. */
export function TraceDetailConversationExtras({ model, node, highlight }: { model: ConversationModel; node: TraceTreeNode; highlight: string }) {
  const evaluation = model.evaluation;
  const verdict = evaluation ? (VERDICT[evaluation.result] ?? VERDICT.unknown) : null;
  return (
    <>
      {model.error !== null && <ErrorBlock error={model.error} status={httpStatus(node)} />}
      {evaluation && verdict && (
        <div data-slot="conversation-evaluation" className="tl:flex tl:flex-col tl:gap-1 tl:rounded-tl tl:border tl:border-border tl:p-2">
          <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-2">
            <span className="tl:text-sm tl:font-semibold">{evaluation.name}</span>
            <span className={cn("tl:rounded-sm tl:border tl:px-1 tl:text-xs tl:font-semibold", verdict.className)}>{verdict.text}</span>
            {evaluation.runtime && <span className="tl:text-xs tl:text-muted">{evaluation.runtime}</span>}
            {evaluation.model && <span className="tl:font-code tl:text-xs tl:text-muted">{evaluation.model}</span>}
          </div>
          {evaluation.reasoning && <TraceDetailText text={evaluation.reasoning} highlight={highlight} />}
        </div>
      )}
      {model.details.length > 0 && <Details details={model.details} highlight={highlight} />}
      {model.tools.length > 0 && <Tools tools={model.tools} highlight={highlight} />}
    </>
  );
}
