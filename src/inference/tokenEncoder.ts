/**
 * Text → token ids with @huggingface/tokenizers, cut to the model's token limit the way a Hugging
 * Face pipeline with `truncation: true` cuts: the first tokens are kept and the closing special
 * tokens (`[SEP]`, `</s>`) stay in place.
 */
import { Tokenizer } from "@huggingface/tokenizers";
import { ModelCorruptError } from "./errors";

export interface TokenEncoder {
  /** Token ids including special tokens, at most `maxTokens` long. */
  encode(text: string): number[];
  /** The id padded positions get. */
  padId: number;
  maxTokens: number;
}

/** Above this a `model_max_length` is transformers' "unset" sentinel, not a limit. */
const UNSET_LIMIT = 1_000_000;
/** Used when neither file states a limit: BERT-sized models' usual limit. */
const FALLBACK_LIMIT = 512;
/** RoBERTa-family models reserve two positions (padding offset), so 514 positions give 512 tokens. */
const OFFSET_POSITIONS = /roberta|camembert|longformer|xlm|bart|mpnet/i;

function positiveInt(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The token limit: tokenizer_config's `model_max_length`, else the graph's position count. */
export function tokenLimit(config: Record<string, unknown>, tokenizerConfig: Record<string, unknown>): number {
  const stated = positiveInt(tokenizerConfig.model_max_length);
  if (stated !== undefined && stated < UNSET_LIMIT) return stated;
  const positions = positiveInt(config.max_position_embeddings);
  if (positions === undefined) return FALLBACK_LIMIT;
  const offset = OFFSET_POSITIONS.test(String(config.model_type ?? "")) ? 2 : 0;
  return Math.max(2, positions - offset);
}

function tokenId(tokenizer: Tokenizer, token: unknown): number | undefined {
  if (typeof token === "string") return tokenizer.token_to_id(token);
  if (typeof token === "object" && token !== null && typeof (token as { content?: unknown }).content === "string") {
    return tokenizer.token_to_id((token as { content: string }).content);
  }
  return undefined;
}

export function createTokenEncoder(
  tokenizerJson: Record<string, unknown>,
  tokenizerConfig: Record<string, unknown>,
  config: Record<string, unknown>,
): TokenEncoder {
  let tokenizer: Tokenizer;
  try {
    tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
    tokenizer.encode("a");
  } catch (cause) {
    throw new ModelCorruptError("tokenizer.json", `the tokenizer cannot be built (${(cause as Error).message})`, { cause });
  }
  const maxTokens = tokenLimit(config, tokenizerConfig);
  // How many special tokens the post-processor appends after the text (one for BERT and RoBERTa).
  const probe = tokenizer.encode("a").ids;
  const bare = tokenizer.encode("a", { add_special_tokens: false }).ids;
  const tail = Math.max(0, probe.length - bare.length - Math.max(0, probe.indexOf(bare[0] ?? -1)));
  const padId = tokenId(tokenizer, tokenizerConfig.pad_token) ?? positiveInt(config.pad_token_id) ?? 0;
  return {
    padId,
    maxTokens,
    encode(text) {
      const ids = tokenizer.encode(text).ids;
      if (ids.length <= maxTokens) return ids;
      const keepTail = Math.min(tail, maxTokens);
      return [...ids.slice(0, maxTokens - keepTail), ...ids.slice(ids.length - keepTail)];
    },
  };
}
