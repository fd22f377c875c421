"use client";
import {
  createContext,
  forwardRef,
  useContext,
  useMemo,
  useState,
  type ComponentPropsWithoutRef,
  type Ref,
} from "react";
import { SMALL_BUTTON } from "./buttonStyles";
import { cn } from "./cn";
import { CopyButton } from "./CopyButton";
import { highlightText } from "./HighlightText";
import { formatPrimitive, jsonEntries, jsonKind, safeStringify } from "./jsonViewModel";

/** Deeper than this, a value is summarised instead of rendered (React and the DOM stay shallow). */
const MAX_RENDER_DEPTH = 200;
/** Nodes that "Expand all" may open before further ones stay closed. */
const EXPAND_ALL_BUDGET = 3000;

interface JsonViewContextValue {
  defaultExpandDepth: number;
  maxStringChars: number;
  pageSize: number;
  highlight: string | undefined;
  mode: "default" | "expanded" | "collapsed";
  budget: { left: number };
}

const JsonViewContext = createContext<JsonViewContextValue | null>(null);

const VALUE_COLOUR: Record<string, string> = {
  string: "tl:text-(color:--tl-kind-generation)",
  number: "tl:text-accent",
  boolean: "tl:text-(color:--tl-kind-trace)",
  null: "tl:text-muted",
  other: "tl:text-muted",
};

function StringValue({ value }: { value: string }) {
  const ctx = useContext(JsonViewContext) as JsonViewContextValue;
  const [full, setFull] = useState(false);
  const cut = !full && value.length > ctx.maxStringChars;
  const shown = cut ? value.slice(0, ctx.maxStringChars) : value;
  return (
    <span className={cn("tl:whitespace-pre-wrap tl:break-all", VALUE_COLOUR.string)}>
      {highlightText(cut ? `${JSON.stringify(shown).slice(0, -1)}…` : JSON.stringify(shown), ctx.highlight)}
      {value.length > ctx.maxStringChars && (
        <button
          type="button"
          onClick={() => setFull(!full)}
          className="tl:ml-1 tl:cursor-pointer tl:border-0 tl:bg-transparent tl:font-body tl:text-xs tl:text-accent tl:underline tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        >
          {full ? "Show less" : `Show all ${value.length.toLocaleString("en-US")} characters`}
        </button>
      )}
    </span>
  );
}

interface JsonNodeProps {
  name: string | null;
  value: unknown;
  depth: number;
  ancestors: readonly object[];
}

function initialOpen(ctx: JsonViewContextValue, depth: number): boolean {
  if (ctx.mode === "collapsed") return depth === 0;
  if (ctx.mode === "expanded") {
    if (ctx.budget.left <= 0) return false;
    ctx.budget.left--;
    return true;
  }
  return depth < ctx.defaultExpandDepth;
}

function JsonNode({ name, value, depth, ancestors }: JsonNodeProps) {
  const ctx = useContext(JsonViewContext) as JsonViewContextValue;
  const kind = jsonKind(value);
  const container = kind === "object" || kind === "array";
  const [open, setOpen] = useState(() => container && initialOpen(ctx, depth));
  const [shown, setShown] = useState(ctx.pageSize);
  const entries = useMemo(() => (container && open ? jsonEntries(value) : []), [container, open, value]);
  const label =
    name === null ? null : (
      <span className="tl:text-fg">
        {highlightText(name, ctx.highlight)}
        <span className="tl:text-muted">: </span>
      </span>
    );

  if (!container) {
    return (
      <div data-slot="json-node" className="tl:pl-4">
        {label}
        {kind === "string" ? (
          <StringValue value={value as string} />
        ) : (
          <span className={VALUE_COLOUR[kind]}>{formatPrimitive(value)}</span>
        )}
      </div>
    );
  }
  const circular = ancestors.includes(value as object);
  const size = Array.isArray(value) ? value.length : Object.keys(value as object).length;
  const summary = kind === "array" ? `[…] ${size} ${size === 1 ? "item" : "items"}` : `{…} ${size} ${size === 1 ? "key" : "keys"}`;
  if (circular || depth >= MAX_RENDER_DEPTH || size === 0) {
    const text = circular ? "[circular]" : size === 0 ? (kind === "array" ? "[]" : "{}") : `${summary} (nested too deep to show)`;
    return (
      <div data-slot="json-node" className="tl:pl-4">
        {label}
        <span className="tl:text-muted">{text}</span>
      </div>
    );
  }
  const childAncestors = [...ancestors, value as object];
  return (
    <div data-slot="json-node" data-state={open ? "open" : "closed"}>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="tl:flex tl:w-full tl:cursor-pointer tl:items-baseline tl:gap-1 tl:border-0 tl:bg-transparent tl:text-left tl:font-code tl:hover:bg-bg-subtle tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
      >
        <span aria-hidden="true" className="tl:inline-block tl:w-3 tl:text-muted">
          {open ? "▾" : "▸"}
        </span>
        {label}
        <span className="tl:text-muted">{open ? (kind === "array" ? "[" : "{") : summary}</span>
      </button>
      {open && (
        <div className="tl:ml-1.5 tl:border-l tl:border-border tl:pl-1">
          {entries.slice(0, shown).map(([key, child]) => (
            <JsonNode key={key} name={kind === "array" ? key : key} value={child} depth={depth + 1} ancestors={childAncestors} />
          ))}
          {entries.length > shown && (
            <button
              type="button"
              onClick={() => setShown(shown + ctx.pageSize)}
              className="tl:ml-4 tl:cursor-pointer tl:border-0 tl:bg-transparent tl:font-body tl:text-xs tl:text-accent tl:underline tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
            >
              Show {Math.min(ctx.pageSize, entries.length - shown)} more of {entries.length - shown} remaining
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export interface JsonViewProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** Any value; JSON-like data is expected, but cycles, BigInt and throwing getters are handled. */
  value: unknown;
  /** Levels open at first. @default 2 */
  defaultExpandDepth?: number;
  /** Name of the root value, e.g. "properties". */
  rootName?: string;
  /** Strings longer than this are cut, with a button to show all. @default 1000 */
  maxStringChars?: number;
  /** Children listed per object or array before a "show more" button. @default 100 */
  pageSize?: number;
  /** Marks occurrences of this text in keys and strings. */
  highlight?: string;
  /** Shows Expand all / Collapse all / Copy JSON. @default true */
  toolbar?: boolean;
}

/** A collapsible JSON viewer: opens a few levels, pages long lists, cuts long strings; never renders HTML. */
export const JsonView = forwardRef(function JsonView(
  { value, defaultExpandDepth = 2, rootName, maxStringChars = 1000, pageSize = 100, highlight, toolbar = true, className, ...rest }: JsonViewProps,
  ref: Ref<HTMLDivElement>,
) {
  const [mode, setMode] = useState<{ mode: JsonViewContextValue["mode"]; version: number }>({ mode: "default", version: 0 });
  const ctx = useMemo<JsonViewContextValue>(
    () => ({ defaultExpandDepth, maxStringChars, pageSize, highlight, mode: mode.mode, budget: { left: EXPAND_ALL_BUDGET } }),
    [defaultExpandDepth, maxStringChars, pageSize, highlight, mode],
  );
  const button = SMALL_BUTTON;
  return (
    <div {...rest} ref={ref} data-slot="json-view" className={cn("tl:text-xs", className)}>
      {toolbar && (
        <div className="tl:mb-1 tl:flex tl:flex-wrap tl:gap-1">
          <button type="button" className={button} onClick={() => setMode({ mode: "expanded", version: mode.version + 1 })}>
            Expand all
          </button>
          <button type="button" className={button} onClick={() => setMode({ mode: "collapsed", version: mode.version + 1 })}>
            Collapse all
          </button>
          <CopyButton value={() => safeStringify(value)} label="Copy JSON" />
        </div>
      )}
      <div className="tl:min-w-0 tl:break-words tl:font-code tl:leading-5">
        <JsonViewContext.Provider value={ctx}>
          <JsonNode key={mode.version} name={rootName ?? null} value={value} depth={0} ancestors={[]} />
        </JsonViewContext.Provider>
      </div>
    </div>
  );
});
JsonView.displayName = "JsonView";
