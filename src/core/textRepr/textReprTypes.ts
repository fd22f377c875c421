/** Public types of the text_repr port, mirroring PostHog's request and response bodies. */

/** Any JSON value, as sent in a text_repr request or returned in its metadata. */
export type TextReprJson =
  | string
  | number
  | boolean
  | null
  | TextReprJson[]
  | { [key: string]: TextReprJson };

/** The `event_type` of a text_repr request. */
export type TextReprEventType = "$ai_generation" | "$ai_span" | "$ai_embedding" | "$ai_evaluation" | "$ai_trace";

/**
 * Rendering options, with the same snake_case names as the `options` of PostHog's
 * `POST /llm_analytics/text_repr/`, so one object serves both the API and this port. They are
 * read as PostHog's request serializer reads them: integral numbers or integer strings (`"500"`)
 * for the numbers, `true`/`false`, `1`/`0` or `"yes"`, `"off"`… for the flags; anything else makes
 * the request a 400 (`error.body` says which option).
 */
export interface TextReprOptions {
  /** Longest text returned, in code points; longer texts are uniformly sampled. Default 2,000,000; 0 is no limit. */
  max_length?: number;
  /** Middle-truncate long message contents and states. Default true. */
  truncated?: boolean;
  /** Contents longer than this many code points are middle-truncated. Default 1000. */
  truncate_buffer?: number;
  /** Emit `<<<…>>>` markers (truncated middles, expandable tools and events). Default true. */
  include_markers?: boolean;
  /** Traces: one line per node, without event contents. Default false. */
  collapsed?: boolean;
  /** Prefix every line with `L001: `. Default false. */
  include_line_numbers?: boolean;
  /** More tools than this are collapsed into one expandable line. Default 5. */
  tools_collapse_threshold?: number;
  /** Accepted and ignored, as by PostHog. */
  include_metadata?: boolean;
  /** Accepted and ignored, as by PostHog (tree depth is fixed at 10). */
  include_hierarchy?: boolean;
  /** Accepted and ignored, as by PostHog. */
  max_depth?: number;
}

/** The `metadata` object of a text_repr response. */
export interface TextReprMetadata {
  event_type: string;
  /** `data.id` as given (null for traces unless `data.id` is set). */
  event_id: TextReprJson;
  /** Events: `properties.$ai_trace_id`, else `data.trace_id`. Traces: `trace.properties.$ai_trace_id`. */
  trace_id: TextReprJson;
  rendering: "detailed";
  /** Length of `text` in code points (Python `len`). */
  char_count: number;
  /** True only when uniform sampling shortened the text to `max_length`. */
  truncated: boolean;
}

/** Why PostHog would have answered with an error instead of a text. */
export interface TextReprFailure {
  /** 400 for a malformed request or options, 500 where PostHog's formatter would crash. */
  status: 400 | 500;
  message: string;
  /**
   * The body PostHog answers with: DRF's field errors (`{"options": {"max_length": ["A valid
   * integer is required."]}}`), `["<message>"]` for the view's own checks, `{"error": "Invalid data
   * format"}` or `{"error": "Internal server error", "detail": …}`.
   */
  body: TextReprJson;
}

/** What `formatTextRepr` returns: PostHog's response body, plus `error` when PostHog would fail. */
export interface TextReprResult {
  text: string;
  metadata: TextReprMetadata;
  /** Set instead of a rendering when PostHog would return an error status; `text` is then "". */
  error?: TextReprFailure;
}

/** Options after defaults are applied. */
export interface ResolvedTextReprOptions {
  /** 0 means no limit, as in PostHog (`if max_length and len(text) > max_length`). */
  maxLength: number;
  truncated: boolean;
  truncateBuffer: number;
  /** The same buffer as an exact int, for the dropped-character count Python prints. */
  truncateBufferExact: bigint;
  includeMarkers: boolean;
  collapsed: boolean;
  includeLineNumbers: boolean;
  toolsCollapseThreshold: number;
}

export const TEXT_REPR_DEFAULTS: Readonly<ResolvedTextReprOptions> = {
  maxLength: 2_000_000,
  truncated: true,
  truncateBuffer: 1000,
  truncateBufferExact: 1000n,
  includeMarkers: true,
  collapsed: false,
  includeLineNumbers: false,
  toolsCollapseThreshold: 5,
};

/** The 80-dash rule between sections. */
export const SEPARATOR = "-".repeat(80);
/** The 80-equals underline below span and trace headings. */
export const HEADING_RULE = "=".repeat(80);
/** Fixed tree depth of trace hierarchies (PostHog ignores `max_depth`). */
export const MAX_TREE_DEPTH = 10;
/** Cut applied to the JSON of unparsed inputs and to repr fallbacks. */
export const MAX_UNPARSED_DISPLAY_LENGTH = 500;
/** Longest string field shown in a generic Responses item. */
export const MAX_RESPONSES_FIELD_CHARS = 2000;
