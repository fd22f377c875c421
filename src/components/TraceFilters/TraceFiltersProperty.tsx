import { useId, useMemo, useState } from "react";
import type { LLMTrace, QueryPropertyFilter } from "../../core/eventsTrace";
import {
  PROPERTY_OPERATOR_INFO,
  operatorsFor,
  propertyFilter,
  propertyFilterProblem,
  type PropertyOperator,
  type PropertyValueType,
} from "../../core/filterProperties";
import { propertyKeySuggestions, propertyValueSuggestions } from "../../core/filterSuggestions";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { PopoverButton } from "../ui/PopoverButton";

export interface TraceFiltersPropertyProps {
  /** Loaded traces the keys and values are suggested from. */
  traces: readonly LLMTrace[];
  onAdd: (filter: QueryPropertyFilter) => void;
}

const INPUT = "tl:w-full tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-1.5 tl:py-0.5 tl:text-xs tl:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-focus";

/** The typed value an operator takes from the form's text fields (numbers stay text: PostHog compares text too). */
function filterValue(operator: PropertyOperator, first: string, second: string): unknown {
  switch (PROPERTY_OPERATOR_INFO[operator].value) {
    case "none":
      return undefined;
    case "range":
      return [first.trim(), second.trim()].map((text) => (text !== "" && Number.isFinite(Number(text)) ? Number(text) : text));
    case "list":
      return first.split(",").map((part) => part.trim()).filter(Boolean);
    case "number":
      return first.trim() !== "" && Number.isFinite(Number(first)) ? Number(first) : first;
    default:
      return first;
  }
}

/**
 * "Add filter": an event or person property, an operator PostHog supports for its apparent type, and a
 * value, with keys and values suggested from the loaded traces. PostHog's own refusals (a bad range, a
 * regex re2 cannot compile) show before the filter is added.
 */
export function TraceFiltersProperty({ traces, onAdd }: TraceFiltersPropertyProps) {
  return (
    <PopoverButton slot="trace-filters-add" label="Add filter" panelLabel="Add a property filter">
      {(close) => <PropertyForm traces={traces} onAdd={(filter) => (onAdd(filter), close())} />}
    </PopoverButton>
  );
}

function PropertyForm({ traces, onAdd }: TraceFiltersPropertyProps) {
  const id = useId();
  const [type, setType] = useState<"event" | "person">("event");
  const [key, setKey] = useState("");
  const [operator, setOperator] = useState<PropertyOperator>("exact");
  const [first, setFirst] = useState("");
  const [second, setSecond] = useState("");
  const [tried, setTried] = useState(false);
  const keys = useMemo(() => propertyKeySuggestions(traces, { limit: 200 }), [traces]);
  const keysOfType = keys.filter((k) => k.type === type);
  const valueType: PropertyValueType = keysOfType.find((k) => k.key === key)?.valueType ?? "unknown";
  const operators = operatorsFor(valueType);
  const shownOperator = operators.includes(operator) ? operator : operators[0]!;
  const values = useMemo(() => (key.trim() ? propertyValueSuggestions(traces, type, key.trim(), { limit: 50 }) : []), [traces, type, key]);
  const kind = PROPERTY_OPERATOR_INFO[shownOperator].value;
  const filter = propertyFilter(type, key.trim(), shownOperator, filterValue(shownOperator, first, second));
  const problem = key.trim() === "" ? "Choose a property" : kind !== "none" && first.trim() === "" ? "Enter a value" : propertyFilterProblem(filter)?.message ?? null;
  return (
    <form
      aria-label="Property filter"
      className="tl:flex tl:flex-col tl:gap-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!problem) onAdd(filter);
      }}
    >
      <label htmlFor={`${id}-type`}>Property of</label>
      <select id={`${id}-type`} value={type} onChange={(event) => setType(event.target.value === "person" ? "person" : "event")} className={INPUT}>
        <option value="event">Event</option>
        <option value="person">Person</option>
      </select>
      <label htmlFor={`${id}-key`}>Property</label>
      <input id={`${id}-key`} list={`${id}-keys`} value={key} autoComplete="off" onChange={(event) => setKey(event.target.value)} className={INPUT} />
      <datalist id={`${id}-keys`}>
        {keysOfType.map((k) => (
          <option key={k.key} value={k.key}>{`${k.count} ${type === "person" ? "traces" : "events"}`}</option>
        ))}
      </datalist>
      <label htmlFor={`${id}-operator`}>Operator</label>
      <select id={`${id}-operator`} value={shownOperator} onChange={(event) => setOperator(event.target.value as PropertyOperator)} className={INPUT}>
        {operators.map((op) => (
          <option key={op} value={op}>
            {PROPERTY_OPERATOR_INFO[op].label}
          </option>
        ))}
      </select>
      {kind !== "none" && (
        <>
          <label htmlFor={`${id}-value`}>{kind === "range" ? "From" : kind === "list" ? "Values (comma separated)" : "Value"}</label>
          <input
            id={`${id}-value`}
            list={kind === "range" ? undefined : `${id}-values`}
            type={kind === "date" ? "date" : "text"}
            value={first}
            autoComplete="off"
            onChange={(event) => setFirst(event.target.value)}
            className={INPUT}
          />
          <datalist id={`${id}-values`}>
            {values.map((v) => (
              <option key={v.value} value={v.value}>{`${v.count}×`}</option>
            ))}
          </datalist>
        </>
      )}
      {kind === "range" && (
        <>
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} value={second} onChange={(event) => setSecond(event.target.value)} className={INPUT} />
        </>
      )}
      {tried && problem && (
        <span role="alert" className="tl:text-danger">
          {problem}
        </span>
      )}
      <button type="submit" className={cn(SMALL_BUTTON, "tl:self-start")}>
        Add
      </button>
    </form>
  );
}
