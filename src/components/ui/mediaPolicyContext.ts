"use client";
import { createContext, createElement, useContext, type ReactNode } from "react";
import { DEFAULT_MEDIA_POLICY, type MediaPolicy } from "./mediaPolicy";

/**
 * The media policy of the nearest TraceLensProvider or drop-in component that was given one. Its own
 * context, not the data client's, so a component rendered from plain data outside any provider still
 * gets the safe default.
 */
const MediaPolicyContext = createContext<MediaPolicy | undefined>(undefined);

/** The policy in force: the explicit one, else the nearest scope's, else "ask". */
export function useMediaPolicy(explicit?: MediaPolicy): MediaPolicy {
  const scoped = useContext(MediaPolicyContext);
  return explicit ?? scoped ?? DEFAULT_MEDIA_POLICY;
}

/** Sets the policy for everything inside; with no `policy`, the outer one stays in force. */
export function MediaPolicyScope({ policy, children }: { policy: MediaPolicy | undefined; children?: ReactNode }) {
  if (policy === undefined) return children;
  return createElement(MediaPolicyContext.Provider, { value: policy }, children);
}

/** The `mediaPolicy` prop every drop-in component that shows media from trace data takes. */
export interface MediaPolicyProps {
  /**
   * What images and other media from trace data and model output may load: remote ones wait for a
   * click naming their host unless allowed ("allow", or `{ allowOrigins: [...] }`); `data:` media loads
   * inline under a size cap. @default the TraceLensProvider's, else "ask"
   */
  mediaPolicy?: MediaPolicy;
}
