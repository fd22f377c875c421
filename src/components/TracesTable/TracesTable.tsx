import { forwardRef, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { TracesParams } from "../../client/clientTypes";
import type { LLMTrace } from "../../core/eventsTrace";
import type { SentimentLabel } from "../../core/sentiment/types";
import { ErrorBoundary } from "../ui/ErrorState";
import { useConnectedTable, type ConnectedTableProps } from "../ui/useConnectedTable";
import { useControllableState } from "../ui/useControllableState";
import { tracesTableColumns, type TracesTableColumn } from "./tracesTableColumns";
import { TracesTableQuery } from "./TracesTableQuery";
import { TracesTableHostData, type TracesTableSharedViewProps } from "./TracesTableHostData";

export interface TracesTableProps extends ConnectedTableProps, Omit<ComponentPropsWithoutRef<"div">, "children" | "onChange"> {
  /** The host's own traces (PostHog `LLMTrace` shape). When given, nothing is fetched but lazy sentiment. */
  traces?: readonly LLMTrace[];
  /** Drop-in mode: a TracesQuery (date range, filters, person) run through the provider's client. Paging is the table's. */
  query?: Omit<TracesParams, "limit" | "offset">;
  /** Column definitions. @default tracesTableColumns (PostHog's default set) */
  columns?: readonly TracesTableColumn[];
  /** Sentiment labels to show; empty shows all. Controlled when given. */
  sentimentFilter?: SentimentLabel[];
  /** @default [] */
  defaultSentimentFilter?: SentimentLabel[];
  onSentimentFilterChange?: (labels: SentimentLabel[]) => void;
  /** Search text. Host data is searched in the browser; the query path sends it as `searchTerm`. Controlled when given. */
  search?: string;
  /** @default "" */
  defaultSearch?: string;
  onSearchChange?: (search: string) => void;
  /** Enter on a focused row, or a click on it. */
  onTraceClick?: (trace: LLMTrace) => void;
  /** Load sentiment for rendered rows that carry none, through `useSentiment`, when a client is available. @default true */
  loadSentiment?: boolean;
  /** Accessible name of the table. @default "Traces" */
  label?: string;
  /** Shows search, the sentiment filter and the column menu. @default true */
  toolbar?: boolean;
  /** @default "There were no traces in this period" */
  emptyTitle?: ReactNode;
}

const NO_LABELS: SentimentLabel[] = [];
const DEFAULTS = { label: "Traces", emptyTitle: "There were no traces in this period" };

/**
 * PostHog's traces list as a drop-in component: pass `traces`, or a `query` inside a TraceLensProvider.
 * Rows are virtual (100,000 stay smooth), sentiment loads only for rendered rows, and the keyboard moves
 * between rows (arrows, Home/End, Page Up/Down) and opens one with Enter.
 */
export const TracesTable = forwardRef(function TracesTable(props: TracesTableProps, ref: Ref<HTMLDivElement>) {
  return (
    <ErrorBoundary title="The traces table could not be shown" resetKey={props.traces ?? JSON.stringify(props.query ?? null)}>
      <TracesTableInner {...props} forwardedRef={ref} />
    </ErrorBoundary>
  );
});
TracesTable.displayName = "TracesTable";

function TracesTableInner({ forwardedRef, ...props }: TracesTableProps & { forwardedRef: Ref<HTMLDivElement> }) {
  const {
    traces, columns = tracesTableColumns, sentimentFilter: sentimentFilterProp, defaultSentimentFilter, onSentimentFilterChange,
    search: searchProp, defaultSearch, onSearchChange, onTraceClick, ...connected
  } = props;
  const shell = useConnectedTable(connected, columns, DEFAULTS);
  const [sentimentFilter, setSentimentFilter] = useControllableState(sentimentFilterProp, () => defaultSentimentFilter ?? NO_LABELS, onSentimentFilterChange);
  const [search, setSearch] = useControllableState(searchProp, () => defaultSearch ?? "", onSearchChange);
  const view: TracesTableSharedViewProps = {
    ...shell.rest, ...shell.frame, columns, search, onSearchChange: setSearch, sentimentFilter, onSentimentFilterChange: setSentimentFilter, onTraceClick,
  };

  if (traces === undefined) {
    const connection = shell.queryConnection(
      "TracesTable needs `traces`, or a `query` inside <TraceLensProvider client={...}> (or `client` and `queryClient` props).",
    );
    return <TracesTableQuery ref={forwardedRef} view={view} connection={connection} />;
  }
  return (
    <TracesTableHostData ref={forwardedRef} view={view} traces={traces} source={shell.sentiment} {...shell.host} locale={shell.locale} now={shell.now} />
  );
}
