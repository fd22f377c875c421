import { JsonView } from "../ui/JsonView";
import { generationErrorText, generationModel, generationProvider, type GenerationRow } from "../../core/generationRows";

/**
 * The detail row under an expanded generation: its error (if any) and every property in a collapsible
 * JSON view. The view opens one level and cuts long strings, so a 300 kB `$ai_input` stays cheap until
 * someone asks for all of it.
 */
export function GenerationsTableDetails({ row }: { row: GenerationRow }) {
  const error = generationErrorText(row, 2000);
  const model = generationModel(row);
  const provider = generationProvider(row);
  const properties = row.event.properties && typeof row.event.properties === "object" ? row.event.properties : {};
  return (
    <section
      aria-label={`Properties of generation ${row.event.id}`}
      data-slot="generations-table-details"
      className="tl:flex tl:flex-col tl:gap-2 tl:text-xs"
    >
      {(model || provider) && (
        <p className="tl:m-0 tl:text-muted">
          {model && <span className="tl:font-code tl:text-fg">{model}</span>}
          {provider && <span> ({provider})</span>}
        </p>
      )}
      {error && (
        <p role="note" className="tl:m-0 tl:rounded-sm tl:bg-(color:--tl-danger-subtle) tl:px-2 tl:py-1 tl:font-code tl:whitespace-pre-wrap tl:break-words tl:text-danger">
          {error}
        </p>
      )}
      <div className="tl:max-h-80 tl:overflow-auto tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:p-2">
        <JsonView value={properties} rootName="properties" defaultExpandDepth={1} maxStringChars={500} />
      </div>
    </section>
  );
}
