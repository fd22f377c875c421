import type { TextReprLine } from "../../core/textRepr";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { CopyButton } from "../ui/CopyButton";
import { buildTextReprRows, isExpanded, rowText, type TextReprExpansion } from "./textReprViewModel";

const button = SMALL_BUTTON;

/**
 * The text Copy puts on the clipboard: every event and tool list opened (as PostHog does for a
 * trace) while truncated middles keep the state they have on screen.
 */
export function textReprCopyText(lines: readonly TextReprLine[], numbered: boolean, expansion: TextReprExpansion, gutterWidth: number): string {
  const rows = buildTextReprRows(lines, {
    numbered,
    expanded: (key, segment) => (segment.kind === "truncated" ? isExpanded(expansion, key) : true),
  });
  return rows.map((row) => rowText(row, gutterWidth)).join("\n");
}

export interface TextReprViewToolbarProps {
  lines: readonly TextReprLine[];
  numbered: boolean;
  expansion: TextReprExpansion;
  gutterWidth: number;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}

export function TextReprViewToolbar({ lines, numbered, expansion, gutterWidth, onExpandAll, onCollapseAll }: TextReprViewToolbarProps) {
  const hasMarkers = lines.some((line) => line.segments.some((segment) => segment.kind !== "text" && segment.kind !== "eventLink"));
  return (
    <div data-slot="text-repr-toolbar" className="tl:flex tl:flex-wrap tl:items-center tl:justify-end tl:gap-1">
      {hasMarkers && (
        <>
          <button type="button" className={button} onClick={onExpandAll}>
            Expand all
          </button>
          <button type="button" className={button} onClick={onCollapseAll}>
            Collapse all
          </button>
        </>
      )}
      <CopyButton value={() => textReprCopyText(lines, numbered, expansion, gutterWidth)} label="Copy text" />
    </div>
  );
}
