// Safe rendering of untrusted content, public in `tracelens/trace`: the markdown renderer's loader and
// the media policy, so hosts draw their own model output and media with tracelens' rules.
export { preloadSafeMarkdown } from "./markdownLoader";
export { MediaGate, PolicyImage, type MediaGateProps, type PolicyImageProps } from "./MediaGate";
export {
  decideMedia,
  DEFAULT_MEDIA_POLICY,
  MEDIA_DATA_URL_MAX_CHARS,
  type MediaDecision,
  type MediaKind,
  type MediaPolicy,
  type MediaPolicyOptions,
  type RemoteMediaMode,
} from "./mediaPolicy";
export { MediaPolicyScope, useMediaPolicy } from "./mediaPolicyContext";
