import { useEffect, useId, useRef, useState } from "react";
import { cn } from "./cn";

export interface TableColumnMenuItem {
  id: string;
  label: string;
  hideable: boolean;
}

export interface TableColumnMenuProps {
  /** Every column, in the current order. */
  columns: readonly TableColumnMenuItem[];
  visibility: Record<string, boolean>;
  onVisibilityChange: (next: Record<string, boolean>) => void;
  onOrderChange: (next: string[]) => void;
  /** Restores default visibility and order. */
  onReset?: () => void;
}

const BUTTON =
  "tl:cursor-pointer tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-2 tl:py-0.5 tl:text-xs tl:text-fg tl:hover:bg-bg-subtle " +
  "tl:focus-visible:outline-2 tl:focus-visible:outline-offset-1 tl:focus-visible:outline-focus tl:disabled:cursor-default tl:disabled:opacity-40";

function move(ids: string[], index: number, by: number): string[] {
  const target = index + by;
  if (target < 0 || target >= ids.length) return ids;
  const next = ids.slice();
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item!);
  return next;
}

/**
 * A "Columns" disclosure: a checkbox per column to show or hide it, and buttons to move it earlier or later
 * (reordering without drag, so it works from the keyboard). Escape or a click outside closes it.
 */
export function TableColumnMenu({ columns, visibility, onVisibilityChange, onOrderChange, onReset }: TableColumnMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement | null>(null);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && event.target instanceof Node && !rootRef.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);
  const ids = columns.map((c) => c.id);
  return (
    <div
      ref={rootRef}
      data-slot="table-column-menu"
      className="tl:relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button ref={buttonRef} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} className={BUTTON}>
        Columns
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label="Columns"
          data-slot="table-column-menu-panel"
          className="tl:absolute tl:right-0 tl:z-30 tl:mt-1 tl:flex tl:w-64 tl:flex-col tl:gap-0.5 tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:p-2 tl:shadow-md"
        >
          <ul className="tl:m-0 tl:flex tl:list-none tl:flex-col tl:gap-0.5 tl:p-0">
            {columns.map((column, index) => (
              <li key={column.id} data-column-id={column.id} className="tl:flex tl:items-center tl:gap-1">
                <label className={cn("tl:flex tl:flex-1 tl:items-center tl:gap-1.5 tl:text-xs", column.hideable && "tl:cursor-pointer")}>
                  <input
                    type="checkbox"
                    checked={visibility[column.id] !== false}
                    disabled={!column.hideable}
                    onChange={(event) => onVisibilityChange({ ...visibility, [column.id]: event.target.checked })}
                    className="tl:accent-(--tl-accent)"
                  />
                  {column.label}
                </label>
                <button
                  type="button"
                  aria-label={`Move ${column.label} earlier`}
                  disabled={index === 0}
                  onClick={() => onOrderChange(move(ids, index, -1))}
                  className={cn(BUTTON, "tl:px-1")}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${column.label} later`}
                  disabled={index === columns.length - 1}
                  onClick={() => onOrderChange(move(ids, index, 1))}
                  className={cn(BUTTON, "tl:px-1")}
                >
                  ↓
                </button>
              </li>
            ))}
          </ul>
          {onReset && (
            <button type="button" onClick={onReset} className={cn(BUTTON, "tl:mt-1 tl:self-start")}>
              Reset columns
            </button>
          )}
        </div>
      )}
    </div>
  );
}
