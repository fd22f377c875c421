import { useId } from "react";
import { CONVERSATION_PRESETS, readConversationPreset, type ConversationPreset } from "../../core/conversationPresets";

export interface TraceDetailPresetsProps {
  value: ConversationPreset;
  onChange: (preset: ConversationPreset) => void;
}

/** PostHog's "Display" option: which messages start open, or the text view instead of the conversation. */
export function TraceDetailPresets({ value, onChange }: TraceDetailPresetsProps) {
  const id = useId();
  return (
    <span data-slot="conversation-presets" className="tl:inline-flex tl:min-w-0 tl:max-w-full tl:items-center tl:gap-1 tl:text-xs">
      <label htmlFor={id} className="tl:text-muted">
        Display
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(readConversationPreset(event.target.value))}
        className="tl:min-w-0 tl:max-w-full tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-1 tl:py-0.5 tl:text-xs tl:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
      >
        {CONVERSATION_PRESETS.map((option) => (
          <option key={option.preset} value={option.preset}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}
