import type { ReactNode } from "react";
import type { SummarizationSummary, SummaryLineItem } from "../../core/eventsApi";
import { SafeMarkdown } from "../ui/SafeMarkdown";
import { renderLineRefText, SummaryLineRefButton, SummaryLineRefText } from "./SummaryPanelLineRefs";
import { itemLineRanges, summaryItems } from "./summaryPanelModel";

/** Model output is untrusted and unbounded: one item's text is cut here before any parsing. */
const MAX_ITEM_CHARS = 20_000;
const MAX_FLOW_CHARS = 50_000;

const asText = (value: unknown, max: number) => (typeof value === "string" ? value : value == null ? "" : String(value)).slice(0, max);

function Section({ title, open, children, slot }: { title: string; open: boolean; children: ReactNode; slot: string }) {
  return (
    <details open={open} data-slot={slot} className="tl:group tl:rounded-tl tl:border tl:border-border">
      <summary className="tl:cursor-pointer tl:px-2 tl:py-1 tl:text-sm tl:font-semibold tl:focus-visible:outline-2 tl:focus-visible:outline-focus">
        {title}
      </summary>
      <div className="tl:border-t tl:border-border tl:px-2 tl:py-1.5">{children}</div>
    </details>
  );
}

function ItemList({ items, label }: { items: SummaryLineItem[]; label: string }) {
  return (
    <ul aria-label={label} className="tl:m-0 tl:flex tl:list-disc tl:flex-col tl:gap-1 tl:pl-5">
      {items.map((item, i) => {
        const ranges = itemLineRanges(item);
        return (
          <li key={i} data-slot="summary-item" className="tl:text-sm">
            <div className="tl:flex tl:flex-wrap tl:items-baseline tl:gap-x-1.5">
              <SafeMarkdown text={asText(item.text, MAX_ITEM_CHARS)} renderText={renderLineRefText} className="tl:min-w-0 tl:[&>p]:my-0" />
              {ranges.length > 0 && <SummaryLineRefButton ranges={ranges} />}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export interface SummaryPanelContentProps {
  summary: SummarizationSummary;
  /** Whether the flow diagram starts open (PostHog keeps it closed). @default false */
  flowOpen?: boolean;
}

/** Title, flow diagram, summary points and interesting notes; every text drawn as text, never HTML. */
export function SummaryPanelContent({ summary, flowOpen = false }: SummaryPanelContentProps) {
  const title = asText(summary.title, 500).trim();
  const flow = asText(summary.flow_diagram, MAX_FLOW_CHARS).replace(/\s+$/, "");
  const bullets = summaryItems(summary.summary_bullets);
  const notes = summaryItems(summary.interesting_notes);
  return (
    <div data-slot="summary-content" className="tl:flex tl:flex-col tl:gap-2">
      <h3 dir="auto" data-slot="summary-title" className="tl:m-0 tl:text-base tl:font-semibold tl:break-words">
        {title || "Untitled summary"}
      </h3>
      {flow && (
        <Section title="Flow diagram" open={flowOpen} slot="summary-flow">
          <pre className="tl:m-0 tl:overflow-x-auto tl:whitespace-pre tl:font-code tl:text-xs" tabIndex={0} role="group" aria-label="Flow diagram">
            <SummaryLineRefText text={flow} />
          </pre>
        </Section>
      )}
      <Section title="Summary points" open slot="summary-points">
        {bullets.length ? <ItemList items={bullets} label="Summary points" /> : <p className="tl:m-0 tl:text-sm tl:text-muted">No summary points.</p>}
      </Section>
      {notes.length > 0 && (
        <Section title="Interesting notes" open slot="summary-notes">
          <ItemList items={notes} label="Interesting notes" />
        </Section>
      )}
    </div>
  );
}
