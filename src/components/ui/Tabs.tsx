import { forwardRef, useId, useRef, type ComponentPropsWithoutRef, type KeyboardEvent, type ReactNode, type Ref } from "react";
import { cn } from "./cn";
import { useControllableState } from "./useControllableState";

export interface TabItem<V extends string = string> {
  value: V;
  label: ReactNode;
  /** The panel; a function is only called while its tab is active. */
  content: ReactNode | (() => ReactNode);
  disabled?: boolean;
}

export interface TabsProps<V extends string = string> extends Omit<ComponentPropsWithoutRef<"div">, "onChange" | "defaultValue"> {
  items: ReadonlyArray<TabItem<V>>;
  /** Active tab (controlled). */
  value?: V;
  /** Initial tab when uncontrolled. @default the first enabled item */
  defaultValue?: V;
  onValueChange?: (value: V) => void;
  /** Accessible name of the tab list. */
  label: string;
  /** Extra content at the end of the tab row (actions). */
  actions?: ReactNode;
}

function TabsImpl<V extends string>(
  { items, value, defaultValue, onValueChange, label, actions, className, ...rest }: TabsProps<V>,
  ref: Ref<HTMLDivElement>,
) {
  const baseId = useId();
  const firstEnabled = items.find((item) => !item.disabled)?.value;
  const [active, setActive] = useControllableState<V | undefined>(value, defaultValue ?? firstEnabled, onValueChange as (v: V | undefined) => void);
  const current = items.some((item) => item.value === active && !item.disabled) ? active : firstEnabled;
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const enabled = items.filter((item) => !item.disabled);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = enabled.findIndex((item) => item.value === current);
    let next: number | null = null;
    if (event.key === "ArrowRight") next = (index + 1) % enabled.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + enabled.length) % enabled.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = enabled.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = enabled[next];
    if (!target) return;
    setActive(target.value);
    tabRefs.current.get(target.value)?.focus();
  };

  const activeItem = items.find((item) => item.value === current);
  const panel = activeItem ? (typeof activeItem.content === "function" ? activeItem.content() : activeItem.content) : null;

  return (
    <div {...rest} ref={ref} data-slot="tabs" className={cn("tl:flex tl:min-h-0 tl:flex-col", className)}>
      <div className="tl:flex tl:items-end tl:gap-2 tl:border-b tl:border-border">
        <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className="tl:flex tl:flex-wrap tl:gap-1">
          {items.map((item) => {
            const selected = item.value === current;
            return (
              <button
                key={item.value}
                ref={(node) => {
                  if (node) tabRefs.current.set(item.value, node);
                  else tabRefs.current.delete(item.value);
                }}
                type="button"
                role="tab"
                id={`${baseId}-tab-${item.value}`}
                aria-controls={`${baseId}-panel-${item.value}`}
                aria-selected={selected}
                tabIndex={selected ? 0 : -1}
                disabled={item.disabled}
                data-slot="tab"
                data-state={selected ? "active" : "inactive"}
                onClick={() => setActive(item.value)}
                className={cn(
                  "tl:-mb-px tl:border-x-0 tl:border-t-0 tl:border-b-2 tl:border-solid tl:px-2 tl:py-1 tl:text-sm tl:cursor-pointer tl:bg-transparent",
                  "tl:focus-visible:outline-2 tl:focus-visible:outline-offset-1 tl:focus-visible:outline-focus",
                  "tl:disabled:cursor-not-allowed tl:disabled:opacity-50",
                  selected ? "tl:border-accent tl:text-fg tl:font-semibold" : "tl:border-transparent tl:text-muted tl:hover:text-fg",
                )}
              >
                {item.label}
              </button>
            );
          })}
        </div>
        {actions && <div className="tl:ml-auto tl:flex tl:min-w-0 tl:max-w-full tl:items-center tl:gap-1 tl:pb-1">{actions}</div>}
      </div>
      {activeItem && (
        <div
          role="tabpanel"
          id={`${baseId}-panel-${activeItem.value}`}
          aria-labelledby={`${baseId}-tab-${activeItem.value}`}
          data-slot="tab-panel"
          data-value={activeItem.value}
          className="tl:min-h-0 tl:flex-1 tl:pt-2"
        >
          {panel}
        </div>
      )}
    </div>
  );
}

/** Accessible tabs (WAI-ARIA tabs pattern: arrows, Home/End, automatic activation); only the active panel is mounted. */
export const Tabs = forwardRef(TabsImpl) as <V extends string = string>(
  props: TabsProps<V> & { ref?: Ref<HTMLDivElement> },
) => ReturnType<typeof TabsImpl>;
(Tabs as { displayName?: string }).displayName = "Tabs";
