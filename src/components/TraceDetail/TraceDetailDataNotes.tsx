import type { TraceDataNote, TraceDataNoteKind, TraceTree, TraceTreeNode } from "../../core/trace";
import { cutText } from "../../core/boundedText";
import { LINK_BUTTON } from "../ui/buttonStyles";
import { DisclosureBox } from "../ui/DisclosureBox";
import { formatInteger } from "./traceDetailModel";

/** Notes drawn at most; the rest are counted (a trace of 100,000 copies must not draw 100,000 rows). */
const NOTES_SHOWN = 200;

const KIND_LABEL: Record<TraceDataNoteKind, [one: string, many: string]> = {
  skipped: ["item skipped", "items skipped"],
  merged: ["copy merged", "copies merged"],
  "reused-id": ["reused id kept apart", "reused ids kept apart"],
  "re-parented": ["event re-parented", "events re-parented"],
  "cycle-broken": ["parent cycle cut", "parent cycles cut"],
};

const KIND_ORDER: readonly TraceDataNoteKind[] = ["skipped", "merged", "reused-id", "re-parented", "cycle-broken"];

export interface TraceDetailDataNotesProps {
  tree: TraceTree;
  onSelectNode: (node: TraceTreeNode) => void;
  locale?: string;
}

function summary(notes: readonly TraceDataNote[], locale?: string): string {
  const counts = new Map<TraceDataNoteKind, number>();
  for (const note of notes) counts.set(note.kind, (counts.get(note.kind) ?? 0) + 1);
  return KIND_ORDER.flatMap((kind) => {
    const count = counts.get(kind);
    if (!count) return [];
    const [one, many] = KIND_LABEL[kind];
    return [`${formatInteger(count, locale)} ${count === 1 ? one : many}`];
  }).join(", ");
}

/**
 * What the trace builder did to the data, so nothing is dropped or moved without a word: skipped
 * items, merged copies, ids reused by different events, re-parented orphans and cut cycles, each
 * with its event id and a way to the node that shows it now. Renders nothing for clean data.
 */
export function TraceDetailDataNotes({ tree, onSelectNode, locale }: TraceDetailDataNotesProps) {
  const notes = tree.notes;
  if (notes.length === 0) return null;
  const count = notes.length;
  return (
    <DisclosureBox
      slot="trace-data-notes"
      labelClassName="tl:text-muted"
      label={
        <>
          <span className="tl:font-semibold tl:text-fg">
            {formatInteger(count, locale)} data {count === 1 ? "note" : "notes"}
          </span>
          : {summary(notes, locale)}
        </>
      }
    >
      <ul aria-label="Data notes" className="tl:m-0 tl:flex tl:max-h-60 tl:list-none tl:flex-col tl:gap-1 tl:overflow-auto tl:px-2 tl:pb-2 tl:text-xs">
        {notes.slice(0, NOTES_SHOWN).map((note, i) => {
          const node = note.nodeKey === null ? undefined : tree.nodesByKey.get(note.nodeKey);
          return (
            <li key={i} data-note-kind={note.kind} className="tl:flex tl:flex-wrap tl:items-baseline tl:gap-x-2">
              <span className="tl:font-semibold">{KIND_LABEL[note.kind][0]}</span>
              {note.eventId !== null && <span className="tl:font-code tl:text-muted">{cutText(note.eventId, 80)}</span>}
              <span className="tl:min-w-0 tl:break-words">{cutText(note.message, 400)}</span>
              {node && (
                <button type="button" className={LINK_BUTTON} onClick={() => onSelectNode(node)}>
                  Show<span className="tl:sr-only"> {cutText(note.eventId ?? note.nodeKey ?? "", 80)} in the tree</span>
                </button>
              )}
            </li>
          );
        })}
        {count > NOTES_SHOWN && <li className="tl:text-muted">and {formatInteger(count - NOTES_SHOWN, locale)} more</li>}
      </ul>
    </DisclosureBox>
  );
}
